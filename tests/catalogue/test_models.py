import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError

from catalogue.models import (
    Bijdrage,
    Bron,
    Contactpersoon,
    Contractvorm,
    Doelgroep,
    Initiatief,
    Link,
    Organisatie,
    OrganisatieRol,
    Plaats,
    Praktijkvoorbeeld,
    Status,
    Succesversneller,
    SuccesversnellerType,
    Woonsituatie,
    Woonvorm,
    Woonzorgconcept,
)
from tests.factories import (
    make_bron,
    make_doelgroep,
    make_organisatie,
    make_praktijkvoorbeeld,
    make_succesversneller,
    make_woonvorm,
)

pytestmark = pytest.mark.django_db

SLUG_MODELS = [
    Bron,
    Doelgroep,
    Contractvorm,
    Woonsituatie,
    Woonzorgconcept,
    Plaats,
    Organisatie,
    Initiatief,
    SuccesversnellerType,
    Bijdrage,
    Woonvorm,
    Succesversneller,
    Praktijkvoorbeeld,
]


def _required(model):
    return {
        Bron: {},
        Doelgroep: {"soort": Doelgroep.Soort.PROFIEL},
        Plaats: {"provincie": Plaats.Provincie.UTRECHT},
    }.get(model, {})


def _create(model, slug):
    if model in (Woonvorm, Succesversneller, Praktijkvoorbeeld):
        return model.objects.create(slug=slug, naam=f"Naam {slug}", bron=make_bron())
    return model.objects.create(slug=slug, naam=f"Naam {slug}", **_required(model))


@pytest.mark.parametrize("model", SLUG_MODELS, ids=lambda m: m.__name__)
def test_a_duplicate_slug_is_refused_by_the_database(model):
    _create(model, "dubbel")
    with pytest.raises(IntegrityError), transaction.atomic():
        _create(model, "dubbel")
    assert model.objects.filter(slug="dubbel").count() == 1


@pytest.mark.parametrize("model", SLUG_MODELS, ids=lambda m: m.__name__)
def test_the_slug_is_the_natural_key(model):
    row = _create(model, "sleutel")
    assert row.natural_key() == ("sleutel",)
    assert model.objects.get_by_natural_key("sleutel") == row
    assert str(row) == "Naam sleutel"


@pytest.mark.parametrize(
    ("model", "prefix"),
    [
        (Woonvorm, "/woonvormen/"),
        (Succesversneller, "/succesversnellers/"),
        (Praktijkvoorbeeld, "/praktijkvoorbeelden/"),
        (Doelgroep, "/doelgroepen/"),
        (Contractvorm, "/contractvormen/"),
        (Woonsituatie, "/woonsituaties/"),
        (Woonzorgconcept, "/woonzorgconcepten/"),
        (Organisatie, "/organisaties/"),
        (Plaats, "/plaatsen/"),
        (Bron, "/bronnen/"),
    ],
    ids=lambda v: getattr(v, "__name__", v),
)
def test_each_kind_with_a_page_has_its_own_address(model, prefix):
    row = _create(model, "adres")
    assert row.get_absolute_url() == f"{prefix}adres/"


def test_new_items_start_as_concept_and_only_published_ones_count_as_published():
    concept = Woonvorm.objects.create(slug="nieuw", naam="Nieuw", bron=make_bron())
    published = make_woonvorm(status=Status.GEPUBLICEERD)
    make_woonvorm(status=Status.GEARCHIVEERD)
    assert concept.status == Status.CONCEPT
    assert list(Woonvorm.objects.published()) == [published]


@pytest.mark.parametrize("child", [Link, Contactpersoon, OrganisatieRol], ids=lambda m: m.__name__)
def test_a_child_row_belongs_to_exactly_one_item(child):
    fields = {
        Link: {"url": "https://example.org/"},
        Contactpersoon: {"naam": "Anna"},
        OrganisatieRol: {"rol": OrganisatieRol.Rol.PARTNER},
    }[child]
    if child is OrganisatieRol:
        fields["organisatie"] = make_organisatie()
    with pytest.raises(IntegrityError), transaction.atomic():
        child.objects.create(**fields)
    with pytest.raises(IntegrityError), transaction.atomic():
        child.objects.create(woonvorm=make_woonvorm(), succesversneller=make_succesversneller(), **fields)
    row = child.objects.create(praktijkvoorbeeld=make_praktijkvoorbeeld(), **fields)
    assert row.item == row.praktijkvoorbeeld
    assert child.objects.count() == 1


def test_an_audio_fragment_without_speaker_role_is_refused():
    woonvorm = make_woonvorm()
    link = Link(woonvorm=woonvorm, soort=Link.Soort.AUDIOFRAGMENT, url="https://example.org/a.mp3")
    with pytest.raises(ValidationError) as error:
        link.full_clean()
    assert "spreker_rol" in error.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        link.save()
    link.spreker_rol = "bewoner"
    link.save()
    assert str(link) == "https://example.org/a.mp3"


def test_a_contact_without_name_is_an_organisation_contact_point():
    organisatie = make_organisatie(naam="Valente")
    woonvorm = make_woonvorm()
    point = Contactpersoon.objects.create(woonvorm=woonvorm, organisatie=organisatie, email="info@valente.nl")
    person = Contactpersoon.objects.create(woonvorm=woonvorm, naam="Anna de Vries")
    assert not point.is_persoon
    assert str(point) == "Valente"
    assert person.is_persoon
    assert str(person) == "Anna de Vries"


def test_reference_data_in_use_cannot_be_deleted():
    doelgroep = make_doelgroep()
    bron = make_bron()
    make_woonvorm(bron=bron, doelgroepen=[doelgroep])
    with pytest.raises(ProtectedError):
        bron.delete()
    assert Bron.objects.filter(pk=bron.pk).exists()


def test_list_fields_are_split_into_entries():
    woonvorm = make_woonvorm(werkzame_elementen="- Eigen voordeur\n\n• Vaste begeleider\n  Korte lijnen  ")
    assert woonvorm.werkzame_elementen_lijst == ["Eigen voordeur", "Vaste begeleider", "Korte lijnen"]
