"""The compare page: adding items from anywhere (search, suggestions), removing them, the maximum of four, and
"alleen verschillen" applied to every row."""

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from assessment.models import Score
from catalogue.models import Begeleiding, Leeftijdsgroep, Status
from tests.factories import (
    make_beoordeling,
    make_bron,
    make_contractvorm,
    make_doelgroep,
    make_plaats,
    make_praktijkvoorbeeld,
    make_succesversneller,
    make_toetsingskader,
    make_woonvorm,
)

pytestmark = pytest.mark.django_db

V, D, N = Score.Waarde.VOLDOET, Score.Waarde.DEELS, Score.Waarde.VOLDOET_NIET
CODES = [f"T{n}" for n in range(1, 8)] + ["A1", "A2", "A3"]


def key(item):
    return f"{item._meta.model_name}:{item.slug}"


def get(client, *items, **params):
    response = client.get(reverse("website:vergelijken"), {"items": [key(i) for i in items], **params})
    assert response.status_code == 200
    return response


def page_text(response):
    return unescape(re.sub(r"\s+", " ", response.content.decode()))


def shown_rows(response):
    """The label of every row the page shows, in order."""
    return [str(row["label"]) for section in response.context["sections"] for row in section["rows"]]


def links(response, css_class):
    """The query of every link with this class, as {param: [values]}, by the link's hidden words."""
    body = response.content.decode()
    found = {}
    for href, words in re.findall(
        rf'<a class="[^"]*{css_class}[^"]*" href="\?([^"]*)">.*?<span class="visually-hidden"> (.*?)</span>',
        body,
    ):
        found[unescape(words)] = parse_qs(unescape(href))
    return found


# Adding items from a detail page


@pytest.fixture
def jongerenhuizen():
    """A woonvorm from whose page a visitor starts, and others sharing more or fewer of its terms."""
    jongeren, dak = make_doelgroep(naam="Jongeren"), make_doelgroep(naam="Dakloze jongeren")
    campus, huur = make_contractvorm(naam="Campuscontract"), make_contractvorm(naam="Huurcontract")
    start = make_woonvorm(
        naam="Startpunt", slug="startpunt", doelgroepen=[jongeren, dak], contractvormen=[campus, huur]
    )
    return {
        "start": start,
        "drie": make_woonvorm(naam="Drie gedeeld", doelgroepen=[jongeren, dak], contractvormen=[campus]),
        "een": make_woonvorm(naam="Een gedeeld", contractvormen=[huur]),
        "twee": make_woonvorm(naam="Twee gedeeld", doelgroepen=[jongeren], contractvormen=[huur]),
        "niets": make_woonvorm(naam="Niets gedeeld", doelgroepen=[make_doelgroep()]),
        "concept": make_woonvorm(naam="Concept", doelgroepen=[jongeren, dak], status=Status.CONCEPT),
        "ander_soort": make_praktijkvoorbeeld(naam="Praktijk gedeeld", doelgroepen=[jongeren, dak]),
    }


def test_the_detail_pages_compare_button_leads_to_a_page_that_offers_items_to_add(client, jongerenhuizen):
    start = jongerenhuizen["start"]
    detail = client.get(start.get_absolute_url()).content.decode()
    assert 'name="items" value="woonvorm:startpunt"' in detail

    response = get(client, start)
    text = page_text(response)
    assert "Kies 2 tot 4 items om te vergelijken. Kies er nog minstens één bij" in text
    assert 'id="vergelijk-zoekterm"' in text and 'name="q"' in text, "a search box, a plain GET form"
    assert "Lijkt op Startpunt" in text
    suggested = [c["candidate"].naam for c in response.context["suggestions"]]
    # Most shared doelgroepen and contractvormen first; only published woonvormen sharing at least one term.
    assert suggested == ["Drie gedeeld", "Twee gedeeld", "Een gedeeld"]
    assert "3 doelgroepen" not in text and "2 doelgroepen en 1 contractvorm gemeen" in text
    adds = links(response, "compare-candidate__add")
    assert adds["Drie gedeeld aan de vergelijking"]["items"] == [
        "woonvorm:startpunt",
        f"woonvorm:{jongerenhuizen['drie'].slug}",
    ]
    assert "<table" not in text, "no table for one item"


