"""Reading spreadsheets back into the catalogue: safely, in one transaction, with Dutch messages.

A file is checked before anything is written: it must be a spreadsheet (xlsx, ods or csv, recognised by its
content), not larger than the upload limit, with a known header, at least one row and no slug twice. Rows are
matched on slug; related rows are found by name or slug. Any row that fails and nothing at all is written.

The admin's import (SpreadsheetAdminMixin) reads one sheet for one model and shows the library's preview of
new, changed, unchanged and failed rows before anything is saved; `import_workbook` reads every sheet of the
editors' workbook (catalogus_export) in one transaction, for catalogus_import.
"""

import csv
import datetime
import io
import itertools
import zipfile
from dataclasses import dataclass, field

import openpyxl
import tablib
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpResponseRedirect
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export.admin import ImportExportMixin
from import_export.formats.base_formats import Format
from import_export.forms import ImportForm
from import_export.results import RowResult
from odf import teletype
from odf.opendocument import load as load_ods
from odf.table import Table, TableRow

from catalogue.exports import (
    CSV_COMMENT,
    FORMATS,
    WORKBOOK_RESOURCES,
    Sheet,
    notes,
    notes_title,
    unescape_formula,
    write_spreadsheet,
)
from catalogue.resources import CHILD_RESOURCES, ITEM_RESOURCES, OWNER_FIELDS

RESOURCE_FOR_MODEL = {resource._meta.model: resource for resource in WORKBOOK_RESOURCES}


class SpreadsheetError(Exception):
    """A file that cannot be imported; the message says why, in Dutch."""


# Reading -----------------------------------------------------------------------------------------------


def import_limit():
    """The largest file accepted, in bytes (DJANGO_UPLOAD_MAX_BYTES)."""
    return settings.DATA_UPLOAD_MAX_MEMORY_SIZE


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
            values += [value] * (repeat if not _blank(value) or repeat < ODS_REPEAT_LIMIT else 0)
        repeat = int(row.getAttribute("numberrowsrepeated") or 1)
        if all(_blank(value) for value in values) and repeat >= ODS_REPEAT_LIMIT:
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
        header = [None if _blank(value) else str(value).strip() for value in row]
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
        extra = [value for value in values[len(header) :] if not _blank(value)]
        if extra:
            raise SpreadsheetError(
                _("Rij %(rij)s heeft een waarde in een kolom zonder kop: “%(waarde)s”.")
                % {"rij": number, "waarde": extra[0]}
            )
        values = (values + [None] * len(header))[: len(header)]
        if all(_blank(value) for value in values):
            continue
        dataset.append([_read_value(value) for value in values])
        dataset.row_numbers.append(number)
    return dataset


def _read_value(value):
    """A cell as the resources read it: text unescaped, a date cell without its (empty) time as a date."""
    if isinstance(value, datetime.datetime) and value.time() == datetime.time():
        return value.date()
    return unescape_formula(value)


def _blank(value):
    return value is None or (isinstance(value, str) and not value.strip())


# Checking ----------------------------------------------------------------------------------------------


def check_sheet(dataset, resource_class, sheet=None):
    """Refuse a sheet with an unknown, missing or doubled column, without rows, or with a key twice.

    Column names are matched without regard to case; the dataset's header is set to the exact names.
    """
    where = _("In blad “%(blad)s”: ") % {"blad": sheet} if sheet else ""
    if not dataset.headers:
        raise SpreadsheetError(where + _("het blad is leeg; de eerste rij moet de kolomnamen bevatten."))
    known = {name.casefold(): name for name in resource_class.column_names()}
    headers = [known.get(header.casefold(), header) for header in dataset.headers]
    doubled = sorted({header for header in headers if headers.count(header) > 1})
    if doubled:
        raise SpreadsheetError(
            where
            + _("deze kolommen staan meer dan eens in de kop: %(kolommen)s.") % {"kolommen": _quoted(doubled)}
        )
    unknown = [header for header in headers if header not in known.values()]
    if unknown:
        raise SpreadsheetError(
            where
            + _("onbekende kolommen %(onbekend)s. Deze kolommen kunnen worden ingelezen: %(bekend)s.")
            % {"onbekend": _quoted(unknown), "bekend": ", ".join(known.values())}
        )
    missing = [name for name in resource_class.required_column_names() if name not in headers]
    if missing:
        raise SpreadsheetError(
            where + _("deze kolommen ontbreken: %(kolommen)s.") % {"kolommen": _quoted(missing)}
        )
    if not len(dataset):
        raise SpreadsheetError(where + _("er staan geen rijen onder de kop."))
    dataset.headers = headers
    _check_unique_keys(dataset, resource_class, where)


