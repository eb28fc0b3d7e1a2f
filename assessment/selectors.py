"""What the public pages, the matrix and the exports read of the assessments."""

from django.db.models import Prefetch

from assessment.models import Beoordeling, Score
from assessment.scoring import MAX_POINTS, POINTS, summary_of_scores

CHART_BAR_WIDTH = 300


def with_vastgestelde_scores(items):
    """Items that have a vastgestelde beoordeling, each with it (`vastgestelde[0]`) and its scores in the
    order of the toetspunten: two queries for the whole page of items."""
    vastgesteld = Beoordeling.objects.vastgesteld().prefetch_related(
        Prefetch("scores", queryset=Score.objects.select_related("toetspunt").order_by("toetspunt__volgorde"))
    )
    return items.filter(beoordelingen__status=Beoordeling.Status.VASTGESTELD).prefetch_related(
        Prefetch("beoordelingen", queryset=vastgesteld, to_attr="vastgestelde")
    )


def matrix_row(item, toetspunten):
    """One row of the matrix: the item's score on every toetspunt (None where it has none) and its summary.
    The item comes from with_vastgestelde_scores()."""
    beoordeling = item.vastgestelde[0]
    scores = list(beoordeling.scores.all())
    by_code = {score.toetspunt.code: score for score in scores}
    return {
        "item": item,
        "beoordeling": beoordeling,
        "cells": [{"toetspunt": t, "score": by_code.get(t.code)} for t in toetspunten],
        "summary": summary_of_scores(scores),
    }


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
        "summary": summary_of_scores(scores),
        "bars": bars,
        "chart_height": 20 + len(scores) * 28,
        "chart_width": CHART_BAR_WIDTH,
        "eerdere": [b for b in beoordelingen if b is not current],
    }
