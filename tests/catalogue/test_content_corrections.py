"""Corrections from a review of the content against the sources: each one stays corrected.

Checked on the real catalogue as loaded from fixtures/, with the written rules of fixtures/README.md
(benut_leegstand, Aantallen, Persoonsgegevens).
"""

import importlib
import re

import pytest
from django.apps import apps

from assessment.models import Beoordeling, Score
from catalogue.models import (
    Begeleiding,
    Contactpersoon,
    Contractvorm,
    Initiatief,
    JaNeeOnbekend,
    Leeftijdsgroep,
    OrganisatieRol,
    Praktijkvoorbeeld,
    Succesversneller,
    Woonvorm,
)
from routekaart.models import Fase

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("loaded_content")]

# The words by which a source says that space stands empty (fixtures/README.md, "benut_leegstand").
LEEGSTAND = re.compile(r"leeg|Leegstandswet", re.IGNORECASE)
TEXT_FIELDS = (
    "beschrijving",
    "gebouwtype",
    "contract_toelichting",
    "wet_en_regelgeving",
    "bron_opmerking",
    "samenwerking",
    "ter_inspiratie",
)


def test_the_zorgmijders_finding_is_not_a_disadvantage_of_the_own_name_contract():
    nadelen = Contractvorm.objects.get(slug="huurcontract-eigen-naam").nadelen
    assert "zorgmijders" not in nadelen.lower()
    assert "9 van de 10" not in nadelen
    # Where the finding belongs, it is worded the way the VNG bundle has it.
    rotterdam = Praktijkvoorbeeld.objects.get(slug="uniform-huurzorgcontract-rotterdam")
    assert "9 van de 10 keer niet de officiële zorgdoelgroep maar zorgmijders" in rotterdam.beschrijving + (
        rotterdam.lessen + rotterdam.belemmeringen + rotterdam.resultaten + rotterdam.samenwerking
    )


def test_kraaipan_oase_lets_its_satellite_homes_from_several_corporations_not_from_ymere():
    ymere = OrganisatieRol.objects.get(praktijkvoorbeeld__slug="kraaipan-oase", organisatie__slug="ymere")
    assert "satellietwoningen aan de stichting" not in ymere.toelichting
    assert "de 25 satellietwoningen zijn van verschillende corporaties" in ymere.toelichting


def _text(item):
    return " ".join(str(getattr(item, field, "") or "") for field in TEXT_FIELDS)


@pytest.mark.parametrize("model", [Woonvorm, Praktijkvoorbeeld], ids=lambda m: m.__name__)
def test_benut_leegstand_ja_only_where_the_source_says_the_space_is_empty(model):
    using = model.objects.filter(benut_leegstand=JaNeeOnbekend.JA)
    assert using.exists()
    for item in using:
        assert LEEGSTAND.search(_text(item)), item.slug


def test_transformed_offices_and_a_little_used_room_are_not_leegstand():
    for slug in ("binder-nijmegen", "welkom-veenendaal"):
        assert Praktijkvoorbeeld.objects.get(slug=slug).benut_leegstand == JaNeeOnbekend.ONBEKEND, slug
    assert Woonvorm.objects.get(slug="kamers-met-aandacht").benut_leegstand == JaNeeOnbekend.ONBEKEND


def test_benut_leegstand_and_a3_read_the_receptenboek_the_same_way():
    for beoordeling in (
        Beoordeling.objects.vastgesteld().filter(woonvorm__isnull=False).select_related("woonvorm")
    ):
        a3 = beoordeling.scores.get(toetspunt__code="A3").waarde
        uses = beoordeling.woonvorm.benut_leegstand == JaNeeOnbekend.JA
        assert uses == (a3 == Score.Waarde.VOLDOET), beoordeling.woonvorm.slug


