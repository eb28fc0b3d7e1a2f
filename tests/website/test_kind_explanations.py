"""What a woonvorm, succesversneller and praktijkvoorbeeld is, said once (catalogue/kinds.py) and shown on the
home page and above each list; and where a workgroup finds the werkgroepmap."""

import pytest
from django.utils.html import escape

from catalogue.kinds import KINDS

pytestmark = pytest.mark.django_db

WERKGROEPMAP_LINK = 'href="/werkgroepmap.xlsx" download'


def test_every_kind_has_an_explanation_that_names_it():
    for kind in KINDS:
        assert str(kind.uitleg).startswith(f"Een {kind.label} is ")


def test_the_home_page_explains_every_kind(client):
    html = client.get("/").content.decode()
    for kind in KINDS:
        assert escape(str(kind.uitleg)) in html


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.key)
def test_a_list_starts_with_the_explanation_of_its_kind_only(client, kind):
    html = client.get(kind.list_url()).content.decode()
    assert escape(str(kind.uitleg)) in html
    for other in KINDS:
        if other is not kind:
            assert escape(str(other.uitleg)) not in html


def test_the_home_page_offers_the_werkgroepmap_to_workgroups_with_what_it_holds(client):
    html = client.get("/").content.decode()
    section = html[html.index('id="werkgroepen-kop"') :]
    assert ">Voor werkgroepen</h2>" in section
    assert WERKGROEPMAP_LINK in section
    assert "toetsingsmatrix" in section


@pytest.mark.parametrize(
    "url", ["/woonvormen/", "/succesversnellers/?doelgroep=bestaat-niet", "/toetsingskader/matrix/"]
)
def test_the_export_area_links_the_werkgroepmap(client, url):
    html = client.get(url).content.decode()
    assert WERKGROEPMAP_LINK in html
