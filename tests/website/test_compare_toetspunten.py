"""The compare page's Toetsingskader section: per toetspunt each item's score (symbol, words) and reason."""

import re
from html import unescape

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assessment.models import Beoordeling, Score
from tests.factories import (
    make_beoordeling,
    make_praktijkvoorbeeld,
    make_succesversneller,
    make_toetsingskader,
    make_woonvorm,
)

pytestmark = pytest.mark.django_db

V, D, N, U = Score.Waarde.VOLDOET, Score.Waarde.DEELS, Score.Waarde.VOLDOET_NIET, Score.Waarde.ONBEKEND
CODES = [f"T{n}" for n in range(1, 8)] + ["A1", "A2", "A3"]


@pytest.fixture
def pair():
    """Two woonvormen that score the same on every toetspunt but T2 and A3, with different reasons on T1."""
    make_toetsingskader()
    alfa = make_woonvorm(naam="Alfa", slug="alfa")
    beta = make_woonvorm(naam="Beta", slug="beta")
    make_beoordeling(woonvorm=alfa, scores={**dict.fromkeys(CODES, V), "T2": D, "A3": U})
    make_beoordeling(woonvorm=beta, scores={**dict.fromkeys(CODES, V), "T2": N, "A3": V})
    alfa.beoordelingen.get().scores.filter(toetspunt__code="T1").update(
        toelichting="Alfa heeft een eigen deur."
    )
    beta.beoordelingen.get().scores.filter(toetspunt__code="T1").update(
        toelichting="Beta ook, met een sleutel."
    )
    return alfa, beta


def compare(client, *items, only_differences=False):
    query = {"items": [f"{item._meta.model_name}:{item.slug}" for item in items]}
    if only_differences:
        query["verschillen"] = "1"
    response = client.get(reverse("website:vergelijken"), query)
    assert response.status_code == 200
    return response


def section(response):
    [toetsingskader] = [s for s in response.context["sections"] if str(s["title"]) == "Toetsingskader"]
    return toetsingskader


def codes(response):
    return [str(row["label"]).split(".")[0] for row in section(response)["rows"]]


def row_html(response, code):
    """The HTML of one toetspunt row, from its row header to the end of the row."""
    body = response.content.decode()
    match = re.search(rf'<th scope="row"[^>]*><a [^>]*#toetspunt-{code}".*?</tr>', body, re.S)
    assert match, f"no row for {code}"
    return unescape(match.group(0))


def test_every_toetspunt_has_a_row_with_each_items_symbol_words_and_reason(client, pair):
    alfa, beta = pair
    response = compare(client, alfa, beta)
    assert codes(response) == CODES
    t2 = row_html(response, "T2")
    assert "◐" in t2 and "voldoet deels" in t2 and "Bewijs voor T2." in t2
    assert "✘" in t2 and "voldoet niet" in t2
    assert t2.index("voldoet deels") < t2.index("voldoet niet"), "the items' cells in the order chosen"
    t1 = row_html(response, "T1")
    assert "Alfa heeft een eigen deur." in t1 and "Beta ook, met een sleutel." in t1
    assert "✔" in t1 and "Bewijs voor T1." not in t1
    assert "T2. Toetspunt T2" in response.content.decode()


def test_only_differences_hides_toetspunt_rows_with_equal_scores_even_when_the_reasons_differ(client, pair):
    alfa, beta = pair
    all_rows = compare(client, alfa, beta)
    assert {row["differs"] for row in section(all_rows)["rows"]} == {True, False}
    response = compare(client, alfa, beta, only_differences=True)
    assert codes(response) == ["T2", "A3"]
    assert "Alfa heeft een eigen deur." not in response.content.decode()  # T1: same score, other reason
    assert "voldoet niet" in row_html(response, "T2")


def test_items_without_a_vastgestelde_beoordeling_or_without_assessments_say_so(client, pair):
    alfa, _beta = pair
    open_item = make_praktijkvoorbeeld(naam="Nog open", slug="nog-open")
    make_beoordeling(praktijkvoorbeeld=open_item, status=Beoordeling.Status.CONCEPT, scores={"T1": N})
    training = make_succesversneller(naam="Training", slug="training")
    response = compare(client, alfa, open_item, training)
    rows = section(response)["rows"]
    assert len(rows) == len(CODES) and all(row["differs"] for row in rows)
    texts = [[str(cell.get("text", "")) for cell in row["cells"]] for row in rows]
    assert all(text[1:] == ["nog niet beoordeeld", "—"] for text in texts)
    assert "voldoet niet" not in row_html(response, "T1"), "a concept beoordeling stays private"
    # Under "alleen verschillen" the rows stay: the items differ in whether they are assessed at all.
    assert codes(compare(client, alfa, open_item, training, only_differences=True)) == CODES


def test_the_section_is_left_out_when_no_item_is_assessed(client):
    make_toetsingskader()
    a, b = make_woonvorm(naam="Een"), make_woonvorm(naam="Twee")
    response = compare(client, a, b)
    assert "Toetsingskader" not in [str(s["title"]) for s in response.context["sections"]]


def test_the_scores_cost_the_same_queries_for_two_items_as_for_three_and_four(client, pair):
    alfa, beta = pair

    def count(*items):
        cache.clear()  # counted as after an edit: a repeated request is answered from the page cache
        with CaptureQueriesContext(connection) as context:
            compare(client, *items)
        return len(context.captured_queries)

    more = [make_woonvorm(naam=f"Extra {n}") for n in range(2)]
    for item in more:
        make_beoordeling(woonvorm=item, scores=dict.fromkeys(CODES, D))
    assert count(alfa, beta) == count(alfa, beta, more[0])
    # At the maximum of four the page suggests nothing more to add: one query less.
    assert count(alfa, beta, *more) == count(alfa, beta) - 1
