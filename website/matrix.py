"""The scoring matrix: assessed published items × toetspunten, filtered and sorted like the lists.

Used alike by the matrix page, its export and the workgroup workbook.
"""

from django.db.models import Count, Window
from django.utils.translation import gettext_lazy as _

from assessment import scoring
from assessment.annotations import score_order, toetspunt_rank, toetspunt_ranks
from assessment.models import Beoordeling, Score, Toetspunt
from assessment.selectors import matrix_row, with_vastgestelde_scores
from catalogue.kinds import BY_KEY, SCORED_KINDS
from core.cache import cached, cached_by_tables, table_tokens, tables_read
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
        self.toetspunt_sorts = {f"-{toetspunt.code}": toetspunt for toetspunt in scoring.toetspunten()}
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

    def ordered_pks(self):
        """Sorted on a toetspunt, the order is made from every item's rank on it, kept until a score or
        beoordeling changes, and the items that pass the filters: the same order as ordered() gives (a test
        keeps them in agreement), without ranking every item in the database after each edit."""
        toetspunt = self.toetspunt_sorts.get(self.sort_key())
        if toetspunt is None:
            return super().ordered_pks()
        return cached(self.cache_name("order"), lambda: self.order_on(toetspunt))

    def order_on(self, toetspunt):
        """The pks of the items that pass the filters, highest rank on the toetspunt first, then by pk; items
        without a score on it last."""
        rows = toetspunt_ranks(self.item_field, toetspunt)
        name = f"ranks:{self.item_field}:{toetspunt.pk}"
        ranks = cached_by_tables(name, tables_read(rows), lambda: dict(rows))
        return sorted(self.matching_items(), key=lambda pk: (pk not in ranks, -ranks.get(pk, 0), pk))


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


def row_tokens():
    """The tokens (core/cache.py) of what a row of the matrix page shows besides its item: the scores, their
    beoordeling and the toetspunten. The page keeps each row's HTML under its item, the time the item was
    last saved and these tokens, so after an edit only the rows it changed are made again."""
    tables = [model._meta.db_table for model in (Score, Beoordeling, Toetspunt)]
    return ":".join(table_tokens(tables).values())


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
    # How many there are comes with the first of them, in one query.
    shown = list(items.only("naam", "slug").annotate(aantal=Window(Count("pk")))[:UNASSESSED_SHOWN])
    return shown, shown[0].aantal if shown else 0
