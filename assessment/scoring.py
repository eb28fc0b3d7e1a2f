"""The Wonen Eerst score: the one place where points, totals, coverage and levels are computed.

Rules (also explained on the toetsingskader page):
- Points per score: voldoet 2, voldoet deels 1, voldoet niet 0. Onbekend and niet van toepassing are left out
  of the maximum.
- The total is the points on the core toetspunten (T1–T7) as a percentage of the maximum of the core points
  that were scored. The coverage is how many core points are known (everything but onbekend), out of 7.
- The level follows the receptenboek's own phrases, by the thresholds in LEVEL_THRESHOLDS. With fewer than
  MIN_SCORED core points scored, the level is "te weinig bekend" whatever the percentage.
- The additional points (A1–A3) are totalled the same way, separately, and never count in the level.

Figures are computed in the database (annotations), so lists can be sorted and filtered on them without a
query per row; `summary()` turns the annotated figures into what pages and exports show.
"""

from dataclasses import dataclass

from django.db import models
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
from django.utils.translation import gettext_lazy as _

from assessment.models import Beoordeling, Score, Toetspunt
from core.cache import cached

POINTS = {Score.Waarde.VOLDOET: 2, Score.Waarde.DEELS: 1, Score.Waarde.VOLDOET_NIET: 0}
MAX_POINTS = 2
CORE_COUNT = 7
MIN_SCORED = 4


class Niveau(models.TextChoices):
    VOLLEDIG = "volledig", _("sluit volledig aan")
    DICHTBIJ = "dichtbij", _("komt dicht in de buurt")
    DEELS = "deels", _("sluit deels aan")
    ELEMENTEN = "elementen", _("bevat elementen van Wonen Eerst")
    NIET = "niet", _("sluit (nog) niet aan")
    ONBEKEND = "onbekend", _("te weinig bekend")


# A level applies from this percentage upwards (the first that fits, from the top).
LEVEL_THRESHOLDS = [
    (Niveau.VOLLEDIG, 100),
    (Niveau.DICHTBIJ, 75),
    (Niveau.DEELS, 50),
    (Niveau.ELEMENTEN, 1),
    (Niveau.NIET, 0),
]
RANKED_LEVELS = [level for level, _threshold in LEVEL_THRESHOLDS]

SYMBOLS = {
    Score.Waarde.VOLDOET: "✔",
    Score.Waarde.DEELS: "◐",
    Score.Waarde.VOLDOET_NIET: "✘",
    Score.Waarde.ONBEKEND: "?",
    Score.Waarde.NVT: "–",
}


def toetspunten():
    """Every toetspunt, in order; cached until the catalogue is next edited."""
    return cached("toetspunten", lambda: list(Toetspunt.objects.all()))


def level_for(percentage, scored):
    """The level in words for a percentage over `scored` core points."""
    if scored < MIN_SCORED or percentage is None:
        return Niveau.ONBEKEND
    for level, threshold in LEVEL_THRESHOLDS:
        if percentage >= threshold:
            return level
    return Niveau.NIET


@dataclass(frozen=True)
class ScoreSummary:
    punten: int
    maximum: int
    gescoord: int
    bekend: int
    aanvullend_punten: int
    aanvullend_maximum: int
    aanvullend_bekend: int

    @property
    def percentage(self):
        return round(100 * self.punten / self.maximum) if self.maximum else None

    @property
    def niveau(self):
        return level_for(self.percentage, self.gescoord)

    @property
    def dekking(self):
        return _("%(bekend)s van %(totaal)s kernpunten bekend") % {
            "bekend": self.bekend,
            "totaal": CORE_COUNT,
        }

    @property
    def aanvullend_percentage(self):
        return (
            round(100 * self.aanvullend_punten / self.aanvullend_maximum) if self.aanvullend_maximum else None
        )


