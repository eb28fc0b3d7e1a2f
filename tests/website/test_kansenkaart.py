"""The kansenkaart: doelgroepen × contractvormen (or woonzorgconcepten), every count the count of the list it
links to, every empty cell named as "nog geen concept", and the same table as a spreadsheet."""

import re
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.management import call_command
from django.db import transaction
from django.http import QueryDict

from catalogue.kinds import KINDS
from catalogue.models import Status
from tests.factories import (
    make_contractvorm,
    make_doelgroep,
    make_plaats,
    make_praktijkvoorbeeld,
    make_succesversneller,
    make_woonvorm,
    make_woonzorgconcept,
)
from tests.query_counts import queries_per_url
from tests.spreadsheets.test_exports import download
from website import kansenkaart
from website.filters import FILTERSETS

pytestmark = pytest.mark.django_db

BY_SEGMENT = {f"/{kind.segment}/": kind for kind in KINDS}


class Grid(HTMLParser):
    """The body cells of the kansenkaart table: per row, per cell {kind key: (count, href)}, or None for a
    cell that says "nog geen concept"."""

    def __init__(self, html):
        super().__init__()
        self.rows, self.cell, self.link, self.in_table = [], None, None, False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table" and "kansenkaart" in attrs.get("class", "").split():
            self.in_table = True
        elif self.in_table and tag == "tr":
            self.rows.append([])
        elif self.in_table and tag == "td":
            self.cell = {"links": {}, "text": ""}
        elif self.cell is not None and tag == "a":
            self.link = {"href": attrs["href"], "text": ""}

    def handle_data(self, data):
        if self.link is not None:
            self.link["text"] += data
        if self.cell is not None:
            self.cell["text"] += data

    def handle_endtag(self, tag):
        if tag == "a" and self.link is not None:
            kind = BY_SEGMENT[urlsplit(self.link["href"]).path]
            count = int(re.search(r"\d+", self.link["text"]).group())
            self.cell["links"][kind.key] = (count, self.link["href"])
            self.link = None
        elif tag == "td" and self.cell is not None:
            empty = "nog geen concept" in self.cell["text"]
            assert empty != bool(self.cell["links"]), self.cell
            self.rows[-1].append(None if empty else self.cell["links"])
            self.cell = None
        elif tag == "table":
            self.in_table = False


def grid(client, query=""):
    response = client.get(f"/kansenkaart/?{query}")
    assert response.status_code == 200
    return [row for row in Grid(response.content.decode()).rows if row], response


def list_count(kind, query):
    """What the kind's public list counts for this query string: its FilterSet over the published items (the
    list adds only what its rows show and their order)."""
    return FILTERSETS[kind.model](QueryDict(query), queryset=kind.model.objects.published()).qs.count()


def query_string(**filters):
    return "&".join(f"{name}={value}" for name, values in filters.items() for value in values)


def test_both_kinds_are_counted_by_default_and_one_kind_when_chosen(client):
    jongeren, campus = make_doelgroep(naam="Jongeren"), make_contractvorm(naam="Campuscontract")
    make_woonvorm(doelgroepen=[jongeren], contractvormen=[campus])
    make_praktijkvoorbeeld(doelgroepen=[jongeren], contractvormen=[campus])
    make_praktijkvoorbeeld(doelgroepen=[jongeren], contractvormen=[campus])
    assert grid(client)[0] == [
        [
            {
                "woonvorm": (1, f"/woonvormen/?doelgroep={jongeren.slug}&contractvorm={campus.slug}"),
                "praktijkvoorbeeld": (
                    2,
                    f"/praktijkvoorbeelden/?doelgroep={jongeren.slug}&contractvorm={campus.slug}",
                ),
            }
        ]
    ]
    assert [list(cell) for cell in grid(client, "soort=praktijkvoorbeeld")[0][0]] == [["praktijkvoorbeeld"]]


def test_concept_archived_and_other_places_items_do_not_fill_a_cell(client):
    jongeren, campus = make_doelgroep(naam="Jongeren"), make_contractvorm(naam="Campuscontract")
    utrecht = make_plaats(provincie="utrecht")
    make_woonvorm(doelgroepen=[jongeren], contractvormen=[campus], status=Status.CONCEPT)
    make_woonvorm(doelgroepen=[jongeren], contractvormen=[campus], status=Status.GEARCHIVEERD)
    make_woonvorm(doelgroepen=[jongeren], contractvormen=[campus], plaatsen=[utrecht])
    make_succesversneller(doelgroepen=[jongeren])
    assert grid(client, "provincie=zeeland")[0] == [[None]]
    assert grid(client, "provincie=utrecht")[0][0][0]["woonvorm"][0] == 1


