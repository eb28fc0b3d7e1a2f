"""Spreadsheet downloads of the public lists, the search, the matrix and the workgroup workbook."""

import csv
import io

import openpyxl
import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import given
from hypothesis import strategies as st
from odf import teletype
from odf.opendocument import load as load_ods
from odf.table import Table, TableCell, TableRow
from odf.text import P

from assessment.models import Score
from catalogue.models import Contactpersoon, Leeftijdsgroep, Link, OrganisatieRol, Status, Woonvorm
from core import cache
from spreadsheets.escaping import FORMULA_TRIGGERS, escape_formula, unescape_formula
from tests.factories import (
    make_beoordeling,
    make_contractvorm,
    make_doelgroep,
    make_organisatie,
    make_plaats,
    make_praktijkvoorbeeld,
    make_succesversneller,
    make_toetsingskader,
    make_user,
    make_woonvorm,
)
from website.views.lists import PAGE_SIZE

pytestmark = pytest.mark.django_db

FORMATS = ["xlsx", "csv", "ods"]


def download(client, url):
    """(notes, headers, rows) of a one-sheet export; notes are (label, value) pairs."""
    response = client.get(url)
    assert response.status_code == 200, url
    data = b"".join(response.streaming_content)
    if url.split("?")[0].endswith(".csv"):
        assert response["Content-Type"].startswith("text/csv")
        records = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
        notes = [record[0][2:].split(": ", 1) for record in records if record[0].startswith("# ")]
        assert all(len(record) == 1 for record in records[: len(notes)]), "a note is one cell"
        table = records[len(notes) :]
        return [tuple(n) for n in notes], table[0], [[value or None for value in row] for row in table[1:]]
    if url.split("?")[0].endswith(".xlsx"):
        workbook = openpyxl.load_workbook(io.BytesIO(data))
        notes_sheet, sheet = workbook.worksheets
        notes = [tuple(row) for row in notes_sheet.iter_rows(min_row=2, values_only=True)]
        rows = [list(row) for row in sheet.iter_rows(values_only=True)]
        return notes, rows[0], rows[1:]
    notes_table, table = ods_tables(data)
    return [tuple(row) for row in notes_table[1:]], table[0], table[1:]


def ods_tables(data):
    """The cell values of every table of an OpenDocument file, read with odfpy alone."""
    tables = []
    for table in load_ods(io.BytesIO(data)).spreadsheet.getElementsByType(Table):
        tables.append(
            [
                [_ods_value(cell) for cell in row.getElementsByType(TableCell)]
                for row in table.getElementsByType(TableRow)
            ]
        )
    return tables


def _ods_value(cell):
    if cell.getAttribute("valuetype") == "float":
        return int(float(cell.getAttribute("value")))
    return "\n".join(teletype.extractText(p) for p in cell.getElementsByType(P)) or None


def column(headers, rows, name):
    return [row[headers.index(name)] for row in rows]


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_file_holds_exactly_the_filtered_set_on_every_page(client, fmt):
    jongeren = make_doelgroep(slug="jongeren", naam="Jongeren")
    wanted = [
        make_woonvorm(naam=f"Jongerenhuis {n:02}", doelgroepen=[jongeren]) for n in range(PAGE_SIZE + 5)
    ]
    make_woonvorm(naam="Hofje voor ouderen")
    make_woonvorm(naam="Jongerenhuis concept", doelgroepen=[jongeren], status=Status.CONCEPT)

    _notes, headers, rows = download(client, f"/woonvormen/export.{fmt}?doelgroep=jongeren&page=2")

    assert column(headers, rows, "Naam") == [w.naam for w in wanted]
    names = set(column(headers, rows, "Naam"))
    assert "Hofje voor ouderen" not in names
    assert "Jongerenhuis concept" not in names


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_file_keeps_the_chosen_sort_order(client, fmt):
    for naam in ("Beta", "Alfa", "Gamma"):
        make_succesversneller(naam=naam)
    _notes, headers, rows = download(client, f"/succesversnellers/export.{fmt}?sort=-naam")
    assert column(headers, rows, "Naam") == ["Gamma", "Beta", "Alfa"]