def _check_unique_keys(dataset, resource_class, where):
    key_fields = [resource_class.fields[name] for name in resource_class._meta.import_id_fields]
    if not key_fields:
        return
    columns = [dataset.headers.index(str(key.column_name)) for key in key_fields]
    seen = {}
    for number, row in zip(dataset.row_numbers, dataset, strict=True):
        if any(_blank(row[column]) for column in columns):
            continue  # a row without its key fails on its own, with the column named
        key = tuple(str(row[column]).strip() for column in columns)
        seen.setdefault(key, []).append(number)
    doubled = [(key, numbers) for key, numbers in seen.items() if len(numbers) > 1]
    if doubled:
        key, numbers = doubled[0]
        raise SpreadsheetError(
            where
            + _("%(kolom)s “%(waarde)s” staat meer dan eens in het bestand (rijen %(rijen)s).")
            % {
                "kolom": " + ".join(str(k.column_name) for k in key_fields),
                "waarde": " + ".join(key),
                "rijen": ", ".join(str(n) for n in numbers),
            }
        )


def _quoted(names):
    return ", ".join(f"“{name}”" for name in names)


# Importing the editors' workbook -----------------------------------------------------------------------


@dataclass
class SheetReport:
    title: str
    counts: dict = field(default_factory=dict)
    errors: list = field(default_factory=list)

    def summary(self):
        counted = ", ".join(f"{number} {label}" for label, number in self.counts.items())
        return f"{self.title}: {counted}"


class ImportRejected(Exception):
    """The import failed and nothing was written; `reports` say which rows failed and why."""

    def __init__(self, reports):
        super().__init__(_("Niets geïmporteerd: er zijn fouten gevonden."))
        self.reports = reports


def import_workbook(sheets, *, dry_run=False):
    """Import the sheets of an editors' workbook in one transaction; returns a SheetReport per sheet.

    Raises SpreadsheetError when the file is not usable and ImportRejected when a row fails; in both cases
    nothing is written. With dry_run everything is checked and rolled back.
    """
    by_title = {resource.sheet_title(): resource for resource in WORKBOOK_RESOURCES}
    unknown = [title for title in sheets if title not in by_title and title != notes_title()]
    if unknown:
        raise SpreadsheetError(
            _("Onbekende bladen %(bladen)s. Deze bladen kunnen worden ingelezen: %(bekend)s.")
            % {"bladen": _quoted(unknown), "bekend": ", ".join(by_title)}
        )
    chosen = [resource for resource in WORKBOOK_RESOURCES if resource.sheet_title() in sheets]
    if not chosen:
        raise SpreadsheetError(_("Het bestand bevat geen blad dat kan worden ingelezen."))
    for resource_class in chosen:
        check_sheet(sheets[resource_class.sheet_title()], resource_class, sheet=resource_class.sheet_title())

    with transaction.atomic():
        reports, owners = [], set()
        for resource_class in chosen:
            dataset = sheets[resource_class.sheet_title()]
            if resource_class in CHILD_RESOURCES:
                reports.append(_import_children(resource_class, dataset, owners))
                continue
            reports.append(_import_rows(resource_class, dataset))
            if resource_class in ITEM_RESOURCES:
                owners |= _owners(resource_class, dataset)
        if any(report.errors for report in reports):
            raise ImportRejected(reports)
        if dry_run:
            transaction.set_rollback(True)
    return reports


def _import_rows(resource_class, dataset):
    title = resource_class.sheet_title()
    result = resource_class().import_data(
        dataset, dry_run=False, use_transactions=True, rollback_on_validation_errors=True
    )
    report = SheetReport(title, counts=_counts(result))
    report.errors = result_errors(result, title, dataset.row_numbers)
    return report


def _counts(result):
    return {
        _("nieuw"): result.totals[RowResult.IMPORT_TYPE_NEW],
        _("gewijzigd"): result.totals[RowResult.IMPORT_TYPE_UPDATE],
        _("ongewijzigd"): result.totals[RowResult.IMPORT_TYPE_SKIP],
        _("mislukt"): result.totals[RowResult.IMPORT_TYPE_ERROR]
        + result.totals[RowResult.IMPORT_TYPE_INVALID],
    }


