"""The home page: what Wonen Eerst is, a search box, and entry points by kind, doelgroep and contractvorm."""

from django.views.generic import TemplateView

from catalogue.kinds import KINDS, WOONKENMERKEN_KINDS
from catalogue.models import Contractvorm, Doelgroep
from website.selectors import published_count


class HomeView(TemplateView):
    """What Wonen Eerst is, a search box, and entry points by kind, doelgroep and contractvorm."""

    template_name = "website/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["aantallen"] = [(kind.label_plural, kind.model.objects.published().count()) for kind in KINDS]
        context["soorten"] = [
            {"label": label, "aantal": aantal, "url": kind.list_url(), "uitleg": kind.uitleg}
            for kind, (label, aantal) in zip(KINDS, context["aantallen"], strict=True)
        ]
        doelgroepen = entry_points(Doelgroep.objects.all(), "doelgroepen", "doelgroep", KINDS)
        context["doelgroep_groepen"] = [
            {"soort": label, "ingangen": [entry for entry in doelgroepen if entry["term"].soort == soort]}
            for soort, label in Doelgroep.Soort.choices
        ]
        context["contractvormen"] = entry_points(
            Contractvorm.objects.all(), "contractvormen", "contractvorm", WOONKENMERKEN_KINDS
        )
        return context


def entry_points(terms, item_field, param, kinds):
    """Vocabulary terms that published items use, each with its count per kind and filtered list links.

    One query: the counts are annotations on the terms.
    """
    terms = terms.annotate(
        **{f"aantal_{kind.key}": published_count(kind.model, item_field) for kind in kinds}
    )
    entries = []
    for term in terms:
        per_kind = [
            {
                "label": kind.count_label(getattr(term, f"aantal_{kind.key}")),
                "aantal": getattr(term, f"aantal_{kind.key}"),
                "url": kind.list_url(**{param: term.slug}),
            }
            for kind in kinds
        ]
        total = sum(count["aantal"] for count in per_kind)
        if total:
            entries.append(
                {
                    "term": term,
                    "totaal": total,
                    "url": next(count["url"] for count in per_kind if count["aantal"]),
                    "per_soort": [count for count in per_kind if count["aantal"]],
                }
            )
    return entries
