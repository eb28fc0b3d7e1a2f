"""The kaart: where the praktijkvoorbeelden and woonvormen are, by provincie and plaats."""

from django.views.generic import TemplateView

from catalogue.kinds import WOONKENMERKEN_KINDS
from website import kaart


class KaartView(TemplateView):
    template_name = "website/kaart.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        kind, errors = kaart.kaart_kind(self.request.GET)
        context.update(
            kaart=kaart.kaart(kind),
            kind=kind,
            kinds=[(other.key, other.label_plural) for other in WOONKENMERKEN_KINDS],
            filter_errors=errors,
        )
        return context
