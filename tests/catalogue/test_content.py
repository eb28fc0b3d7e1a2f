"""The catalogue content from the five sources: complete, consistent and well-formed."""

import re
import unicodedata
from urllib.parse import urlsplit

import pytest
from django.core.validators import URLValidator

from assessment.models import BeoordelaarSoort, Beoordeling, LeidendPrincipe, Score, Toetspunt
from catalogue.models import (
    ITEM_MODELS,
    Bron,
    Contactpersoon,
    Contractvorm,
    Doelgroep,
    Link,
    Organisatie,
    Plaats,
    Praktijkvoorbeeld,
    Status,
    Succesversneller,
    Woonsituatie,
    Woonvorm,
    Woonzorgconcept,
)
from routekaart.models import ChecklistItem, Fase

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("loaded_content")]


@pytest.mark.parametrize(
    ("queryset", "expected"),
    [
        (lambda: Woonvorm.objects.filter(bron__slug="receptenboek"), 21),
        (lambda: Succesversneller.objects.filter(bron__slug="receptenboek"), 14),
        (lambda: Woonzorgconcept.objects.filter(bron__slug="amsterdamse-waaier"), 9),
        (lambda: Praktijkvoorbeeld.objects.filter(bron__slug="amsterdamse-waaier"), 21),
        (lambda: Praktijkvoorbeeld.objects.filter(bron__slug="vng-huurconstructies"), 15),
        (lambda: Praktijkvoorbeeld.objects.filter(bron__slug="flexwonen-als-opstap"), 10),
        (lambda: Fase.objects.all(), 6),
        (lambda: ChecklistItem.objects.all(), 35),
        (lambda: LeidendPrincipe.objects.all(), 6),
        (lambda: Toetspunt.objects.all(), 10),
        (lambda: Bron.objects.all(), 5),
    ],
    ids=[
        "woonvormen",
        "succesversnellers",
        "woonzorgconcepten",
        "praktijkvoorbeelden-waaier",
        "praktijkvoorbeelden-vng",
        "praktijkvoorbeelden-flexwonen",
        "fasen",
        "checklistpunten",
        "leidende-principes",
        "toetspunten",
        "bronnen",
    ],
)
def test_every_kind_is_complete(queryset, expected):
    assert queryset().count() == expected


def test_the_toetsingskader_has_seven_core_and_three_additional_points_each_linked_to_a_principle():
    assert list(Toetspunt.objects.values_list("code", flat=True)) == [
        "T1", "T2", "T3", "T4", "T5", "T6", "T7", "A1", "A2", "A3"
    ]  # fmt: skip
    assert Toetspunt.objects.filter(soort=Toetspunt.Soort.KERN).count() == 7
    assert not Toetspunt.objects.filter(principes__isnull=True).exists()
    assert Toetspunt.objects.get(code="T5").naam == "Wonen en zorg zijn van elkaar gescheiden"


@pytest.mark.parametrize("model", ITEM_MODELS, ids=lambda m: m.__name__)
def test_every_published_item_has_a_description_a_doelgroep_and_a_source(model):
    published = model.objects.published()
    assert published.exists()
    for item in published.prefetch_related("doelgroepen"):
        assert item.samenvatting and item.beschrijving, item.slug
        assert item.bron_id and item.bron_vindplaats, item.slug
        # Where a source names no group we do not invent one; the toelichting then says what it does give.
        assert item.doelgroepen.exists() or item.doelgroep_toelichting, item.slug


def test_almost_every_item_has_a_doelgroep_from_the_vocabulary():
    for model in ITEM_MODELS:
        published = model.objects.published()
        assert published.filter(doelgroepen__isnull=True).count() <= 3, model.__name__


@pytest.mark.parametrize("model", [Woonvorm, Praktijkvoorbeeld], ids=lambda m: m.__name__)
def test_every_woonvorm_and_praktijkvoorbeeld_has_a_contractvorm_or_an_explicit_onbekend(model):
    missing = model.objects.published().filter(contractvormen__isnull=True)
    assert list(missing.values_list("slug", flat=True)) == []


def test_every_web_address_is_well_formed():
    validate = URLValidator(schemes=["http", "https"])
    addresses = [
        *Link.objects.values_list("url", flat=True),
        *Organisatie.objects.exclude(website="").values_list("website", flat=True),
        *Bron.objects.exclude(url="").values_list("url", flat=True),
    ]
    assert addresses
    for address in addresses:
        validate(address)
        assert " " not in address and urlsplit(address).netloc, address


