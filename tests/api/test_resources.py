"""The other resources of the API: the vocabularies, the toetsingskader, the routekaart and the search."""

import pytest

from catalogue.models import Organisatie, Plaats, Status
from routekaart.models import FaseRol, Hulpmiddel
from tests.factories import (
    make_bron,
    make_contractvorm,
    make_doelgroep,
    make_fase,
    make_organisatie,
    make_plaats,
    make_praktijkvoorbeeld,
    make_principe,
    make_succesversneller,
    make_toetsingskader,
    make_woonvorm,
)

pytestmark = pytest.mark.django_db


def slugs(response):
    assert response.status_code == 200, response.content
    return [row["slug"] for row in response.json()["results"]]


def test_a_vocabulary_lists_its_terms_with_search_sort_and_filters(client):
    make_doelgroep(slug="jongeren", naam="Jongeren", soort="leeftijd")
    make_doelgroep(slug="gezinnen", naam="Gezinnen", soort="huishouden")
    make_doelgroep(slug="jongvolwassenen", naam="Jongvolwassenen", soort="leeftijd")
    assert slugs(client.get("/api/v1/doelgroepen?soort=leeftijd&sort=naam")) == [
        "jongeren",
        "jongvolwassenen",
    ]
    assert slugs(client.get("/api/v1/doelgroepen?q=jong&sort=-naam")) == ["jongvolwassenen", "jongeren"]
    assert client.get("/api/v1/doelgroepen?soort=dieren").status_code == 400


def test_organisations_by_kind_and_place(client):
    utrecht = make_plaats(slug="utrecht", naam="Utrecht")
    make_organisatie(slug="portaal", naam="Portaal", soort=Organisatie.Soort.WONINGCORPORATIE, plaats=utrecht)
    make_organisatie(slug="lister", naam="Lister", soort=Organisatie.Soort.ZORGAANBIEDER)
    assert slugs(client.get("/api/v1/organisaties?soort=woningcorporatie")) == ["portaal"]
    assert slugs(client.get("/api/v1/organisaties?plaats=utrecht")) == ["portaal"]
    body = client.get("/api/v1/organisaties/portaal").json()
    assert body["plaats"]["url"] == "http://testserver/api/v1/plaatsen/utrecht"
    assert body["soort"] == {"code": "woningcorporatie", "naam": "woningcorporatie"}


def test_a_term_links_to_the_lists_that_filter_on_it(client):
    huur = make_contractvorm(slug="huur", naam="Huur")
    make_woonvorm(contractvormen=[huur])
    make_praktijkvoorbeeld(contractvormen=[huur])
    body = client.get("/api/v1/contractvormen/huur").json()
    assert body["gebruik"] == [
        {"soort": "woonvorm", "aantal": 1, "lijst": "http://testserver/api/v1/woonvormen?contractvorm=huur"},
        {
            "soort": "praktijkvoorbeeld",
            "aantal": 1,
            "lijst": "http://testserver/api/v1/praktijkvoorbeelden?contractvorm=huur",
        },
    ]
    listed = client.get(body["gebruik"][0]["lijst"]).json()
    assert listed["count"] == 1


def test_a_source_links_to_each_list_filtered_on_it_where_it_has_items(client):
    bron = make_bron(slug="waaier", naam="Waaier", jaar=2024, url="https://example.org/waaier.pdf")
    make_woonvorm(bron=bron)
    make_woonvorm()
    make_praktijkvoorbeeld(bron=bron)
    usage = {row["soort"]: row for row in client.get("/api/v1/bronnen/waaier").json()["gebruik"]}
    assert usage["woonvorm"]["lijst"].endswith("/api/v1/woonvormen?bron=waaier")
    assert client.get(usage["woonvorm"]["lijst"]).json()["count"] == 1
    assert usage["praktijkvoorbeeld"]["lijst"].endswith("/api/v1/praktijkvoorbeelden?bron=waaier")
    assert usage["succesversneller"] == {"soort": "succesversneller", "aantal": 0, "lijst": None}
    assert client.get("/api/v1/bronnen/waaier").json()["document"] == "https://example.org/waaier.pdf"


def test_places_carry_their_provincie(client):
    make_plaats(slug="assen", naam="Assen", provincie=Plaats.Provincie.DRENTHE)
    make_plaats(slug="ede", naam="Ede", provincie=Plaats.Provincie.GELDERLAND)
    assert slugs(client.get("/api/v1/plaatsen?provincie=drenthe")) == ["assen"]
    assert client.get("/api/v1/plaatsen/assen").json()["provincie"] == {"code": "drenthe", "naam": "Drenthe"}


