"""Spreadsheet files for workgroups: xlsx, csv and ods, always with the Toelichting in front.

In xlsx and ods the Toelichting is a first sheet; in csv, a block of lines starting with "#" above the header.
Every cell, header, line of the Toelichting, sheet name and file name goes through the escaping of
spreadsheets.escaping, so no text runs as a formula.

xlsx files are written by XlsxWriter in constant-memory mode, row by row, so memory stays flat on large
exports.
"""

import csv
import datetime
import io
import tempfile
from decimal import Decimal

from django.http import FileResponse
from django.utils import timezone
from odf import teletype
from odf.number import DateStyle, Day, Month, Year
from odf.number import Text as NumberText
from odf.opendocument import OpenDocumentSpreadsheet
from odf.style import Style, TableCellProperties, TableColumnProperties, TextProperties
from odf.table import Table, TableCell, TableColumn, TableRow
from odf.text import P
from xlsxwriter import Workbook

from spreadsheets.escaping import SHEET_TITLE_LENGTH, cell_value, file_name, note_line, sheet_title
from spreadsheets.sheets import notes_sheet

FORMATS = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
}
# The format in a download's URL: …/export.xlsx, …/export.csv or …/export.ods
FORMAT_PATTERN = rf"(?P<fmt>{'|'.join(FORMATS)})"
CSV_DELIMITER = ";"  # what Excel expects in a Dutch locale
CSV_COMMENT = "#"
SPOOL_BYTES = 1024 * 1024  # larger downloads are spooled to disk, so memory stays flat


def write_spreadsheet(stream, fmt, sheets, note_rows):
    """Write the Toelichting and the sheets to a binary stream as xlsx, csv or ods.

    Returns the number of data rows written (the Toelichting not counted).
    """
    writers = {"xlsx": _write_xlsx, "ods": _write_ods, "csv": _write_csv}
    if fmt not in writers:
        raise ValueError(f"unknown spreadsheet format {fmt!r}")
    counts = writers[fmt](stream, [notes_sheet(note_rows), *sheets])
    return sum(counts[1:])


def spreadsheet_response(fmt, filename, sheets, note_rows):
    """A download of the sheets; the file is spooled to disk when large."""
    stream = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)  # noqa: SIM115 (FileResponse closes it)
    write_spreadsheet(stream, fmt, sheets, note_rows)
    stream.seek(0)
    return FileResponse(
        stream, as_attachment=True, filename=f"{file_name(filename)}.{fmt}", content_type=FORMATS[fmt]
    )


def export_filename(stem):
    """The name of a download without extension: the subject and the date, e.g. woonvormen-2026-01-31."""
    return f"{file_name(stem)}-{timezone.localdate():%Y-%m-%d}"


HEADER_STYLE = {"bold": True, "bg_color": "#E8E8E8", "pattern": 1, "text_wrap": True, "valign": "top"}
CELL_STYLE = {"text_wrap": True, "valign": "top"}
DATE_FORMAT = "DD-MM-YYYY"
# XlsxWriter sets widths in pixels of a digit of the default font (7 for Calibri 11): N × 7 pixels is stored
# as a width of exactly N characters. Its set_column() would add Excel's cell padding on top.
DIGIT_PIXELS = 7


def _write_xlsx(stream, sheets):
    # In constant-memory mode each row goes to a temporary file once the next row starts, so memory stays
    # flat however many rows there are; texts are kept in their cells rather than in a shared table. The
    # temporary files are in a directory of their own, removed also when an export fails halfway.
    with tempfile.TemporaryDirectory(prefix="xlsx-") as directory:
        options = {"constant_memory": True, "remove_timezone": True, "tmpdir": directory}
        workbook = Workbook(stream, options)
        styles = {
            "header": workbook.add_format(HEADER_STYLE),
            "text": workbook.add_format(CELL_STYLE),
            "date": workbook.add_format({**CELL_STYLE, "num_format": DATE_FORMAT}),
        }
        counts = [_xlsx_sheet(workbook, sheet, styles) for sheet in sheets]
        workbook.close()
    return counts


def _xlsx_sheet(workbook, sheet, styles):
    """Bold, frozen header row, column widths, wrapped text, and an autofilter over all rows."""
    worksheet = workbook.add_worksheet(_xlsx_title(workbook, sheet.title))
    # The columns wrap their text, so an empty cell need not be written to look like the others.
    for index, width in enumerate(sheet.widths):
        worksheet.set_column_pixels(index, index, width * DIGIT_PIXELS, styles["text"])
    worksheet.freeze_panes(1, 0)
    for column, title in enumerate(sheet.headers):
        worksheet.write_string(0, column, cell_value(str(title)), styles["header"])
    count = 0
    for count, row in enumerate(sheet.rows, start=1):
        for column, value in enumerate(row):
            _xlsx_cell(worksheet, count, column, cell_value(value), styles)
    if sheet.autofilter and sheet.headers:
        worksheet.autofilter(0, 0, count, len(sheet.headers) - 1)
    return count


