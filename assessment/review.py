"""Review by two beoordelaars: where their independent scorings differ, and how far they agree.

Agreement is the share of toetspunten scored the same; Cohen's kappa corrects it for the agreement two
beoordelaars would reach by chance, given how often each used each score: kappa = (p_o - p_e) / (1 - p_e).
"""

from collections import Counter
from dataclasses import dataclass

from assessment.models import Score


def cohens_kappa(first, second):
    """Cohen's kappa of two equally long lists of categories; None for no pairs. When both used one and the
    same category throughout, chance agreement is complete and kappa is 1."""
    if len(first) != len(second):
        raise ValueError("two lists of the same length")
    total = len(first)
    if not total:
        return None
    observed = sum(a == b for a, b in zip(first, second, strict=True)) / total
    counts_first, counts_second = Counter(first), Counter(second)
    expected = sum(counts_first[c] * counts_second[c] for c in counts_first) / (total * total)
    if expected == 1:
        return 1.0
    return (observed - expected) / (1 - expected)


@dataclass(frozen=True)
class Comparison:
    """The two submitted scorings of one beoordeling, point by point."""

    scorings: tuple
    rows: list  # {"toetspunt", "scores": (first, second), "gelijk"}

    @property
    def gelijk(self):
        return sum(row["gelijk"] for row in self.rows)

    @property
    def overeenstemming(self):
        """The share of toetspunten scored the same, as a whole percentage."""
        return round(100 * self.gelijk / len(self.rows)) if self.rows else None

    @property
    def kappa(self):
        first = [row["scores"][0].waarde for row in self.rows]
        second = [row["scores"][1].waarde for row in self.rows]
        return cohens_kappa(first, second)

    @property
    def verschillen(self):
        return [row for row in self.rows if not row["gelijk"]]


def submitted_scorings(beoordeling):
    return list(
        beoordeling.scorings.filter(ingediend_op__isnull=False)
        .select_related("beoordelaar")
        .prefetch_related("scores__toetspunt")
        .order_by("ingediend_op", "pk")
    )


def comparison(beoordeling):
    """The comparison once both beoordelaars have submitted their scoring; None before that, so neither
    sees the other's scores early."""
    scorings = submitted_scorings(beoordeling)
    if len(scorings) < 2:
        return None
    first, second = ({s.toetspunt_id: s for s in scoring.scores.all()} for scoring in scorings[:2])
    rows = []
    for toetspunt_id in sorted(first, key=lambda pk: first[pk].toetspunt.volgorde):
        a, b = first[toetspunt_id], second.get(toetspunt_id)
        if b is None:
            continue
        rows.append({"toetspunt": a.toetspunt, "scores": (a, b), "gelijk": a.waarde == b.waarde})
    return Comparison(scorings=tuple(scorings[:2]), rows=rows)


def agreed_score_rows(comparison_):
    """The consensus rows to start from: where both scored the same, that score with the first reason and
    place; where they differ, onbekend without a reason, for the beoordelaars to decide."""
    rows = []
    for row in comparison_.rows:
        first, _second = row["scores"]
        if row["gelijk"]:
            rows.append((row["toetspunt"], first.waarde, first.toelichting, first.vindplaats))
        else:
            rows.append((row["toetspunt"], Score.Waarde.ONBEKEND, "", ""))
    return rows
