"""How long an admin import takes within a request, to choose DJANGO_IMPORT_JOB_ROWS against gunicorn's
timeout: the preview (dry run) and the import of N woonvormen, in the worst case of every row new or changed.

Against the database in DATABASE_URL, which must hold the catalogue (`make content`); everything is rolled
back. Usage: .venv/bin/python benchmarks/import_timing.py 200
"""

import io
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django

django.setup()

import openpyxl  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.db import transaction  # noqa: E402
from django.test.utils import override_settings  # noqa: E402

from catalogue.models import Woonvorm  # noqa: E402
from spreadsheets import services  # noqa: E402
from spreadsheets.admin import XLSXFormat  # noqa: E402
from spreadsheets.reading import read_spreadsheet  # noqa: E402
from spreadsheets.resources.editors import WoonvormResource  # noqa: E402


def workbook(rows):
    """The admin's export of the woonvormen, repeated to `rows` rows with new slugs and a changed summary."""
    exported = openpyxl.load_workbook(
        io.BytesIO(XLSXFormat.bound(WoonvormResource)().export_data(WoonvormResource().export()))
    )["Woonvormen"]
    header, *body = [list(row) for row in exported.iter_rows(values_only=True)]
    slug, naam, samenvatting = (header.index(name) for name in ("Slug", "Naam", "Samenvatting"))
    out = openpyxl.Workbook()
    sheet = out.active
    sheet.title = "Woonvormen"
    sheet.append(header)
    for number in range(rows):
        row = list(body[number % len(body)])
        if number >= len(body):
            row[slug], row[naam] = f"{row[slug]}-{number}", f"{row[naam]} {number}"
        row[samenvatting] = f"Gewijzigd {number}: {row[samenvatting]}"
        sheet.append(row)
    stream = io.BytesIO()
    out.save(stream)
    return stream.getvalue()


def main(rows):
    data = workbook(rows)
    user = get_user_model().objects.filter(is_superuser=True).first()
    user = user or get_user_model().objects.create_superuser("benchmark", "benchmark@example.org", None)
    started = time.perf_counter()
    chosen = services.choose_sheet(read_spreadsheet(data), WoonvormResource)
    read = time.perf_counter() - started
    with override_settings(SPREADSHEET_JOB_ROWS=10**9), transaction.atomic():
        started = time.perf_counter()
        batch = services.start_import(user=user, model=Woonvorm, file_name="benchmark.xlsx", chosen=chosen)
        preview = time.perf_counter() - started
        started = time.perf_counter()
        services.confirm_import(batch)
        imported = time.perf_counter() - started
        batch.refresh_from_db()
        counts = batch.summary["counts"]
        transaction.set_rollback(True)
    print(
        f"{rows} rows ({len(data):,} bytes, {counts}): read {read:.2f} s, "
        f"preview {preview:.2f} s ({1000 * preview / rows:.1f} ms a row), "
        f"import {imported:.2f} s ({1000 * imported / rows:.1f} ms a row)"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
