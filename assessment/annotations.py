"""The Wonen Eerst figures computed in the database, as annotations and conditions on querysets.

The rules are in assessment/scoring.py; these expressions compute the same figures (a property test keeps
both in agreement), so lists can be sorted and filtered on them without a query per row.
"""

from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    FloatField,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce
from django.db.models.lookups import GreaterThan

from assessment.models import Beoordeling, Score, Toetspunt
from assessment.scoring import (
    CORE_COUNT,
    LEVEL_THRESHOLDS,
    MAX_POINTS,
    MIN_SCORED,
    NEED_ALL_KNOWN,
    POINTS,
    RANKED_LEVELS,
)


def _points(prefix=""):
    """The points of a score row as an SQL expression."""
    return Case(
        *(When(**{f"{prefix}waarde": w}, then=Value(p)) for w, p in POINTS.items()),
        output_field=IntegerField(),
    )


def _score_aggregates(prefix, soort):
    in_soort = Q(**{f"{prefix}toetspunt__soort": soort})
    scored = in_soort & Q(**{f"{prefix}waarde__in": list(POINTS)})
    return {
        "punten": Coalesce(Sum(_points(prefix), filter=scored), 0),
        "gescoord": Count(f"{prefix}pk", filter=scored),
        "bekend": Count(f"{prefix}pk", filter=in_soort & ~Q(**{f"{prefix}waarde": Score.Waarde.ONBEKEND})),
    }


def annotate_beoordelingen(queryset):
    """Annotate beoordelingen with the figures that scoring.summary() needs, and the sortable percentage."""
    kern = _score_aggregates("scores__", Toetspunt.Soort.KERN)
    extra = _score_aggregates("scores__", Toetspunt.Soort.AANVULLEND)
    return queryset.annotate(
        kern_punten=kern["punten"],
        kern_gescoord=kern["gescoord"],
        kern_bekend=kern["bekend"],
        extra_punten=extra["punten"],
        extra_gescoord=extra["gescoord"],
        extra_bekend=extra["bekend"],
    ).annotate(percentage=percentage_expression("kern_punten", "kern_gescoord"))


def percentage_expression(points, scored):
    """points as a percentage of the maximum of `scored` points, None when nothing was scored. Each argument
    is the name of an annotated figure or an expression."""
    points, scored = (F(figure) if isinstance(figure, str) else figure for figure in (points, scored))
    return Case(
        When(GreaterThan(scored, 0), then=Cast(points, FloatField()) * 100.0 / (MAX_POINTS * scored)),
        default=None,
        output_field=FloatField(),
    )


def _item_subquery(item_field, aggregate, output_field=None):
    """One figure of the item's vastgestelde beoordeling, as a subquery on an item queryset."""
    beoordelingen = (
        Score.objects.filter(
            **{f"beoordeling__{item_field}": OuterRef("pk")},
            beoordeling__status=Beoordeling.Status.VASTGESTELD,
            toetspunt__soort=Toetspunt.Soort.KERN,
        )
        .values(f"beoordeling__{item_field}")
        .annotate(value=aggregate)
        .values("value")
    )
    return Subquery(beoordelingen, output_field=output_field or IntegerField())


def annotate_items(queryset, item_field):
    """Annotate woonvormen or praktijkvoorbeelden with the core figures of their vastgestelde beoordeling:
    wonen_eerst_punten, wonen_eerst_gescoord, wonen_eerst_bekend and wonen_eerst_percentage (None when not
    assessed). The percentage is one subquery of its own, so sorting on it runs one subquery per item."""
    scored = Q(waarde__in=list(POINTS))
    points, gescoord = Sum(_points(), filter=scored), Count("pk", filter=scored)
    return queryset.annotate(
        wonen_eerst_punten=_item_subquery(item_field, points),
        wonen_eerst_gescoord=_item_subquery(item_field, gescoord),
        wonen_eerst_bekend=_item_subquery(item_field, Count("pk", filter=~Q(waarde=Score.Waarde.ONBEKEND))),
        wonen_eerst_percentage=_item_subquery(
            item_field, percentage_expression(points, gescoord), FloatField()
        ),
    )