def test_columns_have_dutch_headers_labels_names_lines_and_the_web_address(client):
    make_toetsingskader()
    woonvorm = make_woonvorm(
        naam="Kamers met Aandacht",
        leeftijdsgroep=Leeftijdsgroep.BEIDE,
        werkzame_elementen="- Een eigen kamer\n- Een vaste hospita\n",
        doelgroepen=[make_doelgroep(naam="Jongeren"), make_doelgroep(naam="Alleenstaanden")],
        contractvormen=[make_contractvorm(naam="Hospitaverhuur")],
        plaatsen=[make_plaats(naam="Utrecht")],
    )
    make_beoordeling(woonvorm=woonvorm, scores={f"T{n}": Score.Waarde.VOLDOET for n in range(1, 8)})

    _notes, headers, rows = download(client, "/woonvormen/export.xlsx")
    (row,) = rows
    cell = dict(zip(headers, row, strict=True))

    assert cell["Leeftijdsgroep"] == "Volwassenen en jongeren"
    assert cell["Doelgroepen"] == "Alleenstaanden; Jongeren"
    assert cell["Contractvormen"] == "Hospitaverhuur"
    assert cell["Werkzame elementen"] == "Een eigen kamer\nEen vaste hospita"
    assert cell["Webadres"] == f"http://testserver/woonvormen/{woonvorm.slug}/"
    assert cell["Wonen Eerst-score (%)"] == 100
    assert cell["Kernpunten bekend"] == "7 van 7"
    assert cell["Niveau Wonen Eerst"] == "sluit volledig aan"
    assert "Wat is het?" in headers
    # Codes, slugs and ids stay out.
    assert "VJ" not in row
    assert not any(name in headers for name in ("id", "slug", "Slug", "leeftijdsgroep"))
    assert not any(isinstance(value, str) and woonvorm.doelgroepen.first().slug in value for value in row)


@pytest.mark.parametrize("fmt", FORMATS)
def test_values_a_spreadsheet_would_run_are_escaped(client, fmt):
    dangerous = ['=HYPERLINK("http://example.org")', "+31 6 1234 5678", "-1+1", "@SUM(A1)", "\tgetab"]
    for n, text in enumerate(dangerous):
        # Written past save(), which strips leading white space: a row stored before that rule, or by a
        # bulk update, can still start with a tab.
        Woonvorm.objects.filter(pk=make_woonvorm(naam=f"Item {n}").pk).update(samenvatting=text)
    make_woonvorm(naam="Gewoon", samenvatting="Een gewone zin.")

    _notes, headers, rows = download(client, f"/woonvormen/export.{fmt}")
    summaries = dict(zip(column(headers, rows, "Naam"), column(headers, rows, "Samenvatting"), strict=True))

    assert [summaries[f"Item {n}"] for n in range(len(dangerous))] == ["'" + text for text in dangerous]
    assert summaries["Gewoon"] == "Een gewone zin."
    assert not any(text.startswith(FORMULA_TRIGGERS) for text in summaries.values())


def test_an_xlsx_file_holds_no_formula_cells(client):
    make_woonvorm(naam="=1+1", samenvatting="=cmd|' /C calc'!A0")
    response = client.get("/woonvormen/export.xlsx")
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    cells = [cell for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row]
    assert cells
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]


@given(st.text())
def test_escaping_is_undone_exactly_on_import(text):
    escaped = escape_formula(text)
    assert unescape_formula(escaped) == text
    assert not escaped.startswith(FORMULA_TRIGGERS)


def _contacts():
    woonvorm = make_woonvorm(naam="Met contacten")
    organisatie = make_organisatie(naam="Stichting Thuis")
    Contactpersoon.objects.create(
        woonvorm=woonvorm, naam="Anna de Vries", email="anna@example.org", telefoon="06-12345678"
    )
    Contactpersoon.objects.create(woonvorm=woonvorm, organisatie=organisatie, email="info@thuis.example.org")
    return woonvorm


