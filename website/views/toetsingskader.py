"""The toetsingskader page and the scoring matrix."""

from django.db.models import Case, F, IntegerField, OuterRef, Prefetch, Subquery, Value, When
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from assessment import scoring
from assessment.models import Beoordeling, LeidendPrincipe, Score, Toetspunt
from catalogue.models import Praktijkvoorbeeld, Woonvorm
from core.cache import cached
from website.filters import PraktijkvoorbeeldFilterSet, WoonvormFilterSet
from website.views.lists import ItemListView, published_items


class ToetsingskaderView(TemplateView):
    template_name = "assessment/toetsingskader.html"

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


WAARDE_RANK = Case(
    *(When(waarde=w, then=Value(p)) for w, p in scoring.POINTS.items()),
    When(waarde=Score.Waarde.NVT, then=Value(-1)),
    default=Value(-2),
    output_field=IntegerField(),
)


def toetspunt_sort(item_field, toetspunt):
    """Orders items by their score on one toetspunt: voldoet, deels, niet, n.v.t., onbekend, not assessed.
    By the toetspunt's pk, so each item costs two index lookups (its vastgestelde beoordeling, that score)."""
    return Subquery(
        Score.objects.filter(
            **{f"beoordeling__{item_field}": OuterRef("pk")},
            beoordeling__status=Beoordeling.Status.VASTGESTELD,
            toetspunt=toetspunt,
        )
        .annotate(rank=WAARDE_RANK)
        .values("rank")[:1],
        output_field=IntegerField(),
    )


def matrix_filterset(base, item_field):
    """The catalogue FilterSet of a kind, with sorting on the total and on every toetspunt."""

    class MatrixFilterSet(base):
        def __init__(self, *args, **kwargs):
            self.sort_options = {
                "-score": base.sort_options["-score"],
                **{k: v for k, v in base.sort_options.items() if k != "-score"},
                "score": (
                    _("Wonen Eerst-score (laag-hoog)"),
                    [scoring_order(nulls_last=True, descending=False)],
                ),
                **{
                    f"-{toetspunt.code}": (
                        _("%(code)s: voldoet eerst") % {"code": toetspunt.code},
                        [toetspunt_order(item_field, toetspunt)],
                    )
                    for toetspunt in scoring.toetspunten()
                },
            }
            super().__init__(*args, **kwargs)

        class Meta(base.Meta):
            pass

    return MatrixFilterSet


def scoring_order(*, nulls_last, descending):
    expression = F("wonen_eerst_percentage")
    return expression.desc(nulls_last=nulls_last) if descending else expression.asc(nulls_last=nulls_last)


def toetspunt_order(item_field, toetspunt):
    return toetspunt_sort(item_field, toetspunt).desc(nulls_last=True)


UNASSESSED_SHOWN = 100

KINDS = {
    "woonvorm": (Woonvorm, WoonvormFilterSet),
    "praktijkvoorbeeld": (Praktijkvoorbeeld, PraktijkvoorbeeldFilterSet),
}


class MatrixView(ItemListView):
    """Items × toetspunten: every score as text and symbol, with total, coverage and level."""

    template_name = "assessment/matrix.html"
    partial_template_name = "assessment/includes/_matrix_region.html"
    paginate_by = 50

    @cached_property
    def kind(self):
        kind = self.request.GET.get("soort", "woonvorm")
        return kind if kind in KINDS else "woonvorm"

    @property
    def model(self):
        return KINDS[self.kind][0]

    @cached_property
    def filterset(self):
        model, base = KINDS[self.kind]
        data = self.request.GET.copy()
        data.setdefault("sort", "-score")
        filterset_class = matrix_filterset(base, self.kind)
        return filterset_class(data, queryset=self.assessed_items())

    def assessed_items(self):
        vastgesteld = Beoordeling.objects.vastgesteld().prefetch_related(
            Prefetch(
                "scores", queryset=Score.objects.select_related("toetspunt").order_by("toetspunt__volgorde")
            )
        )
        return (
            published_items(self.model)
            .filter(beoordelingen__status=Beoordeling.Status.VASTGESTELD)
            .prefetch_related(Prefetch("beoordelingen", queryset=vastgesteld, to_attr="vastgestelde"))
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        toetspunten = scoring.toetspunten()
        context["toetspunten"] = toetspunten
        context["rows"] = [self.row(item, toetspunten) for item in context["items"]]
        context["kinds"] = [(name, model._meta.verbose_name_plural) for name, (model, _fs) in KINDS.items()]
        context["current_kind"] = self.kind
        context["niet_beoordeeld"], context["niet_beoordeeld_aantal"] = cached(
            self.filterset.cache_name("unassessed"), self.unassessed
        )
        return context

    def unassessed(self):
        """The first published items without a vastgestelde beoordeling that match the filters, and how many
        there are."""
        unassessed = self.filterset.__class__(
            self.filterset.data,
            queryset=self.model.objects.published().exclude(
                beoordelingen__status=Beoordeling.Status.VASTGESTELD
            ),
        ).qs.order_by("naam", "pk")
        return list(unassessed.only("naam", "slug")[:UNASSESSED_SHOWN]), unassessed.count()

    @staticmethod
    def row(item, toetspunten):
        beoordeling = item.vastgestelde[0]
        by_code = {score.toetspunt.code: score for score in beoordeling.scores.all()}
        summary = scoring.summarize(
            {
                soort: [by_code[t.code].waarde for t in toetspunten if t.soort == soort and t.code in by_code]
                for soort in (Toetspunt.Soort.KERN, Toetspunt.Soort.AANVULLEND)
            }
        )
        return {
            "item": item,
            "beoordeling": beoordeling,
            "cells": [{"toetspunt": t, "score": by_code.get(t.code)} for t in toetspunten],
            "summary": summary,
        }
