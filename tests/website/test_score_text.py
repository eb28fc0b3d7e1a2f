"""Every place that shows an item's Wonen Eerst score shows the same figures, from one score summary.

The item scores 5 of 8 points on the four core toetspunten that are scored: 62.5 %, which every place shows
as 63 % (halves round up), with "4 van 7" core points known, three onbekend, and the level "sluit deels
aan", voorlopig.
"""

import pytest
from django.urls import reverse

from assessment.models import Score
from tests.downloads import csv_rows
from tests.factories import make_beoordeling, make_toetsingskader, make_woonvorm

pytestmark = pytest.mark.django_db

V, D, N, U = Score.Waarde.VOLDOET, Score.Waarde.DEELS, Score.Waarde.VOLDOET_NIET, Score.Waarde.ONBEKEND
SCORES = {"T1": V, "T2": V, "T3": D, "T4": N, "T5": U, "T6": U, "T7": U, "A1": V, "A2": D, "A3": U}
LEVEL = "sluit deels aan"


@pytest.fixture
def item():
    make_toetsingskader()
    woonvorm = make_woonvorm(naam="Tweeënhalf", slug="tweeenhalf")
    make_beoordeling(woonvorm=woonvorm, scores=SCORES)
    other = make_woonvorm(naam="Ander", slug="ander")
    make_beoordeling(woonvorm=other, scores=dict.fromkeys(SCORES, V))
    return woonvorm


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def assert_shows_the_score(text):
    assert "63%" in text
    assert "62%" not in text and "62,5" not in text and "62.5" not in text
    assert "4 van 7" in text
    assert LEVEL in text.lower()  # a sentence may start with it


def test_the_list_the_detail_page_the_matrix_and_compare_agree(client, item):
    expected = f"voorlopig: {LEVEL} (63%, 4 van 7 kernpunten gescoord, 3 onbekend)"
    assert expected in page(client, reverse("website:woonvorm-list"))
    assert expected in page(
        client, reverse("website:vergelijken") + "?items=woonvorm:tweeenhalf&items=woonvorm:ander"
    )
    detail = page(client, item.get_absolute_url())
    assert_shows_the_score(detail)
    assert "63% van de punten op de gescoorde kernpunten; 4 van 7 kernpunten gescoord, 3 onbekend" in detail
    assert "T5, T6 en T7 onbekend" in detail
    assert "Aanvullende punten: 75% (2 van 3 bekend)" in detail
    matrix = page(client, reverse("website:matrix"))
    assert_shows_the_score(matrix)
    assert "75%" in matrix and "2 van 3" in matrix


def test_the_list_export_and_the_matrix_export_agree_with_the_pages(client, item):
    [row] = [
        r
        for r in csv_rows(client, reverse("website:woonvorm-export", args=["csv"]))
        if r["Naam"] == item.naam
    ]
    assert row["Wonen Eerst-score (%)"] == "63"
    assert row["Kernpunten bekend"] == "4 van 7"
    assert row["Niveau Wonen Eerst"] == f"voorlopig: {LEVEL}"
    matrix = csv_rows(client, reverse("website:matrix-export", args=["csv"]))
    [row] = [r for r in matrix if r["Naam"] == item.naam]
    assert "63" in row.values()
    assert "4 van 7" in row.values()
    assert f"voorlopig: {LEVEL}" in row.values()
    assert "62" not in row.values()
