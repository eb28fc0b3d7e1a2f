"""Spreadsheet files for workgroups: xlsx, csv and ods, always with an explanation of what they hold.

Every file starts with a "Toelichting": the export date, the page it came from and the active filters in
words (a first sheet in xlsx and ods, a block of lines starting with "#" above the header in csv). Text that a
spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage return) is written with a
single quote in front, in every format; `unescape_formula` takes it off again on import, so a round trip
returns the original text.

xlsx files are written in openpyxl's write-only mode, row by row, so memory stays flat on large exports.
"""

import copy
import csv
import datetime
import io
import tempfile
from dataclasses import dataclass, field
from decimal import Decimal

from django.http import FileResponse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from odf import teletype
from odf.number import DateStyle, Day, Month, Year
from odf.number import Text as NumberText
from odf.opendocument import OpenDocumentSpreadsheet
from odf.style import Style, TableCellProperties, TableColumnProperties, TextProperties
from odf.table import Table, TableCell, TableColumn, TableRow
from odf.text import P
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from assessment.resources import ASSESSMENT_RESOURCES
from catalogue.resources import (
    CHILD_RESOURCES,
    ITEM_RESOURCES,
    SEPARATOR,
    VOCABULARY_RESOURCES,
    coverage_text,
)

FORMATS = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
}
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
CSV_DELIMITER = ";"  # what Excel expects in a Dutch locale
CSV_COMMENT = "#"
# Every sheet of the editors' workbook, in the order an import must read them.
WORKBOOK_RESOURCES = [*VOCABULARY_RESOURCES, *ITEM_RESOURCES, *CHILD_RESOURCES, *ASSESSMENT_RESOURCES]
SPOOL_BYTES = 1024 * 1024  # larger downloads are spooled to disk, so memory stays flat


def notes_title():
    return _("Toelichting")


def exported_at_label():
    return _("Geëxporteerd op")


# Formula escaping --------------------------------------------------------------------------------------


def _runs_as_formula(text):
    return text.lstrip("'")[:1] in FORMULA_TRIGGERS


def escape_formula(value):
    """Text a spreadsheet would run gets a single quote in front; so does such text already quoted."""
    if isinstance(value, str) and _runs_as_formula(value):
        return "'" + value
    return value


def unescape_formula(value):
    """The inverse of escape_formula: unescape_formula(escape_formula(text)) == text for every text."""
    if isinstance(value, str) and value.startswith("'") and _runs_as_formula(value):
        return value[1:]
    return value


def cell_value(value):
    """A value as it goes into a cell: text escaped and without characters a spreadsheet cannot hold."""
    if isinstance(value, Promise):
        value = str(value)
    if isinstance(value, str):
        return escape_formula(ILLEGAL_CHARACTERS_RE.sub("", value))
    return value


# Sheets and files --------------------------------------------------------------------------------------


@dataclass
class Sheet:
    title: str
    headers: list
    rows: object  # an iterable of lists of cell values, read once
    widths: list = field(default_factory=list)
    autofilter: bool = True


def resource_sheet(resource, queryset=None):
    """A sheet of a resource's columns over a queryset (or the resource's own full, ordered queryset)."""
    return Sheet(
        title=resource.sheet_title(),
        headers=resource.get_export_headers(),
        rows=resource.export_rows(queryset),
        widths=resource.column_widths(),
    )


def notes(*, subject, source=None, filters=(), count=None, personal=None, extra=()):
    """The rows of the Toelichting: what the file holds, when and where it was made, and its filters.

    `filters` are the active filters in words; None leaves the filter rows out. `personal` says whether
    personal contact details are in the file; None (no contact details at all) leaves that row out.
    """
    rows = [
        (_("Inhoud"), subject),
        (exported_at_label(), timezone.localtime().strftime("%d-%m-%Y %H:%M")),
    ]
    if source:
        rows.append((_("Bron"), source))
    if count is not None:
        rows.append((_("Aantal rijen"), count))
    if filters is not None:
        rows += [(_("Filter"), text) for text in filters] or [(_("Filter"), _("geen"))]
    rows += list(extra)
    if personal is not None:
        rows.append(
            (
                _("Contactgegevens"),
                _("Inclusief persoonlijke contactgegevens: alleen voor intern gebruik.")
                if personal
                else _("Namen, e-mailadressen en telefoonnummers van personen zijn weggelaten."),
            )
        )
    rows.append(
        (
            _("Lezen"),
            _("Meerdere waarden in één cel: gescheiden door “%(teken)s”; lijsten: op aparte regels.")
            % {"teken": SEPARATOR.strip()},
        )
    )
    return rows


