"""The editors' workbook round trip: export everything, empty the database, import, export again."""

import io
import re

import openpyxl
import pytest
from django.core import serializers
from django.core.management import call_command

from assessment.models import Beoordeling, Score
from catalogue.content import load_content
from catalogue.models import Contactpersoon, Status, Woonvorm
from spreadsheets.resources.editors import WORKBOOK_RESOURCES
from spreadsheets.sheets import exported_at_label, notes_title

pytestmark = pytest.mark.django_db

# Kept by the database, not by the spreadsheet: timestamps, and who adopted a beoordeling when (an account,
# set by the adoption step).
# Kept by the database, or derived from other columns (zoektermen: catalogue.search.refresh_terms).
SKIPPED_FIELDS = {"created", "updated", "vastgesteld_door", "vastgesteld_op", "zoektermen"}


def snapshot():
    """Every row of every model in the workbook, by natural keys and without ids, in a stable order."""
    result = {}
    for resource in WORKBOOK_RESOURCES:
        model = resource._meta.model
        rows = []
        for record in serializers.serialize(
            "python", model.objects.all(), use_natural_foreign_keys=True, use_natural_primary_keys=True
        ):
            fields = {
                name: sorted(value) if isinstance(value, list) else value
                for name, value in record["fields"].items()
                if name not in SKIPPED_FIELDS
            }
            rows.append(repr(sorted(fields.items())))
        result[model._meta.label] = sorted(rows)
    return result


def export(path):
    call_command("catalogus_export", str(path), stdout=io.StringIO())
    workbook = openpyxl.load_workbook(path, read_only=True)
    sheets = {}
    for sheet in workbook.worksheets:
        rows = [list(row) for row in sheet.iter_rows(values_only=True)]
        if sheet.title == notes_title():
            rows = [row for row in rows if row[0] != exported_at_label()]
        sheets[sheet.title] = rows
    return sheets


def empty_the_catalogue():
    for resource in reversed(WORKBOOK_RESOURCES):
        resource._meta.model.objects.all().delete()


def add_what_the_content_lacks():
    """Unpublished items, a personal contact, formula-like text and a retired assessment."""
    woonvorm = Woonvorm.objects.order_by("slug").first()
    woonvorm.status = Status.CONCEPT
    woonvorm.samenvatting = "=1+1, +31 6 en @iemand"
    woonvorm.save()
    archived = Woonvorm.objects.order_by("slug").last()
    archived.status = Status.GEARCHIVEERD
    archived.save()
    Contactpersoon.objects.create(
        woonvorm=woonvorm, naam="Anna de Vries", email="anna@example.org", volgorde=9
    )
    current = Beoordeling.objects.filter(woonvorm=woonvorm).first()
    retired = Beoordeling.objects.create(
        slug="oude-beoordeling",
        woonvorm=woonvorm,
        datum="2020-01-01",
        beoordelaar="Werkgroep",
        status=Beoordeling.Status.VERVALLEN,
        ontwikkelpunten="'Een punt tussen aanhalingstekens'\n-Een punt met een streepje",
    )
    for score in current.scores.all():
        Score.objects.create(beoordeling=retired, toetspunt=score.toetspunt, waarde=Score.Waarde.ONBEKEND)


def test_export_import_into_an_empty_database_and_export_again_gives_the_same_file_and_data(tmp_path):
    load_content()
    add_what_the_content_lacks()
    before = snapshot()
    first = export(tmp_path / "eerste.xlsx")

    empty_the_catalogue()
    assert not any(snapshot().values())
    call_command("catalogus_import", str(tmp_path / "eerste.xlsx"), stdout=io.StringIO())
    second = export(tmp_path / "tweede.xlsx")

    assert list(first) == list(second)
    for title in first:
        assert first[title] == second[title], title
    assert snapshot() == before
    assert Woonvorm.objects.get(samenvatting="=1+1, +31 6 en @iemand").status == Status.CONCEPT
    assert len(first["Woonvormen"]) > 20  # the real content, not an empty sheet
    assert len(first["Scores"]) > 200


def test_importing_an_unchanged_export_changes_nothing_and_adds_no_history(tmp_path):
    load_content()
    path = tmp_path / "catalogus.xlsx"
    call_command("catalogus_export", str(path), stdout=io.StringIO())
    before = snapshot()
    history = {r._meta.model._meta.label: r._meta.model.history.count() for r in WORKBOOK_RESOURCES}

    out = io.StringIO()
    call_command("catalogus_import", str(path), stdout=out)

    assert snapshot() == before
    assert {r._meta.model._meta.label: r._meta.model.history.count() for r in WORKBOOK_RESOURCES} == history
    assert re.search(r"Woonvormen: 0 nieuw, 0 gewijzigd, \d+ ongewijzigd, 0 mislukt", out.getvalue())
    assert "Contactpersonen: 0 items bijgewerkt" in out.getvalue()


@pytest.mark.parametrize("resource", WORKBOOK_RESOURCES, ids=lambda r: r.__name__)
def test_the_editors_workbook_has_a_column_for_every_field_with_a_dutch_header(resource):
    model = resource._meta.model
    fields = {f.name for f in [*model._meta.concrete_fields, *model._meta.many_to_many]}
    assert fields - {"id", *SKIPPED_FIELDS} == set(resource.fields)
    headers = resource.column_names()
    assert len(headers) == len(set(headers))
    assert not [header for header in headers if header in fields]  # verbose names, not field names
