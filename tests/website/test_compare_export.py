"""The comparison as a spreadsheet: the page's rows, one column per item, the same words, escaped cells."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from assessment import scoring
from assessment.models import Score, Toetspunt
from tests.factories import make_bron, make_praktijkvoorbeeld, make_succesversneller, make_woonvorm
from tests.spreadsheets.test_exports import download
from tests.website.test_compare import get, key, make_trio, shown_rows

pytestmark = pytest.mark.django_db

V, D = Score.Waarde.VOLDOET, Score.Waarde.DEELS

FORMATS = ["xlsx", "csv", "ods"]


@pytest.fixture
def trio():
    return make_trio()


def export_url(fmt, *items, **params):
    query = "&".join([*(f"items={key(item)}" for item in items), *(f"{k}={v}" for k, v in params.items())])
    return f"{reverse('website:vergelijken-export', kwargs={'fmt': fmt})}?{query}"


def by_label(headers, rows):
    """{row label: [cell per item]} of an export."""
    return {row[1]: row[2:] for row in rows}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("differences", [False, True])
def test_the_file_holds_the_pages_rows_and_one_column_per_item(client, trio, fmt, differences):
    params = {"verschillen": "1"} if differences else {}
    notes, headers, rows = download(client, export_url(fmt, *trio, **params))
    assert headers == ["Onderdeel", "Kenmerk", *(item.naam for item in trio)]
    assert [row[1] for row in rows] == shown_rows(get(client, *trio, **params))
    assert ("Filter", "alleen verschillen" if differences else "geen") in notes
    assert ("Aantal rijen", len(rows)) in notes or ("Aantal rijen", str(len(rows))) in notes


def test_scores_read_as_on_the_page_and_a_field_a_kind_lacks_says_so(client, trio):
    woonvorm, praktijk, _versneller = trio
    _notes, headers, rows = download(client, export_url("xlsx", *trio))
    cells = by_label(headers, rows)
    [page_row] = [
        row
        for s in get(client, *trio).context["sections"]
        for row in s["rows"]
        if row["label"] == "Wonen Eerst"
    ]
    assert cells["Wonen Eerst"][:2] == [str(cell["text"]) for cell in page_row["cells"][:2]]
    assert cells["Wonen Eerst"][0] == scoring.summarize({Toetspunt.Soort.KERN: [V] * 6 + [D]}).tekst
    assert cells["Wonen Eerst"][2] == "niet van toepassing"
    assert cells["T2. Toetspunt T2"][:2] == [
        "voldoet deels\nBewijs voor T2.",
        "voldoet niet\nBewijs voor T2.",
    ]
    assert cells["Werkzame elementen"][0] == "Eigen voordeur\nBegeleiding op maat"
    assert rows[0][0] == "Kenmerken" and rows[-1][0] == "Bron"


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_cell_is_escaped_so_no_text_runs_as_a_formula(client, fmt):
    bron = make_bron(naam="+Bron")
    sneaky = make_woonvorm(
        naam="=HYPERLINK(1)", bron=bron, beschrijving="@SUM(A1)", werkzame_elementen="=1+1"
    )
    plain = make_woonvorm(naam="Gewoon", bron=bron, beschrijving="Tekst.")
    _notes, headers, rows = download(client, export_url(fmt, sneaky, plain))
    assert headers[2] == "'=HYPERLINK(1)"
    cells = by_label(headers, rows)
    assert cells["Wat is het?"] == ["'@SUM(A1)", "Tekst."]
    assert cells["Werkzame elementen"][0] == "'=1+1"
    assert cells["Bron"][0] == "'+Bron"


def test_the_file_is_named_after_the_items_in_their_order_and_the_date(client):
    items = [make_woonvorm(slug="buur"), make_succesversneller(slug="fonds")]
    response = client.get(export_url("csv", *items))
    today = timezone.localdate().isoformat()
    assert f'filename="vergelijking-buur-fonds-{today}.csv"' in response["Content-Disposition"]


def test_the_export_costs_the_same_queries_for_two_items_as_for_four(client, trio):
    def count(*items):
        client.get(export_url("xlsx", *items))  # the cached toetspunten are read once
        with CaptureQueriesContext(connection) as context:
            b"".join(client.get(export_url("xlsx", *items)).streaming_content)
        return len(context.captured_queries)

    woonvorm, praktijk, _versneller = trio
    more = [make_woonvorm(naam="Nog een woonvorm"), make_praktijkvoorbeeld(naam="Nog een praktijkvoorbeeld")]
    assert count(woonvorm, praktijk) == count(woonvorm, praktijk, *more)
