"""The kaart: provincies and plaatsen drawn as inline SVG links whose counts are the counts of the lists they
open, with the same counts in a table, and nothing from another host."""

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from defusedxml import ElementTree
from django.http import QueryDict

from catalogue.kinds import BY_KEY
from catalogue.models import Status
from tests.factories import make_plaats, make_praktijkvoorbeeld, make_woonvorm
from website import kaart, selectors

pytestmark = pytest.mark.django_db


class Links(HTMLParser):
    """The links of the page: in the SVG (href, accessible name) and in the table (href, text)."""

    def __init__(self, html):
        super().__init__()
        self.svg, self.table, self.depth, self.in_table, self.text = [], [], 0, False, None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "svg" and "kaart__svg" in attrs.get("class", ""):
            self.depth += 1
        elif tag == "table":
            self.in_table = True
        elif tag == "a" and self.depth:
            self.svg.append((attrs["href"], attrs["aria-label"]))
        elif tag == "a" and self.in_table:
            self.text = [attrs["href"], ""]

    def handle_data(self, data):
        if self.text is not None:
            self.text[1] += data

    def handle_endtag(self, tag):
        if tag == "svg" and self.depth:
            self.depth -= 1
        elif tag == "table":
            self.in_table = False
        elif tag == "a" and self.text is not None:
            self.table.append(tuple(self.text))
            self.text = None


def list_count(href):
    """What the list a link opens counts."""
    url = urlsplit(href)
    kind = next(kind for kind in BY_KEY.values() if url.path == f"/{kind.segment}/")
    return selectors.item_filterset(kind.model, QueryDict(url.query)).qs.count()


def page(client, query=""):
    response = client.get(f"/kaart/{query}")
    assert response.status_code == 200
    return response.content.decode()


def test_a_place_outside_the_drawing_is_listed_in_the_table_only(client):
    elders = make_plaats(naam="Nergenshuizen", slug="nergenshuizen", provincie="zeeland")
    make_praktijkvoorbeeld(plaatsen=[elders])
    make_praktijkvoorbeeld(plaatsen=[make_plaats(naam="Utrecht", slug="utrecht", provincie="utrecht")])
    links = Links(page(client))
    assert ("/praktijkvoorbeelden/?plaats=nergenshuizen", "Nergenshuizen") in links.table
    assert all("nergenshuizen" not in href for href, _name in links.svg)
    assert ("/praktijkvoorbeelden/?plaats=utrecht", "Utrecht: 1 praktijkvoorbeeld") in links.svg
    assert ("/praktijkvoorbeelden/?provincie=zeeland", "Zeeland: 1 praktijkvoorbeeld") in links.svg


def test_concept_and_archived_items_are_not_counted_and_items_without_a_place_are_named(client):
    zwolle = make_plaats(slug="zwolle", naam="Zwolle", provincie="overijssel")
    make_woonvorm(plaatsen=[zwolle], status=Status.CONCEPT)
    make_woonvorm(plaatsen=[zwolle], status=Status.GEARCHIVEERD)
    make_woonvorm()
    html = page(client, "?soort=woonvorm")
    assert ("/woonvormen/?provincie=overijssel", "Overijssel: 0 woonvormen") in Links(html).svg
    assert "Zwolle" not in html
    assert "Niet op de kaart, want zonder plaats: 1 woonvorm." in html


def test_the_svg_is_well_formed_with_a_title_and_a_legend_beside_it(client):
    make_praktijkvoorbeeld(plaatsen=[make_plaats(slug="assen", naam="Assen & co", provincie="drenthe")])
    html = page(client)
    svg = re.search(r'<svg class="kaart__svg".*?</svg>', html, re.S).group()
    root = ElementTree.fromstring(svg)
    assert root.find("title").text == "Kaart van Nederland: praktijkvoorbeelden per provincie"
    assert len(root.findall("a")) == len(kaart.drawing()["provincies"]) + 1
    assert "Assen &amp; co: 1 praktijkvoorbeeld" in svg
    legend = html.split('class="kaart__legenda"')[1]
    for words in ("geen", "2–4", "10 of meer", "plaats met praktijkvoorbeelden"):
        assert words in legend


def test_nothing_on_the_page_comes_from_or_points_to_another_host(client):
    make_praktijkvoorbeeld(plaatsen=[make_plaats(provincie="drenthe")])
    html = page(client)
    addresses = re.findall(r'(?:href|src|action|xlink:href)="([^"]*)"', html)
    assert addresses
    assert [a for a in addresses if re.match(r"(?i)([a-z]+:|//)", a)] == []
    assert "url(" not in html
    assert "Natural Earth (publiek domein)" in html and "GeoNames (CC BY 4.0)" in html


def test_an_unknown_kind_gets_a_dutch_message_and_the_praktijkvoorbeelden(client):
    html = page(client, "?soort=succesversneller")
    assert "Onbekende soort genegeerd: succesversneller" in html
    assert 'aria-current="page">Praktijkvoorbeelden' in html
    assert "Kaart van Nederland: praktijkvoorbeelden per provincie" in html


# The tests with the real catalogue come last: it stays loaded until the end of the module.


@pytest.mark.parametrize("soort", ["praktijkvoorbeeld", "woonvorm"])
def test_every_provincie_and_plaats_with_items_links_to_its_list_with_the_same_count(
    client, loaded_content, soort
):
    kind = BY_KEY[soort]
    links = Links(page(client, f"?soort={soort}"))
    provincies = {}
    for href, name in links.svg:
        count = int(re.search(r": (\d+) ", name).group(1))
        assert name.endswith(str(kind.count_label(count)))
        assert urlsplit(href).path == f"/{kind.segment}/"
        assert count == list_count(href), name
        if "provincie=" in href:
            provincies[urlsplit(href).query.removeprefix("provincie=")] = count
    drawn = set(kaart.drawing()["provincies"])
    assert set(provincies) == drawn, "every provincie of the drawing is a link"
    with_items = {value for value in drawn if list_count(kind.list_url(provincie=value))}
    assert with_items and with_items == {value for value, count in provincies.items() if count}
    places = [href for href, _name in links.svg if "plaats=" in href]
    assert places, "the catalogue's plaatsen are drawn as dots"


def test_the_table_gives_the_same_counts_for_both_kinds_with_the_plaatsen(client, loaded_content):
    links = Links(page(client))
    counted = [(href, text) for href, text in links.table if "provincie=" in href]
    assert {urlsplit(href).path for href, _text in counted} == {"/woonvormen/", "/praktijkvoorbeelden/"}
    for href, text in counted:
        assert int(text.split()[0]) == list_count(href), href
    places = [(href, text) for href, text in links.table if "plaats=" in href]
    assert places
    for href, text in places:
        assert list_count(href) >= 1, text
