"""The log behind Recent gewijzigd: which changes are recorded, by whom, and which are not."""

import pytest

from assessment import services as assessment_services
from assessment.models import Score
from catalogue import services
from catalogue.changelog import record_change
from catalogue.content import load_content
from catalogue.models import Status, Wijziging, Woonvorm
from tests.factories import (
    make_beoordeling,
    make_praktijkvoorbeeld,
    make_toetsingskader,
    make_user,
    make_woonvorm,
)

pytestmark = pytest.mark.django_db

CODES = [f"T{n}" for n in range(1, 8)] + [f"A{n}" for n in range(1, 4)]


@pytest.fixture
def redacteur():
    return make_user("redacteur", staff=True)


def test_publishing_a_concept_for_the_first_time_logs_a_new_item(redacteur):
    woonvorm = make_woonvorm(naam="Hofje", status=Status.CONCEPT, samenvatting="Wonen rond een binnentuin.")

    services.publish(items=Woonvorm.objects.filter(pk=woonvorm.pk), user=redacteur)

    wijziging = Wijziging.objects.get()
    assert wijziging.soort == Wijziging.Soort.NIEUW
    assert wijziging.item == woonvorm
    assert wijziging.titel == "Nieuw in de catalogus: Hofje"
    assert wijziging.omschrijving == "Wonen rond een binnentuin."
    assert wijziging.door == redacteur


def test_publishing_again_from_the_archive_is_not_new(redacteur):
    woonvorm = make_woonvorm(status=Status.CONCEPT)
    services.publish(items=[woonvorm], user=redacteur)
    services.archive(items=[woonvorm], user=redacteur)
    services.publish(items=[woonvorm], user=redacteur)

    assert Wijziging.objects.count() == 1


def test_an_item_that_was_ever_published_is_not_new_when_published_again(redacteur):
    woonvorm = make_woonvorm(status=Status.GEPUBLICEERD)
    services.publish(items=[woonvorm], user=redacteur)  # already published: no change at all
    services.archive(items=[woonvorm], user=redacteur)
    services.publish(items=[woonvorm], user=redacteur)

    assert not Wijziging.objects.exists()


def test_publishing_several_kinds_at_once_logs_only_the_new_ones(redacteur):
    nieuw_woonvorm = make_woonvorm(naam="Nieuw hofje", status=Status.CONCEPT)
    nieuw_voorbeeld = make_praktijkvoorbeeld(naam="Nieuw project", status=Status.CONCEPT)
    terug = make_woonvorm(naam="Terug uit het archief", status=Status.GEPUBLICEERD)
    services.archive(items=[terug], user=redacteur)

    services.publish(items=[nieuw_woonvorm, terug, nieuw_voorbeeld], user=redacteur)

    assert sorted(Wijziging.objects.values_list("titel", flat=True)) == [
        "Nieuw in de catalogus: Nieuw hofje",
        "Nieuw in de catalogus: Nieuw project",
    ]


def test_an_important_change_is_logged_with_its_description(redacteur):
    woonvorm = make_woonvorm(naam="Hofje")

    record_change(woonvorm, soort="wijziging", omschrijving="Nieuwe cijfers over uitstroom.", user=redacteur)

    wijziging = Wijziging.objects.get()
    assert (wijziging.soort, wijziging.titel) == (Wijziging.Soort.WIJZIGING, "Gewijzigd: Hofje")
    assert wijziging.omschrijving == "Nieuwe cijfers over uitstroom."


def test_an_unknown_kind_of_change_is_refused():
    with pytest.raises(ValueError):
        record_change(make_woonvorm(), soort="verhuisd")
    assert not Wijziging.objects.exists()


def test_adopting_a_beoordeling_logs_the_item_and_its_level():
    make_toetsingskader()
    woonvorm = make_woonvorm(naam="Hofje")
    make_beoordeling(woonvorm=woonvorm, scores=dict.fromkeys(CODES, Score.Waarde.VOLDOET_NIET))
    anna, bram = make_user("anna", staff=True), make_user("bram", staff=True)
    version = assessment_services.start_version(item=woonvorm)
    for user in (anna, bram):
        scoring = assessment_services.scoring_for(beoordeling=version, user=user)
        for score in scoring.scores.all():
            score.waarde, score.toelichting = Score.Waarde.VOLDOET, "Staat in de bron."
            score.save()
        assessment_services.submit_scoring(scoring=scoring, user=user)
    assert not Wijziging.objects.exists()

    assessment_services.adopt(beoordeling=version, user=anna)

    wijziging = Wijziging.objects.get()
    assert wijziging.soort == Wijziging.Soort.BEOORDELING
    assert wijziging.item == woonvorm and wijziging.titel == "Nieuwe beoordeling: Hofje"
    assert wijziging.omschrijving.startswith("Vastgesteld: sluit volledig aan (100%")
    assert wijziging.door == anna


def test_loading_the_content_logs_nothing(tmp_path):
    (tmp_path / "bronnen.yaml").write_text(
        "model: catalogue.bron\nitems:\n  - {slug: boek, naam: Een boek}\n", encoding="utf-8"
    )
    (tmp_path / "woonvormen.yaml").write_text(
        "model: catalogue.woonvorm\ndefaults: {status: gepubliceerd}\n"
        "items:\n  - {slug: hofje, naam: Hofje, bron: boek}\n",
        encoding="utf-8",
    )

    load_content(sorted(tmp_path.glob("*.yaml")))

    assert Woonvorm.objects.get(slug="hofje").is_published
    assert not Wijziging.objects.exists()