def item_figures(item_field):
    """The core figures of every woonvorm or praktijkvoorbeeld with a vastgestelde beoordeling, one row per
    item (`item`), under the names annotate_items() gives them: for conditions on many items at once, where
    annotate_items() would run its subqueries once per item."""
    scored = Q(waarde__in=list(POINTS))
    return (
        Score.objects.filter(
            beoordeling__status=Beoordeling.Status.VASTGESTELD,
            toetspunt__soort=Toetspunt.Soort.KERN,
            **{f"beoordeling__{item_field}__isnull": False},
        )
        .order_by()
        .values(item=F(f"beoordeling__{item_field}"))
        .annotate(
            wonen_eerst_punten=Sum(_points(), filter=scored),
            wonen_eerst_gescoord=Count("pk", filter=scored),
            wonen_eerst_bekend=Count("pk", filter=~Q(waarde=Score.Waarde.ONBEKEND)),
        )
        .annotate(wonen_eerst_percentage=percentage_expression("wonen_eerst_punten", "wonen_eerst_gescoord"))
    )


def level_ranks(item_field):
    """Per assessed item (`item`), the position of its level (level_position(): 0 is the highest); it
    reaches every lower level too. An item with te weinig gescoord reaches none."""
    return item_figures(item_field).annotate(rank=level_position()).values("item", "rank")


def minimum_level_condition(level):
    """A condition on annotate_items() figures: the item reaches at least this level. The levels that need
    every core point known (scoring.NEED_ALL_KNOWN) also need no core point onbekend."""
    threshold = dict(LEVEL_THRESHOLDS)[level]
    condition = Q(wonen_eerst_gescoord__gte=MIN_SCORED, wonen_eerst_percentage__gte=threshold)
    if level in NEED_ALL_KNOWN:
        condition &= Q(wonen_eerst_bekend__gte=CORE_COUNT)
    return condition


def level_position():
    """The position of an annotate_items() item's level in RANKED_LEVELS (0 is sluit volledig aan), one
    more for te weinig gescoord, None when it has no vastgestelde beoordeling."""
    return Case(
        *(
            When(minimum_level_condition(level), then=Value(position))
            for position, level in enumerate(RANKED_LEVELS)
        ),
        When(wonen_eerst_gescoord__isnull=False, then=Value(len(RANKED_LEVELS))),
        output_field=IntegerField(),
    )


def score_order(*, best_first=True):
    """Order annotate_items() items on their score: level, then percentage, then how many core points are
    known; items without a vastgestelde beoordeling last either way."""
    if best_first:
        return [
            level_position().asc(nulls_last=True),
            F("wonen_eerst_percentage").desc(nulls_last=True),
            F("wonen_eerst_bekend").desc(nulls_last=True),
        ]
    return [
        level_position().desc(nulls_last=True),
        F("wonen_eerst_percentage").asc(nulls_last=True),
        F("wonen_eerst_bekend").asc(nulls_last=True),
    ]


def meets_toetspunt_condition(item_field, code, waarden=(Score.Waarde.VOLDOET,)):
    """A condition on an item queryset: its vastgestelde beoordeling scores `code` as one of `waarden`."""
    return Exists(
        Score.objects.filter(
            **{f"beoordeling__{item_field}": OuterRef("pk")},
            beoordeling__status=Beoordeling.Status.VASTGESTELD,
            toetspunt__code=code,
            waarde__in=list(waarden),
        )
    )


# Sorting on one toetspunt: voldoet, deels, niet, n.v.t., onbekend, then items without a beoordeling.
WAARDE_RANK = Case(
    *(When(waarde=w, then=Value(p)) for w, p in POINTS.items()),
    When(waarde=Score.Waarde.NVT, then=Value(-1)),
    default=Value(-2),
    output_field=IntegerField(),
)


def _scores_on(toetspunt):
    """The scores on one toetspunt in vastgestelde beoordelingen, with their rank (WAARDE_RANK)."""
    return Score.objects.filter(
        beoordeling__status=Beoordeling.Status.VASTGESTELD, toetspunt=toetspunt
    ).annotate(rank=WAARDE_RANK)


def toetspunt_rank(item_field, toetspunt):
    """The rank (WAARDE_RANK) of an item's score on one toetspunt in its vastgestelde beoordeling. By the
    toetspunt's pk, so each item costs two index lookups (its vastgestelde beoordeling, that score)."""
    return Subquery(
        _scores_on(toetspunt).filter(**{f"beoordeling__{item_field}": OuterRef("pk")}).values("rank")[:1],
        output_field=IntegerField(),
    )


def toetspunt_ranks(item_field, toetspunt):
    """(item, rank) of every item with a score on the toetspunt in its vastgestelde beoordeling: what
    toetspunt_rank() gives each item, for all items in one query."""
    return (
        _scores_on(toetspunt)
        .filter(**{f"beoordeling__{item_field}__isnull": False})
        .order_by()
        .values_list(f"beoordeling__{item_field}", "rank")
    )
