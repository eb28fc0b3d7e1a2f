"""Reading a spreadsheet file: xlsx, ods or csv, recognised by its content rather than its name.

Every sheet becomes a Dataset of the rows under its header (the first row with a value), with text unescaped
(escaping.unescape_formula) and the spreadsheet row of every data row kept for messages. Empty rows are not
data; every other row is in the dataset, so an import can account for each of them. A file that cannot be
read, or that passes one of the limits (spreadsheets.limits), raises SpreadsheetError with a Dutch message
saying why; the limits are checked before reading (zip sizes) and while reading, so the work stays bounded.
"""

import codecs
import csv
import datetime
import io
import zipfile

import tablib
from django.utils.translation import gettext as _

from spreadsheets.errors import SpreadsheetError, refuse
from spreadsheets.escaping import unescape_formula
from spreadsheets.limits import Limits, number
from spreadsheets.readers import CellTally, ods_events, xlsx_events
from spreadsheets.widgets import is_empty
from spreadsheets.writers import CSV_COMMENT

__all__ = ["SpreadsheetError", "detect_format", "read_spreadsheet"]

OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # old .xls files, and Office files with a password
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
LISTED = 50  # problems listed in a message; the rest are counted


def password_message():
    return _(
        "Dit bestand is met een wachtwoord beveiligd. Sla het op zonder wachtwoord en probeer het opnieuw."
    )


class Sheets(dict):
    """{title: Dataset} for every sheet of a file (csv: one sheet, title None), and the file's format."""

    format = None


def detect_format(data, limits=None):
    """xlsx, ods or csv, from the file's content rather than its name.

    A zip file (xlsx, ods) is checked against the limits from its table of contents, before anything is
    unpacked, and only the first bytes of an ods file's "mimetype" are read.
    """
    limits = limits or Limits.from_settings()
    if not data:
        raise SpreadsheetError(_("Het bestand is leeg."))
    if data.startswith(OLE_MAGIC):
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise SpreadsheetError(password_message())
        raise SpreadsheetError(
            _("Dit is een oud Excel-bestand (.xls). Sla het in Excel op als .xlsx en probeer het opnieuw.")
        )
    if data.startswith(b"PK") and zipfile.is_zipfile(io.BytesIO(data)):
        return _zip_format(data, limits)
    head = data[:8192]
    # Text, perhaps with a stray NUL (reported later with its row and column); a binary file has many.
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or head.count(b"\x00") * 100 <= len(head):
        return "csv"
    raise SpreadsheetError(_("Dit bestand is geen spreadsheet. Gebruik een bestand in xlsx, ods of csv."))


def _zip_format(data, limits):
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError):
        raise SpreadsheetError(_("Dit bestand is beschadigd: het kan niet worden uitgepakt.")) from None
    with archive:
        entries = archive.infolist()
        if any(entry.flag_bits & 0x1 for entry in entries):
            raise SpreadsheetError(password_message())
        limits.check_unpacked(sum(entry.file_size for entry in entries))
        for entry in entries:
            limits.check_ratio(entry.filename, entry.compress_size, entry.file_size)
        names = {entry.filename for entry in entries}
        if "[Content_Types].xml" in names:
            return "xlsx"
        if "mimetype" in names and "content.xml" in names:
            with archive.open("mimetype") as mimetype:
                if mimetype.read(len(ODS_MIMETYPE)) == ODS_MIMETYPE:
                    return "ods"
    raise SpreadsheetError(_("Dit bestand is geen spreadsheet. Gebruik een bestand in xlsx, ods of csv."))


def read_spreadsheet(data, limits=None):
    """Every sheet of a file as Sheets {title: Dataset}; csv gives one sheet without a title (key None).

    Each dataset has `row_numbers` (the spreadsheet row of every data row, for messages), `header_row` and
    `empty_rows` (empty rows between the header and the last data row, which are not data).
    """
    limits = limits or Limits.from_settings()
    fmt = detect_format(data, limits)
    tally = CellTally(limits)
    readers = {"xlsx": xlsx_events, "ods": ods_events, "csv": _csv_events}
    try:
        sheets = _build(readers[fmt](data, tally), limits)
    except SpreadsheetError:
        raise
    except Exception:  # whatever a damaged file makes the parser raise, the user gets one Dutch message
        raise SpreadsheetError(
            _("Dit bestand kan niet als %(formaat)s worden gelezen; het is beschadigd of geen spreadsheet.")
            % {"formaat": fmt}
        ) from None
    sheets.format = fmt
    return sheets


# csv ---------------------------------------------------------------------------------------------------


