"""Detail pages carry schema.org JSON-LD describing the item, the same for every visitor."""

import json
import re

import pytest

from assessment.models import Score
from catalogue.models import OrganisatieRol, Plaats, Status
from tests.factories import (
    make_beoordeling,
    make_bron,
    make_doelgroep,
    make_organisatie,
    make_persona,
    make_plaats,
    make_succesversneller,
    make_toetsingskader,
    make_woonvorm,
)

pytestmark = pytest.mark.django_db

SCRIPT = re.compile(r'<script type="application/ld\+json"([^>]*)>(.*?)</script>', re.S)


def json_ld(response):
    found = SCRIPT.findall(response.content.decode())
    assert len(found) == 1
    attributes, text = found[0]
    # A data block is never run, so the policy does not apply to it; without a nonce nothing in the page
    # belongs to one request, and the page can be kept for every visitor (core/page_cache.py).
    assert "nonce" not in attributes
    return json.loads(text)


def test_a_woonvorm_page_describes_the_item_for_search_engines(client):
    make_toetsingskader()
    woonvorm = make_woonvorm(
        slug="buur",
        naam="BUUR",
        samenvatting="Gemengd wonen in Utrecht.",
        doelgroepen=[make_doelgroep(naam="Jongeren")],
        plaatsen=[make_plaats(naam="Utrecht", provincie=Plaats.Provincie.UTRECHT)],
        bron=make_bron(naam="Van nu naar Wonen Eerst", uitgever="Werkgroep", jaar=2025),
    )
    organisatie = make_organisatie(naam="Portaal", website="https://portaal.example.nl/")
    OrganisatieRol.objects.create(woonvorm=woonvorm, organisatie=organisatie, rol="verhuurder")
    make_beoordeling(woonvorm=woonvorm, scores={f"T{n}": Score.Waarde.VOLDOET for n in range(1, 5)})

    data = json_ld(client.get("/woonvormen/buur/"))

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "CreativeWork"
    assert data["url"] == "http://testserver/woonvormen/buur/"
    assert data["name"] == "BUUR"
    assert data["description"] == "Gemengd wonen in Utrecht."
    assert data["audience"] == [{"@type": "Audience", "audienceType": "Jongeren"}]
    assert data["spatialCoverage"][0]["containedInPlace"]["name"] == "Utrecht"
    assert data["isBasedOn"]["publisher"]["name"] == "Werkgroep"
    assert data["mentions"] == [
        {"@type": "Organization", "name": "Portaal", "url": "https://portaal.example.nl/"}
    ]
    assert data["review"]["reviewRating"]["ratingValue"] == 100
    assert data["review"]["author"]["name"] == "Werkgroep Wonen Eerst, receptenboek"
    assert data["license"].startswith("https://creativecommons.org/")


def test_text_that_could_close_the_script_is_escaped(client):
    make_succesversneller(slug="gevaar", naam="</script><script>alert(1)</script>")
    body = client.get("/succesversnellers/gevaar/").content.decode()
    assert "<script>alert(1)" not in body
    data = json_ld(client.get("/succesversnellers/gevaar/"))
    assert data["name"] == "</script><script>alert(1)</script>"


def test_the_json_ld_is_cached_until_the_next_edit(client, django_assert_max_num_queries):
    woonvorm = make_woonvorm(slug="buur", naam="BUUR")
    client.get("/woonvormen/buur/")
    with django_assert_max_num_queries(1):
        again = client.get("/woonvormen/buur/")
    assert json_ld(again)["name"] == "BUUR"
    woonvorm.naam = "BUUR Utrecht"
    woonvorm.save()
    assert json_ld(client.get("/woonvormen/buur/"))["name"] == "BUUR Utrecht"


def test_a_preview_of_a_concept_has_none(client):
    make_woonvorm(slug="concept", status=Status.CONCEPT)
    client.force_login(make_persona("Redacteur"))
    response = client.get("/woonvormen/concept/")
    assert response.status_code == 200
    assert "application/ld+json" not in response.content.decode()


def test_the_page_points_to_the_item_in_the_api(client):
    make_woonvorm(slug="buur")
    body = client.get("/woonvormen/buur/").content.decode()
    assert '<link rel="alternate" type="application/json" href="/api/v1/woonvormen/buur"' in body
