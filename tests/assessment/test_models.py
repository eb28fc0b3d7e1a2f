import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from assessment.models import Beoordeling, Score, Toetspunt
from tests.factories import (
    make_beoordeling,
    make_praktijkvoorbeeld,
    make_principe,
    make_toetsingskader,
    make_woonvorm,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def toetspunten():
    return make_toetsingskader()


def test_a_beoordeling_needs_exactly_one_target(toetspunten):
    with pytest.raises(IntegrityError), transaction.atomic():
        Beoordeling.objects.create(slug="geen", datum="2026-01-01", beoordelaar="Werkgroep")
    with pytest.raises(IntegrityError), transaction.atomic():
        Beoordeling.objects.create(
            slug="twee",
            datum="2026-01-01",
            beoordelaar="Werkgroep",
            woonvorm=make_woonvorm(),
            praktijkvoorbeeld=make_praktijkvoorbeeld(),
        )
    assert not Beoordeling.objects.exists()
    with pytest.raises(ValidationError):
        Beoordeling(slug="leeg", datum="2026-01-01", beoordelaar="Werkgroep").full_clean()


@pytest.mark.parametrize("target", ["woonvorm", "praktijkvoorbeeld"])
def test_an_item_has_at_most_one_vastgestelde_beoordeling(toetspunten, target):
    item = make_woonvorm() if target == "woonvorm" else make_praktijkvoorbeeld()
    make_beoordeling(**{target: item})
    make_beoordeling(**{target: item}, status=Beoordeling.Status.VERVALLEN)
    make_beoordeling(**{target: item}, status=Beoordeling.Status.CONCEPT)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_beoordeling(**{target: item})
    assert Beoordeling.objects.vastgesteld().count() == 1


def test_one_score_per_toetspunt_per_beoordeling(toetspunten):
    beoordeling = make_beoordeling(scores={"T1": Score.Waarde.VOLDOET})
    with pytest.raises(IntegrityError), transaction.atomic():
        Score.objects.create(beoordeling=beoordeling, toetspunt=toetspunten[0], waarde=Score.Waarde.DEELS)
    assert beoordeling.scores.get().waarde == Score.Waarde.VOLDOET


def test_a_score_other_than_onbekend_needs_a_toelichting(toetspunten):
    beoordeling = make_beoordeling()
    with pytest.raises(ValidationError) as error:
        Score(beoordeling=beoordeling, toetspunt=toetspunten[0], waarde=Score.Waarde.VOLDOET).full_clean()
    assert "toelichting" in error.value.message_dict
    Score(beoordeling=beoordeling, toetspunt=toetspunten[0], waarde=Score.Waarde.ONBEKEND).full_clean()


def test_natural_keys_of_the_toetsingskader(toetspunten):
    beoordeling = make_beoordeling(slug="project-010-receptenboek", scores={"T5": Score.Waarde.DEELS})
    score = beoordeling.scores.get()
    assert Toetspunt.objects.get_by_natural_key("t5") == score.toetspunt
    assert Beoordeling.objects.get_by_natural_key("project-010-receptenboek") == beoordeling
    assert score.natural_key() == ("project-010-receptenboek", "t5")
    assert Score.objects.get_by_natural_key(*score.natural_key()) == score


def test_names_and_addresses(toetspunten):
    principe = make_principe(nummer=4, naam="Scheiden van wonen en zorg")
    woonvorm = make_woonvorm(naam="Project 010")
    beoordeling = make_beoordeling(woonvorm=woonvorm, scores={"T1": Score.Waarde.DEELS})
    assert str(principe) == "4. Scheiden van wonen en zorg"
    assert principe.get_absolute_url() == "/toetsingskader/#principe-4"
    assert str(toetspunten[0]) == "T1. Toetspunt T1"
    assert toetspunten[0].get_absolute_url() == "/toetsingskader/#toetspunt-T1"
    assert str(beoordeling) == "Project 010 (01-01-2026, vastgesteld)"
    assert str(beoordeling.scores.get()) == "T1: voldoet deels"