def chip_words(chips):
    """Active filters in words, from FacetFilterSet.active_chips()."""
    return [f"{chip['facet']}: {chip['label']}" for chip in chips]


def sort_note(filterset):
    """The list's sort order in words, as its "Sorteer op" field shows it (the first option by default)."""
    labels = dict(filterset.form.fields["sort"].choices)
    chosen = filterset.cleaned().get("sort")
    return (_("Sortering"), labels.get(chosen) or next(iter(labels.values())))


def write_spreadsheet(stream, fmt, sheets, note_rows):
    """Write the Toelichting and the sheets to a binary stream as xlsx, csv or ods.

    Returns the number of data rows written (the Toelichting not counted).
    """
    writers = {"xlsx": _write_xlsx, "ods": _write_ods, "csv": _write_csv}
    if fmt not in writers:
        raise ValueError(f"unknown spreadsheet format {fmt!r}")
    counts = writers[fmt](stream, [_notes_sheet(note_rows), *sheets])
    return sum(counts[1:])


def spreadsheet_response(fmt, filename, sheets, note_rows):
    """A download of the sheets; the file is spooled to disk when large."""
    stream = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)  # noqa: SIM115 (FileResponse closes it)
    write_spreadsheet(stream, fmt, sheets, note_rows)
    stream.seek(0)
    return FileResponse(stream, as_attachment=True, filename=f"{filename}.{fmt}", content_type=FORMATS[fmt])


def export_filename(stem):
    return f"{stem}-{timezone.localdate():%Y-%m-%d}"


def _notes_sheet(note_rows):
    return Sheet(
        title=notes_title(),
        headers=[_("Onderwerp"), _("Waarde")],
        rows=[[label, value] for label, value in note_rows],
        widths=[22, 100],
        autofilter=False,
    )


HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", start_color="FFE8E8E8")
WRAPPED = Alignment(wrap_text=True, vertical="top")
DATE_FORMAT = "DD-MM-YYYY"


def _write_xlsx(stream, sheets):
    workbook = Workbook(write_only=True)
    counts = [_xlsx_sheet(workbook, sheet) for sheet in sheets]
    workbook.save(stream)
    return counts


def _xlsx_sheet(workbook, sheet):
    """Bold, frozen header row, column widths, wrapped text, and an autofilter over all rows."""
    worksheet = workbook.create_sheet(title=sheet.title[:31])
    for index, width in enumerate(sheet.widths, start=1):
        worksheet.column_dimensions[get_column_letter(index)].width = width
    worksheet.freeze_panes = "A2"
    header = []
    for title in sheet.headers:
        cell = WriteOnlyCell(worksheet, value=cell_value(str(title)))
        cell.font, cell.fill, cell.alignment = HEADER_FONT, HEADER_FILL, WRAPPED
        header.append(cell)
    worksheet.append(header)
    # Each style is registered once and copied into every cell: assigning it cell by cell hashes it each
    # time, which would take most of the time of a large export.
    styles = {}
    for dated in (False, True):
        template = WriteOnlyCell(worksheet)
        template.alignment = WRAPPED
        if dated:
            template.number_format = DATE_FORMAT
        styles[dated] = template._style
    count = 0
    for row in sheet.rows:
        worksheet.append([_xlsx_cell(worksheet, value, styles) for value in row])
        count += 1
    if sheet.autofilter and sheet.headers:
        worksheet.auto_filter.ref = f"A1:{get_column_letter(len(sheet.headers))}{count + 1}"
    return count


