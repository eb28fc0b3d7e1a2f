"""The Wonen Eerst score: the one place where points, totals, coverage and levels are computed and worded.

Rules (also explained on the toetsingskader page):
- Points per score: voldoet 2, voldoet deels 1, voldoet niet 0. Onbekend and niet van toepassing are left out
  of the maximum.
- The total is the points on the core toetspunten (T1–T7) as a percentage of the maximum of the core points
  that were scored. The coverage is how many core points are known (everything but onbekend), out of 7.
- The level follows the receptenboek's own phrases, by the thresholds in LEVEL_THRESHOLDS, applied to the
  exact percentage. With fewer than MIN_SCORED core points scored, the level is "te weinig gescoord" whatever
  the percentage.
- A level is only as strong as what is known: "sluit volledig aan" and "komt dicht in de buurt" need every
  core point known (scored or niet van toepassing). With a core point onbekend the level is at most "sluit
  deels aan", marked *voorlopig*, with what is missing. Onbekend (the source says nothing) and niet van
  toepassing (the point does not apply) are always said apart.
- The additional points (A1–A3) are totalled the same way, separately, and never count in the level.
- A percentage is shown as a whole number, halves rounded up (62.5 % is 63 %), everywhere.

`ScoreSummary` holds the figures and their wording; every page, the compare page and the exports show a
score through it. The same figures are computed in the database by assessment/annotations.py, so lists can
be sorted and filtered on them without a query per row.
"""

from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from assessment.models import Score, Toetspunt
from core.cache import cached

POINTS = {Score.Waarde.VOLDOET: 2, Score.Waarde.DEELS: 1, Score.Waarde.VOLDOET_NIET: 0}
MAX_POINTS = 2
CORE_COUNT = 7
ADDITIONAL_COUNT = 3
MIN_SCORED = 4


class Niveau(models.TextChoices):
    VOLLEDIG = "volledig", _("sluit volledig aan")
    DICHTBIJ = "dichtbij", _("komt dicht in de buurt")
    DEELS = "deels", _("sluit deels aan")
    ELEMENTEN = "elementen", _("bevat elementen van Wonen Eerst")
    NIET = "niet", _("sluit (nog) niet aan")
    ONBEKEND = "onbekend", _("te weinig gescoord")


# A level applies from this percentage upwards (the first that fits, from the top).
LEVEL_THRESHOLDS = [
    (Niveau.VOLLEDIG, 100),
    (Niveau.DICHTBIJ, 75),
    (Niveau.DEELS, 50),
    (Niveau.ELEMENTEN, 1),
    (Niveau.NIET, 0),
]
RANKED_LEVELS = [level for level, _threshold in LEVEL_THRESHOLDS]
# The levels that need every core point known; with one onbekend the level is at most KNOWN_CAP.
NEED_ALL_KNOWN = (Niveau.VOLLEDIG, Niveau.DICHTBIJ)
KNOWN_CAP = Niveau.DEELS

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


def level_for(percentage, scored, unknown=0):
    """The level for a percentage over `scored` core points, with `unknown` core points onbekend."""
    if scored < MIN_SCORED or percentage is None:
        return Niveau.ONBEKEND
    for level, threshold in LEVEL_THRESHOLDS:
        if percentage >= threshold:
            return KNOWN_CAP if unknown and level in NEED_ALL_KNOWN else level
    return Niveau.NIET


def and_list(words):
    """'T4', 'T4 en T5', 'T4, T5 en T6'"""
    words = [str(word) for word in words]
    if len(words) < 2:
        return "".join(words)
    return _("%(eerste)s en %(laatste)s") % {"eerste": ", ".join(words[:-1]), "laatste": words[-1]}


