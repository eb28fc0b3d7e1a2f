"""What the public pages, the matrix and the exports read of the assessments."""

from django.db.models import Prefetch

from assessment.models import Beoordeling, Score
from assessment.scoring import MAX_POINTS, POINTS, summary_of_scores

CHART_BAR_WIDTH = 300


def _ordered_scores():
    return Score.objects.select_related("toetspunt").order_by("toetspunt__volgorde")


def with_vastgestelde_scores(items, *, with_previous=False):
    """Items that have a vastgestelde beoordeling, each with it (`vastgestelde[0]`) and its scores in the
    order of the toetspunten: two queries for the whole page of items; with_previous adds the scores of the
    version it replaced (two more)."""
    vastgesteld = Beoordeling.objects.vastgesteld().prefetch_related(
        Prefetch("scores", queryset=_ordered_scores())
    )
    if with_previous:
        vastgesteld = vastgesteld.select_related("vorige").prefetch_related(
            Prefetch("vorige__scores", queryset=_ordered_scores())
        )
    return items.filter(beoordelingen__status=Beoordeling.Status.VASTGESTELD).prefetch_related(
        Prefetch("beoordelingen", queryset=vastgesteld, to_attr="vastgestelde")
    )


def matrix_row(item, toetspunten, *, with_previous=False):
    """One row of the matrix: the item's score on every toetspunt (None where it has none) in words (`label`)
    and its summary; with_previous, per cell also the previous version's score where it differs (`was`,
    `was_label`). The item comes from
    with_vastgestelde_scores() with the same with_previous."""
    beoordeling = item.vastgestelde[0]
    scores = list(beoordeling.scores.all())
    by_code = {score.toetspunt.code: score for score in scores}
    before = {}
    if with_previous and beoordeling.vorige is not None:
        before = {score.toetspunt.code: score for score in beoordeling.vorige.scores.all()}
    # The words of each value, looked up once per row: get_waarde_display() per cell translates again.
    labels = {value: str(label) for value, label in Score.Waarde.choices}
    cells = []
    for toetspunt in toetspunten:
        score, was = by_code.get(toetspunt.code), before.get(toetspunt.code)
        changed = score is not None and was is not None and was.waarde != score.waarde
        cells.append(
            {
                "toetspunt": toetspunt,
                "score": score,
                "label": labels.get(score.waarde) if score is not None else None,
                "was": was if changed else None,
                "was_label": labels.get(was.waarde) if changed else None,
            }
        )
    return {
        "item": item,
        "beoordeling": beoordeling,
        "cells": cells,
        "summary": summary_of_scores(scores),
        "vorige": beoordeling.vorige if with_previous else None,
    }


def _changes(older, newer):
    """What changed per toetspunt from one version to the next: [(code, old label, new label)]."""
    before = {score.toetspunt.code: score for score in older.scores.all()}
    changes = []
    for score in newer.scores.all():
        previous = before.get(score.toetspunt.code)
        if previous is not None and previous.waarde != score.waarde:
            changes.append((score.toetspunt.code, previous.get_waarde_display(), score.get_waarde_display()))
    return changes


def item_assessment(item):
    """What an item's page shows of its assessment: the vastgestelde version with its scores, provenance and
    summary, and a timeline of every public version (date, level, what changed per toetspunt). Four queries
    whatever the catalogue's size."""
    scores = Score.objects.select_related("toetspunt").order_by("toetspunt__volgorde")
    versions = list(
        item.beoordelingen.filter(status__in=[Beoordeling.Status.VASTGESTELD, Beoordeling.Status.VERVALLEN])
        .order_by("-datum", "-pk")
        .prefetch_related(Prefetch("scores", queryset=scores), "bronnen")
    )
    timeline = [
        {
            "beoordeling": version,
            "summary": summary_of_scores(list(version.scores.all())),
            "wijzigingen": _changes(older, version) if older is not None else [],
            "eerste": older is None,
        }
        for version, older in zip(versions, [*versions[1:], None][: len(versions)], strict=True)
    ]
    current = next((v for v in versions if v.status == Beoordeling.Status.VASTGESTELD), None)
    if current is None:
        return {"item": item, "beoordeling": None, "tijdlijn": timeline}
    current_scores = list(current.scores.all())
    bars = [
        {
            "score": score,
            "width": CHART_BAR_WIDTH * POINTS[score.waarde] // MAX_POINTS if score.waarde in POINTS else 0,
            "y": 10 + index * 28,
        }
        for index, score in enumerate(current_scores)
    ]
    return {
        "item": item,
        "beoordeling": current,
        "scores": current_scores,
        "summary": summary_of_scores(current_scores),
        "bars": bars,
        "chart_height": 20 + len(current_scores) * 28,
        "chart_width": CHART_BAR_WIDTH,
        "tijdlijn": timeline if len(timeline) > 1 else [],
    }