def result_errors(result, sheet, row_numbers=None):
    """Every failure of an import result as one line naming the sheet and the row.

    `row_numbers` are the spreadsheet rows of the dataset's rows; without them the row under the header
    is counted as row 2.
    """

    def spreadsheet_row(number):
        return row_numbers[number - 1] if row_numbers else number + 1

    lines = [f"{sheet}: {error.error}" for error in result.base_errors]
    for row in result.invalid_rows:
        lines += [_row_line(sheet, spreadsheet_row(row.number), message) for message in _messages(row.error)]
    for row in result.error_rows:
        lines += [_row_line(sheet, spreadsheet_row(row.number), str(error.error)) for error in row.errors]
    return lines


def _row_line(sheet, number, message):
    return _("%(blad)s, rij %(rij)s: %(melding)s") % {"blad": sheet, "rij": number, "melding": message}


def _messages(error):
    if hasattr(error, "message_dict"):
        return [message for messages_ in error.message_dict.values() for message in messages_]
    return error.messages


def _owners(resource_class, dataset):
    """The items of an item sheet, as (owner field, pk): their child rows are all in the workbook."""
    model = resource_class._meta.model
    slug_column = dataset.headers.index(str(resource_class.fields["slug"].column_name))
    slugs = [str(row[slug_column]).strip() for row in dataset]
    return {
        (model._meta.model_name, pk)
        for pk in model.objects.filter(slug__in=slugs).values_list("pk", flat=True)
    }


def _import_children(resource_class, dataset, owners):
    """Replace the child rows of every item in the workbook by the rows of this sheet.

    An item's rows are only rewritten when they differ from what the database holds, so an unchanged
    workbook adds nothing to the change history.
    """
    resource = resource_class()
    model = resource._meta.model
    title = resource_class.sheet_title()
    report = SheetReport(title)
    wanted = {owner: [] for owner in owners}
    for number, values in zip(dataset.row_numbers, dataset, strict=True):
        child = model()
        try:
            resource.import_instance(child, dict(zip(dataset.headers, values, strict=True)))
            child.full_clean(validate_unique=False)
        except ValidationError as error:
            report.errors += [_row_line(title, number, message) for message in _messages(error)]
            continue
        owner = next(name for name in OWNER_FIELDS if getattr(child, f"{name}_id"))
        wanted.setdefault((owner, getattr(child, f"{owner}_id")), []).append(child)
    existing = {}
    for owner in OWNER_FIELDS:
        pks = [pk for name, pk in wanted if name == owner]
        rows = resource.filter_export(
            model.objects.filter(**{f"{owner}__in": pks}).order_by("volgorde", "pk")
        )
        for child in rows:
            existing.setdefault((owner, getattr(child, f"{owner}_id")), []).append(child)
    changed = unchanged = 0
    for key, children in wanted.items():
        current = existing.get(key, [])
        if [resource.export_resource(c) for c in current] == [resource.export_resource(c) for c in children]:
            unchanged += 1
            continue
        for child in current:
            child.delete()
        for child in children:
            child.save()
        changed += 1
    report.counts = {_("items bijgewerkt"): changed, _("items ongewijzigd"): unchanged}
    return report


# The admin's import and export buttons -----------------------------------------------------------------


class SpreadsheetFormat(Format):
    """A spreadsheet format for the admin, bound to one resource: it reads that resource's sheet."""

    extension = None
    resource_class = None

    def __init__(self, encoding=None):
        super().__init__()

    @classmethod
    def bound(cls, resource_class):
        return type(cls.__name__, (cls,), {"resource_class": resource_class})

    def get_title(self):
        return self.extension

    def get_extension(self):
        return self.extension

    def get_content_type(self):
        return FORMATS[self.extension]

    def can_import(self):
        return True

    def can_export(self):
        return True

    def create_dataset(self, in_stream):
        """The resource's sheet (by title), or the only sheet besides the Toelichting, with exact headers."""
        sheets = read_spreadsheet(in_stream)
        title = self.resource_class.sheet_title()
        data_sheets = {name: sheet for name, sheet in sheets.items() if name != notes_title()}
        if title in data_sheets:
            dataset = data_sheets[title]
        elif len(data_sheets) == 1:
            (dataset,) = data_sheets.values()
        else:
            raise SpreadsheetError(
                _("Het bestand heeft geen blad “%(blad)s”; er zijn bladen %(bladen)s.")
                % {"blad": title, "bladen": _quoted(name for name in sheets if name)}
            )
        check_sheet(dataset, self.resource_class)
        return dataset

    def export_data(self, dataset, **kwargs):
        stream = io.BytesIO()
        sheet = Sheet(dataset.title, dataset.headers, iter(dataset), getattr(dataset, "widths", []))
        note_rows = notes(
            subject=_("%(soort)s uit de beheeromgeving") % {"soort": dataset.title},
            filters=None,
            extra=[
                (_("Importeren"), _("Lees dit bestand terug met de knop Importeren in de beheeromgeving."))
            ],
        )
        write_spreadsheet(stream, self.extension, [sheet], note_rows)
        return stream.getvalue()


