"""Importing spreadsheets: the admin's preview and confirmation, broken files, and catalogus_import."""

import csv
import io
import zipfile

import openpyxl
import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from catalogue.models import Doelgroep, Status, Woonvorm
from spreadsheets.admin import XLSXFormat
from spreadsheets.models import ImportBatch
from spreadsheets.resources.editors import WoonvormResource
from tests.factories import make_bron, make_doelgroep, make_persona, make_woonvorm

pytestmark = pytest.mark.django_db

IMPORT_URL = reverse("admin:catalogue_woonvorm_import")
CONFIRM_URL = reverse("admin:catalogue_woonvorm_process_import")


def xlsx(headers, rows, title="Woonvormen"):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = title
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


def upload(data, name="woonvormen.xlsx"):
    stream = io.BytesIO(data)
    stream.name = name
    return stream


def state():
    """What an import could change: every woonvorm with its relations, and the change history."""
    rows = [
        (w.slug, w.naam, w.samenvatting, w.status, w.bron.slug, sorted(d.slug for d in w.doelgroepen.all()))
        for w in Woonvorm.objects.order_by("slug")
    ]
    return rows, Woonvorm.history.count()


@pytest.fixture
def catalogue():
    bron = make_bron(slug="receptenboek", naam="Van nu naar Wonen Eerst")
    jongeren = make_doelgroep(slug="jongeren", naam="Jongeren")
    make_doelgroep(slug="alleenstaanden", naam="Alleenstaanden")
    make_woonvorm(
        slug="kamers", naam="Kamers met Aandacht", samenvatting="Oud.", bron=bron, doelgroepen=[jongeren]
    )
    make_woonvorm(slug="hofje", naam="Hofje", samenvatting="Blijft.", bron=bron)


@pytest.fixture
def editor(client):
    client.force_login(make_persona("Redacteur"))
    return client


HEADERS = ["Slug", "Naam", "Status", "Samenvatting", "Doelgroepen", "Bron"]
GOOD_ROWS = [
    [
        "kamers",
        "Kamers met Aandacht",
        "gepubliceerd",
        "Nieuw.",
        "jongeren; ALLEENSTAANDEN",
        "Van nu naar Wonen Eerst",
    ],
    ["hofje", "Hofje", "gepubliceerd", "Blijft.", "", "receptenboek"],
    ["tuinhuis", "Tuinhuis", "concept", "Nieuw item.", "Jongeren", "receptenboek"],
]


def preview(client, data, fmt="xlsx"):
    """Upload a file; a valid one is checked and its page (with the preview) shown."""
    return client.post(IMPORT_URL, {"import_file": upload(data, f"bestand.{fmt}")}, follow=True)


def counts(response):
    return response.context["summary"]["counts"]


def confirm(client, response, **kwargs):
    return client.post(CONFIRM_URL, {"token": response.context["batch"].token}, **kwargs)


def test_an_editor_sees_new_changed_and_unchanged_rows_before_anything_is_written(editor, catalogue):
    before = state()
    response = preview(editor, xlsx(HEADERS, GOOD_ROWS))

    assert response.status_code == 200
    assert counts(response) == {"nieuw": 1, "gewijzigd": 1, "ongewijzigd": 1, "mislukt": 0}
    body = response.content.decode()
    assert "1 nieuw, 1 gewijzigd, 1 ongewijzigd, 0 mislukt." in body
    assert "Samen 3: elke rij van het bestand is meegeteld." in body
    assert "Er is nog niets opgeslagen." in body
    assert "Accepteer de import" in body
    assert "Samenvatting" in body and "Nieuw." in body  # what changes, by column
    assert state() == before


def test_confirming_writes_the_rows_matched_on_slug_with_related_rows_by_name_or_slug(editor, catalogue):
    response = preview(editor, xlsx(HEADERS, GOOD_ROWS))
    response = confirm(editor, response)

    assert response.status_code == 302
    kamers = Woonvorm.objects.get(slug="kamers")
    assert kamers.samenvatting == "Nieuw."
    assert sorted(d.slug for d in kamers.doelgroepen.all()) == ["alleenstaanden", "jongeren"]
    tuinhuis = Woonvorm.objects.get(slug="tuinhuis")
    assert (tuinhuis.status, tuinhuis.bron.slug) == (Status.CONCEPT, "receptenboek")
    assert Woonvorm.objects.count() == 3  # matched on slug: no duplicates
    assert Woonvorm.history.filter(slug="hofje").count() == 1  # an unchanged row is not saved again