def test_empty_cells_say_nog_geen_concept_and_are_listed_below_the_table(client):
    jongeren = make_doelgroep(naam="Jongeren", soort="leeftijd")
    make_doelgroep(naam="Gezinnen", soort="huishouden")
    campus = make_contractvorm(naam="Campuscontract")
    make_contractvorm(naam="Omklapconstructie")
    make_woonzorgconcept(naam="Wooncirkel")
    make_woonvorm(doelgroepen=[jongeren], contractvormen=[campus])
    rows, response = grid(client)
    assert rows == [[None, None], [{"woonvorm": rows[1][0]["woonvorm"]}, None]], "huishouden before leeftijd"
    html = response.content.decode()
    section = html.split('id="zonder-kop"')[1]
    assert "3 combinaties van doelgroep en contractvorm hebben nog geen concept" in section
    assert "<strong>Gezinnen</strong>: nog geen concept met Campuscontract, Omklapconstructie." in section
    assert "<strong>Jongeren</strong>: nog geen concept met Omklapconstructie." in section
    assert "Jongeren</strong>: nog geen concept met Campuscontract" not in section
    switched = client.get("/kansenkaart/?kolom=woonzorgconcept").content.decode()
    assert "nog geen concept met Wooncirkel" in switched and "Campuscontract" not in switched


def test_the_table_has_a_caption_scoped_headers_and_scrolls_in_a_focusable_region(client):
    make_woonvorm(doelgroepen=[make_doelgroep()], contractvormen=[make_contractvorm()])
    html = client.get("/kansenkaart/").content.decode()
    assert '<caption id="kansenkaart-caption"' in html
    assert 'role="region" aria-labelledby="kansenkaart-caption" tabindex="0"' in html
    assert 'scope="col"' in html and 'scope="row"' in html and 'scope="colgroup"' in html


def test_bad_choices_get_a_dutch_message_and_the_defaults(client):
    make_woonvorm(doelgroepen=[make_doelgroep()], contractvormen=[make_contractvorm(naam="Campuscontract")])
    response = client.get("/kansenkaart/?kolom=leeftijd&soort=succesversneller&provincie=mars")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Deze zijn genegeerd" in html
    for label in ("Kolommen", "Soort", "Provincie"):
        assert f"{label}: Selecteer een geldige keuze" in html
    assert "Campuscontract" in html, "the columns fall back to the contractvormen"
    for fmt in ("xlsx", "csv", "ods"):
        notes, _headers, _rows = download(client, f"/kansenkaart/export.{fmt}?kolom=leeftijd&provincie=mars")
        assert any(label == "Genegeerd filter" and "Provincie" in value for label, value in notes)


@pytest.mark.parametrize("fmt", ["xlsx", "csv", "ods"])
def test_the_download_holds_the_matrix_with_its_filters_in_the_name(client, fmt):
    jongeren = make_doelgroep(naam="Jongeren", soort="leeftijd")
    make_doelgroep(naam="=Gezinnen", soort="huishouden")
    campus, omklap = make_contractvorm(naam="Campuscontract"), make_contractvorm(naam="Omklapconstructie")
    utrecht = make_plaats(provincie="utrecht")
    make_woonvorm(doelgroepen=[jongeren], contractvormen=[campus, omklap], plaatsen=[utrecht])
    make_woonvorm(doelgroepen=[jongeren], contractvormen=[campus], plaatsen=[utrecht])
    url = f"/kansenkaart/export.{fmt}?soort=woonvorm&provincie=utrecht"
    response = client.get(url)
    name = "kansenkaart-doelgroep-contractvorm-woonvormen-utrecht"
    assert re.fullmatch(
        rf'attachment; filename="{name}-\d{{4}}-\d\d-\d\d\.{fmt}"', response["Content-Disposition"]
    )
    notes, headers, rows = download(client, url)
    assert headers == ["Doelgroep", "Soort doelgroep", "Campuscontract", "Omklapconstructie"]
    numbers = [[int(value) for value in row[2:]] for row in rows]
    assert [row[:2] for row in rows] == [["'=Gezinnen", "huishouden"], ["Jongeren", "leeftijd"]]
    assert numbers == [[0, 0], [2, 1]]
    assert ("Filter", "Provincie: Utrecht") in notes
    assert str(dict(notes)["Combinaties zonder concept"]) == "2"


