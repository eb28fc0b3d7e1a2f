"""Nothing is dropped silently: every row with data is new, changed, unchanged or failed (with its row
number), and the preview's totals add up to the rows of the file, whatever the file says about its
own size."""

import io

import openpyxl
import pytest
from django.test import override_settings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.styles import Font

from catalogue.models import Woonvorm
from spreadsheets import services
from spreadsheets.reading import read_spreadsheet
from spreadsheets.resources.editors import WoonvormResource
from tests.factories import make_bron, make_doelgroep, make_persona, make_woonvorm
from tests.spreadsheets.files import claim_dimension, ods, ods_cell, ods_row, stale_dimension, with_sheet_xml

pytestmark = pytest.mark.django_db

HEADERS = ["Slug", "Naam", "Samenvatting", "Doelgroepen", "Bron"]


@pytest.fixture
def catalogue():
    bron = make_bron(slug="receptenboek", naam="Van nu naar Wonen Eerst")
    make_doelgroep(slug="jongeren", naam="Jongeren")
    make_woonvorm(slug="kamers", naam="Kamers", samenvatting="Oud.", bron=bron)
    return make_persona("Redacteur")


# A row is new, changed, unchanged or failing; between rows there may be empty rows, left out of the file or
# stored in it (with formatting).
kinds = st.sampled_from(["nieuw", "gewijzigd", "ongewijzigd", "mislukt"])
gaps = st.lists(st.sampled_from(["ontbreekt", "opgemaakt"]), max_size=3)
sheets = st.lists(st.tuples(kinds, gaps), min_size=1, max_size=7)


def values(kind, number):
    if kind == "gewijzigd":
        return ["kamers", "Kamers", f"Nieuw {number}.", "", "receptenboek"]
    if kind == "ongewijzigd":
        return ["kamers", "Kamers", "Oud.", "", "receptenboek"]
    doelgroep = "Onbekend" if kind == "mislukt" else "Jongeren"
    return [f"nieuw-{number}", f"Nieuw {number}", "", doelgroep, "receptenboek"]


def layout(rows):
    """[(row number, values or None for an empty row, how it is empty)], header in row 1. The slug kamers
    appears at most once (a slug twice refuses the whole file)."""
    placed, number, seen = [], 1, False
    for index, (kind, empty) in enumerate(rows):
        if kind in ("gewijzigd", "ongewijzigd"):
            kind = "nieuw" if seen else kind
            seen = True
        for how in empty:
            number += 1
            placed.append((number, None, how))
        number += 1
        placed.append((number, values(kind, index), kind))
    return placed


def as_xlsx(placed, stale):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Woonvormen"
    sheet.append(HEADERS)
    for number, row, how in placed:
        if row is None and how == "opgemaakt":
            sheet.cell(row=number, column=2).font = Font(bold=True)  # stored, but empty
        for column, value in enumerate(row or [], start=1):
            sheet.cell(row=number, column=column, value=value or None)
    stream = io.BytesIO()
    workbook.save(stream)
    data = stream.getvalue()
    if stale:  # a <dimension> that claims only the header and one row
        data = with_sheet_xml(data, lambda xml: claim_dimension(xml, "A1:E2"))
    return data


def as_ods(placed):
    table = ods_row([ods_cell(header) for header in HEADERS])
    for _number, row, how in placed:
        if row is None:
            table += "<table:table-row><table:table-cell/></table:table-row>" if how == "opgemaakt" else ""
            table += "" if how == "opgemaakt" else "<table:table-row/>"
        else:
            table += ods_row([ods_cell(value) if value else "<table:table-cell/>" for value in row])
    return ods(table)


def as_csv(placed):
    lines = [";".join(HEADERS)]
    for _number, row, how in placed:
        lines.append(";".join(row) if row else (";;" if how == "opgemaakt" else ""))
    return ("\r\n".join(lines) + "\r\n").encode()


def preview(user, data):
    chosen = services.choose_sheet(read_spreadsheet(data), WoonvormResource)
    with override_settings(SPREADSHEET_JOB_ROWS=100):
        return services.start_import(user=user, model=Woonvorm, file_name="bestand", chosen=chosen)


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=sheets, fmt=st.sampled_from(["xlsx", "xlsx met verouderde dimensie", "ods", "csv"]))
def test_the_previews_totals_equal_the_rows_of_the_file(catalogue, rows, fmt):
    placed = layout(rows)
    data = {
        "xlsx": lambda: as_xlsx(placed, stale=False),
        "xlsx met verouderde dimensie": lambda: as_xlsx(placed, stale=True),
        "ods": lambda: as_ods(placed),
        "csv": lambda: as_csv(placed),
    }[fmt]()
    batch = preview(catalogue, data)
    summary = batch.summary
    data_rows = [(number, kind) for number, row, kind in placed if row is not None]
    assert sum(summary["counts"].values()) == len(data_rows) == summary["rows"]
    for kind in ("nieuw", "gewijzigd", "ongewijzigd", "mislukt"):
        assert summary["counts"][kind] == sum(1 for _n, k in data_rows if k == kind), kind
    assert [failure["row"] for failure in summary["failures"]] == [n for n, k in data_rows if k == "mislukt"]
    assert summary["empty_rows"] == data_rows[-1][0] - 1 - len(data_rows)
    batch.delete()


def test_a_stale_dimension_loses_no_row(client, catalogue):
    """The issue's file: the <dimension> says two rows, the sheet has three; all three are read."""
    rows = [["een", "Een", "", "", "receptenboek"], ["twee", "Twee", "", "", "receptenboek"]]
    rows.append(["drie", "Drie", "", "", "receptenboek"])
    data = stale_dimension(HEADERS, rows, claimed="A1:E2")
    client.force_login(catalogue)
    upload = io.BytesIO(data)
    upload.name = "woonvormen.xlsx"
    response = client.post("/beheer/catalogue/woonvorm/import/", {"import_file": upload}, follow=True)
    assert response.context["summary"]["counts"]["nieuw"] == 3
    body = response.content.decode()
    assert "Het bestand heeft 3 rijen met gegevens (rij 2 tot en met 4)" in body
    assert "Samen 3: elke rij van het bestand is meegeteld." in body
    client.post("/beheer/catalogue/woonvorm/process_import/", {"token": response.context["batch"].token})
    assert Woonvorm.objects.filter(slug__in=["een", "twee", "drie"]).count() == 3


def test_sheets_that_are_not_read_are_named(client, catalogue):
    workbook = openpyxl.Workbook()
    workbook.active.title = "Woonvormen"
    workbook.active.append(HEADERS)
    workbook.active.append(["een", "Een", "", "", "receptenboek"])
    workbook.create_sheet("Aantekeningen").append(["iets"])
    stream = io.BytesIO()
    workbook.save(stream)
    client.force_login(catalogue)
    stream.seek(0)
    stream.name = "woonvormen.xlsx"
    body = client.post(
        "/beheer/catalogue/woonvorm/import/", {"import_file": stream}, follow=True
    ).content.decode()
    assert (
        "Alleen het blad “Woonvormen” wordt ingelezen; de bladen “Aantekeningen” zijn niet gelezen." in body
    )
