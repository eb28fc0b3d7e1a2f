"""Streaming readers for xlsx and ods: one row at a time, whatever the file says about its own size.

Each reader yields events for reading.build_datasets: ("sheet", title) when a sheet starts, ("row", number,
values) for a row with at least one value, and ("empty", number) for an empty row stored in the file. Rows a
file leaves out cost nothing: a gap between rows 2 and 1,048,576 is one step, not a million.

The work is counted in a CellTally as it is done: every cell read, empty cells with formatting included, and
every stored row. A file is refused at the first limit it passes (spreadsheets.limits), before the rest of it
is read.

- xlsx: openpyxl in read-only mode reads the shared strings and the styles; the sheets are read here with
  openpyxl's own cell parser, row by row. Neither the <dimension> a file declares (which may be stale, or
  claim A1:XFD1048576) nor missing rows or columns are padded out.
- ods: content.xml is parsed as a stream (defusedxml), not loaded as a whole. A cell or row that is repeated
  (table:number-columns-repeated, table:number-rows-repeated) is expanded only when it holds a value, and
  only after checking that the repeat stays within the limits; an empty one only moves the position.
"""

import datetime
import io
import zipfile
from contextlib import closing

import openpyxl
from defusedxml.ElementTree import iterparse as safe_iterparse
from django.utils.translation import gettext as _
from openpyxl.worksheet._reader import WorkSheetParser
from openpyxl.xml.constants import SHEET_MAIN_NS
from openpyxl.xml.functions import iterparse as openpyxl_iterparse

from spreadsheets.widgets import is_empty


class CellTally:
    """The cells read so far in one file, against the limit on cells."""

    def __init__(self, limits):
        self.limits = limits
        self.cells = 0

    def add(self, where, count, row_number):
        self.cells += max(count, 1)  # an empty stored row is work too
        self.limits.check_cells(where, self.cells, row_number)


def where_sheet(title):
    return _("In blad “%(blad)s”: ") % {"blad": title}


# xlsx --------------------------------------------------------------------------------------------------

ROW_TAG = f"{{{SHEET_MAIN_NS}}}row"
# Elements inside a row: kept until their row is parsed, then cleared with it.
CELL_TAGS = {
    f"{{{SHEET_MAIN_NS}}}{name}" for name in ("c", "v", "f", "is", "t", "r", "rPr", "rPh", "phoneticPr")
}


def xlsx_events(data, tally):
    workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    with closing(workbook):
        for worksheet in workbook.worksheets:
            worksheet.reset_dimensions()  # the file's own <dimension> is not trusted
            yield "sheet", worksheet.title
            yield from _xlsx_rows(worksheet, where_sheet(worksheet.title), tally)


def _xlsx_rows(worksheet, where, tally):
    workbook = worksheet.parent
    limits = tally.limits
    with worksheet._get_source() as source:
        parser = WorkSheetParser(
            source,
            worksheet._shared_strings,
            data_only=True,
            epoch=workbook.epoch,
            date_formats=workbook._date_formats,
            timedelta_formats=workbook._timedelta_formats,
        )
        for _event, element in openpyxl_iterparse(source):
            if element.tag in CELL_TAGS:
                continue
            if element.tag != ROW_TAG:
                element.clear()  # column widths, merged cells, formatting …: not read
                continue
            number, cells = parser.parse_row(element)
            parser.row_dimensions.clear()
            element.clear()
            tally.add(where, len(cells), number)
            values = {cell["column"]: cell["value"] for cell in cells if not is_empty(cell["value"])}
            if not values:
                yield "empty", number
                continue
            width = max(values)
            limits.check_column(where, number, width)
            limits.check_row(where, number)
            row = [None] * width
            for column, value in values.items():
                if isinstance(value, str):
                    limits.check_text(where, number, column, len(value))
                row[column - 1] = value
            yield "row", number, row


# ods ---------------------------------------------------------------------------------------------------

TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
TABLE = f"{{{TABLE_NS}}}table"
ROW = f"{{{TABLE_NS}}}table-row"
CELLS = {f"{{{TABLE_NS}}}table-cell", f"{{{TABLE_NS}}}covered-table-cell"}
PARAGRAPHS = {f"{{{TEXT_NS}}}p", f"{{{TEXT_NS}}}h"}
SPACE, TAB, LINE_BREAK = f"{{{TEXT_NS}}}s", f"{{{TEXT_NS}}}tab", f"{{{TEXT_NS}}}line-break"
NAME, ROWS_REPEATED = f"{{{TABLE_NS}}}name", f"{{{TABLE_NS}}}number-rows-repeated"
COLUMNS_REPEATED = f"{{{TABLE_NS}}}number-columns-repeated"
VALUE_TYPE = f"{{{OFFICE_NS}}}value-type"


def ods_events(data, tally):
    with zipfile.ZipFile(io.BytesIO(data)) as archive, archive.open("content.xml") as source:
        where, number, row, parents, in_cell = "", 0, None, [], 0
        for event, element in safe_iterparse(source, events=("start", "end")):
            if event == "start":
                parents.append(element)
                in_cell += element.tag in CELLS
                if element.tag == TABLE:
                    where, number = where_sheet(element.get(NAME, "")), 0
                    yield "sheet", element.get(NAME, "")
                elif element.tag == ROW:
                    row = _OdsRow(where, number + 1, tally)
                continue
            parents.pop()
            if element.tag in CELLS:
                in_cell -= 1
                if row is not None:
                    row.add(element)  # cell by cell, so a row of a million cells is never held at once
            elif element.tag == ROW and row is not None:
                repeat = _repeat(element, ROWS_REPEATED)
                if row.values:
                    tally.limits.check_row(where, number + repeat)
                    tally.add(where, len(row.values) * (repeat - 1), number + repeat)
                    for _copy in range(repeat):
                        number += 1
                        yield "row", number, list(row.values)
                else:
                    number += repeat
                    tally.add(where, 0, number)
                    yield "empty", number
                row = None
            elif in_cell:
                continue  # text inside a cell: read with its cell
            if parents:  # what has been read is dropped, so memory stays flat
                parents[-1].remove(element)


def _repeat(element, attribute):
    try:
        return max(int(element.get(attribute) or 1), 1)
    except ValueError:
        return 1


class _OdsRow:
    """The values of one row as its cells come; empty cells only move the position."""

    def __init__(self, where, number, tally):
        self.where, self.number, self.tally = where, number, tally
        self.values, self.column = [], 0

    def add(self, cell):
        limits = self.tally.limits
        repeat = _repeat(cell, COLUMNS_REPEATED)
        value = _ods_value(cell, self.where, self.number, self.column + 1, limits)
        if is_empty(value):
            self.tally.add(self.where, 1, self.number)
            self.column += repeat
            return
        limits.check_column(self.where, self.number, self.column + repeat)
        self.tally.add(self.where, repeat, self.number)
        self.values += [None] * (self.column - len(self.values)) + [value] * repeat
        self.column += repeat


def _ods_value(cell, where, number, column, limits):
    kind = cell.get(VALUE_TYPE)
    if kind in ("float", "percentage", "currency"):
        value = float(cell.get(f"{{{OFFICE_NS}}}value"))
        return int(value) if value.is_integer() else value
    if kind == "date":
        value = cell.get(f"{{{OFFICE_NS}}}date-value")
        return datetime.datetime.fromisoformat(value) if "T" in value else datetime.date.fromisoformat(value)
    if kind == "boolean":
        return cell.get(f"{{{OFFICE_NS}}}boolean-value") == "true"
    paragraphs = []
    length = 0
    for paragraph in cell:
        if paragraph.tag in PARAGRAPHS:
            room = limits.cell_characters - length
            text = _text(paragraph, room)
            length += len(text) + 1
            # _text stops once past the room it has: the cell is then at least this long.
            limits.check_text(where, number, column, length - 1, exact=len(text) <= room)
            paragraphs.append(text)
    return "\n".join(paragraphs) if paragraphs else None


def _text(element, room):
    """The text of a paragraph with its spaces, tabs and line breaks; stops growing past `room` characters."""
    parts, length = [element.text or ""], len(element.text or "")
    for child in element:
        if length > room:
            break
        if child.tag == SPACE:
            part = " " * min(_repeat(child, f"{{{TEXT_NS}}}c"), room + 1)
        elif child.tag == TAB:
            part = "\t"
        elif child.tag == LINE_BREAK:
            part = "\n"
        else:
            part = _text(child, room - length)
        parts += [part, child.tail or ""]
        length += len(part) + len(child.tail or "")
    return "".join(parts)