@pytest.mark.parametrize("fmt", FORMATS)
def test_personal_contact_details_are_left_out_for_visitors(client, fmt):
    _contacts()
    notes, headers, rows = download(client, f"/woonvormen/export.{fmt}")
    text = str(rows)
    (contacts,) = column(headers, rows, "Contactpunten")
    assert contacts.splitlines() == ["Anna de Vries", "Stichting Thuis, info@thuis.example.org"]
    assert "anna@example.org" not in text
    assert "06-12345678" not in text
    assert (
        "Contactgegevens",
        "Van personen staan alleen naam en rol erin; "
        "hun eigen e-mailadressen en telefoonnummers zijn weggelaten.",
    ) in notes


def test_staff_who_may_view_contact_persons_get_them(client):
    _contacts()
    staff = make_user("redactie", staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="view_contactpersoon"))
    client.force_login(staff)
    _notes, headers, rows = download(client, "/woonvormen/export.xlsx")
    (contacts,) = column(headers, rows, "Contactpunten")
    assert contacts.splitlines() == [
        "Anna de Vries, anna@example.org, 06-12345678",
        "Stichting Thuis, info@thuis.example.org",
    ]


def test_staff_without_that_permission_get_no_personal_details(client):
    _contacts()
    client.force_login(make_user("zonder-rechten", staff=True))
    _notes, _headers, rows = download(client, "/woonvormen/export.xlsx")
    assert "anna@example.org" not in str(rows)
    assert "06-12345678" not in str(rows)


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_explanation_holds_the_date_the_source_the_filters_and_the_order_in_words(client, fmt):
    make_woonvorm(naam="Kamers", doelgroepen=[make_doelgroep(slug="jongeren", naam="Jongeren")])
    notes, _headers, _rows = download(
        client, f"/woonvormen/export.{fmt}?doelgroep=jongeren&sort=-naam&page=3"
    )
    labels = dict(notes)
    assert labels["Inhoud"] == "Gepubliceerde woonvormen"
    assert labels["Bron"] == "http://testserver/woonvormen/?doelgroep=jongeren&sort=-naam"
    assert str(labels["Aantal rijen"]) == "1"
    assert "Geëxporteerd op" in labels
    assert labels["Sortering"] == "naam (Z-A)"
    # Words, not the parameters.
    assert [value for label, value in notes if label == "Filter"] == ["Doelgroep: Jongeren"]


def test_a_csv_file_starts_with_its_explanation_as_comment_lines(client):
    make_woonvorm(naam="Kamers")
    response = client.get("/woonvormen/export.csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    lines = text.splitlines()
    header = next(i for i, line in enumerate(lines) if not line.lstrip('"').startswith("# "))
    assert header >= 3
    assert lines[header].startswith("Naam;Samenvatting;")
    assert lines[header + 1].startswith("Kamers;")
    assert not any(line.lstrip('"').startswith("#") for line in lines[header:])
    # A note holding the separator is one quoted cell: "# Lezen: … gescheiden door “;”; …"
    assert any(line.startswith('"# Lezen: ') for line in lines[:header])


def test_an_xlsx_file_has_a_bold_frozen_header_an_autofilter_widths_and_wrapped_text(client):
    for n in range(3):
        make_woonvorm(naam=f"Woonvorm {n}", beschrijving="Een lange tekst. " * 20)
    response = client.get("/woonvormen/export.xlsx")
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    assert workbook.sheetnames == ["Toelichting", "Woonvormen"]
    sheet = workbook["Woonvormen"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, sheet.max_column).column_letter}4"
    assert all(cell.font.bold for cell in sheet[1])
    assert not sheet["A2"].font.bold
    assert sheet["C2"].alignment.wrap_text
    assert sheet.column_dimensions["C"].width == 50  # a text column
    assert sheet.column_dimensions["A"].width < sheet.column_dimensions["C"].width


