"""What a search that finds nothing or little suggests ("Bedoelde u …?"), on the search page and on a list
searched with ?q=: links that run the corrected search and links to the pages of the terms meant."""

import re

import pytest
from django.db import connection

from catalogue.models import Status
from catalogue.suggestions import suggest
from tests.factories import make_contractvorm, make_doelgroep, make_praktijkvoorbeeld, make_woonvorm

pytestmark = pytest.mark.django_db

SEARCH = "/zoeken/"
LIST = "/woonvormen/"


def suggestions_block(body):
    """The suggestions as the page shows them ('' when there are none)."""
    found = re.search(r'<div class="empty-result__why search-suggestions">(.*?)</div>', body, re.S)
    return found.group(1) if found else ""


def search_links(block):
    """The corrected searches: (href, link text)."""
    lead = re.search(r'<p class="search-suggestions__lead".*?</p>', block, re.S).group(0)
    return re.findall(r'<a class="utrecht-link" href="([^"]*)">([^<]*)</a>', lead)


@pytest.fixture
def jongeren():
    doelgroep = make_doelgroep(slug="jongeren", naam="Jongeren")
    make_woonvorm(naam="Hofje", doelgroepen=[doelgroep])
    return doelgroep


def test_a_typo_suggests_the_term_meant_with_its_search_and_its_page(client, jongeren):
    body = client.get(SEARCH, {"q": "jongre"}).content.decode()
    assert "0 resultaten" in body
    block = suggestions_block(body)
    assert "Bedoelde u" in block
    assert ("?q=Jongeren", "Jongeren") in search_links(block)
    assert '<a class="utrecht-link" href="/doelgroepen/jongeren/">Jongeren</a> (doelgroep)' in block
    # The suggested search finds what the typo did not.
    corrected = client.get(SEARCH, {"q": "Jongeren"}).content.decode()
    assert "1 resultaat" in corrected and "Hofje" in corrected


def test_the_database_finds_the_suggestion_by_its_own_means(jongeren):
    """PostgreSQL compares by trigrams (pg_trgm), SQLite with difflib: both suggest Jongeren for jongre."""
    assert [s.naam for s in suggest("jongre")][:1] == ["Jongeren"]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
            assert cursor.fetchone() == (1,)


def test_a_misspelt_item_name_is_suggested_and_a_concept_never(client):
    make_praktijkvoorbeeld(naam="Skaeve Huse Amsterdam")
    make_woonvorm(naam="Skaeve Huse Geheim", status=Status.CONCEPT)
    block = suggestions_block(client.get(SEARCH, {"q": "skeave huse"}).content.decode())
    assert ("?q=Skaeve+Huse+Amsterdam", "Skaeve Huse Amsterdam") in search_links(block)
    assert "Geheim" not in block
    assert "Of lees meer" not in block  # an item is no term: it has no term page here


def test_a_synonym_with_a_typo_suggests_its_term(client):
    make_contractvorm(slug="omklapconstructie", naam="Omklapconstructie", synoniemen="Omklap\nomklappen")
    block = suggestions_block(client.get(SEARCH, {"q": "omklpconstructie"}).content.decode())
    assert ("?q=Omklapconstructie", "Omklapconstructie") in search_links(block)
    assert 'href="/contractvormen/omklapconstructie/"' in block


def test_nothing_close_suggests_nothing_and_still_says_nothing_was_found(client, jongeren):
    body = client.get(SEARCH, {"q": "xqzwvk"}).content.decode()
    assert "Niets gevonden" in body
    assert "Bedoelde u" not in body


def test_a_search_with_enough_results_suggests_nothing(client):
    jongeren = make_doelgroep(slug="jongeren", naam="Jongeren")
    for number in range(3):
        make_woonvorm(naam=f"Jongerenhuis {number}", doelgroepen=[jongeren])
    body = client.get(SEARCH, {"q": "jongeren"}).content.decode()
    assert "3 resultaten" in body and "Bedoelde u" not in body


def test_the_corrected_search_keeps_the_chosen_kinds(client, jongeren):
    block = suggestions_block(
        client.get(SEARCH, {"q": "jongre", "soort": "woonvorm", "page": "2"}).content.decode()
    )
    assert ("?q=Jongeren&amp;soort=woonvorm", "Jongeren") in search_links(block)


def test_an_empty_list_searched_with_a_typo_suggests_within_the_list_and_keeps_its_filters(client, jongeren):
    body = client.get(LIST, {"q": "jongre", "sort": "naam"}).content.decode()
    block = suggestions_block(body)
    assert "Geen items gevonden" in body
    assert ("?q=Jongeren&amp;sort=naam", "Jongeren") in search_links(block)
    corrected = client.get(LIST, {"q": "Jongeren", "sort": "naam"}).content.decode()
    assert "Hofje" in corrected


def test_an_empty_list_without_a_search_text_suggests_nothing(client, jongeren):
    body = client.get(LIST, {"doelgroep": "jongeren", "leegstand": "ja"}).content.decode()
    assert "Geen items gevonden" in body and "Bedoelde u" not in body


def test_a_renamed_term_is_found_and_suggested_on_the_next_search(client, jongeren):
    assert "0 resultaten" in client.get(SEARCH, {"q": "jongvolwassenen"}).content.decode()
    jongeren.synoniemen = "jongvolwassenen"
    jongeren.save()
    assert "1 resultaat" in client.get(SEARCH, {"q": "jongvolwassenen"}).content.decode()
    jongeren.naam = "Jonge mensen"
    jongeren.save()
    body = client.get(SEARCH, {"q": "jonge mensn"}).content.decode()
    assert ("?q=Jonge+mensen", "Jonge mensen") in search_links(suggestions_block(body))
    assert "Hofje" in client.get(SEARCH, {"q": "jonge mensen"}).content.decode()
