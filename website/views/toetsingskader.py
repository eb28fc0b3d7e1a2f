"""The toetsingskader page and the scoring matrix."""

from django.utils.functional import cached_property
from django.views.generic import TemplateView

from assessment import scoring
from assessment.models import LeidendPrincipe, Score, Toetspunt
from catalogue.kinds import SCORED_KINDS
from core.cache import cached
from website import matrix
from website.views.lists import ItemListView


class ToetsingskaderView(TemplateView):
    template_name = "website/toetsingskader.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            principes=LeidendPrincipe.objects.prefetch_related("toetspunten"),
            toetspunten=Toetspunt.objects.prefetch_related("principes"),
            punten=[(Score.Waarde(w).label, p) for w, p in scoring.POINTS.items()],
            niet_meegeteld=[Score.Waarde.ONBEKEND.label, Score.Waarde.NVT.label],
            drempels=scoring.LEVEL_THRESHOLDS,
            min_gescoord=scoring.MIN_SCORED,
            kern_aantal=scoring.CORE_COUNT,
            symbolen=[(Score.Waarde(w).label, s) for w, s in scoring.SYMBOLS.items()],
        )
        return context


class MatrixView(ItemListView):
    """Items × toetspunten: every score as text and symbol, with total, coverage and level."""

    template_name = "website/matrix.html"
    partial_template_name = "website/includes/_matrix_region.html"
    paginate_by = 50

    @cached_property
    def kind(self):
        return matrix.matrix_kind(self.request.GET)

    @property
    def model(self):
        return self.kind.model

    @cached_property
    def filterset(self):
        return matrix.matrix_filterset(self.kind, self.request.GET)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["toetspunten"] = scoring.toetspunten()
        context["rows"] = matrix.matrix_rows(context["items"])
        context["kinds"] = [(kind.key, kind.label_plural) for kind in SCORED_KINDS]
        context["current_kind"] = self.kind.key
        context["niet_beoordeeld"], context["niet_beoordeeld_aantal"] = cached(
            self.filterset.cache_name("unassessed"), lambda: matrix.unassessed(self.filterset)
        )
        return context