def _xlsx_title(workbook, title):
    """The sheet's escaped name, without the quotes xlsx refuses at either end, once in the workbook."""
    title = sheet_title(title).strip("'") or "Blad"
    taken = {name.casefold() for name in workbook.sheetnames}
    unique, number = title, 1
    while unique.casefold() in taken:
        suffix = str(number)
        unique, number = f"{title[: SHEET_TITLE_LENGTH - len(suffix)]}{suffix}", number + 1
    return unique


def _xlsx_cell(worksheet, row, column, value, styles):
    """Every value as its own cell type, never as a formula: XlsxWriter's write() would run text such as
    "=1+1", so each type has its own write_ method. An empty cell is left out: its column has its style."""
    if value is None or value == "":
        return
    if isinstance(value, str):
        worksheet.write_string(row, column, _fits_a_cell(value), styles["text"])
    elif isinstance(value, bool):
        worksheet.write_boolean(row, column, value, styles["text"])
    elif isinstance(value, int | float | Decimal):
        worksheet.write_number(row, column, value, styles["text"])
    elif isinstance(value, datetime.date):
        worksheet.write_datetime(row, column, value, styles["date"])
    else:
        worksheet.write_string(row, column, str(cell_value(str(value))), styles["text"])


# An xlsx cell holds at most this many characters (Excel's limit); XlsxWriter would cut the rest silently.
XLSX_CELL_CHARACTERS = 32767
SHORTENED = " … [ingekort: de hele tekst staat op de pagina van het item]"


def _fits_a_cell(text):
    """The text, or as much of it as an xlsx cell holds with a note that it was shortened."""
    if len(text) <= XLSX_CELL_CHARACTERS:
        return text
    return text[: XLSX_CELL_CHARACTERS - len(SHORTENED)] + SHORTENED


def _write_ods(stream, sheets):
    document = OpenDocumentSpreadsheet()
    styles = _ods_styles(document)
    column_styles = {}
    counts = []
    for sheet in sheets:
        table = Table(name=sheet_title(sheet.title))
        for width in sheet.widths:
            if width not in column_styles:
                column_styles[width] = Style(name=f"kolom{width}", family="table-column")
                column_styles[width].addElement(TableColumnProperties(columnwidth=f"{width * 0.19:.2f}cm"))
                document.automaticstyles.addElement(column_styles[width])
            table.addElement(TableColumn(stylename=column_styles[width]))
        table.addElement(_ods_row([str(title) for title in sheet.headers], styles, header=True))
        count = 0
        for row in sheet.rows:
            table.addElement(_ods_row(row, styles))
            count += 1
        document.spreadsheet.addElement(table)
        counts.append(count)
    document.write(stream)
    return counts


def _ods_styles(document):
    """Cell styles as in xlsx: a bold header, wrapped text at the top of the cell, dates as 31-01-2026."""
    date_format = DateStyle(name="datum")
    for part in (Day(style="long"), NumberText(text="-"), Month(style="long"), NumberText(text="-"), Year()):
        date_format.addElement(part)
    document.automaticstyles.addElement(date_format)
    styles = {
        "header": Style(name="kop", family="table-cell"),
        "text": Style(name="tekst", family="table-cell"),
        "date": Style(name="datumcel", family="table-cell", datastylename=date_format),
    }
    styles["header"].addElement(TextProperties(fontweight="bold"))
    for style in styles.values():
        style.addElement(TableCellProperties(wrapoption="wrap", verticalalign="top"))
        document.automaticstyles.addElement(style)
    return styles


def _ods_row(values, styles, header=False):
    row = TableRow()
    for value in values:
        value = cell_value(value)
        style = styles["header"] if header else styles["text"]
        if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
            cell = TableCell(valuetype="float", value=value, stylename=style)
            cell.addElement(P(text=str(value)))
        elif isinstance(value, datetime.date):
            cell = TableCell(valuetype="date", datevalue=value.isoformat(), stylename=styles["date"])
            cell.addElement(P(text=value.strftime("%d-%m-%Y")))
        else:
            cell = TableCell(valuetype="string", stylename=style) if value else TableCell(stylename=style)
            # One paragraph per line: how spreadsheet programs store line breaks in a cell.
            for line in value.split("\n") if value else ():
                paragraph = P()
                teletype.addTextToElement(paragraph, line)
                cell.addElement(paragraph)
        row.addElement(cell)
    return row


def _write_csv(stream, sheets):
    """The Toelichting as lines starting with "#" above the header; csv holds one sheet only."""
    notes_sheet, *data_sheets = sheets
    if len(data_sheets) != 1:
        raise ValueError("a csv file holds exactly one sheet")
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    writer = csv.writer(text, delimiter=CSV_DELIMITER, lineterminator="\r\n")
    for label, value in notes_sheet.rows:
        # One line per note, whatever the value holds, so a reader can skip the block line by line. It is
        # one csv cell: a ";" or a quote in the value is quoted, so it cannot start a cell of its own.
        writer.writerow([note_line(label, value)])
    writer.writerow([cell_value(str(title)) for title in data_sheets[0].headers])
    count = 0
    for row in data_sheets[0].rows:
        writer.writerow([_csv_text(value) for value in row])
        count += 1
    text.flush()
    text.detach()
    return [len(notes_sheet.rows), count]


def _csv_text(value):
    value = cell_value(value)
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value
