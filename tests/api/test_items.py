"""Woonvormen, succesversnellers and praktijkvoorbeelden in the API: only what a visitor may see, in full, and
problem responses for what cannot be answered."""

import json

import pytest

from assessment.models import Beoordeling, Score
from catalogue.models import Contactpersoon, Link, OrganisatieRol, Status
from tests.factories import (
    make_beoordeling,
    make_bron,
    make_contractvorm,
    make_doelgroep,
    make_organisatie,
    make_persona,
    make_praktijkvoorbeeld,
    make_succesversneller,
    make_toetsingskader,
    make_user,
    make_woonvorm,
)

pytestmark = pytest.mark.django_db

PERSON = {"naam": "Anna de Vries", "email": "anna.devries@example.nl", "telefoon": "06-12345678"}
DESK = {"email": "aanmelden@example.nl", "telefoon": "010-7654321", "rol": "aanmelding"}


def every_answer(client, item):
    """The item's detail, its list, the search and the download: everywhere the API could show it."""
    kind = item._meta.model_name
    segment = {"woonvorm": "woonvormen", "praktijkvoorbeeld": "praktijkvoorbeelden"}.get(
        kind, "succesversnellers"
    )
    urls = [
        f"/api/v1/{segment}/{item.slug}",
        f"/api/v1/{segment}?pageSize=100",
        f"/api/v1/zoeken?q={item.naam.split()[0]}",
        "/api/v1/downloads/catalogus.json",
    ]
    return {url: client.get(url) for url in urls}


def test_a_woonvorm_in_full_with_its_relations_as_links(client):
    make_toetsingskader()
    jongeren = make_doelgroep(slug="jongeren", naam="Jongeren")
    woonvorm = make_woonvorm(
        slug="buur",
        naam="BUUR",
        doelgroepen=[jongeren],
        contractvormen=[make_contractvorm(slug="huur", naam="Huurcontract")],
        werkzame_elementen="- Eigen voordeur\n- Een vast gezicht\n",
        begeleiding="verplicht",
    )
    OrganisatieRol.objects.create(
        woonvorm=woonvorm, organisatie=make_organisatie(slug="portaal", naam="Portaal"), rol="verhuurder"
    )
    Link.objects.create(woonvorm=woonvorm, url="https://example.org/buur", titel="Over BUUR")
    make_beoordeling(woonvorm=woonvorm, scores={"T1": Score.Waarde.VOLDOET, "T2": Score.Waarde.DEELS})

    body = client.get("/api/v1/woonvormen/buur").json()

    assert body["slug"] == "buur"
    assert body["naam"] == "BUUR"
    assert body["url"] == "http://testserver/api/v1/woonvormen/buur"
    assert body["webpagina"] == "http://testserver/woonvormen/buur/"
    assert body["werkzameElementen"] == ["Eigen voordeur", "Een vast gezicht"]
    assert body["begeleiding"] == {"code": "verplicht", "naam": "Verplicht"}
    assert body["doelgroepen"] == [
        {"slug": "jongeren", "naam": "Jongeren", "url": "http://testserver/api/v1/doelgroepen/jongeren"}
    ]
    assert body["contractvormen"][0]["url"] == "http://testserver/api/v1/contractvormen/huur"
    assert body["organisaties"][0]["organisatie"]["url"] == "http://testserver/api/v1/organisaties/portaal"
    assert body["organisaties"][0]["rol"] == {"code": "verhuurder", "naam": "verhuurder of eigenaar"}
    assert body["links"][0]["url"] == "https://example.org/buur"
    scores = body["beoordeling"]["scores"]
    assert [(s["toetspunt"]["code"], s["waarde"]["code"], s["punten"]) for s in scores] == [
        ("T1", "voldoet", 2),
        ("T2", "deels", 1),
    ]
    assert body["wonenEerst"]["punten"] == 3
    assert body["wonenEerst"]["percentage"] == 75
    assert body["beoordeling"]["wonenEerst"] == body["wonenEerst"]
    assert "_" not in "".join(body), "properties are lowerCamelCase"