def test_the_changed_a3_of_kamers_met_aandacht_keeps_the_first_reading_as_vervallen():
    current = Beoordeling.objects.vastgesteld().get(woonvorm__slug="kamers-met-aandacht")
    assert current.scores.get(toetspunt__code="A3").waarde == Score.Waarde.ONBEKEND
    assert current.vorige.status == Beoordeling.Status.VERVALLEN
    assert current.vorige.scores.get(toetspunt__code="A3").waarde == Score.Waarde.DEELS


def test_no_fact_the_sources_do_not_give():
    skaeve = Woonvorm.objects.get(slug="skaeve-huse")
    assert "Valente schreef" not in skaeve.ter_inspiratie
    assert not skaeve.links.filter(titel__icontains="artikel van valente").exists()
    woonvermogen = Succesversneller.objects.get(slug="woonvermogen")
    assert not woonvermogen.plaatsen.filter(slug="zeist").exists()
    assert Praktijkvoorbeeld.objects.get(slug="herstartstudios").begeleiding == Begeleiding.ONBEKEND
    zwolle = Woonvorm.objects.get(slug="geclusterd-beschermd-thuis-wonen-zwolle")
    assert zwolle.leeftijdsgroep == Leeftijdsgroep.ONBEKEND


@pytest.mark.parametrize(
    ("model", "slug", "woningen", "doelgroep"),
    [
        (Woonvorm, "buur", 450, None),
        (Woonvorm, "de-rijp", 53, 20),
        (Woonvorm, "meanderpark", None, 25),
        (Woonvorm, "shortstay-abtswoude", 32, 32),
        (Praktijkvoorbeeld, "lieven", 1097, 40),
        (Praktijkvoorbeeld, "zmc-gouwpark", 74, 15),
        (Praktijkvoorbeeld, "kraaipan-oase", 35, None),
    ],
)
def test_all_homes_and_places_for_the_doelgroep_are_two_counts(model, slug, woningen, doelgroep):
    item = model.objects.get(slug=slug)
    assert (item.aantal_woningen, item.aantal_plekken_doelgroep) == (woningen, doelgroep)


@pytest.mark.parametrize("model", [Woonvorm, Praktijkvoorbeeld], ids=lambda m: m.__name__)
def test_places_for_the_doelgroep_never_outnumber_all_homes(model):
    both = model.objects.filter(aantal_woningen__isnull=False, aantal_plekken_doelgroep__isnull=False)
    assert both.exists()
    for item in both:
        assert item.aantal_plekken_doelgroep <= item.aantal_woningen, item.slug


def test_the_data_migration_moves_a_count_of_all_homes_out_of_the_doelgroeps_field():
    """An existing database had one count; the migration moves it where the source says it belongs."""
    migration = importlib.import_module("catalogue.migrations.0007_inhoud_correcties")
    Woonvorm.objects.filter(slug="buur").update(aantal_woningen=None, aantal_plekken_doelgroep=450)
    Woonvorm.objects.filter(slug="shortstay-abtswoude").update(
        aantal_woningen=None, aantal_plekken_doelgroep=32
    )
    Woonvorm.objects.filter(slug="meanderpark").update(aantal_woningen=None, aantal_plekken_doelgroep=25)
    migration.split_counts(apps, None)
    rows = Woonvorm.objects.filter(slug__in=["buur", "shortstay-abtswoude", "meanderpark"])
    counts = {
        slug: (w, d) for slug, w, d in rows.values_list("slug", "aantal_woningen", "aantal_plekken_doelgroep")
    }
    assert counts == {"buur": (450, None), "shortstay-abtswoude": (32, 32), "meanderpark": (None, 25)}


def test_the_landelijk_versnellingsteam_is_in_the_catalogue_and_in_every_phase():
    team = Succesversneller.objects.get(slug="landelijk-versnellingsteam-wonen-eerst")
    assert team.bron.slug == "samen-bouwen-aan-wonen-eerst"
    assert team.is_published
    assert list(team.contactpersonen.values_list("naam", "email")) == [("", "aanpakdakloosheid@vng.nl")]
    for fase in Fase.objects.all():
        assert fase.hulpmiddelen.filter(succesversneller=team).exists(), fase.naam