def _grow(n, doelgroepen, contractvormen, plaatsen, organisatie):
    for _ in range(n):
        woonvorm = make_woonvorm(doelgroepen=doelgroepen, contractvormen=contractvormen, plaatsen=plaatsen)
        OrganisatieRol.objects.create(woonvorm=woonvorm, organisatie=organisatie, rol="partner")
        Contactpersoon.objects.create(woonvorm=woonvorm, organisatie=organisatie, email="info@example.org")
        Link.objects.create(woonvorm=woonvorm, url="https://example.org/")
        make_beoordeling(woonvorm=woonvorm, scores={"T1": Score.Waarde.VOLDOET})
        praktijkvoorbeeld = make_praktijkvoorbeeld(doelgroepen=doelgroepen, plaatsen=plaatsen)
        make_beoordeling(praktijkvoorbeeld=praktijkvoorbeeld, scores={"T2": Score.Waarde.DEELS})
        make_succesversneller(doelgroepen=doelgroepen, plaatsen=plaatsen)


def _queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
        b"".join(response.streaming_content)
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize(
    "url",
    [
        "/woonvormen/export.xlsx?doelgroep=jongeren&sort=-score",
        "/succesversnellers/export.csv",
        "/praktijkvoorbeelden/export.ods?q=praktijkvoorbeeld",
        "/zoeken/export.xlsx?q=woonvorm",
        "/toetsingskader/matrix/export.xlsx",
        "/werkgroepmap.xlsx",
    ],
)
def test_the_number_of_queries_does_not_grow_with_the_number_of_rows(client, url):
    make_toetsingskader()
    related = ([make_doelgroep(slug="jongeren")], [make_contractvorm()], [make_plaats()], make_organisatie())
    # Each size is counted with nothing kept (a write to every table): what is kept per table, such as the
    # vocabularies of the filters, would otherwise be read for the first size only.
    _grow(2, *related)
    cache.invalidate()
    small = _queries(client, url)
    _grow(25, *related)
    cache.invalidate()
    assert _queries(client, url) == small


def test_the_search_file_holds_every_result_of_the_chosen_kinds(client):
    for n in range(PAGE_SIZE + 3):
        make_woonvorm(naam=f"Tuinhuis {n:02}")
    make_succesversneller(naam="Tuinhuis-fonds")
    make_woonvorm(naam="Iets anders")

    _notes, headers, rows = download(client, "/zoeken/export.csv?q=tuinhuis")
    assert len(rows) == PAGE_SIZE + 4
    assert "Iets anders" not in column(headers, rows, "Naam")
    assert set(column(headers, rows, "Soort")) == {"woonvorm", "succesversneller"}

    notes, headers, rows = download(client, "/zoeken/export.csv?q=tuinhuis&soort=succesversneller")
    assert column(headers, rows, "Naam") == ["Tuinhuis-fonds"]
    assert ("Filter", "Soort: succesversnellers") in notes


def test_the_matrix_file_has_words_and_reasons_per_toetspunt_and_the_totals(client):
    make_toetsingskader()
    scores = {f"T{n}": Score.Waarde.VOLDOET for n in range(1, 6)} | {"T6": Score.Waarde.DEELS}
    scores |= {"T7": Score.Waarde.ONBEKEND, "A1": Score.Waarde.VOLDOET_NIET}
    make_beoordeling(woonvorm=make_woonvorm(naam="Beoordeeld"), scores=scores)
    make_woonvorm(naam="Niet beoordeeld")

    _notes, headers, rows = download(client, "/toetsingskader/matrix/export.xlsx?soort=woonvorm")
    (row,) = rows
    cell = dict(zip(headers, row, strict=True))
    assert cell["Naam"] == "Beoordeeld"
    assert cell["T6. Toetspunt T6"] == "voldoet deels"
    assert cell["T6: toelichting"] == "Bewijs voor T6."
    assert cell["T7. Toetspunt T7"] == "onbekend"
    assert cell["A1. Toetspunt A1"] == "voldoet niet"
    assert cell["A2. Toetspunt A2"] is None
    assert cell["Totaal T1–T7 (%)"] == 92
    assert cell["Kernpunten bekend"] == "6 van 7"
    # T7 is onbekend: 92 % of what is known, but at most "sluit deels aan" until T7 is known.
    assert cell["Niveau Wonen Eerst"] == "voorlopig: sluit deels aan"
    assert cell["Aanvullend A1–A3 (%)"] == 0