def test_a_search_from_the_compare_page_lists_items_of_every_kind_with_a_link_that_adds_them(
    client, jongerenhuizen
):
    start = jongerenhuizen["start"]
    response = get(client, start, q="gedeeld", verschillen="1")
    found = [c["candidate"].naam for c in response.context["search_results"]]
    assert set(found) == {"Drie gedeeld", "Een gedeeld", "Twee gedeeld", "Niets gedeeld", "Praktijk gedeeld"}
    assert "Concept" not in found, "a concept item is never offered"
    adds = links(response, "compare-candidate__add")
    added = adds["Praktijk gedeeld aan de vergelijking"]
    assert added["items"] == ["woonvorm:startpunt", f"praktijkvoorbeeld:{jongerenhuizen['ander_soort'].slug}"]
    assert added["verschillen"] == ["1"] and added["q"] == ["gedeeld"], "the search and the setting stay"

    # Following the link compares the two; the item already chosen is no longer offered.
    response = client.get(reverse("website:vergelijken") + "?" + urlsplit("?" + _query(added)).query)
    assert [e["item"].naam for e in response.context["items"]] == ["Startpunt", "Praktijk gedeeld"]
    assert "Praktijk gedeeld" not in [c["candidate"].naam for c in response.context["search_results"]]
    assert "<table" in response.content.decode()


def _query(params):
    return "&".join(f"{name}={value}" for name, values in params.items() for value in values)


def test_a_search_that_finds_nothing_says_so(client, jongerenhuizen):
    text = page_text(get(client, jongerenhuizen["start"], q="zzzonbekendzzz"))
    assert "Niets gevonden om toe te voegen." in text


def test_each_item_can_be_removed_and_the_rest_stays_in_order(client, jongerenhuizen):
    items = [jongerenhuizen[name] for name in ("start", "drie", "een")]
    response = get(client, *items, verschillen="1")
    removes = links(response, "compare-remove")
    assert removes["Drie gedeeld uit de vergelijking"]["items"] == [key(items[0]), key(items[2])]
    assert removes["Drie gedeeld uit de vergelijking"]["verschillen"] == ["1"]
    assert removes["Startpunt uit de vergelijking"]["items"] == [key(items[1]), key(items[2])]


def test_four_items_is_the_maximum_and_the_page_says_so(client, jongerenhuizen):
    items = [jongerenhuizen[name] for name in ("start", "drie", "een", "twee")]
    response = get(client, *items)
    text = page_text(response)
    assert "Je vergelijkt al 4 items, het maximum. Verwijder er een om een ander item toe te voegen." in text
    assert 'id="vergelijk-zoekterm"' not in text and not response.context["suggestions"]

    response = get(client, *items, jongerenhuizen["niets"])
    assert "Je kunt hoogstens 4 items vergelijken; de eerste 4 zijn getoond." in page_text(response)
    assert [e["item"].naam for e in response.context["items"]] == [i.naam for i in items]


def test_without_items_the_page_offers_the_search_and_the_lists(client):
    response = client.get(reverse("website:vergelijken"))
    text = page_text(response)
    assert 'id="vergelijk-zoekterm"' in text and "Kies 2 tot 4 items" in text
    assert not response.context["suggestions"]


# "Alleen verschillen" on every row, for three items of different kinds


@pytest.fixture
def trio():
    return make_trio()


def make_trio():
    """A woonvorm, a praktijkvoorbeeld and a succesversneller with, per row, a known answer to "differ?"."""
    make_toetsingskader()
    bron = make_bron(naam="Receptenboek")
    jongeren = make_doelgroep(naam="Jongeren")
    campus = make_contractvorm(naam="Campuscontract")
    utrecht = make_plaats(naam="Utrecht")
    shared = {
        "bron": bron,
        "bron_vindplaats": "p. 12",
        "doelgroepen": [jongeren],
        "werkzame_elementen": "Eigen voordeur\nBegeleiding op maat",
    }
    woonvorm = make_woonvorm(
        naam="Wonen A",
        contractvormen=[campus],
        leeftijdsgroep=Leeftijdsgroep.JONGEREN,
        begeleiding=Begeleiding.VERPLICHT,
        plaatsen=[utrecht],
        beschrijving="Een huis.",
        **shared,
    )
    praktijk = make_praktijkvoorbeeld(
        naam="Praktijk B",
        contractvormen=[campus],
        leeftijdsgroep=Leeftijdsgroep.VOLWASSENEN,
        begeleiding=Begeleiding.VERPLICHT,
        plaatsen=[utrecht],
        beschrijving="Een project.",
        **shared,
    )
    versneller = make_succesversneller(
        naam="Versneller C", plaatsen=[make_plaats(naam="Amersfoort")], beschrijving="Een fonds.", **shared
    )
    make_beoordeling(woonvorm=woonvorm, scores={**dict.fromkeys(CODES, V), "T2": D})
    make_beoordeling(praktijkvoorbeeld=praktijk, scores={**dict.fromkeys(CODES, V), "T2": N, "A1": D})
    return woonvorm, praktijk, versneller


