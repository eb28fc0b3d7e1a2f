"""The whole public catalogue as one download: gzip, with a licence, made again after every edit."""

import gzip
import json

import pytest

from catalogue.models import Status
from tests.factories import make_doelgroep, make_fase, make_toetsingskader, make_woonvorm

pytestmark = pytest.mark.django_db

URL = "/api/v1/downloads/catalogus.json"


def test_the_download_is_gzip_compressed_json_with_its_licence(client):
    make_woonvorm(slug="een", doelgroepen=[make_doelgroep(slug="jongeren")])
    response = client.get(URL, headers={"Accept-Encoding": "gzip, deflate, br"})
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert "Accept-Encoding" in response["Vary"]
    assert response["Content-Disposition"].startswith('attachment; filename="wonen-eerst-catalogus-')
    document = json.loads(gzip.decompress(response.content))
    assert document["licentie"] == {
        "naam": "CC BY 4.0",
        "url": "https://creativecommons.org/licenses/by/4.0/deed.nl",
    }
    assert "Wonen Eerst receptenbank" in document["naamsvermelding"]
    assert [row["slug"] for row in document["woonvormen"]] == ["een"]
    assert document["doelgroepen"][0]["slug"] == "jongeren"
    assert document["aantallen"]["woonvormen"] == 1


def test_a_client_without_gzip_gets_the_same_json_uncompressed(client):
    make_woonvorm(slug="een")
    compressed = client.get(URL, headers={"Accept-Encoding": "gzip"})
    plain = client.get(URL, headers={"Accept-Encoding": "identity"})
    refused = client.get(URL, headers={"Accept-Encoding": "gzip;q=0"})
    assert "Content-Encoding" not in plain
    assert "Content-Encoding" not in refused
    assert json.loads(plain.content) == json.loads(gzip.decompress(compressed.content))
    assert plain["ETag"] != compressed["ETag"], "two representations, two ETags"


def test_the_download_holds_every_resource_in_full(client):
    make_toetsingskader()
    make_fase(1, items=2)
    make_woonvorm(slug="een")
    document = client.get(URL).json()
    for section in (
        "woonvormen",
        "succesversnellers",
        "praktijkvoorbeelden",
        "doelgroepen",
        "contractvormen",
        "woonsituaties",
        "woonzorgconcepten",
        "plaatsen",
        "organisaties",
        "bronnen",
        "succesversnellerTypen",
        "bijdragen",
        "beoordelingen",
        "toetspunten",
        "leidendePrincipes",
        "fasen",
        "checklistpunten",
    ):
        assert section in document, section
    assert document["woonvormen"][0] == client.get("/api/v1/woonvormen/een").json()
    assert len(document["toetspunten"]) == 10
    assert [punt["code"] for punt in document["fasen"][0]["checklist"]] == ["F1-1", "F1-2"]


def test_the_download_is_made_again_after_an_edit_and_kept_until_then(client, django_assert_num_queries):
    woonvorm = make_woonvorm(slug="een", naam="Eerste naam")
    first = client.get(URL)
    with django_assert_num_queries(0):
        assert client.get(URL).content == first.content
    woonvorm.naam = "Tweede naam"
    woonvorm.save()
    make_woonvorm(slug="nieuw-concept", status=Status.CONCEPT)
    after = client.get(URL).json()
    assert [row["naam"] for row in after["woonvormen"]] == ["Tweede naam"]
    assert client.get(URL, headers={"If-None-Match": first["ETag"]}).status_code == 200
    assert client.get(URL, headers={"If-None-Match": client.get(URL)["ETag"]}).status_code == 304
