"""Reading a spreadsheet file: xlsx, ods or csv, recognised by its content rather than its name.

Every sheet becomes a Dataset of the rows under its header, with text unescaped (escaping.unescape_formula)
and the spreadsheet row of every data row kept for messages. A file that cannot be read raises
SpreadsheetError with a Dutch message saying why.
"""

import csv
import datetime
import io
import itertools
import zipfile

import openpyxl
import tablib
from django.utils.translation import gettext as _
from odf import teletype
from odf.opendocument import load as load_ods
from odf.table import Table, TableRow

from spreadsheets.escaping import unescape_formula
from spreadsheets.widgets import is_empty
from spreadsheets.writers import CSV_COMMENT


class SpreadsheetError(Exception):
    """A file that cannot be imported; the message says why, in Dutch."""


def detect_format(data):
    """xlsx, ods or csv, from the file's content rather than its name."""
    if not data:
        raise SpreadsheetError(_("Het bestand is leeg."))
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise SpreadsheetError(
            _("Dit is een oud Excel-bestand (.xls). Sla het in Excel op als .xlsx en probeer het opnieuw.")
        )
    if zipfile.is_zipfile(io.BytesIO(data)):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "[Content_Types].xml" in names:
                return "xlsx"
            if "mimetype" in names and archive.read("mimetype").startswith(b"application/vnd.oasis"):
                return "ods"
    elif b"\x00" not in data[:8192]:
        return "csv"
    raise SpreadsheetError(_("Dit bestand is geen spreadsheet. Gebruik een bestand in xlsx, ods of csv."))


def read_spreadsheet(data):
    """Every sheet of a file as {title: Dataset}; csv gives one sheet without a title (key None).

    Each dataset has `row_numbers`: the row of every data row in the spreadsheet, for messages.
    """
    fmt = detect_format(data)
    try:
        if fmt == "xlsx":
            workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
            sheets = {ws.title: _dataset(ws.iter_rows(values_only=True)) for ws in workbook.worksheets}
            workbook.close()
        elif fmt == "ods":
            document = load_ods(io.BytesIO(data))
            sheets = {
                table.getAttribute("name"): _dataset(_ods_rows(table))
                for table in document.spreadsheet.getElementsByType(Table)
            }
        else:
            sheets = {None: _dataset(_csv_rows(data))}
    except SpreadsheetError:
        raise
    except Exception:  # whatever a damaged file makes the parser raise, the user gets one Dutch message
        raise SpreadsheetError(
            _("Dit bestand kan niet als %(formaat)s worden gelezen; het is beschadigd of geen spreadsheet.")
            % {"formaat": fmt}
        ) from None
    return sheets


# Spreadsheet programs fill an OpenDocument sheet to its edges with one empty cell or row repeated
# thousands of times; such a repetition is not read.
ODS_REPEAT_LIMIT = 1000


def _ods_rows(table):
    for row in table.getElementsByType(TableRow):
        values = []
        for cell in row.childNodes:
            repeat = int(cell.getAttribute("numbercolumnsrepeated") or 1)
            value = _ods_value(cell)
            values += [value] * (repeat if not is_empty(value) or repeat < ODS_REPEAT_LIMIT else 0)
        repeat = int(row.getAttribute("numberrowsrepeated") or 1)
        if all(is_empty(value) for value in values) and repeat >= ODS_REPEAT_LIMIT:
            return
        yield from itertools.repeat(values, repeat)


def _ods_value(cell):
    kind = cell.getAttribute("valuetype")
    if kind in ("float", "percentage", "currency"):
        number = float(cell.getAttribute("value"))
        return int(number) if number.is_integer() else number
    if kind == "date":
        value = cell.getAttribute("datevalue")
        return datetime.datetime.fromisoformat(value) if "T" in value else datetime.date.fromisoformat(value)
    if kind == "boolean":
        return cell.getAttribute("booleanvalue") == "true"
    paragraphs = [teletype.extractText(p) for p in cell.childNodes if p.qname[1] in ("p", "h")]
    return "\n".join(paragraphs) if paragraphs else None


def _csv_rows(data):
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="strict")  # what Excel writes as "CSV" on Windows
    lines = text.splitlines(keepends=True)
    while lines and lines[0].startswith(CSV_COMMENT):
        lines.pop(0)
    body = "".join(lines)
    try:
        dialect = csv.Sniffer().sniff(body[:4096], delimiters=";,\t")
    except csv.Error:
        dialect = csv.excel
    return csv.reader(io.StringIO(body, newline=""), dialect)


def _dataset(rows):
    """A Dataset of the rows under the first row (the header); empty rows are left out."""
    rows = iter(rows)
    header = []
    for row in rows:
        header = [None if is_empty(value) else str(value).strip() for value in row]
        break
    while header and header[-1] is None:
        header.pop()
    if None in header:
        raise SpreadsheetError(
            _("Kolom %(nummer)s heeft geen kop. Geef elke kolom een naam in de eerste rij.")
            % {"nummer": header.index(None) + 1}
        )
    dataset = tablib.Dataset(headers=header)
    dataset.row_numbers = []
    for number, row in enumerate(rows, start=2):
        values = list(row)
        extra = [value for value in values[len(header) :] if not is_empty(value)]
        if extra:
            raise SpreadsheetError(
                _("Rij %(rij)s heeft een waarde in een kolom zonder kop: “%(waarde)s”.")
                % {"rij": number, "waarde": extra[0]}
            )
        values = (values + [None] * len(header))[: len(header)]
        if all(is_empty(value) for value in values):
            continue
        dataset.append([_read_value(value) for value in values])
        dataset.row_numbers.append(number)
    return dataset


def _read_value(value):
    """A cell as the resources read it: text unescaped, a date cell without its (empty) time as a date."""
    if isinstance(value, datetime.datetime) and value.time() == datetime.time():
        return value.date()
    return unescape_formula(value)