def test_lists_and_the_home_page_lead_to_the_kansenkaart(client):
    make_woonvorm(
        doelgroepen=[make_doelgroep()],
        contractvormen=[make_contractvorm()],
        plaatsen=[make_plaats(provincie="zeeland")],
    )
    html = client.get("/woonvormen/?provincie=zeeland").content.decode()
    assert 'href="/kansenkaart/?soort=woonvorm&amp;provincie=zeeland"' in html
    assert "Toon combinaties zonder resultaat" in html
    assert "Toon combinaties zonder resultaat" not in client.get("/succesversnellers/").content.decode()
    home = client.get("/").content.decode()
    assert 'href="/kansenkaart/"' in home and 'href="/kaart/"' in home


@pytest.fixture(scope="module")
def two_sizes(django_db_setup, django_db_blocker):
    """The query counts of the kansenkaart, its download and the kaart with 2 and 8 synthetic woonvormen."""
    urls = [
        "/kansenkaart/",
        "/kansenkaart/?kolom=woonzorgconcept&soort=praktijkvoorbeeld&provincie=zuid-holland",
        "/kansenkaart/export.xlsx?provincie=utrecht",
        "/kaart/",
        "/kaart/?soort=woonvorm",
    ]
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("genereer_testcatalogus", schaal=2, stdout=None)
        small = queries_per_url(urls)
        call_command("genereer_testcatalogus", schaal=6, stdout=None)
        large = queries_per_url(urls)
        transaction.set_rollback(True)
    return small, large


# (after an edit, once cached). The kansenkaart: the two vocabularies and one grouped count per kind. The
# kaart: per kind the counts per provincie, per plaats and without a plaats, then the plaatsen.
PINNED = {
    "/kansenkaart/": (4, 0),
    "/kaart/": (7, 0),
}


def test_the_kansenkaart_and_the_kaart_need_as_many_queries_at_four_times_the_size(two_sizes):
    small, large = two_sizes
    assert {url: status for url, (status, _a, _c) in small.items()} == dict.fromkeys(small, 200)
    assert small == large
    assert {url: small[url][1:] for url in PINNED} == PINNED


# The tests with the real catalogue come last: it stays loaded until the end of the module.
CASES = [
    "",
    "soort=woonvorm",
    "soort=praktijkvoorbeeld&kolom=woonzorgconcept",
    "provincie=zuid-holland",
    "kolom=woonzorgconcept&provincie=noord-holland&provincie=utrecht",
]


@pytest.mark.parametrize("query", CASES)
def test_every_cell_counts_what_its_list_counts_and_empty_cells_have_no_items(client, loaded_content, query):
    rows, _response = grid(client, query)
    chosen = kansenkaart.selection(QueryDict(query))
    doelgroepen = kansenkaart.terms(kansenkaart.ROW_FILTER)
    columns = kansenkaart.terms(chosen.column)
    assert len(rows) == len(doelgroepen) and {len(row) for row in rows} == {len(columns)}
    provincies = {"provincie": chosen.provincies} if chosen.provincies else {}
    linked = empty = 0
    for row, (doelgroep, _naam, _group) in zip(rows, doelgroepen, strict=True):
        for cell, (column, _n, _g) in zip(row, columns, strict=True):
            filters = query_string(doelgroep=[doelgroep], **{chosen.column: [column]}, **provincies)
            expected = {kind.key: list_count(kind, filters) for kind in chosen.kinds}
            if cell is None:
                assert set(expected.values()) == {0}, (doelgroep, column)
                empty += 1
                continue
            assert {key: count for key, (count, _href) in cell.items()} == {
                key: n for key, n in expected.items() if n
            }
            for _count, href in cell.values():
                assert parse_qs(urlsplit(href).query) == parse_qs(filters), "the link has the cell's filters"
            linked += 1
    assert linked and empty, "the real catalogue has both filled and empty combinations"
    count, href = next(iter(next(cell for row in rows for cell in row if cell).values()))
    listed = client.get(href).content.decode()
    assert re.search(rf"(?<!\d){count} resulta", listed), "the list page says the same number"
