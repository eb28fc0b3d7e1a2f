"""/api/: the API explained in Dutch, with its OpenAPI document as a page of the site."""

import re
from urllib.parse import urlsplit

import pytest

from tests.factories import make_woonvorm

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(client):
    make_woonvorm(slug="buur", naam="BUUR")
    response = client.get("/api/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_page_explains_the_api_in_dutch_with_examples(page):
    assert 'lang="nl"' in page
    assert "Open data: de API" in page
    assert "http://testserver/api/v1/woonvormen?doelgroep=jongeren&amp;sort=-score" in page
    assert "http://testserver/api/v1/woonvormen/buur" in page
    assert "http://testserver/api/v1/downloads/catalogus.json" in page
    assert "CC BY 4.0" in page
    for anchor in ("ongeldige-invoer", "niet-gevonden", "te-veel-verzoeken"):
        assert f'id="probleem-{anchor}"' in page, "problem types link here"


def test_the_page_renders_every_operation_and_schema_of_the_document(client, page):
    document = client.get("/api/v1/openapi.json").json()
    for operations in document["paths"].values():
        assert f'id="{operations["get"]["operationId"]}"' in page
    for name in document["components"]["schemas"]:
        assert f'id="schema-{name}"' in page


def test_the_page_loads_nothing_from_another_host(page):
    assets = re.findall(r'<(?:script|link|img|iframe)[^>]+(?:src|href)="([^"]+)"', page)
    assert assets
    assert [url for url in assets if urlsplit(url).netloc not in {"", "testserver"}] == []
    assert "<script" not in page.replace('<script type="application/ld+json"', ""), "no scripts at all"