def test_the_score_in_a_list_row_is_the_score_of_the_page(client):
    make_toetsingskader()
    woonvorm = make_woonvorm(slug="hoog")
    make_beoordeling(woonvorm=woonvorm, scores={f"T{n}": Score.Waarde.VOLDOET for n in range(1, 8)})
    row = client.get("/api/v1/woonvormen").json()["results"][0]
    assert row["wonenEerst"]["percentage"] == 100
    assert row["wonenEerst"]["niveau"] == {"code": "volledig", "naam": "sluit volledig aan"}
    page = client.get("/woonvormen/")
    assert row["wonenEerst"]["tekst"] in page.content.decode()


def test_concept_and_archived_items_never_appear(client):
    make_woonvorm(slug="zichtbaar", naam="Zichtbaar wonen")
    concept = make_woonvorm(slug="geheim-qx", naam="Geheimwonen concept", status=Status.CONCEPT)
    archived = make_praktijkvoorbeeld(slug="oud-qx", naam="Oudwonen archief", status=Status.GEARCHIVEERD)
    hidden = make_succesversneller(slug="verborgen-qx", naam="Verborgenversneller", status=Status.CONCEPT)
    for item in (concept, archived, hidden):
        for url, response in every_answer(client, item).items():
            if url.endswith(item.slug):
                continue
            assert response.status_code == 200, url
            assert item.slug not in response.content.decode(), url
    assert client.get("/api/v1/woonvormen/geheim-qx").status_code == 404
    assert client.get("/api/v1/succesversnellers/verborgen-qx").status_code == 404


def test_an_archived_item_answers_410_gone(client):
    make_praktijkvoorbeeld(slug="oud", status=Status.GEARCHIVEERD)
    response = client.get("/api/v1/praktijkvoorbeelden/oud")
    assert response.status_code == 410
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["title"] == "Niet meer beschikbaar"


def test_staff_get_no_more_than_visitors(client):
    """The API is public: a logged-in editor gets the same answer, concepts and named persons left out."""
    make_woonvorm(slug="concept", status=Status.CONCEPT)
    woonvorm = make_woonvorm(slug="open")
    Contactpersoon.objects.create(woonvorm=woonvorm, **PERSON)
    client.force_login(make_user(superuser=True))
    assert client.get("/api/v1/woonvormen/concept").status_code == 404
    body = client.get("/api/v1/woonvormen/open").content.decode()
    assert PERSON["email"] not in body


@pytest.mark.parametrize("maker", [make_woonvorm, make_succesversneller, make_praktijkvoorbeeld])
def test_persons_appear_by_name_only_and_organisations_contact_points_in_full(client, maker):
    item = maker(naam="Contactwonen proef")
    organisatie = make_organisatie(slug="loket", naam="Het Loket")
    Contactpersoon.objects.create(**{item._meta.model_name: item}, organisatie=organisatie, **PERSON)
    Contactpersoon.objects.create(**{item._meta.model_name: item}, organisatie=organisatie, **DESK)
    client.force_login(make_persona("Beheerder"))
    answers = every_answer(client, item)
    for url, response in answers.items():
        assert response.status_code == 200, url
        body = response.content.decode()
        for value in (PERSON["email"], PERSON["telefoon"]):
            assert value not in body, (url, value)
    detail = json.loads(next(iter(answers.values())).content)
    loket = {"slug": "loket", "naam": "Het Loket", "url": "http://testserver/api/v1/organisaties/loket"}
    assert detail["contactpunten"] == [
        {"naam": "Anna de Vries", "organisatie": loket, "rol": "", "email": "", "telefoon": ""},
        {
            "naam": "",
            "organisatie": {
                "slug": "loket",
                "naam": "Het Loket",
                "url": "http://testserver/api/v1/organisaties/loket",
            },
            "rol": "aanmelding",
            "email": "aanmelden@example.nl",
            "telefoon": "010-7654321",
        },
    ]