def test_the_toetsingskader_with_its_rules(client):
    make_toetsingskader()
    make_principe(nummer=1, slug="voorkomen", naam="Voorkomen")
    body = client.get("/api/v1/toetsingskader").json()
    assert [t["code"] for t in body["toetspunten"]] == [*(f"T{n}" for n in range(1, 8)), "A1", "A2", "A3"]
    assert {row["waarde"]["code"]: row["punten"] for row in body["punten"]} == {
        "voldoet": 2,
        "deels": 1,
        "niet": 0,
        "onbekend": None,
        "nvt": None,
    }
    levels = {row["code"]: row["vanafPercentage"] for row in body["niveaus"]}
    assert levels["volledig"] == 100 and levels["dichtbij"] == 75 and levels["onbekend"] is None
    assert body["kernpunten"] == 7 and body["minimaalGescoord"] == 4
    assert slugs(client.get("/api/v1/toetspunten?soort=aanvullend")) == ["a1", "a2", "a3"]
    assert client.get("/api/v1/toetspunten/T3").json()["code"] == "T3", "a code is found in capitals too"
    assert client.get("/api/v1/leidende-principes/voorkomen").json()["nummer"] == 1


def test_the_routekaart_phases_with_roles_tools_and_checklist(client):
    fase = make_fase(1, items=3, slug="orientatie", naam="Oriëntatie")
    make_fase(2, items=1)
    FaseRol.objects.create(fase=fase, partij=FaseRol.Partij.GEMEENTE, taken="Regie nemen\nBudget vrijmaken")
    published = make_woonvorm(slug="buur")
    hidden = make_woonvorm(slug="geheim-qx", status=Status.CONCEPT)
    Hulpmiddel.objects.create(fase=fase, titel="Receptenboek", woonvorm=published)
    Hulpmiddel.objects.create(fase=fase, titel="Nog niet openbaar", woonvorm=hidden)
    listed = client.get("/api/v1/fasen").json()
    assert [row["nummer"] for row in listed["results"]] == [1, 2]
    body = client.get("/api/v1/fasen/orientatie").json()
    assert body["rollen"] == [
        {"partij": {"code": "gemeente", "naam": "gemeente"}, "taken": ["Regie nemen", "Budget vrijmaken"]}
    ]
    assert [tool["item"]["slug"] if tool["item"] else None for tool in body["hulpmiddelen"]] == ["buur", None]
    assert "geheim-qx" not in client.get("/api/v1/fasen/orientatie").content.decode()
    assert [punt["code"] for punt in body["checklist"]] == ["F1-1", "F1-2", "F1-3"]
    assert slugs(client.get("/api/v1/checklistpunten?fase=orientatie")) == ["f1-1", "f1-2", "f1-3"]
    assert client.get("/api/v1/checklistpunten/F1-2").json()["fase"]["nummer"] == 1


def test_the_search_across_every_kind_by_relevance(client):
    make_woonvorm(slug="jongerenhuis", naam="Jongerenhuis")
    make_succesversneller(slug="jongerenfonds", naam="Jongerenfonds")
    make_praktijkvoorbeeld(slug="ouderen", naam="Ouderenhof")
    make_woonvorm(slug="jongeren-concept", naam="Jongeren concept", status=Status.CONCEPT)
    body = client.get("/api/v1/zoeken?q=jongerenhuis").json()
    assert body["results"][0]["slug"] == "jongerenhuis"
    assert body["results"][0]["soort"] == "woonvorm"
    assert body["results"][0]["url"] == "http://testserver/api/v1/woonvormen/jongerenhuis"
    assert "jongeren-concept" not in client.get("/api/v1/zoeken?q=jongeren").content.decode()
    only = client.get("/api/v1/zoeken?q=jongerenfonds&soort=succesversneller").json()
    assert {row["soort"] for row in only["results"]} == {"succesversneller"}


def test_a_search_needs_a_text_and_known_kinds(client):
    response = client.get("/api/v1/zoeken?soort=woonvormen")
    assert response.status_code == 400
    names = {entry["name"] for entry in response.json()["invalidParams"]}
    assert names == {"q", "soort"}