def test_an_unknown_value_fails_its_row_with_the_value_and_the_column_and_nothing_is_written(
    editor, catalogue
):
    before = state()
    rows = [GOOD_ROWS[0], ["hofje", "Hofje", "gepubliceerd", "Blijft.", "Jongerren", "receptenboek"]]
    response = preview(editor, xlsx(HEADERS, rows))

    assert counts(response)["mislukt"] == 1
    (failure,) = response.context["summary"]["failures"]
    assert failure == {
        "row": 3,
        "errors": [["Doelgroepen", "Onbekende waarde “Jongerren” in kolom “Doelgroepen”."]],
    }
    body = response.content.decode()
    assert "Onbekende waarde “Jongerren” in kolom “Doelgroepen”." in body
    assert "Accepteer de import" not in body
    assert "Er is niets opgeslagen." in body
    assert state() == before


def test_an_unknown_label_or_source_is_named_too(editor, catalogue):
    rows = [["kamers", "Kamers met Aandacht", "half af", "Nieuw.", "", "Onbekend boek"]]
    response = preview(editor, xlsx(HEADERS, rows))
    body = response.content.decode()
    assert "Onbekende waarde “half af” in kolom “Status”." in body
    assert "Onbekende waarde “Onbekend boek” in kolom “Bron”." in body
    assert Woonvorm.objects.get(slug="kamers").samenvatting == "Oud."


def test_a_name_shared_by_two_rows_asks_for_the_slug(editor, catalogue):
    make_doelgroep(slug="jongeren-2", naam="Jongeren")
    rows = [["kamers", "Kamers met Aandacht", "gepubliceerd", "Nieuw.", "Jongeren", "receptenboek"]]
    response = preview(editor, xlsx(HEADERS, rows))
    assert "“Jongeren” in kolom “Doelgroepen” past bij meer dan één doelgroep; gebruik de slug." in (
        response.content.decode()
    )
    assert Woonvorm.objects.get(slug="kamers").samenvatting == "Oud."


def test_a_row_that_fails_at_confirmation_rolls_back_every_row(editor, catalogue):
    rows = [
        GOOD_ROWS[2],
        ["kamers", "Kamers met Aandacht", "gepubliceerd", "Nieuw.", "alleenstaanden", "receptenboek"],
    ]
    response = preview(editor, xlsx(HEADERS, rows))
    # Between preview and confirmation another editor removes a doelgroep the file uses.
    Doelgroep.objects.filter(slug="alleenstaanden").delete()
    before = state()

    response = confirm(editor, response, follow=True)

    messages = [str(m) for m in response.context["messages"]]
    assert "Niets geïmporteerd. Controleer het bestand en probeer het opnieuw." in messages
    assert "Rij 3: Onbekende waarde “alleenstaanden” in kolom “Doelgroepen”." in messages
    assert not Woonvorm.objects.filter(slug="tuinhuis").exists()  # the valid row is not written either
    assert state() == before


def _broken_inputs():
    zip_but_no_spreadsheet = io.BytesIO()
    with zipfile.ZipFile(zip_but_no_spreadsheet, "w") as archive:
        archive.writestr("foto.txt", "geen spreadsheet")
    return {
        "not a spreadsheet": (b"%PDF-1.4\x00\x01\x02 binary", "Dit bestand is geen spreadsheet."),
        "a zip without a spreadsheet": (
            zip_but_no_spreadsheet.getvalue(),
            "Dit bestand is geen spreadsheet.",
        ),
        "an old xls file": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "oud Excel-bestand (.xls)"),
        "an empty file": (b"", "bestand is leeg."),
        "a header without rows": (xlsx(HEADERS, []), "er staan geen rijen onder de kop."),
        "an unknown column": (
            xlsx([*HEADERS, "Opmerking"], [[*GOOD_ROWS[0], "x"]]),
            "onbekende kolommen “Opmerking”.",
        ),
        "a missing slug column": (
            xlsx(HEADERS[1:], [row[1:] for row in GOOD_ROWS]),
            "deze kolommen ontbreken: “Slug”.",
        ),
        "no header at all": (xlsx([None, None, "Naam"], [["", "", "x"]]), "kolom 1 heeft geen kop."),
        "a column twice": (
            xlsx([*HEADERS, "naam"], [[*GOOD_ROWS[0], "x"]]),
            "staan meer dan eens in de kop: “Naam”",
        ),
        "a slug twice": (
            xlsx(HEADERS, [GOOD_ROWS[0], GOOD_ROWS[1], GOOD_ROWS[0]]),
            "Slug “kamers” staat meer dan eens in het bestand (rijen 2, 4).",
        ),
    }


