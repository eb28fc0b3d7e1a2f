"""The voortgang sheet holds exactly the ticked state of the URL, with the date, in every format."""

import csv
import io

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from routekaart.models import ChecklistItem
from tests.factories import make_fase

pytestmark = pytest.mark.django_db

HEADERS = ["Fase", "Code", "Checklistpunt", "Afgevinkt", "Datum"]


def export_url(fmt):
    return reverse("routekaart:voortgang-export", kwargs={"fmt": fmt})


@pytest.fixture
def fasen():
    return [make_fase(1, items=3, naam="Oriëntatie"), make_fase(2, items=2, naam="Initiatief")]


def csv_parts(response):
    """The notes (lines starting with '#') and the rows of a csv download."""
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    records = list(csv.reader(io.StringIO(text), delimiter=";"))
    # A note is one cell (quoted when it holds a ";"), so a spreadsheet never splits it into cells.
    notes = [record[0] for record in records if len(record) == 1 and record[0].startswith("#")]
    return notes, records[len(notes) :]


def xlsx_rows(response):
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    return [list(row) for row in workbook["voortgang"].iter_rows(values_only=True)]


def test_the_csv_holds_every_item_with_exactly_the_ticked_state_and_the_date(client, fasen):
    response = client.get(export_url("csv"), {"v": ["f2-1", "f1-3", "f9-9"]})
    today = timezone.localdate().isoformat()
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert f'filename="routekaart-voortgang-{today}.csv"' in response["Content-Disposition"]
    notes, rows = csv_parts(response)
    assert rows[0] == HEADERS
    assert [(row[1], row[3]) for row in rows[1:]] == [
        ("F1-1", "nee"), ("F1-2", "nee"), ("F1-3", "ja"), ("F2-1", "ja"), ("F2-2", "nee")
    ]  # fmt: skip
    assert rows[1][0] == "1. Oriëntatie"
    assert rows[1][2] == "Punt 1 van fase 1."
    assert {row[4] for row in rows[1:]} == {today}
    assert "# Afgevinkt: 2 van 5 punten" in notes
    assert any("/routekaart/?v=f1-3&v=f2-1" in note for note in notes)
    assert not any("f9-9" in line.lower() for line in notes + [";".join(row) for row in rows])


def test_the_xlsx_has_a_voortgang_sheet_with_exactly_the_ticked_state(client, fasen):
    response = client.get(export_url("xlsx"), {"v": ["f1-1", "f2-2"]})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    rows = xlsx_rows(response)
    assert rows[0] == HEADERS
    assert [row[1] for row in rows[1:] if row[3] == "ja"] == ["F1-1", "F2-2"]
    assert len(rows) == 1 + 5
    assert {row[4].date() for row in rows[1:]} == {timezone.localdate()}


def test_the_ods_download_is_offered_too(client, fasen):
    response = client.get(export_url("ods"), {"v": "f1-1"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.oasis.opendocument.spreadsheet"


def test_without_ticks_every_item_is_exported_as_not_ticked(client, fasen):
    _notes, rows = csv_parts(client.get(export_url("csv")))
    assert len(rows) == 6
    assert {row[3] for row in rows[1:]} == {"nee"}


def test_text_that_a_spreadsheet_would_run_as_a_formula_is_exported_as_text(client, fasen):
    ChecklistItem.objects.filter(slug="f1-1").update(tekst='=HYPERLINK("https://example.org","klik")')
    ChecklistItem.objects.filter(slug="f1-2").update(tekst="+31 20 123")
    csv_text = [row[2] for row in csv_parts(client.get(export_url("csv")))[1][1:3]]
    xlsx_text = [row[2] for row in xlsx_rows(client.get(export_url("xlsx")))[1:3]]
    assert csv_text == xlsx_text == ['\'=HYPERLINK("https://example.org","klik")', "'+31 20 123"]


def test_an_unknown_format_is_not_found_and_an_export_answers_only_to_get(client, fasen):
    assert client.get("/routekaart/export.pdf").status_code == 404
    assert client.post(export_url("csv")).status_code == 405