def _xlsx_cell(worksheet, value, styles):
    cell = WriteOnlyCell(worksheet, value=cell_value(value))
    cell._style = copy.copy(styles[isinstance(value, datetime.date)])
    return cell


def _write_ods(stream, sheets):
    document = OpenDocumentSpreadsheet()
    styles = _ods_styles(document)
    column_styles = {}
    counts = []
    for sheet in sheets:
        table = Table(name=sheet.title[:31])
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
    for label, value in notes_sheet.rows:
        # One line per note, whatever the value holds, so a reader can skip the block line by line.
        text.write(f"{CSV_COMMENT} {label}: {' '.join(str(value).split())}\r\n")
    writer = csv.writer(text, delimiter=CSV_DELIMITER, lineterminator="\r\n")
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


# Sheets that are not a resource ------------------------------------------------------------------------


def matrix_sheet(rows, toetspunten, request):
    """The scoring matrix: per item its score in words and the reason for every toetspunt, then the totals.

    `rows` are MatrixView.row() results, so the figures are the ones the page shows.
    """
    headers = [_("Soort"), _("Naam")]
    for toetspunt in toetspunten:
        headers += [
            f"{toetspunt.code}. {toetspunt.korte_naam or toetspunt.naam}",
            _("%(code)s: toelichting") % {"code": toetspunt.code},
        ]
    headers += [
        _("Totaal T1–T7 (%)"),
        _("Kernpunten bekend"),
        _("Niveau Wonen Eerst"),
        _("Aanvullend A1–A3 (%)"),
        _("Beoordeeld door"),
        _("Datum beoordeling"),
        _("Webadres"),
    ]
    widths = [16, 35, *([16, 40] * len(toetspunten)), 12, 14, 30, 12, 30, 14, 45]

    def cells():
        for row in rows:
            item, summary = row["item"], row["summary"]
            values = [item._meta.verbose_name, item.naam]
            for cell in row["cells"]:
                score = cell["score"]
                values += [score.get_waarde_display(), score.toelichting] if score else ["", ""]
            values += [
                summary.percentage,
                coverage_text(summary.bekend),
                summary.niveau.label,
                summary.aanvullend_percentage,
                row["beoordeling"].beoordelaar,
                row["beoordeling"].datum,
                request.build_absolute_uri(item.get_absolute_url()),
            ]
            yield values

    return Sheet(title=_("Toetsingsmatrix"), headers=headers, rows=cells(), widths=widths)


def search_sheet(items, request):
    """Search results of every kind in the page's order: relevance, then name."""
    headers = [
        _("Soort"),
        _("Naam"),
        _("Samenvatting"),
        _("Doelgroepen"),
        _("Plaatsen"),
        _("Bron"),
        _("Webadres"),
    ]

    def names(manager):
        return SEPARATOR.join(sorted(obj.naam for obj in manager.all()))

    rows = (
        [
            item._meta.verbose_name,
            item.naam,
            item.samenvatting,
            names(item.doelgroepen),
            names(item.plaatsen),
            item.bron.naam,
            request.build_absolute_uri(item.get_absolute_url()),
        ]
        for item in items
    )
    return Sheet(title=_("Zoekresultaten"), headers=headers, rows=rows, widths=[18, 35, 50, 40, 30, 30, 45])


def write_full_export(stream):
    """The editors' workbook that catalogus_import reads back: every catalogue and assessment row,
    unpublished items and personal contacts included. Returns the number of data rows."""
    note_rows = notes(
        subject=_(
            "Volledige catalogus met beoordelingen, voor redacteuren (ook concepten en gearchiveerde items)"
        ),
        filters=None,
        personal=True,
        extra=[(_("Importeren"), _("Lees dit bestand terug met: manage.py catalogus_import BESTAND"))],
    )
    sheets = [resource_sheet(resource_class()) for resource_class in WORKBOOK_RESOURCES]
    return write_spreadsheet(stream, "xlsx", sheets, note_rows)