BROKEN = _broken_inputs()


@pytest.mark.parametrize("name", BROKEN)
def test_broken_input_gets_a_clear_message_and_changes_nothing(editor, catalogue, name):
    data, message = BROKEN[name]
    before = state()
    response = preview(editor, data)
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors["import_file"])
    assert message in errors
    assert "batch" not in response.context
    assert not ImportBatch.objects.exists()
    assert state() == before


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=2000)
def test_a_file_over_the_size_limit_is_refused_and_changes_nothing(editor, catalogue):
    before = state()
    data = xlsx(HEADERS, GOOD_ROWS)
    assert len(data) > 2000
    response = preview(editor, data)
    errors = " ".join(response.context["form"].errors["import_file"])
    assert "de grens is 2,0\xa0KB" in errors
    assert "batch" not in response.context
    assert state() == before


def test_csv_with_an_explanation_block_and_semicolons_is_read(editor, catalogue):
    text = io.StringIO()
    text.write("# Inhoud: Woonvormen\r\n# Geëxporteerd op: 01-02-2026 10:00\r\n")
    writer = csv.writer(text, delimiter=";")
    writer.writerow(HEADERS)
    writer.writerows(
        [["kamers", "Kamers met Aandacht", "gepubliceerd", "'=1+1 is twee", "Jongeren", "receptenboek"]]
    )
    response = preview(editor, text.getvalue().encode("utf-8-sig"), fmt="csv")
    confirm(editor, response)
    # The quote that kept the formula from running is taken off again.
    assert Woonvorm.objects.get(slug="kamers").samenvatting == "=1+1 is twee"


def test_the_admin_export_reads_back_as_unchanged(editor, catalogue):
    every_column = {f"woonvormresource_{name}": "on" for name in WoonvormResource().get_export_order()}
    response = editor.post(
        reverse("admin:catalogue_woonvorm_export"), {"format": "0", "resource": "0", **every_column}
    )
    assert response.status_code == 200
    data = response.content
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    assert workbook.sheetnames == ["Toelichting", "Woonvormen"]
    assert [c.value for c in workbook["Woonvormen"][1]] == WoonvormResource.column_names()

    response = preview(editor, data)
    assert counts(response) == {"nieuw": 0, "gewijzigd": 0, "ongewijzigd": 2, "mislukt": 0}


def test_someone_who_may_not_change_the_catalogue_cannot_import(client, catalogue):
    client.force_login(make_persona("Beoordelaar"))
    before = state()
    assert client.get(IMPORT_URL).status_code == 403
    assert client.post(IMPORT_URL, {"import_file": upload(xlsx(HEADERS, GOOD_ROWS))}).status_code == 403
    assert state() == before


# catalogus_import ----------------------------------------------------------------------------------------


def workbook_file(tmp_path, sheets):
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for title, (headers, rows) in sheets.items():
        sheet = workbook.create_sheet(title)
        sheet.append(headers)
        for row in rows:
            sheet.append(row)
    path = tmp_path / "catalogus.xlsx"
    workbook.save(path)
    return path


def test_the_command_dry_run_reports_and_writes_nothing(tmp_path, catalogue):
    path = workbook_file(tmp_path, {"Woonvormen": (HEADERS, GOOD_ROWS)})
    before = state()
    out = io.StringIO()
    call_command("catalogus_import", str(path), "--dry-run", stdout=out)
    assert "Woonvormen: 1 nieuw, 1 gewijzigd, 1 ongewijzigd, 0 mislukt" in out.getvalue()
    assert "er is niets opgeslagen" in out.getvalue()
    assert state() == before


def test_the_command_imports_every_sheet_in_one_transaction(tmp_path, catalogue):
    sheets = {
        "Doelgroepen": (["Slug", "Naam", "Soort"], [["ouderen", "Ouderen", "leeftijd"]]),
        "Woonvormen": (HEADERS, [["tuinhuis", "Tuinhuis", "concept", "Nieuw.", "Ouderen", "receptenboek"]]),
    }
    call_command("catalogus_import", str(workbook_file(tmp_path, sheets)), stdout=io.StringIO())
    assert [d.slug for d in Woonvorm.objects.get(slug="tuinhuis").doelgroepen.all()] == ["ouderen"]


