"""Which recipe fields an item has filled in: counted right, listed by name, shown in the admin."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from catalogue.completeness import (
    REQUIRED_FIELDS,
    completeness,
    incomplete,
    missing_fields,
    with_completeness,
)
from catalogue.models import Praktijkvoorbeeld, Succesversneller, Woonvorm
from tests.factories import (
    make_contractvorm,
    make_doelgroep,
    make_persona,
    make_praktijkvoorbeeld,
    make_succesversneller,
    make_woonsituatie,
    make_woonvorm,
    make_woonzorgconcept,
)

pytestmark = pytest.mark.django_db

FULL_TEXTS = {
    "samenvatting": "Eén zin.",
    "beschrijving": "Wat het is.",
    "werkzame_elementen": "Een\nTwee",
    "aandachtselementen": "Drie",
    "ter_inspiratie": "Een voorbeeld.",
    "financiele_context": "Huur en zorg apart betaald.",
    "verhouding_wonen_eerst": "Sluit aan.",
}


def full_woonvorm(**fields):
    values = {
        **FULL_TEXTS,
        "doelgroepen": [make_doelgroep()],
        "contractvormen": [make_contractvorm()],
        "woonsituaties": [make_woonsituatie()],
        "woonzorgconcepten": [make_woonzorgconcept()],
        **fields,
    }
    return make_woonvorm(**values)


def test_a_full_woonvorm_is_complete():
    item = full_woonvorm()
    found = completeness(item)
    assert (found.filled, found.total, found.missing) == (11, 11, [])
    assert str(found) == "11 van 11"


def test_empty_texts_and_relations_are_named_as_missing():
    item = full_woonvorm(ter_inspiratie="  \n", contractvormen=[], woonsituaties=[])
    assert missing_fields(item) == ["ter inspiratie", "contractvormen", "woonsituaties"]
    assert str(completeness(item)) == "8 van 11"


def test_an_unknown_choice_does_not_count_as_missing():
    item = full_woonvorm(begeleiding="onbekend", leeftijdsgroep="onbekend")
    assert missing_fields(item) == []


def test_each_kind_has_its_own_recipe_fields():
    versneller = make_succesversneller(samenvatting="Eén zin.", beschrijving="Wat.")
    voorbeeld = make_praktijkvoorbeeld(samenvatting="", beschrijving="Wat.", doel="Doel.")
    assert completeness(versneller).total == len(REQUIRED_FIELDS["succesversneller"]) == 10
    assert "typen" in missing_fields(versneller) and "bijdragen aan Wonen Eerst" in missing_fields(versneller)
    assert completeness(voorbeeld).total == len(REQUIRED_FIELDS["praktijkvoorbeeld"]) == 10
    assert "samenvatting" in missing_fields(voorbeeld)
    assert "doel" not in missing_fields(voorbeeld)
    assert "werkzame elementen" not in missing_fields(voorbeeld)


def test_annotated_items_are_counted_without_a_query_per_item():
    for _ in range(3):
        full_woonvorm(woonsituaties=[])
    items = list(with_completeness(Woonvorm.objects.all()))
    with CaptureQueriesContext(connection) as queries:
        counts = [str(completeness(item)) for item in items]
    assert counts == ["10 van 11"] * 3
    assert len(queries) == 0


def test_incomplete_lists_only_items_with_an_empty_required_field():
    complete = full_woonvorm()
    without_text = full_woonvorm(samenvatting="")
    without_relation = full_woonvorm(woonzorgconcepten=[])
    assert set(incomplete(Woonvorm.objects.all())) == {without_text, without_relation}
    assert complete not in incomplete(Woonvorm.objects.all())
    assert not incomplete(Succesversneller.objects.none()).exists()
    assert not incomplete(Praktijkvoorbeeld.objects.none()).exists()


def test_the_item_list_shows_the_count_with_a_flat_number_of_queries(client):
    client.force_login(make_persona("Redacteur"))
    url = reverse("admin:catalogue_woonvorm_changelist")
    full_woonvorm(naam="Volledig")
    with CaptureQueriesContext(connection) as few:
        response = client.get(url)
    body = response.content.decode()
    assert "11 van 11" in body
    for _ in range(5):
        full_woonvorm(contractvormen=[])
    with CaptureQueriesContext(connection) as more:
        body = client.get(url).content.decode()
    assert body.count("10 van 11") == 5
    assert len(more) == len(few)


def test_the_change_form_names_what_is_missing(client):
    client.force_login(make_persona("Redacteur"))
    item = full_woonvorm(financiele_context="", doelgroepen=[])
    body = client.get(reverse("admin:catalogue_woonvorm_change", args=[item.pk])).content.decode()
    assert "Financiële context, Doelgroepen (9 van 11 ingevuld)" in body
    complete = full_woonvorm()
    body = client.get(reverse("admin:catalogue_woonvorm_change", args=[complete.pk])).content.decode()
    assert "Niets: alle velden van een volledige kaart zijn ingevuld (11 van 11)." in body