def test_every_link_group_has_members_and_the_omslagroute_is_linked_to_the_waaier():
    for initiatief in Initiatief.objects.all():
        members = sum(
            model.objects.filter(initiatief=initiatief).count()
            for model in (Woonvorm, Succesversneller, Praktijkvoorbeeld)
        )
        assert members, initiatief.slug
    assert Praktijkvoorbeeld.objects.get(slug="respijthuis-amerbos").initiatief.slug == "respijthuis"
    assert Succesversneller.objects.get(slug="respijthuis").initiatief.slug == "respijthuis"
    omslagroute = Succesversneller.objects.get(slug="omslagroute").initiatief
    assert Praktijkvoorbeeld.objects.filter(initiatief=omslagroute, bron__slug="amsterdamse-waaier").exists()


def test_people_interviewed_for_the_vng_bundle_are_a_source_note_not_contact_points():
    assert not Contactpersoon.objects.filter(rol__istartswith="geïnterviewd").exists()
    rotterdam = Praktijkvoorbeeld.objects.get(slug="uniform-huurzorgcontract-rotterdam")
    assert not rotterdam.contactpersonen.exists()
    assert "geïnterviewde partijen: Ineke Wilson (Havensteder)" in rotterdam.bron_opmerking
    notes = " ".join(
        Praktijkvoorbeeld.objects.filter(bron__slug="vng-huurconstructies").values_list(
            "bron_opmerking", flat=True
        )
    )
    for name in ("Thijs Honig", "Melanie Schmit", "Erik de Vos", "Brigitte Crooijmans", "Judith Wolf"):
        assert name in notes, name


def test_contact_points_that_are_one_persons_address_are_marked_personal():
    """A nameless address or 06 number of one person (fixtures/README.md, "Persoonsgegevens")."""
    personal = Contactpersoon.objects.filter(naam="", persoonlijk=True)
    assert set(personal.values_list("email", flat=True)) == {
        "Bianca@kamersmetaandacht.nl",
        "tkuschel@deregenboog.org",
    }
    assert not Contactpersoon.objects.filter(naam="", persoonlijk=False, telefoon__startswith="06").exists()


def _own_addresses():
    """Every e-mail address and phone number of a person in the real catalogue."""
    return [
        value
        for contact in Contactpersoon.objects.all()
        if contact.is_persoon
        for value in (contact.email, contact.telefoon)
        if value
    ]


def test_a_persons_address_or_number_is_in_no_note_or_text_of_an_item():
    own = [value.lower() for value in _own_addresses()]
    for model in (Woonvorm, Succesversneller, Praktijkvoorbeeld):
        text_fields = [
            f.name for f in model._meta.concrete_fields if f.get_internal_type() in ("TextField", "CharField")
        ]
        for item in model.objects.all():
            text = " ".join(str(getattr(item, name)) for name in text_fields).lower()
            for value in own:
                assert value not in text, (item.slug, value)


def test_no_persons_own_address_or_number_of_the_real_catalogue_reaches_a_visitor(client):
    own = _own_addresses()
    assert "Bianca@kamersmetaandacht.nl" in own and "06 50167092" in own
    for url in (
        "/woonvormen/kamers-met-aandacht/",
        "/woonvormen/geclusterd-beschermd-thuis-wonen-zwolle/",
        "/woonvormen/export.csv",
        "/succesversnellers/export.csv",
        "/praktijkvoorbeelden/export.csv",
        "/api/v1/woonvormen/kamers-met-aandacht",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        body = (b"".join(response.streaming_content) if response.streaming else response.content).decode(
            "utf-8-sig"
        )
        for value in own:
            assert value not in body, (url, value)


def test_displayed_choice_labels_are_capitalised_like_every_other_label():
    for choices in (Leeftijdsgroep, Begeleiding):
        for label in choices.labels:
            assert label[0].isupper(), label