def test_every_audio_fragment_has_a_speaker_role_and_an_mp3():
    fragments = Link.objects.filter(soort=Link.Soort.AUDIOFRAGMENT)
    assert fragments.exists()
    for fragment in fragments:
        assert fragment.spreker_rol, fragment.url
        assert fragment.url.lower().endswith(".mp3"), fragment.url


def test_contact_points_have_a_way_to_reach_them():
    for contact in Contactpersoon.objects.all():
        assert contact.naam or contact.email or contact.telefoon or contact.organisatie_id, contact.pk


def _normalised(name):
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]", "", text)


@pytest.mark.parametrize(
    "model",
    [Doelgroep, Contractvorm, Woonsituatie, Woonzorgconcept, Organisatie, Plaats],
    ids=lambda m: m.__name__,
)
def test_no_two_vocabulary_terms_differ_only_in_case_spacing_or_spelling(model):
    seen = {}
    for slug, naam in model.objects.values_list("slug", "naam"):
        key = _normalised(naam)
        assert key not in seen, f"{naam!r} ({slug}) and {seen.get(key)!r}"
        seen[key] = slug


def test_items_that_are_the_same_initiative_are_linked_across_sources():
    # Kamers met Aandacht appears in the receptenboek only; Skaeve Huse is named by the waaier as an example
    # of prikkelarm wonen without a sheet of its own (see the next test).
    shared = ["tijdelijk-onder-dak", "onder-de-pannen", "binder", "housing-first", "herstartstudios"]
    for initiatief in shared:
        bronnen = set()
        for model in ITEM_MODELS:
            bronnen |= set(
                model.objects.filter(initiatief__slug=initiatief).values_list("bron__slug", flat=True)
            )
        assert len(bronnen) >= 2, initiatief


def test_skaeve_huse_is_placed_in_the_waaier_as_prikkelarm_wonen():
    woonvorm = Woonvorm.objects.get(slug="skaeve-huse")
    assert woonvorm.woonzorgconcepten.filter(slug="prikkelarm-wonen").exists()


def test_every_praktijkvoorbeeld_of_the_waaier_has_a_woonzorgconcept():
    missing = Praktijkvoorbeeld.objects.filter(
        bron__slug="amsterdamse-waaier", woonzorgconcepten__isnull=True
    )
    assert list(missing.values_list("slug", flat=True)) == []


def test_every_phase_has_a_goal_obstacles_and_a_checklist_in_order():
    fasen = list(Fase.objects.order_by("nummer"))
    assert [f.nummer for f in fasen] == [1, 2, 3, 4, 5, 6]
    assert [f.slug for f in fasen] == [
        "orientatie", "initiatief", "coalitievorming", "concretisering", "uitvoering", "ontwikkeling"
    ]  # fmt: skip
    for fase in fasen:
        assert fase.doel and fase.obstakels_lijst and fase.checklistitems.exists(), fase.slug


def test_every_woonvorm_has_a_complete_vastgestelde_beoordeling():
    for woonvorm in Woonvorm.objects.published():
        beoordeling = woonvorm.beoordelingen.get(status=Beoordeling.Status.VASTGESTELD)
        scores = list(beoordeling.scores.select_related("toetspunt"))
        assert sorted(s.toetspunt.code for s in scores) == sorted(
            Toetspunt.objects.values_list("code", flat=True)
        )
        for score in scores:
            if score.waarde != Score.Waarde.ONBEKEND:
                assert score.toelichting.strip(), f"{woonvorm.slug} {score.toetspunt.code}"
        # Truthful provenance: the redactie derived the scores from the receptenboek's text.
        assert beoordeling.beoordelaar_soort == BeoordelaarSoort.REDACTIE
        assert [bron.slug for bron in beoordeling.bronnen.all()] == ["receptenboek"]
        assert "receptenboek" in beoordeling.werkwijze
        assert beoordeling.ontwikkelpunten_lijst, woonvorm.slug


def test_where_the_receptenboek_is_silent_the_score_is_onbekend_and_says_so():
    silent = "Het receptenboek zegt hier niets over."
    for score in Score.objects.filter(beoordeling__status=Beoordeling.Status.VASTGESTELD):
        if score.waarde == Score.Waarde.ONBEKEND:
            assert score.toelichting.startswith(silent), (score.beoordeling.slug, score.toetspunt.code)
        else:
            assert silent not in score.toelichting, (score.beoordeling.slug, score.toetspunt.code)


def test_everything_loaded_is_published():
    for model in ITEM_MODELS:
        assert not model.objects.exclude(status=Status.GEPUBLICEERD).exists()
