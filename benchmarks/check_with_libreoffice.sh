#!/usr/bin/env bash
# Opens our spreadsheets in a real spreadsheet program: LibreOffice converts every sheet to csv, headless,
# and each csv must hold the same cells as the file itself (read with openpyxl or odfpy). Then the other way
# round: the editors' workbook saved again by LibreOffice, as ods and as xlsx, must import with nothing new,
# changed or failed (catalogus_import --dry-run).
#
# Needs LibreOffice Calc:   apt-get install -y libreoffice-calc-nogui
#
#   benchmarks/check_with_libreoffice.sh                 # fresh exports of the real content (see below)
#   benchmarks/check_with_libreoffice.sh FILE.xlsx ...   # your own xlsx or ods files
#
# Without arguments it loads the catalogue into a throwaway SQLite database and checks the editors' workbook
# (catalogus_export), the workgroup workbook (/werkgroepmap.xlsx) and a list as ods (/woonvormen/export.ods).
# It exits with 1 when a cell differs and with 2 when LibreOffice is not installed.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v soffice >/dev/null; then
  echo "soffice (LibreOffice) is niet gevonden. Installeer het eerst: apt-get install -y libreoffice-calc-nogui" >&2
  exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ $# -eq 0 ]; then
  export DATABASE_URL="sqlite:///$work/check.sqlite3"
  .venv/bin/python manage.py migrate --no-input --verbosity 0
  .venv/bin/python manage.py laad_catalogus >/dev/null
  .venv/bin/python manage.py catalogus_export "$work/catalogus.xlsx" >/dev/null
  .venv/bin/python manage.py shell --no-imports -c "
from django.test import Client
client = Client()
for url, name in [('/werkgroepmap.xlsx', 'werkgroepmap.xlsx'), ('/woonvormen/export.ods', 'woonvormen.ods')]:
    response = client.get(url)
    assert response.status_code == 200, url
    with open('$work/' + name, 'wb') as handle:
        handle.writelines(response.streaming_content)
"
  set -- "$work/catalogus.xlsx" "$work/werkgroepmap.xlsx" "$work/woonvormen.ods"
fi

status=0
for file in "$@"; do
  out="$work/csv-$(basename "$file")"
  mkdir -p "$out"
  # Filter options: comma, double quote, UTF-8, from line 1, cells as shown, every sheet (-1) to its own file.
  soffice --headless --norestore -env:UserInstallation="file://$work/profile" \
    --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' \
    --outdir "$out" "$file" >/dev/null 2>&1
  .venv/bin/python - "$file" "$out" <<'PYTHON' || status=1
import csv
import datetime
import io
import sys
import zipfile
from pathlib import Path

import openpyxl
from odf import teletype
from odf.opendocument import load
from odf.table import Table, TableCell, TableRow
from odf.text import P

source, folder = Path(sys.argv[1]), Path(sys.argv[2])


def ods_cell(cell):
    kind = cell.getAttribute("valuetype")
    if kind == "float":
        number = float(cell.getAttribute("value"))
        return int(number) if number.is_integer() else number
    if kind == "date":
        return datetime.date.fromisoformat(cell.getAttribute("datevalue")[:10])
    return "\n".join(teletype.extractText(p) for p in cell.getElementsByType(P)) or None


def sheets():
    if zipfile.ZipFile(source).namelist()[0] == "mimetype":
        for table in load(str(source)).spreadsheet.getElementsByType(Table):
            rows = [[ods_cell(c) for c in row.getElementsByType(TableCell)] for row in table.getElementsByType(TableRow)]
            yield table.getAttribute("name"), rows
    else:
        for sheet in openpyxl.load_workbook(source, read_only=True).worksheets:
            yield sheet.title, [list(row) for row in sheet.iter_rows(values_only=True)]


def same(ours, shown):
    if ours is None or ours == "":
        return shown == ""
    if isinstance(ours, datetime.datetime | datetime.date):
        for fmt in ("%d-%m-%Y", "%m/%d/%y", "%d/%m/%Y", "%Y-%m-%d", "%d-%m-%y", "%m/%d/%Y"):
            try:
                if datetime.datetime.strptime(shown, fmt).date() == (ours.date() if isinstance(ours, datetime.datetime) else ours):
                    return True
            except ValueError:
                pass
        return False
    if isinstance(ours, int | float):
        return float(shown.replace(",", ".")) == float(ours)
    return shown == str(ours).replace("\r\n", "\n")


checked = failures = 0
for title, rows in sheets():
    produced = folder / f"{source.stem}-{title}.csv"
    if not produced.exists():
        print(f"{source.name}: LibreOffice schreef geen blad '{title}'")
        failures += 1
        continue
    shown = list(csv.reader(io.StringIO(produced.read_text(encoding="utf-8"), newline="")))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            text = shown[r][c] if r < len(shown) and c < len(shown[r]) else ""
            checked += 1
            if not same(value, text):
                failures += 1
                if failures <= 10:
                    print(f"{source.name}, blad {title}, rij {r + 1}, kolom {c + 1}: {value!r} != {text!r}")
print(f"{source.name}: {checked} cellen vergeleken, {failures} verschillen")
sys.exit(1 if failures else 0)
PYTHON
done

if [ -f "$work/catalogus.xlsx" ]; then
  mkdir -p "$work/opnieuw"
  soffice --headless --norestore -env:UserInstallation="file://$work/profile" \
    --convert-to ods --outdir "$work/opnieuw" "$work/catalogus.xlsx" >/dev/null 2>&1
  soffice --headless --norestore -env:UserInstallation="file://$work/profile" \
    --convert-to 'xlsx:Calc MS Excel 2007 XML' --outdir "$work/opnieuw" "$work/opnieuw/catalogus.ods" >/dev/null 2>&1
  for file in "$work/opnieuw/catalogus.ods" "$work/opnieuw/catalogus.xlsx"; do
    report=$(.venv/bin/python manage.py catalogus_import "$file" --dry-run 2>&1) || { echo "$report"; status=1; continue; }
    changed=$(echo "$report" | grep -Ev ": 0 nieuw, 0 gewijzigd, [0-9]+ ongewijzigd, 0 mislukt$|: 0 items bijgewerkt|Proefimport" || true)
    if [ -n "$changed" ]; then
      echo "Opgeslagen door LibreOffice als $(basename "$file"), daarna ingelezen, verandert er iets:"
      echo "$changed"
      status=1
    else
      echo "Opgeslagen door LibreOffice als $(basename "$file"): inlezen verandert niets"
    fi
  done
fi
exit $status