def shown_percentage(percentage):
    """A percentage as the site shows it: a whole number, halves rounded up (62.5 gives 63)."""
    if percentage is None:
        return None
    return int(Decimal(repr(float(percentage))).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _exact(points, maximum):
    return 100 * points / maximum if maximum else None


@dataclass(frozen=True)
class ScoreSummary:
    """The figures of one beoordeling and how they read. The additional figures are None where they were not
    computed (an item's list row carries only the core figures)."""

    punten: int
    maximum: int
    gescoord: int
    bekend: int  # scored, or niet van toepassing
    aanvullend_punten: int | None = None
    aanvullend_maximum: int | None = None
    aanvullend_bekend: int | None = None
    onbekend_codes: tuple | None = None  # the core points onbekend, where the scores were read

    @property
    def niet_van_toepassing(self):
        return self.bekend - self.gescoord

    @property
    def onbekend(self):
        """Core points onbekend; a core point without a score counts as onbekend too."""
        return CORE_COUNT - self.bekend

    @property
    def exact_percentage(self):
        return _exact(self.punten, self.maximum)

    @property
    def percentage(self):
        return shown_percentage(self.exact_percentage)

    @property
    def precies(self):
        """The exact percentage with at most one decimal, in Dutch notation: '62,5'."""
        if self.exact_percentage is None:
            return None
        return f"{self.exact_percentage:.1f}".removesuffix(".0").replace(".", ",")

    @property
    def niveau(self):
        return level_for(self.exact_percentage, self.gescoord, self.onbekend)

    @property
    def voorlopig(self):
        """A level that may rise once the unknown core points are known."""
        return bool(self.onbekend) and self.niveau != Niveau.ONBEKEND

    @property
    def ontbreekt(self):
        """'T4 en T5 onbekend' (or '2 kernpunten onbekend' where the codes were not read); empty if none."""
        if not self.onbekend:
            return ""
        if self.onbekend_codes:
            return _("%(codes)s onbekend") % {"codes": and_list(self.onbekend_codes)}
        return ngettext("%(aantal)s kernpunt onbekend", "%(aantal)s kernpunten onbekend", self.onbekend) % {
            "aantal": self.onbekend
        }

    @property
    def niveau_tekst(self):
        """The level in words, with 'voorlopig: ' in front where it may rise."""
        if self.voorlopig:
            return _("voorlopig: %(niveau)s") % {"niveau": self.niveau.label}
        return str(self.niveau.label)

    @property
    def kernpunten_bekend(self):
        """'5 van 7': core points known, scored or niet van toepassing."""
        return _("%(bekend)s van %(totaal)s") % {"bekend": self.bekend, "totaal": CORE_COUNT}

    @property
    def dekking(self):
        """'4 van 7 kernpunten gescoord, 1 niet van toepassing, 2 onbekend'."""
        parts = [
            _("%(gescoord)s van %(totaal)s kernpunten gescoord")
            % {"gescoord": self.gescoord, "totaal": CORE_COUNT}
        ]
        if self.niet_van_toepassing:
            parts.append(_("%(aantal)s niet van toepassing") % {"aantal": self.niet_van_toepassing})
        if self.onbekend:
            parts.append(_("%(aantal)s onbekend") % {"aantal": self.onbekend})
        return ", ".join(str(part) for part in parts)

    @property
    def tekst(self):
        """The level with percentage and coverage, as lists, compare and exports show it."""
        if self.percentage is None:
            return _("%(niveau)s (%(dekking)s)") % {"niveau": self.niveau_tekst, "dekking": self.dekking}
        return _("%(niveau)s (%(percentage)s%%, %(dekking)s)") % {
            "niveau": self.niveau_tekst,
            "percentage": self.percentage,
            "dekking": self.dekking,
        }

    @property
    def aanvullend_percentage(self):
        if self.aanvullend_maximum is None:
            return None
        return shown_percentage(_exact(self.aanvullend_punten, self.aanvullend_maximum))

    @property
    def aanvullend_bekend_tekst(self):
        """'2 van 3'"""
        return _("%(bekend)s van %(totaal)s") % {"bekend": self.aanvullend_bekend, "totaal": ADDITIONAL_COUNT}


def summarize(waarden_by_soort):
    """A summary from plain values: {"kern": [waarde, …], "aanvullend": [waarde, …]}.

    For scores already in memory; assessment/annotations.py computes the same figures in the database.
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


def summary_of_scores(scores):
    """The summary of Score rows (with their toetspunt) already in memory, naming the unknown core points."""
    by_soort = {}
    for score in scores:
        by_soort.setdefault(score.toetspunt.soort, []).append(score.waarde)
    unknown = tuple(
        score.toetspunt.code
        for score in scores
        if score.toetspunt.soort == Toetspunt.Soort.KERN and score.waarde == Score.Waarde.ONBEKEND
    )
    return replace(summarize(by_soort), onbekend_codes=unknown)


def summary(beoordeling):
    """The ScoreSummary of a beoordeling annotated by annotations.annotate_beoordelingen()."""
    return ScoreSummary(
        punten=beoordeling.kern_punten,
        maximum=MAX_POINTS * beoordeling.kern_gescoord,
        gescoord=beoordeling.kern_gescoord,
        bekend=beoordeling.kern_bekend,
        aanvullend_punten=beoordeling.extra_punten,
        aanvullend_maximum=MAX_POINTS * beoordeling.extra_gescoord,
        aanvullend_bekend=beoordeling.extra_bekend,
    )


def item_summary(item):
    """The core ScoreSummary of an item annotated by annotations.annotate_items(), or None when it has no
    vastgestelde beoordeling."""
    if getattr(item, "wonen_eerst_gescoord", None) is None:
        return None
    return ScoreSummary(
        punten=item.wonen_eerst_punten or 0,
        maximum=MAX_POINTS * item.wonen_eerst_gescoord,
        gescoord=item.wonen_eerst_gescoord,
        bekend=item.wonen_eerst_bekend,
    )