def test_only_differences_hides_every_row_that_is_the_same_for_the_items_that_have_it(client, trio):
    everything = shown_rows(get(client, *trio))
    toetspunten = [f"T{n}. Toetspunt T{n}" for n in range(1, 8)] + [
        f"A{n}. Toetspunt A{n}" for n in range(1, 4)
    ]
    assert everything == [
        "Soort",
        "Doelgroepen",
        "Leeftijdsgroep",
        "Contractvormen",
        "Begeleiding",
        "Benut leegstand",
        "Plaatsen",
        "Wonen Eerst",
        *toetspunten,
        "Wat is het?",
        "Werkzame elementen",
        "Bron",
    ]

    differences = get(client, *trio, verschillen="1")
    assert shown_rows(differences) == [
        "Soort",  # woonvorm, praktijkvoorbeeld, succesversneller
        # Doelgroepen: the same term for all three: hidden
        "Leeftijdsgroep",  # Jongeren against Volwassenen (the succesversneller has none)
        # Contractvormen, Begeleiding, Benut leegstand: the same for the two that have them: hidden
        "Plaatsen",  # Utrecht, Utrecht, Amersfoort
        "Wonen Eerst",  # the two assessed items reach a different level
        # T1, T3–T7, A2, A3: the same score for both assessed items: hidden
        "T2. Toetspunt T2",
        "A1. Toetspunt A1",
        "Wat is het?",  # three descriptions
        # Werkzame elementen and Bron: the same lines and the same source page: hidden
    ]
    text = page_text(differences)
    assert "Eigen voordeur" not in text and "Campuscontract" not in text
    assert "14 rijen zonder verschil verborgen." in text
    assert "3 items naast elkaar — alleen verschillen" in text


def test_a_field_one_kind_lacks_says_niet_van_toepassing_and_does_not_count_as_a_difference(client, trio):
    woonvorm, _praktijk, versneller = trio
    response = get(client, woonvorm, versneller)
    [contract] = [
        row
        for section in response.context["sections"]
        for row in section["rows"]
        if row["label"] == "Contractvormen"
    ]
    assert [cell.get("na", False) for cell in contract["cells"]] == [False, True]
    assert not contract["differs"]
    assert "Contractvormen" not in shown_rows(get(client, woonvorm, versneller, verschillen="1"))
    assert '<span class="visually-hidden">niet van toepassing</span>' in response.content.decode()


def test_items_that_are_the_same_everywhere_show_no_table_under_only_differences(client):
    bron = make_bron()
    twins = [
        make_woonvorm(naam=naam, bron=bron, samenvatting="Zelfde.") for naam in ("Tweeling A", "Tweeling B")
    ]
    text = page_text(get(client, *twins, verschillen="1"))
    assert "Deze items verschillen op geen enkel punt." in text
    assert "<table" not in text


def test_only_differences_applies_at_once_with_htmx_and_with_a_button_without_javascript(client, trio):
    body = get(client, *trio).content.decode()
    form = re.search(r'<form [^>]*class="compare-options".*?</form>', body, re.S).group(0)
    assert 'hx-trigger="change, submit"' in form and 'hx-push-url="true"' in form
    assert "#vergelijking," in form, "the table is swapped in place"
    assert 'type="submit"' in form and ">Toepassen<" in form, "without JavaScript: a button"
    assert "<script>" not in body and " style=" not in body, "no inline script or style (CSP)"


def test_the_table_has_a_caption_and_headers_for_items_and_fields(client, trio):
    body = get(client, *trio).content.decode()
    assert "<caption" in body
    assert body.count('<th scope="col"') == 3
    assert '<th scope="row"' in body


def test_the_page_links_to_its_export_with_the_same_selection_and_setting(client, trio):
    body = unescape(get(client, *trio, verschillen="1").content.decode())
    query = "?" + "&".join(f"items={key(item)}" for item in trio).replace(":", "%3A") + "&verschillen=1"
    for fmt in ("xlsx", "csv", "ods"):
        assert f'href="/vergelijken/export.{fmt}{query}"' in body
