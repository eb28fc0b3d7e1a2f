"""Writes that span several assessment rows: a new version, independent scorings, consensus and adoption.

The steps of a new version of a beoordeling:
1. start_version(): a concept for an item, pointing to the vastgestelde version it will replace;
2. each of two beoordelaars fills their own Scoring (scoring_for()) and submits it (submit_scoring());
   until both have, neither sees the other's scores;
3. when the second is submitted, the consensus rows (Score) start from the points they agree on; the
   beoordelaars (or a beheerder) decide the others, each with a reason;
4. adopt(): only a complete consensus of two submitted scorings becomes vastgesteld; the previous version
   becomes vervallen in the same transaction. A vastgestelde version is never changed in place.
Every write saves row by row, so each change is in the history and starts a new cache generation.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from assessment.models import (
    BeoordelaarSoort,
    Beoordeling,
    Score,
    Scoring,
    ScoringScore,
    Toetspunt,
    lacks_reason,
)
from assessment.review import agreed_score_rows, comparison, submitted_scorings
from assessment.scoring import summary_of_scores
from catalogue.changelog import record_change
from catalogue.models import Wijziging

REVIEWERS = 2


class ReviewError(Exception):
    """A step of the review that cannot be taken now; the message says why, in Dutch."""


@transaction.atomic
def retire_previous_vastgesteld(*, beoordeling):
    """Before a beoordeling becomes vastgesteld, the item's current vastgestelde one becomes vervallen.

    Runs in the caller's transaction, so the item never has two vastgestelde beoordelingen and never
    loses its history. Each retired beoordeling is saved on its own, so its change is in its history and
    the catalogue starts a new cache generation.
    """
    if beoordeling.status != Beoordeling.Status.VASTGESTELD:
        return 0
    previous = list(
        Beoordeling.objects.vastgesteld().filter(**_target(beoordeling.item)).exclude(pk=beoordeling.pk)
    )
    for old in previous:
        old.status = Beoordeling.Status.VERVALLEN
        old.save(update_fields=["status"])
    return len(previous)


def _target(item):
    return {item._meta.model_name: item}


def _unique_slug(item):
    base = slugify(f"{item.slug}-{timezone.localdate():%Y-%m-%d}")[:190]
    slug, number = base, 2
    while Beoordeling.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


@transaction.atomic
def start_version(*, item):
    """A new concept version of the item's beoordeling; the vastgestelde one stays public until this one is
    adopted. There is at most one version in progress per item."""
    open_version = Beoordeling.objects.filter(**_target(item), status=Beoordeling.Status.CONCEPT).first()
    if open_version is not None:
        raise ReviewError(
            _("Voor %(item)s loopt al een nieuwe versie (%(versie)s).")
            % {"item": item, "versie": open_version.slug}
        )
    current = Beoordeling.objects.vastgesteld().filter(**_target(item)).first()
    version = Beoordeling(
        **_target(item),
        slug=_unique_slug(item),
        datum=timezone.localdate(),
        beoordelaar_soort=BeoordelaarSoort.BEOORDELAARS,
        beoordelaar=_("nog niet vastgesteld"),
        status=Beoordeling.Status.CONCEPT,
        vorige=current,
    )
    version.full_clean()
    version.save()
    if current is not None:
        version.bronnen.set(current.bronnen.all())
    return version


@transaction.atomic
def scoring_for(*, beoordeling, user):
    """The user's own independent scoring of a concept version, made with a row for every toetspunt the
    first time. Two beoordelaars score each version; a third is refused."""
    if beoordeling.status != Beoordeling.Status.CONCEPT:
        raise ReviewError(_("Alleen een nieuwe versie (concept) wordt gescoord."))
    scoring = beoordeling.scorings.filter(beoordelaar=user).first()
    if scoring is not None:
        return scoring
    if beoordeling.scorings.count() >= REVIEWERS:
        raise ReviewError(_("Deze versie heeft al twee beoordelaars."))
    scoring = Scoring.objects.create(beoordeling=beoordeling, beoordelaar=user)
    for toetspunt in Toetspunt.objects.all():
        ScoringScore.objects.create(scoring=scoring, toetspunt=toetspunt)
    return scoring


@transaction.atomic
def submit_scoring(*, scoring, user):
    """Submit one's own complete scoring; after that it no longer changes. When it is the second, the
    consensus rows are made from it."""
    if scoring.beoordelaar_id != user.pk:
        raise ReviewError(_("U kunt alleen uw eigen scoring indienen."))
    if scoring.ingediend:
        raise ReviewError(_("Deze scoring is al ingediend."))
    scores = list(scoring.scores.select_related("toetspunt"))
    missing = {t.code for t in Toetspunt.objects.all()} - {s.toetspunt.code for s in scores}
    if missing:
        raise ReviewError(_("Er ontbreken toetspunten: %(codes)s.") % {"codes": ", ".join(sorted(missing))})
    without_reason = [score.toetspunt.code for score in scores if lacks_reason(score)]
    if without_reason:
        raise ReviewError(
            _("Geef een toelichting bij %(codes)s (verplicht, behalve bij onbekend).")
            % {"codes": ", ".join(without_reason)}
        )
    scoring.ingediend_op = timezone.now()
    scoring.save(update_fields=["ingediend_op"])
    found = comparison(scoring.beoordeling)
    if found is not None and not scoring.beoordeling.scores.exists():
        for toetspunt, waarde, toelichting, vindplaats in agreed_score_rows(found):
            Score.objects.create(
                beoordeling=scoring.beoordeling,
                toetspunt=toetspunt,
                waarde=waarde,
                toelichting=toelichting,
                vindplaats=vindplaats,
            )
    return scoring


def adoption_problems(beoordeling):
    """Why the version cannot be vastgesteld yet, in Dutch; empty when it can."""
    if beoordeling.status != Beoordeling.Status.CONCEPT:
        return [_("Alleen een nieuwe versie (concept) kan worden vastgesteld.")]
    scorings = submitted_scorings(beoordeling)
    if len(scorings) < REVIEWERS:
        return [
            _("Twee beoordelaars moeten hun scoring indienen; %(aantal)s van de 2 is ingediend.")
            % {"aantal": len(scorings)}
        ]
    problems = []
    scores = {score.toetspunt.code: score for score in beoordeling.scores.select_related("toetspunt")}
    missing = sorted({t.code for t in Toetspunt.objects.all()} - set(scores))
    if missing:
        problems.append(_("De consensus mist toetspunten: %(codes)s.") % {"codes": ", ".join(missing)})
    both_unknown = {
        row["toetspunt"].code
        for row in comparison(beoordeling).rows
        if all(score.waarde == Score.Waarde.ONBEKEND for score in row["scores"])
    }
    undecided = sorted(
        code for code, score in scores.items() if not score.toelichting.strip() and code not in both_unknown
    )
    if undecided:
        problems.append(
            _("Geef bij %(codes)s de afgesproken score met een reden.") % {"codes": ", ".join(undecided)}
        )
    return problems


@transaction.atomic
def adopt(*, beoordeling, user):
    """Make the consensus the vastgestelde beoordeling of its item, named after its two beoordelaars; the
    previous one becomes vervallen."""
    problems = adoption_problems(beoordeling)
    if problems:
        raise ReviewError(" ".join(str(problem) for problem in problems))
    names = [
        scoring.beoordelaar.get_full_name() or scoring.beoordelaar.get_username()
        for scoring in submitted_scorings(beoordeling)
    ]
    beoordeling.status = Beoordeling.Status.VASTGESTELD
    beoordeling.beoordelaar_soort = BeoordelaarSoort.BEOORDELAARS
    beoordeling.beoordelaar = _(" en ").join(names)
    beoordeling.datum = timezone.localdate()
    beoordeling.vastgesteld_door = user
    beoordeling.vastgesteld_op = timezone.now()
    retire_previous_vastgesteld(beoordeling=beoordeling)
    beoordeling.full_clean()
    beoordeling.save()
    level = _level_in_words(beoordeling)
    record_change(beoordeling.item, soort=Wijziging.Soort.BEOORDELING, omschrijving=level, user=user)
    return beoordeling


def _level_in_words(beoordeling):
    """'Vastgesteld: sluit deels aan (63%, 7 van 7 kernpunten gescoord)', for Recent gewijzigd."""
    summary = summary_of_scores(list(beoordeling.scores.select_related("toetspunt")))
    return _("Vastgesteld: %(tekst)s") % {"tekst": summary.tekst}