def summarize(waarden_by_soort):
    """A summary from plain values: {"kern": [waarde, …], "aanvullend": [waarde, …]}.

    For scores already in memory; the database annotations below compute the same figures.
    """
    kern = waarden_by_soort.get(Toetspunt.Soort.KERN, [])
    extra = waarden_by_soort.get(Toetspunt.Soort.AANVULLEND, [])
    kern_scored = [w for w in kern if w in POINTS]
    extra_scored = [w for w in extra if w in POINTS]
    return ScoreSummary(
        punten=sum(POINTS[w] for w in kern_scored),
        maximum=MAX_POINTS * len(kern_scored),
        gescoord=len(kern_scored),
        bekend=sum(1 for w in kern if w != Score.Waarde.ONBEKEND),
        aanvullend_punten=sum(POINTS[w] for w in extra_scored),
        aanvullend_maximum=MAX_POINTS * len(extra_scored),
        aanvullend_bekend=sum(1 for w in extra if w != Score.Waarde.ONBEKEND),
    )


# Database annotations --------------------------------------------------------------------------------------


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
    """Annotate beoordelingen with the figures that summary() needs, and the sortable percentage."""
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


def summary(beoordeling):
    """The ScoreSummary of a beoordeling annotated by annotate_beoordelingen()."""
    return ScoreSummary(
        punten=beoordeling.kern_punten,
        maximum=MAX_POINTS * beoordeling.kern_gescoord,
        gescoord=beoordeling.kern_gescoord,
        bekend=beoordeling.kern_bekend,
        aanvullend_punten=beoordeling.extra_punten,
        aanvullend_maximum=MAX_POINTS * beoordeling.extra_gescoord,
        aanvullend_bekend=beoordeling.extra_bekend,
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
    """Per assessed item (`item`), the position in RANKED_LEVELS of the highest level it reaches (`rank`);
    it reaches every lower level too. None when it reaches none (too little is known)."""
    return (
        item_figures(item_field)
        .annotate(
            rank=Case(
                *(
                    When(minimum_level_condition(level), then=Value(position))
                    for position, level in enumerate(RANKED_LEVELS)
                ),
                output_field=IntegerField(),
            )
        )
        .values("item", "rank")
    )


def item_level(item):
    """The level of an item annotated by annotate_items(), or None when it has no vastgestelde beoordeling."""
    if item.wonen_eerst_gescoord is None:
        return None
    return level_for(item.wonen_eerst_percentage, item.wonen_eerst_gescoord)


CHART_BAR_WIDTH = 300


def item_assessment(item):
    """What an item's page shows of its assessment, in three queries whatever the catalogue's size."""
    public = item.beoordelingen.filter(
        status__in=[Beoordeling.Status.VASTGESTELD, Beoordeling.Status.VERVALLEN]
    )
    beoordelingen = list(public.order_by("-datum", "-pk"))
    current = next((b for b in beoordelingen if b.status == Beoordeling.Status.VASTGESTELD), None)
    if current is None:
        return {"item": item, "beoordeling": None, "eerdere": beoordelingen}
    scores = list(current.scores.select_related("toetspunt").order_by("toetspunt__volgorde"))
    by_soort = {}
    for score in scores:
        by_soort.setdefault(score.toetspunt.soort, []).append(score.waarde)
    bars = [
        {
            "score": score,
            "width": CHART_BAR_WIDTH * POINTS[score.waarde] // MAX_POINTS if score.waarde in POINTS else 0,
            "y": 10 + index * 28,
        }
        for index, score in enumerate(scores)
    ]
    return {
        "item": item,
        "beoordeling": current,
        "scores": scores,
        "summary": summarize(by_soort),
        "bars": bars,
        "chart_height": 20 + len(scores) * 28,
        "chart_width": CHART_BAR_WIDTH,
        "eerdere": [b for b in beoordelingen if b is not current],
    }


def minimum_level_condition(level):
    """A condition on annotate_items() figures: the item reaches at least this level."""
    threshold = dict(LEVEL_THRESHOLDS)[level]
    return Q(wonen_eerst_gescoord__gte=MIN_SCORED, wonen_eerst_percentage__gte=threshold)


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