def _csv_events(data, tally):
    text = _decode(data)
    lines = text.splitlines(keepends=True)
    notes = 0
    # The Toelichting of our own csv files: lines starting with "#" (quoted when a note holds a ";").
    while notes < len(lines) and lines[notes].lstrip('"').startswith(CSV_COMMENT):
        notes += 1
    body = "".join(lines[notes:])
    yield "sheet", None
    records = csv.reader(io.StringIO(body, newline=""), delimiter=_delimiter(body), quotechar='"')
    row_number = notes
    limits = tally.limits
    while True:
        row_number += 1
        try:
            values = next(records)
        except StopIteration:
            return
        except csv.Error:
            raise refuse(
                "",
                _(
                    "rij %(rij)s kan niet worden gelezen: een cel is langer dan %(grens)s tekens "
                    "of niet afgesloten."
                )
                % {"rij": number(row_number), "grens": number(limits.cell_characters)},
            ) from None
        tally.add("", len(values), row_number)
        filled = [index for index, value in enumerate(values, start=1) if not is_empty(value)]
        if not filled:
            yield "empty", row_number
            continue
        limits.check_column("", row_number, filled[-1])
        limits.check_row("", row_number - notes)
        for index in filled:
            limits.check_text("", row_number, index, len(values[index - 1]))
        yield "row", row_number, values[: filled[-1]]


def _delimiter(body):
    """The delimiter the header line uses most: ";" (Excel in Dutch, our own files), "," or a tab."""
    header = next((line for line in body.splitlines() if line.strip()), "")[:4096]
    counts = {delimiter: header.count(delimiter) for delimiter in (";", ",", "\t")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ";"


def _decode(data):
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")  # what Excel saves as "Unicode-tekst"
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")  # what Excel writes as "CSV" on Windows
    except UnicodeDecodeError:
        raise SpreadsheetError(
            _(
                "De tekens in dit csv-bestand kunnen niet worden gelezen. "
                "Sla het op als “CSV UTF-8” en probeer het opnieuw."
            )
        ) from None


# Datasets ----------------------------------------------------------------------------------------------


def _build(events, limits):
    sheets, builder = Sheets(), None
    for event in events:
        if event[0] == "sheet":
            if builder is not None:
                sheets[builder.title] = builder.finish()
            where = _("In blad “%(blad)s”: ") % {"blad": event[1]} if event[1] is not None else ""
            builder = _SheetBuilder(event[1], where, limits)
        elif event[0] == "row":
            builder.row(event[1], event[2])
        else:
            builder.empty(event[1])
    if builder is not None:
        sheets[builder.title] = builder.finish()
    return sheets


class _SheetBuilder:
    """A Dataset of the rows under the first row with a value (the header)."""

    def __init__(self, title, where, limits):
        self.title, self.where, self.limits = title, where, limits
        self.header, self.header_row, self.last_row = None, None, 0
        self.rows, self.row_numbers, self.run = [], [], 0
        self.bad_characters = []

    def empty(self, row_number):
        self.run += 1
        self.limits.check_empty_run(self.where, self.run, self.last_row)

    def row(self, row_number, values):
        self.run = 0
        self.last_row = row_number
        if self.header is None:
            self._set_header(row_number, values)
            return
        extra = [value for value in values[len(self.header) :] if not is_empty(value)]
        if extra:
            raise refuse(
                self.where,
                _("rij %(rij)s heeft een waarde in een kolom zonder kop: “%(waarde)s”.")
                % {"rij": number(row_number), "waarde": str(extra[0])[:100]},
            )
        values = (list(values) + [None] * len(self.header))[: len(self.header)]
        for column, value in zip(self.header, values, strict=True):
            if isinstance(value, str) and "\x00" in value:
                self.bad_characters.append(
                    _("rij %(rij)s, kolom “%(kolom)s”") % {"rij": row_number, "kolom": column}
                )
        self.rows.append([_read_value(value) for value in values])
        self.row_numbers.append(row_number)
        self.limits.check_rows(self.where, len(self.rows))

    def _set_header(self, row_number, values):
        header = [None if is_empty(value) else str(value).strip() for value in values]
        while header and header[-1] is None:
            header.pop()
        if None in header:
            raise refuse(
                self.where,
                _("kolom %(nummer)s heeft geen kop. Geef elke kolom een naam in de eerste rij.")
                % {"nummer": header.index(None) + 1},
            )
        self.header, self.header_row = header, row_number

    def finish(self):
        if self.bad_characters:
            shown = "; ".join(self.bad_characters[:LISTED])
            more = len(self.bad_characters) - LISTED
            raise refuse(
                self.where,
                _(
                    "deze cellen bevatten een NUL-teken (code 0), dat niet kan worden opgeslagen: "
                    "%(cellen)s%(meer)s. "
                    "Verwijder die tekens en probeer het opnieuw."
                )
                % {
                    "cellen": shown,
                    "meer": _("; en nog %(aantal)s cellen") % {"aantal": more} if more > 0 else "",
                },
            )
        dataset = tablib.Dataset(*self.rows, headers=self.header or [])
        dataset.title = self.title
        dataset.row_numbers = self.row_numbers
        dataset.header_row = self.header_row
        dataset.empty_rows = (self.last_row - self.header_row - len(self.rows)) if self.header_row else 0
        return dataset


def _read_value(value):
    """A cell as the resources read it: text unescaped, a date cell without its (empty) time as a date."""
    if isinstance(value, datetime.datetime) and value.time() == datetime.time():
        return value.date()
    return unescape_formula(value)
