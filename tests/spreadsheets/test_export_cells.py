"""The cells of a public list's download: each item keeps its own related rows, worded as on the page, and
the file is made with a fixed number of queries."""

import datetime
import io

import openpyxl
import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from assessment.models import Score
from catalogue.models import Contactpersoon, Link, OrganisatieRol
from spreadsheets.sheets import Sheet
from spreadsheets.writers import write_spreadsheet
from tests.factories import (
    make_beoordeling,
    make_bron,
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
from tests.spreadsheets.test_exports import _queries, download

pytestmark = pytest.mark.django_db


def _rows_by_address(client, url):
    _notes, headers, rows = download(client, url)
    return {row[headers.index("Webadres")]: dict(zip(headers, row, strict=True)) for row in rows}


def _address(item):
    return f"http://testserver{item.get_absolute_url()}"


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_items_of_the_same_name_keep_their_own_related_cells(client, fmt):
    make_toetsingskader()
    jongeren, ouderen = make_doelgroep(naam="Jongeren"), make_doelgroep(naam="Ouderen")
    thuis, wonen = make_organisatie(naam="Stichting Thuis"), make_organisatie(naam="Woonbedrijf")
    first = make_woonvorm(naam="Hofje", doelgroepen=[jongeren], plaatsen=[make_plaats(naam="Utrecht")])
    second = make_woonvorm(naam="Hofje", doelgroepen=[ouderen, jongeren])
    empty = make_woonvorm(naam="Hofje")
    # Related rows of both items created in turn, so their ids interleave.
    for item, organisatie, rol in ((first, thuis, "partner"), (second, wonen, "verhuurder")):
        OrganisatieRol.objects.create(woonvorm=item, organisatie=organisatie, rol=rol)
        Contactpersoon.objects.create(woonvorm=item, organisatie=organisatie, email=f"info@{item.slug}.nl")
        Link.objects.create(woonvorm=item, url=f"https://{item.slug}.example.org/", titel="Website")
    Link.objects.create(woonvorm=first, url="https://example.org/verslag.pdf", volgorde=1)
    make_beoordeling(woonvorm=second, scores={f"T{n}": Score.Waarde.VOLDOET for n in range(1, 8)})

    rows = _rows_by_address(client, f"/woonvormen/export.{fmt}")

    one, two, none = rows[_address(first)], rows[_address(second)], rows[_address(empty)]
    assert one["Doelgroepen"] == "Jongeren"
    assert two["Doelgroepen"] == "Jongeren; Ouderen"
    assert one["Plaatsen"] == "Utrecht"
    assert one["Organisaties"] == "Stichting Thuis (samenwerkingspartner)"
    assert two["Organisaties"] == "Woonbedrijf (verhuurder of eigenaar)"
    assert one["Contactpunten"] == f"Stichting Thuis, info@{first.slug}.nl"
    assert two["Contactpunten"] == f"Woonbedrijf, info@{second.slug}.nl"
    assert one["Links"].splitlines() == [
        f"Website: https://{first.slug}.example.org/",
        "https://example.org/verslag.pdf",
    ]
    assert two["Links"] == f"Website: https://{second.slug}.example.org/"
    assert str(two["Wonen Eerst-score (%)"]) == "100"
    assert one["Wonen Eerst-score (%)"] is None
    assert one["Niveau Wonen Eerst"] == "niet beoordeeld"
    # An item without related rows has empty cells, not another item's.
    for column in ("Doelgroepen", "Plaatsen", "Organisaties", "Contactpunten", "Links", "Kernpunten bekend"):
        assert none[column] is None, column
    assert none["Bron"] == empty.bron.naam


def test_every_row_of_every_sheet_links_to_its_own_page(client):
    """The address is made once per sheet and each row's slug put in: every row still gets its own page."""
    make_toetsingskader()
    made = [
        *(make_woonvorm(naam=naam) for naam in ("Hofje", "Hofje", "Skaeve huse")),
        make_succesversneller(),
        make_praktijkvoorbeeld(),
        make_contractvorm(),
        make_doelgroep(),
        make_bron(),
    ]
    response = client.get("/werkgroepmap.xlsx")
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    addresses = []
    for sheet in workbook.worksheets[1:]:
        rows = list(sheet.values)
        if "Webadres" in rows[0]:
            addresses += [row[rows[0].index("Webadres")] for row in rows[1:]]
    assert len(addresses) == len(set(addresses))
    for item in made:
        assert _address(item) in addresses, item
        assert client.get(item.get_absolute_url()).status_code == 200


def test_dates_are_date_cells_in_day_month_year(client):
    make_woonvorm(naam="Kamers")
    response = client.get("/woonvormen/export.xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))["Woonvormen"]
    headers = [cell.value for cell in sheet[1]]
    cell = sheet.cell(2, headers.index("Laatst bijgewerkt") + 1)
    assert cell.value == datetime.datetime.combine(timezone.localdate(), datetime.time())
    assert cell.number_format == "DD-MM-YYYY"
    assert cell.alignment.wrap_text


def test_scores_of_praktijkvoorbeelden_are_worded_by_the_score_summary(client):
    make_toetsingskader()
    scored = make_praktijkvoorbeeld(naam="Beoordeeld")
    scores = {f"T{n}": Score.Waarde.VOLDOET for n in range(1, 6)} | {"T6": Score.Waarde.DEELS}
    make_beoordeling(praktijkvoorbeeld=scored, scores=scores | {"T7": Score.Waarde.ONBEKEND})
    make_praktijkvoorbeeld(naam="Niet beoordeeld")

    rows = _rows_by_address(client, "/praktijkvoorbeelden/export.xlsx")

    cells = rows[_address(scored)]
    assert cells["Wonen Eerst-score (%)"] == 92
    assert cells["Kernpunten bekend"] == "6 van 7"
    assert cells["Niveau Wonen Eerst"] == "voorlopig: sluit deels aan"
    assert {row["Niveau Wonen Eerst"] for row in rows.values()} == {
        "voorlopig: sluit deels aan",
        "niet beoordeeld",
    }


def _grow(n):
    organisatie = make_organisatie()
    for _ in range(n):
        woonvorm = make_woonvorm(doelgroepen=[make_doelgroep()])
        OrganisatieRol.objects.create(woonvorm=woonvorm, organisatie=organisatie, rol="partner")
        Contactpersoon.objects.create(woonvorm=woonvorm, naam="Anna", email="anna@example.org")
        Link.objects.create(woonvorm=woonvorm, url="https://example.org/")


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_staff_downloads_take_the_same_queries_for_3_and_30_items(client, fmt):
    staff = make_user("redactie", staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="view_contactpersoon"))
    client.force_login(staff)
    _grow(3)
    small = _queries(client, f"/woonvormen/export.{fmt}")
    _grow(27)
    assert _queries(client, f"/woonvormen/export.{fmt}") == small


def test_sheets_of_the_same_name_are_both_kept():
    stream = io.BytesIO()
    sheets = [Sheet(title="Woonvormen", headers=["Naam"], rows=[[str(n)]]) for n in range(2)]
    write_spreadsheet(stream, "xlsx", sheets, [("Inhoud", "twee bladen")])
    workbook = openpyxl.load_workbook(stream)
    assert workbook.sheetnames == ["Toelichting", "Woonvormen", "Woonvormen1"]
    assert [sheet["A2"].value for sheet in workbook.worksheets[1:]] == ["0", "1"]


def test_a_text_longer_than_a_cell_holds_says_it_was_shortened():
    """Excel's cells hold 32,767 characters: a longer text is not cut off without a word."""
    long_text, short_text = "woord " * 6000, "kort"
    stream = io.BytesIO()
    sheet = Sheet(title="Woonvormen", headers=["Beschrijving"], rows=[[long_text], [short_text]])
    write_spreadsheet(stream, "xlsx", [sheet], [("Inhoud", "een lange tekst")])
    cells = openpyxl.load_workbook(stream)["Woonvormen"]
    shortened = cells["A2"].value
    assert len(shortened) == 32767
    assert shortened.startswith(long_text[:30000])
    assert shortened.endswith("[ingekort: de hele tekst staat op de pagina van het item]")
    assert cells["A3"].value == short_text
