"""An empty list or matrix filtered on a toetspunt or a minimum level says why, from the data, and offers to
take that filter away."""

import re
from html import unescape

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assessment.models import Score
from tests.factories import make_beoordeling, make_doelgroep, make_toetsingskader, make_woonvorm

pytestmark = pytest.mark.django_db

V, D, N, U = Score.Waarde.VOLDOET, Score.Waarde.DEELS, Score.Waarde.VOLDOET_NIET, Score.Waarde.ONBEKEND
NVT = Score.Waarde.NVT
CORE = [f"T{n}" for n in range(1, 8)]
ALL = CORE + ["A1", "A2", "A3"]
LIST, MATRIX = reverse("website:woonvorm-list"), reverse("website:matrix")


@pytest.fixture
def t4_unknown():
    """Five assessed woonvormen: T4 is onbekend for four and voldoet deels for one; all meet T1."""
    make_toetsingskader()
    items = [make_woonvorm(naam=f"Woonvorm {n}") for n in range(5)]
    for index, item in enumerate(items):
        make_beoordeling(woonvorm=item, scores={**dict.fromkeys(ALL, V), "T4": D if index == 0 else U})
    return items


def text(response):
    """The visible text of the page's main content, whitespace collapsed."""
    assert response.status_code == 200
    main = response.content.decode().split('id="inhoud"', 1)[1]
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", main)))


def explanation(response):
    body = response.content.decode()
    match = re.search(r'<div class="empty-result".*?\n</div>', body, re.S)
    return match and re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", match.group(0))))


@pytest.mark.parametrize("url", [LIST, MATRIX])
def test_an_empty_result_on_t4_says_that_t4_is_nearly_always_unknown_and_how_often(client, t4_unknown, url):
    response = client.get(url, {"toetspunt": "T4"})
    why = explanation(response)
    assert why, "the empty page explains itself"
    assert "Bij T4 (Toetspunt T4) is van bijna geen enkel item bekend of het eraan voldoet" in why
    assert "bij 4 van de 5 beoordeelde woonvormen is T4 onbekend" in why
    assert "Geen enkel beoordeeld item voldoet aan T4: 1 voldoet deels." in why
    link = re.search(r'<a class="utrecht-link" href="\?([^"]*)">Haal het filter', response.content.decode())
    assert link and "toetspunt" not in unescape(link.group(1)), "a link to the same page without the filter"


def test_when_every_item_is_unknown_it_says_so_without_bijna(client):
    make_toetsingskader()
    for _n in range(3):
        make_beoordeling(woonvorm=make_woonvorm(), scores={**dict.fromkeys(ALL, V), "T4": U})
    why = explanation(client.get(LIST, {"toetspunt": "T4"}))
    assert "is van geen enkel item bekend" in why and "bij alle 3 beoordeelde woonvormen" in why
    assert "bijna" not in why


def test_no_explanation_when_items_match_the_toetspunt(client, t4_unknown):
    response = client.get(LIST, {"toetspunt": "T1"})
    assert "5 resultaten" in text(response)
    assert explanation(response) is None
    assert "Waarom niets" not in text(response)
    assert response.context["empty_explanations"] == []


def test_an_empty_result_from_the_other_filters_says_the_toetspunt_itself_finds_items(client, t4_unknown):
    make_doelgroep(slug="jongeren")
    response = client.get(LIST, {"toetspunt": "T1", "doelgroep": "jongeren"})
    why = explanation(response)
    assert "5 beoordeelde items voldoen aan T1, maar niet samen met de andere filters die je koos." in why
    assert "onbekend" not in why


def test_an_empty_result_without_a_score_filter_gets_the_plain_message(client, t4_unknown):
    make_doelgroep(slug="jongeren")
    why = explanation(client.get(LIST, {"doelgroep": "jongeren"}))
    assert "Geen items gevonden met deze filters." in why
    assert "Haal een filter weg of wis alle filters." in why
    assert "Waarom" not in why


def test_an_empty_minimum_level_names_the_unknown_core_points_and_the_best_level(client):
    make_toetsingskader()
    # 75 % with T4 onbekend: "sluit deels aan" (voorlopig); a second item is scored on 3 core points only.
    make_beoordeling(woonvorm=make_woonvorm(), scores={**dict.fromkeys(ALL, V), "T2": N, "T4": U})
    make_beoordeling(woonvorm=make_woonvorm(), scores={**dict.fromkeys(ALL, U), "T1": V, "T2": V, "T3": V})
    response = client.get(MATRIX, {"niveau": "dichtbij"})
    why = explanation(response)
    assert "Geen van de 2 beoordeelde woonvormen haalt ‘komt dicht in de buurt’ of hoger." in why
    assert "moet elk kernpunt bekend zijn, en bij alle 2 is minstens één kernpunt onbekend" in why
    assert "Het hoogste niveau dat voorkomt is ‘sluit deels aan’ (1 item)." in why
    assert "1 item heeft minder dan 4 kernpunten gescoord" in why
    assert "Haal het filter “Minimaal ‘komt dicht in de buurt’” weg" in why
    assert explanation(client.get(MATRIX, {"niveau": "deels"})) is None


def test_the_explanation_costs_a_constant_number_of_queries_and_none_once_cached(client, t4_unknown):
    def count():
        with CaptureQueriesContext(connection) as context:
            assert explanation(client.get(LIST, {"toetspunt": "T4"}))
        return len(context.captured_queries)

    cache.clear()
    first = count()
    cached = count()
    assert cached < first
    for _ in range(10):
        make_beoordeling(woonvorm=make_woonvorm(), scores={**dict.fromkeys(ALL, V), "T4": U})
    cache.clear()
    assert count() == first
    assert count() == cached
