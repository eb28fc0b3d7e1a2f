"""The matrix page's markup: compact cells that still say everything in words, a legend above the table,
filters folded away (open while filtering with htmx), and the change since the previous version."""

import re
from html import unescape

import pytest
from django.urls import reverse

from assessment.models import Beoordeling, Score
from tests.factories import (
    make_beoordeling,
    make_doelgroep,
    make_praktijkvoorbeeld,
    make_toetsingskader,
    make_woonvorm,
)

pytestmark = pytest.mark.django_db

V, D, N, U = Score.Waarde.VOLDOET, Score.Waarde.DEELS, Score.Waarde.VOLDOET_NIET, Score.Waarde.ONBEKEND
NVT = Score.Waarde.NVT
CORE = [f"T{n}" for n in range(1, 8)]
ALL = CORE + ["A1", "A2", "A3"]
MATRIX = reverse("website:matrix")


@pytest.fixture
def hofje():
    make_toetsingskader()
    woonvorm = make_woonvorm(naam="Hofje", slug="hofje")
    make_beoordeling(
        woonvorm=woonvorm, scores={**dict.fromkeys(ALL, V), "T2": D, "T4": U, "A2": NVT, "T5": N}
    )
    return woonvorm


def get(client, *args, **kwargs):
    response = client.get(MATRIX, *args, **kwargs)
    assert response.status_code == 200
    return response.content.decode()


def cell(body, code):
    """The table cell of the first row's score on `code`."""
    match = re.search(
        rf'<td class="[^"]*matrix__score[^"]*">\s*<a href="[^"]*#score-{code}".*?</td>', body, re.S
    )
    assert match, f"no cell for {code}"
    return unescape(match.group(0))


def test_each_score_is_a_symbol_with_its_words_and_a_link_to_the_reason(client, hofje):
    body = get(client)
    for code, symbol, words in [
        ("T1", "✔", "voldoet"),
        ("T2", "◐", "voldoet deels"),
        ("T4", "?", "onbekend"),
    ]:
        html = cell(body, code)
        assert f'<span class="score__symbol" aria-hidden="true">{symbol}</span>' in html
        assert f'<span class="visually-hidden">{code}: {words}. Lees de reden</span>' in html
        assert f'href="{hofje.get_absolute_url()}#score-{code}"' in html
        assert f"Bewijs voor {code}." in html  # the reason, also as the link's title
    assert "niet van toepassing" in cell(body, "A2") and "✘" in cell(body, "T5")
    assert "score--deels" in cell(body, "T2"), "colour supports the symbol and the words"


def test_a_legend_of_every_symbol_comes_before_the_table(client, hofje):
    body = get(client)
    legend = unescape(body[body.index('class="matrix-legend"') : body.index("<table")])
    for symbol, words in [("✔", "voldoet"), ("◐", "voldoet deels"), ("✘", "voldoet niet"), ("?", "onbekend")]:
        assert f">{symbol}</span> <span>{words}</span>" in legend
    assert "niet van toepassing" in legend
    assert "T4</dt><dd>Toetspunt T4" in legend


def test_the_table_keeps_its_headers_for_screen_readers(client, hofje):
    body = get(client)
    headers = re.findall(r'<th scope="col"', body)
    assert len(headers) == 1 + 10 + 4  # name, T1–A3, total, coverage, level, additional
    assert '<th scope="row"' in body
    assert 'aria-sort="descending"' in body  # the default order: the total, highest first


def test_the_filters_are_folded_away_and_stay_open_while_filtering_with_htmx(client, hofje):
    make_doelgroep(slug="jongeren")
    closed = get(client)
    assert '<details class="filter-panel__disclosure">' in closed
    from_the_form = get(client, {"doelgroep": "jongeren"}, HTTP_HX_REQUEST="true", HTTP_HX_TRIGGER="filters")
    assert '<details class="filter-panel__disclosure" open>' in from_the_form
    assert "<html" not in from_the_form, "htmx gets the region only"
    from_a_chip = get(client, {"doelgroep": "jongeren"}, HTTP_HX_REQUEST="true")
    assert '<details class="filter-panel__disclosure">' in from_a_chip


def test_filtering_praktijkvoorbeelden_keeps_the_kind(client, hofje):
    voorbeeld = make_praktijkvoorbeeld(naam="Voorbeeld")
    make_beoordeling(praktijkvoorbeeld=voorbeeld, scores=dict.fromkeys(ALL, D))
    body = get(client, {"soort": "praktijkvoorbeeld"})
    assert '<input type="hidden" name="soort" value="praktijkvoorbeeld">' in body
    assert "Voorbeeld" in body and "Hofje" not in body.split("<table", 1)[1].split("</table>")[0]


def test_with_changes_shown_a_cell_names_the_previous_score_where_it_differs(client, hofje):
    current = hofje.beoordelingen.get()
    current.status = Beoordeling.Status.VERVALLEN
    current.save()
    make_beoordeling(
        woonvorm=hofje,
        vorige=current,
        scores={**dict.fromkeys(ALL, V), "T2": V, "T4": U, "A2": NVT, "T5": N},
    )
    plain = get(client)
    assert "matrix__was" not in cell(plain, "T2")
    body = get(client, {"wijzigingen": "1"})
    assert '<s class="matrix__was" aria-hidden="true">◐</s>' in cell(body, "T2")
    assert "T2: voldoet (was voldoet deels)" in cell(body, "T2")
    assert "matrix__was" not in cell(body, "T1"), "an unchanged score shows no previous one"
    assert '<input type="hidden" name="wijzigingen" value="1">' in body