def test_the_workgroup_workbook_has_a_sheet_per_subject(client):
    make_toetsingskader()
    make_beoordeling(woonvorm=make_woonvorm(naam="Beoordeelde woonvorm"), scores={"T1": Score.Waarde.VOLDOET})
    make_woonvorm(naam="Concept", status=Status.CONCEPT)
    make_doelgroep(naam="Jongeren")
    response = client.get("/werkgroepmap.xlsx?q=niets&doelgroep=jongeren")  # the workbook holds everything
    assert response["Content-Disposition"].startswith('attachment; filename="werkgroepmap-')
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    assert workbook.sheetnames == [
        "Toelichting",
        "Woonvormen",
        "Succesversnellers",
        "Praktijkvoorbeelden",
        "Toetsingsmatrix",
        "Contractvormen",
        "Doelgroepen",
        "Bronnen",
    ]
    names = [row[0] for row in workbook["Woonvormen"].iter_rows(min_row=2, values_only=True)]
    assert names == ["Beoordeelde woonvorm"]
    matrix = [row[1] for row in workbook["Toetsingsmatrix"].iter_rows(min_row=2, values_only=True)]
    assert matrix == ["Beoordeelde woonvorm"]
    assert "Jongeren" in [row[0] for row in workbook["Doelgroepen"].iter_rows(values_only=True)]
    for sheet in workbook.worksheets[1:]:
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref


def test_every_list_offers_downloads_that_carry_its_query_without_the_page(client):
    make_toetsingskader()
    jongeren = make_doelgroep(slug="jongeren")
    for _ in range(PAGE_SIZE + 1):
        woonvorm = make_woonvorm(doelgroepen=[jongeren])
        make_beoordeling(woonvorm=woonvorm, scores={"T1": Score.Waarde.VOLDOET})
    pages = {
        "/woonvormen/?doelgroep=jongeren&page=2": "/woonvormen/export.{}?doelgroep=jongeren",
        "/succesversnellers/": None,
        "/zoeken/?q=woonvorm&page=2": "/zoeken/export.{}?q=woonvorm",
        "/toetsingskader/matrix/?soort=woonvorm&page=1": "/toetsingskader/matrix/export.{}?soort=woonvorm",
    }
    for page, link in pages.items():
        body = client.get(page).content.decode()
        if link is None:
            assert "export.xlsx" not in body  # nothing to download from an empty list
            continue
        for fmt, label in (
            ("xlsx", "Download als Excel (.xlsx)"),
            ("csv", "CSV"),
            ("ods", "OpenDocument (.ods)"),
        ):
            assert f'href="{link.format(fmt)}" download>{label}</a>' in body, (page, fmt)


def test_filter_values_the_list_ignores_are_ignored_and_named_in_the_explanation(client):
    make_woonvorm(naam="Kamers")
    notes, headers, rows = download(client, "/woonvormen/export.csv?doelgroep=bestaat-niet&sort=kleur&page=x")
    assert column(headers, rows, "Naam") == ["Kamers"]
    ignored = [value for label, value in notes if label == "Genegeerd filter"]
    assert len(ignored) == 2
    assert any(value.startswith("Doelgroep:") for value in ignored)
    assert ("Filter", "geen") in notes


def test_an_unknown_format_is_not_found(client):
    assert client.get("/woonvormen/export.pdf").status_code == 404
    assert client.get("/woonvormen/export.xlsx").status_code == 200
