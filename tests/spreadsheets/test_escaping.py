"""No exported cell, in any position, runs as a formula: data cells, headers, the Toelichting (also the csv's
"#" lines), sheet names and file names all go through one escaping function."""

import csv
import io
import re
import unicodedata

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from odf.opendocument import load as load_ods
from odf.table import Table, TableCell

from spreadsheets.escaping import escape_formula, file_name, sheet_title, unescape_formula
from spreadsheets.writers import export_filename
from tests.factories import make_doelgroep, make_woonvorm

pytestmark = pytest.mark.django_db

# What a spreadsheet may run, independently of the implementation: = + - @ and look-alikes that programs
# (or their autocorrect) read as one, after any whitespace or invisible characters.
TRIGGERS = "=+-@＝＋－＠﹦﹢﹣﹫−‐‑‒–—⁃➕➖˖˗⩵⁺⁼₊₌"
INVISIBLE = " \t\r\n\xa0\u2000\u2003\u2009\u200a\u200b\u200c\u200d\u200e\u200f\u202a\u202e\u2060\u3000\ufeff"
NUMBER = re.compile(r"-?\d+([.,]\d+)?")


def runs(text):
    """Whether a spreadsheet could take this cell for a formula."""
    if not isinstance(text, str) or NUMBER.fullmatch(text):
        return False
    if text[:1] in ("\t", "\r"):
        return True
    visible = [c for c in text if not (c.isspace() or unicodedata.category(c) in {"Cc", "Cf", "Zs"})]
    return bool(visible) and (
        visible[0] in TRIGGERS or unicodedata.normalize("NFKC", visible[0])[:1] in "=+-@"
    )


dangerous = st.builds(
    lambda before, trigger, after: before + trigger + after,
    st.text(alphabet=INVISIBLE, max_size=3),
    st.sampled_from(TRIGGERS),
    st.sampled_from(["1+1", 'HYPERLINK("http://example.org";"klik")', "cmd|' /C calc'!A0", "SUM(A1:A9)", ""]),
)
texts = st.one_of(
    dangerous, st.text(max_size=12), st.sampled_from(["'=1+1", "''+2", 'wonen;"=1+1"', "a\n=1"])
)


def every_cell(fmt, data):
    """Every text in a download, in every sheet, note lines and headers included."""
    if fmt == "csv":
        return [
            cell
            for record in csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";")
            for cell in record
        ]
    if fmt == "xlsx":
        workbook = openpyxl.load_workbook(io.BytesIO(data))
        cells = list(workbook.sheetnames)
        for sheet in workbook.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    assert cell.data_type != "f", cell.coordinate
                    cells.append(cell.value)
        return cells
    document = load_ods(io.BytesIO(data))
    cells = []
    for table in document.spreadsheet.getElementsByType(Table):
        cells.append(table.getAttribute("name"))
        for cell in table.getElementsByType(TableCell):
            assert not cell.getAttribute("formula")
            cells.append(str(cell))
    return cells


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=texts, summary=texts, doelgroep=texts, query=texts, ignored=texts)
def test_no_exported_cell_starts_with_a_formula_trigger(client, name, summary, doelgroep, query, ignored):
    make_woonvorm(naam=name or "x", samenvatting=summary, doelgroepen=[make_doelgroep(naam=doelgroep or "y")])
    urls = [
        f"/woonvormen/export.{{fmt}}?{_query(doelgroep=ignored, q=query)}",
        f"/zoeken/export.{{fmt}}?{_query(q=query, soort=ignored)}",
    ]
    for url in urls:
        for fmt in ("csv", "xlsx", "ods"):
            response = client.get(url.format(fmt=fmt))
            assert response.status_code == 200
            assert not runs(response["Content-Disposition"].split("filename=")[1].strip('"'))
            cells = every_cell(fmt, b"".join(response.streaming_content))
            assert not [cell for cell in cells if runs(cell)], url.format(fmt=fmt)


def _query(**values):
    from urllib.parse import urlencode

    return urlencode(values)


def test_a_search_with_a_semicolon_cannot_start_a_cell_of_its_own_in_the_csv_notes(client):
    make_woonvorm(naam="Wonen")
    response = client.get('/zoeken/export.csv?q=wonen;"=HYPERLINK(""http://example.org"")"')
    records = list(
        csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")), delimiter=";")
    )
    notes = [record for record in records if record[0].startswith("#")]
    assert notes and all(len(record) == 1 for record in notes)
    assert not any(runs(cell) for record in records for cell in record)


@pytest.mark.parametrize(
    "text",
    [
        " =1+1",
        "\u00a0=1+1",
        "\u200b=1+1",
        "＝1+1",
        "＋1",
        "﹣1",
        "−1",
        "—1",
        "@SUM(A1)",
        "\t1",
        "\r1",
        "\u202e=1",
    ],
)
def test_leading_whitespace_and_look_alikes_are_escaped_and_restored(text):
    escaped = escape_formula(text)
    assert escaped == "'" + text
    assert unescape_formula(escaped) == text


@given(st.text())
def test_escaping_round_trips_and_never_leaves_a_trigger(text):
    escaped = escape_formula(text)
    assert unescape_formula(escaped) == text
    assert not runs(escaped) or NUMBER.fullmatch(text)


def test_sheet_names_and_file_names_are_escaped_too():
    assert sheet_title("=Woonvormen[1]/2") == "'=Woonvormen 1 2"
    assert len(sheet_title("x" * 50)) == 31
    assert file_name("=HYPERLINK(x)") == "hyperlinkx"
    assert file_name("-rf /") == "rf"
    assert export_filename("toetsingsmatrix-woonvormen").startswith("toetsingsmatrix-woonvormen-")