def test_a_failing_row_in_a_later_sheet_undoes_the_earlier_sheets(tmp_path, catalogue):
    sheets = {
        "Doelgroepen": (["Slug", "Naam", "Soort"], [["ouderen", "Ouderen", "leeftijd"]]),
        "Woonvormen": (HEADERS, [["tuinhuis", "Tuinhuis", "concept", "Nieuw.", "Ouderen", "Geen boek"]]),
    }
    before = state()
    err = io.StringIO()
    with pytest.raises(CommandError, match="Niets geïmporteerd"):
        call_command(
            "catalogus_import", str(workbook_file(tmp_path, sheets)), stderr=err, stdout=io.StringIO()
        )
    assert "Woonvormen, rij 2: Onbekende waarde “Geen boek” in kolom “Bron”." in err.getvalue()
    assert not Doelgroep.objects.filter(slug="ouderen").exists()
    assert state() == before


@pytest.mark.parametrize(
    ("sheets", "message"),
    [
        (
            {"Woonvormen": (HEADERS, GOOD_ROWS), "Notities": (["Tekst"], [["x"]])},
            "Onbekende bladen “Notities”",
        ),
        ({"Woonvormen": (HEADERS, [GOOD_ROWS[0], GOOD_ROWS[0]])}, "Slug “kamers” staat meer dan eens"),
        ({"Woonvormen": (["Slug", "Kleur"], [["kamers", "rood"]])}, "onbekende kolommen “Kleur”"),
    ],
)
def test_the_command_refuses_a_broken_workbook_and_changes_nothing(tmp_path, catalogue, sheets, message):
    before = state()
    with pytest.raises(CommandError, match=message):
        call_command("catalogus_import", str(workbook_file(tmp_path, sheets)), stdout=io.StringIO())
    assert state() == before


def _preview_queries(client):
    """The queries of previewing the admin's own export of every woonvorm (savepoints included: a row that
    writes nothing takes none)."""
    data = XLSXFormat.bound(WoonvormResource)().export_data(WoonvormResource().export())
    with CaptureQueriesContext(connection) as context:
        response = preview(client, data)
    assert counts(response)["ongewijzigd"] == Woonvorm.objects.count()
    return [q["sql"] for q in context.captured_queries]


def test_a_preview_reads_the_rows_it_compares_in_a_fixed_number_of_queries(editor, catalogue):
    small = _preview_queries(editor)
    doelgroepen = list(Doelgroep.objects.all())
    for n in range(8):
        make_woonvorm(slug=f"extra-{n}", naam=f"Extra {n}", doelgroepen=doelgroepen)
    assert len(_preview_queries(editor)) == len(small)


def test_the_command_names_the_column_of_every_error(tmp_path, catalogue):
    sheets = {"Woonvormen": (HEADERS, [["tuinhuis", "", "concept", "Nieuw.", "", "receptenboek"]])}
    err = io.StringIO()
    with pytest.raises(CommandError, match="Niets geïmporteerd"):
        call_command(
            "catalogus_import", str(workbook_file(tmp_path, sheets)), stderr=err, stdout=io.StringIO()
        )
    assert "Woonvormen, rij 2, kolom “Naam”: " in err.getvalue()


def test_the_command_summarises_many_errors(tmp_path, catalogue):
    rows = [[f"item-{n}", f"Item {n}", "concept", "", "Onbekend", "receptenboek"] for n in range(60)]
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command(
            "catalogus_import",
            str(workbook_file(tmp_path, {"Woonvormen": (HEADERS, rows)})),
            stderr=err,
            stdout=io.StringIO(),
        )
    lines = err.getvalue().splitlines()
    assert len(lines) == 51
    assert lines[-1] == "Woonvormen: … en nog 10 meldingen."


def test_the_command_refuses_a_file_past_a_limit_in_dutch(tmp_path, catalogue, settings):
    settings.SPREADSHEET_MAX_ROWS = 2
    path = workbook_file(tmp_path, {"Woonvormen": (HEADERS, GOOD_ROWS)})
    with pytest.raises(
        CommandError, match="er staan gegevens in rij 4; de grens is 2 rijen met gegevens per blad"
    ):
        call_command("catalogus_import", str(path), stdout=io.StringIO())
