"""Files made to break the import: each is refused at once, with a Dutch message naming the limit and the
file's figure, in bounded time and memory, and nothing is written.

The files are made by the tests (tests/spreadsheets/files.py), one per attack class.
"""

import json
import os
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest
from django.urls import reverse

from spreadsheets.models import ImportBatch
from tests.factories import make_bron, make_doelgroep, make_persona, make_woonvorm
from tests.spreadsheets.files import HOSTILE

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
IMPORT_URL = reverse("admin:catalogue_woonvorm_import")
MEGABYTE = 1024 * 1024
# Files that pass a limit only after reading up to it: bounded work, not a bomb.
AT_THE_LIMIT = {"20,001 rows", "1,050,000 cells", "100,000 stored empty rows"}


@pytest.fixture(scope="module")
def hostile_files():
    return {name: make() for name, (make, _message) in HOSTILE.items()}


@pytest.fixture
def editor(client):
    make_woonvorm(slug="kamers", naam="Kamers", bron=make_bron(), doelgroepen=[make_doelgroep()])
    client.force_login(make_persona("Redacteur"))
    return client


def state():
    from catalogue.models import Woonvorm

    return (
        list(Woonvorm.objects.order_by("pk").values()),
        Woonvorm.history.count(),
        ImportBatch.objects.count(),
    )


def post(client, data, name):
    return client.post(IMPORT_URL, {"import_file": _upload(data, name)})


def _upload(data, name):
    import io

    stream = io.BytesIO(data)
    stream.name = name
    return stream


@pytest.mark.parametrize("name", HOSTILE)
def test_a_hostile_file_is_refused_at_once_with_a_dutch_message_and_changes_nothing(
    editor, hostile_files, name
):
    data, message = hostile_files[name], HOSTILE[name][1]
    before = state()

    started = time.perf_counter()
    response = post(editor, data, "bestand.xlsx")
    elapsed = time.perf_counter() - started

    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors["import_file"])
    assert message in errors
    assert "Traceback" not in response.content.decode()
    assert elapsed < (3.0 if name in AT_THE_LIMIT else 0.5), f"{name}: {elapsed:.2f} s"
    assert state() == before

    tracemalloc.start()
    try:
        post(editor, data, "bestand.xlsx")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 200 * MEGABYTE, f"{name}: {peak / MEGABYTE:.0f} MB"


READ_EVERY_FILE = """
import json, sys, time
import django
django.setup()
from spreadsheets.reading import SpreadsheetError, read_spreadsheet
report = {}
for path in sys.argv[1:]:
    data = open(path, "rb").read()
    started = time.perf_counter()
    try:
        read_spreadsheet(data)
        report[path] = ["gelezen", 0]
    except SpreadsheetError as error:
        report[path] = [str(error), time.perf_counter() - started]
# The process's own high-water mark of resident memory (ru_maxrss would include the parent's, on Linux).
status = open("/proc/self/status").read()
report["peak_kb"] = int(status.split("VmHWM:")[1].split()[0])
print(json.dumps(report))
"""


def test_a_process_reading_every_hostile_file_stays_under_200_mb(hostile_files, tmp_path):
    paths = {}
    for number, (name, data) in enumerate(hostile_files.items()):
        paths[name] = tmp_path / f"bestand-{number}"
        paths[name].write_bytes(data)
    result = subprocess.run(
        [sys.executable, "-c", READ_EVERY_FILE, *map(str, paths.values())],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings", "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    for name, path in paths.items():
        message, _seconds = report[str(path)]
        assert HOSTILE[name][1] in message, name
    assert report["peak_kb"] * 1024 < 200 * MEGABYTE, f"{report['peak_kb'] / 1024:.0f} MB"


def test_a_nul_byte_is_named_with_its_row_and_column_in_dutch(editor):
    rows = "".join(f"item-{n};Item {n}\r\n" for n in range(300))
    data = f"Slug;Naam\r\n{rows}kapot;Na\x00am\r\n".encode()
    before = state()
    response = post(editor, data, "bestand.csv")
    errors = " ".join(response.context["form"].errors["import_file"])
    assert (
        "Deze cellen bevatten een NUL-teken (code 0), dat niet kan worden opgeslagen: rij 302, kolom “Naam”"
        in (errors)
    )
    assert state() == before


def test_many_failing_rows_are_summarised_in_a_short_page(editor):
    from tests.spreadsheets.files import HEADERS, xlsx

    rows = [[f"item-{n}", f"Item {n}", "gepubliceerd", "", "Onbekend", ""] for n in range(120)]
    response = editor.post(
        IMPORT_URL, {"import_file": _upload(xlsx(HEADERS, rows), "veel.xlsx")}, follow=True
    )
    summary = response.context["summary"]
    assert summary["counts"]["mislukt"] == 120
    assert len(summary["failures"]) == 50
    assert summary["failures"][0]["row"] == 2
    body = response.content.decode()
    assert "… en nog 70 rijen met fouten." in body
    assert "Item 119" not in body
    assert len(body) < 100_000