def test_only_vastgestelde_beoordelingen_appear(client):
    make_toetsingskader()
    woonvorm = make_woonvorm(slug="beoordeeld")
    make_beoordeling(woonvorm=woonvorm, slug="vast", scores={"T1": Score.Waarde.VOLDOET})
    make_beoordeling(woonvorm=woonvorm, slug="ontwerp", status=Beoordeling.Status.CONCEPT)
    make_beoordeling(woonvorm=woonvorm, slug="oude", status=Beoordeling.Status.VERVALLEN)
    other = make_woonvorm(slug="geen-vaste")
    make_beoordeling(woonvorm=other, slug="alleen-ontwerp", status=Beoordeling.Status.CONCEPT)
    hidden = make_woonvorm(slug="concept-item", status=Status.CONCEPT)
    make_beoordeling(woonvorm=hidden, slug="van-concept")

    listed = client.get("/api/v1/beoordelingen").json()
    assert [row["slug"] for row in listed["results"]] == ["vast"]
    for slug in ("ontwerp", "oude", "alleen-ontwerp", "van-concept"):
        assert client.get(f"/api/v1/beoordelingen/{slug}").status_code == 404
    assert client.get("/api/v1/woonvormen/geen-vaste").json()["beoordeling"] is None
    dump = client.get("/api/v1/downloads/catalogus.json").json()
    assert [row["slug"] for row in dump["beoordelingen"]] == ["vast"]


def test_a_beoordeling_names_its_item_and_its_scores_with_reasons(client):
    make_toetsingskader()
    woonvorm = make_woonvorm(slug="buur", naam="BUUR")
    make_beoordeling(woonvorm=woonvorm, slug="buur-2026", scores={"T3": Score.Waarde.VOLDOET_NIET})
    body = client.get("/api/v1/beoordelingen/buur-2026").json()
    assert body["item"]["soort"] == "woonvorm"
    assert body["item"]["url"] == "http://testserver/api/v1/woonvormen/buur"
    assert body["status"]["code"] == "vastgesteld"
    assert body["datum"] == "2026-01-01"
    assert body["scores"][0]["toelichting"] == "Bewijs voor T3."
    assert body["scores"][0]["waarde"] == {"code": "niet", "naam": "voldoet niet"}
    assert client.get("/api/v1/beoordelingen?soort=praktijkvoorbeeld").json()["count"] == 0
    assert client.get("/api/v1/beoordelingen?woonvorm=buur").json()["count"] == 1


def test_a_beoordeling_says_who_assessed_it_on_which_sources_and_where_each_score_rests(client):
    make_toetsingskader()
    beoordeling = make_beoordeling(
        woonvorm=make_woonvorm(slug="buur"),
        slug="buur-2026",
        beoordelaar_soort="redactie",
        beoordelaar="Redactie van de Wonen Eerst receptenbank",
        werkwijze="Afgeleid uit de tekst van het receptenboek.",
        scores={"T3": Score.Waarde.DEELS},
    )
    beoordeling.bronnen.add(make_bron(slug="receptenboek", naam="Van nu naar Wonen Eerst"))
    beoordeling.scores.update(vindplaats="Recept ‘BUUR’, alinea Wonen Eerst")
    body = client.get("/api/v1/beoordelingen/buur-2026").json()
    assert body["beoordelaarSoort"]["code"] == "redactie"
    assert body["beoordelaar"] == "Redactie van de Wonen Eerst receptenbank"
    assert body["werkwijze"] == "Afgeleid uit de tekst van het receptenboek."
    assert [bron["slug"] for bron in body["bronnen"]] == ["receptenboek"]
    assert body["bronnen"][0]["url"] == "http://testserver/api/v1/bronnen/receptenboek"
    assert body["scores"][0]["vindplaats"] == "Recept ‘BUUR’, alinea Wonen Eerst"
