"""The scoring matrix: assessed published items × toetspunten, filtered and sorted like the lists.

Used alike by the matrix page, its export and the workgroup workbook.
"""

from django.utils.translation import gettext_lazy as _

from assessment import scoring
from assessment.annotations import score_order, toetspunt_rank
from assessment.models import Beoordeling
from assessment.selectors import matrix_row, with_vastgestelde_scores
from catalogue.kinds import BY_KEY, SCORED_KINDS
from website.filters import PraktijkvoorbeeldFilterSet, WoonvormFilterSet
from website.selectors import published_items

DEFAULT_KIND = "woonvorm"
DEFAULT_SORT = "-score"
CHANGES_PARAM = "wijzigingen"
# How many items without a vastgestelde beoordeling the matrix names below the table.
UNASSESSED_SHOWN = 100


class MatrixSortMixin:
    """The list's filters, with sorting on the total (both ways) and on every toetspunt."""

    item_field = None  # the Beoordeling field that points to this kind

    def __init__(self, *args, **kwargs):
        base = super().sort_options
        self.sort_options = {
            "-score": base["-score"],
            **{k: v for k, v in base.items() if k != "-score"},
            "score": (
                _("Wonen Eerst: niveau, dan score en dekking (laag-hoog)"),
                [*score_order(best_first=False), "naam"],
            ),
            **{
                f"-{toetspunt.code}": (
                    _("%(code)s: voldoet eerst") % {"code": toetspunt.code},
                    [toetspunt_rank(self.item_field, toetspunt).desc(nulls_last=True)],
                )
                for toetspunt in scoring.toetspunten()
            },
        }
        super().__init__(*args, **kwargs)


class WoonvormMatrixFilterSet(MatrixSortMixin, WoonvormFilterSet):
    item_field = "woonvorm"

    class Meta(WoonvormFilterSet.Meta):
        pass


class PraktijkvoorbeeldMatrixFilterSet(MatrixSortMixin, PraktijkvoorbeeldFilterSet):
    item_field = "praktijkvoorbeeld"

    class Meta(PraktijkvoorbeeldFilterSet.Meta):
        pass


MATRIX_FILTERSETS = {
    "woonvorm": WoonvormMatrixFilterSet,
    "praktijkvoorbeeld": PraktijkvoorbeeldMatrixFilterSet,
}


def matrix_kind(query):
    """The kind the matrix shows: ?soort=woonvorm (the default) or praktijkvoorbeeld."""
    key = query.get("soort", DEFAULT_KIND)
    return BY_KEY[key if key in MATRIX_FILTERSETS else DEFAULT_KIND]


def shows_changes(query):
    """?wijzigingen=1: each cell also says what the previous vastgestelde version scored, where it differs."""
    return query.get(CHANGES_PARAM) == "1"


def matrix_filterset(kind, query):
    """The matrix's FilterSet of a kind over its assessed published items, sorted on the total by default."""
    data = query.copy()
    data.setdefault("sort", DEFAULT_SORT)
    items = with_vastgestelde_scores(published_items(kind.model), with_previous=shows_changes(query))
    return MATRIX_FILTERSETS[kind.key](data, queryset=items)


def matrix_rows(items, *, with_previous=False):
    """The rows of the matrix for items of its FilterSet, in their order."""
    toetspunten = scoring.toetspunten()
    return [matrix_row(item, toetspunten, with_previous=with_previous) for item in items]


def all_matrix_rows(query):
    """The rows of every kind with assessments, woonvormen first, each in the matrix page's order."""
    rows = []
    for kind in SCORED_KINDS:
        filterset = matrix_filterset(kind, query)
        rows += matrix_rows(filterset.ordered(filterset.qs))
    return rows


def unassessed(filterset):
    """The first published items without a vastgestelde beoordeling that match the filters, and how many
    there are."""
    model = filterset.queryset.model
    items = type(filterset)(
        filterset.data,
        queryset=model.objects.published().exclude(beoordelingen__status=Beoordeling.Status.VASTGESTELD),
    ).qs.order_by("naam", "pk")
    return list(items.only("naam", "slug")[:UNASSESSED_SHOWN]), items.count()