class XLSXFormat(SpreadsheetFormat):
    extension = "xlsx"


class ODSFormat(SpreadsheetFormat):
    extension = "ods"


class CSVFormat(SpreadsheetFormat):
    extension = "csv"


SPREADSHEET_FORMATS = [XLSXFormat, ODSFormat, CSVFormat]


class SpreadsheetImportForm(ImportForm):
    """The admin's upload form: refuses a file that is too large, not a spreadsheet or not of this model."""

    def __init__(self, formats, resources, **kwargs):
        super().__init__(formats, resources, **kwargs)
        self.formats = formats
        self.fields["import_file"].label = gettext_lazy("Spreadsheet")
        self.fields["import_file"].help_text = _(
            "xlsx, ods of csv, hoogstens %(grootte)s. Begin bij een export uit de beheeromgeving."
        ) % {"grootte": filesizeformat(import_limit())}

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("import_file")
        if upload is None or cleaned.get("format") in (None, ""):
            return cleaned
        if upload.size > import_limit():
            self.add_error(
                "import_file",
                _("Het bestand is %(grootte)s; de grens is %(grens)s. Splits het bestand in delen.")
                % {"grootte": filesizeformat(upload.size), "grens": filesizeformat(import_limit())},
            )
            return cleaned
        try:
            self.formats[int(cleaned["format"])]().create_dataset(upload.read())
        except SpreadsheetError as error:
            self.add_error("import_file", str(error))
        finally:
            upload.seek(0)
        return cleaned


class SpreadsheetAdminMixin(ImportExportMixin):
    """Import and export buttons for a model admin, in the editors' spreadsheet format.

    Importing needs permission to add and change the model; exporting, permission to view it. A confirmed
    import runs in one transaction and is rolled back entirely if any row fails.
    """

    import_form_class = SpreadsheetImportForm
    import_template_name = "admin/catalogue/import.html"

    def get_resource_classes(self, request):
        return [RESOURCE_FOR_MODEL[self.model]]

    def get_import_formats(self):
        return [fmt.bound(RESOURCE_FOR_MODEL[self.model]) for fmt in SPREADSHEET_FORMATS]

    def get_export_formats(self):
        return self.get_import_formats()

    def has_import_permission(self, request):
        return self.has_add_permission(request) and self.has_change_permission(request)

    def has_export_permission(self, request):
        return self.has_view_permission(request)

    def get_import_data_kwargs(self, **kwargs):
        kwargs = super().get_import_data_kwargs(**kwargs)
        kwargs["rollback_on_validation_errors"] = True
        return kwargs

    def process_result(self, result, request):
        if result.has_errors() or result.has_validation_errors():
            # The data changed between preview and confirmation; the transaction has been rolled back.
            for line in result_errors(result, capfirst(self.model._meta.verbose_name_plural))[:20]:
                messages.error(request, line)
            messages.error(request, _("Niets geïmporteerd. Controleer het bestand en probeer het opnieuw."))
            return HttpResponseRedirect(
                reverse("admin:{}_{}_import".format(*self.get_model_info()), current_app=self.admin_site.name)
            )
        return super().process_result(result, request)

    def add_success_message(self, result, request):
        counts = ", ".join(f"{number} {label}" for label, number in _counts(result).items() if number)
        messages.success(
            request,
            _("Import klaar (%(soort)s): %(aantallen)s.")
            % {"soort": self.model._meta.verbose_name_plural, "aantallen": counts or _("niets")},
        )
