"""Reading spreadsheets back into the catalogue: checked first, written in one transaction, Dutch messages.

A sheet is checked before anything is written: a known header, at least one row and no key twice. Rows are
matched on slug; related rows are found by name or slug. Any row that fails and nothing at all is written.

`import_workbook` reads every sheet of the editors' workbook (catalogus_export) in one transaction, for
catalogus_import; the admin's import (spreadsheets.admin) reads one sheet for one model with check_sheet and
reports with result_errors.
"""

import logging
from dataclasses import dataclass, field

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import DatabaseError, DataError, IntegrityError, transaction
from django.utils.translation import gettext as _
from import_export.results import RowResult

from catalogue.services import sync_children
from spreadsheets.errors import SpreadsheetError
from spreadsheets.resources.editors import CHILD_RESOURCES, ITEM_RESOURCES, OWNER_FIELDS, WORKBOOK_RESOURCES
from spreadsheets.sheets import notes_title
from spreadsheets.widgets import is_empty

logger = logging.getLogger(__name__)

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
            + _("deze kolommen staan meer dan eens in de kop: %(kolommen)s.") % {"kolommen": quoted(doubled)}
        )
    unknown = [header for header in headers if header not in known.values()]
    if unknown:
        raise SpreadsheetError(
            where
            + _("onbekende kolommen %(onbekend)s. Deze kolommen kunnen worden ingelezen: %(bekend)s.")
            % {"onbekend": quoted(unknown), "bekend": ", ".join(known.values())}
        )
    missing = [name for name in resource_class.required_column_names() if name not in headers]
    if missing:
        raise SpreadsheetError(
            where + _("deze kolommen ontbreken: %(kolommen)s.") % {"kolommen": quoted(missing)}
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
        if any(is_empty(row[column]) for column in columns):
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


def quoted(names):
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
            % {"bladen": quoted(unknown), "bekend": ", ".join(by_title)}
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
    report = SheetReport(title, counts=row_counts(result))
    report.errors = result_errors(result, title, dataset.row_numbers, resource_class())
    return report


def row_counts(result):
    return {
        _("nieuw"): result.totals[RowResult.IMPORT_TYPE_NEW],
        _("gewijzigd"): result.totals[RowResult.IMPORT_TYPE_UPDATE],
        _("ongewijzigd"): result.totals[RowResult.IMPORT_TYPE_SKIP],
        _("mislukt"): result.totals[RowResult.IMPORT_TYPE_ERROR]
        + result.totals[RowResult.IMPORT_TYPE_INVALID],
    }


def result_errors(result, sheet, row_numbers, resource):
    """Every failure of an import result as one line naming the sheet, the row and, where known, the column.

    `row_numbers` are the spreadsheet rows of the dataset's rows.
    """
    lines = [f"{sheet}: {database_message(error.error)}" for error in result.base_errors]
    for failure in row_failures(result, resource, row_numbers):
        lines += [_row_line(sheet, failure["row"], message, column) for column, message in failure["errors"]]
    return lines


def row_failures(result, resource, row_numbers):
    """Every failed row in file order: {"row": spreadsheet row, "errors": [[column, message], …]}.

    The column is the Dutch header of the field a message is about ("" for a message about the whole row).
    """
    columns = _columns(resource)
    failures = []
    for row in result.invalid_rows:
        errors = [[columns.get(key, ""), message] for key, message in _keyed_messages(row.error)]
        failures.append((row.number, errors))
    for row in result.error_rows:
        failures.append((row.number, [["", database_message(error.error)] for error in row.errors]))
    failures.sort(key=lambda failure: failure[0])
    return [{"row": row_numbers[number - 1], "errors": errors} for number, errors in failures]


def _columns(resource):
    """{field attribute or name: Dutch column header} for the messages of a row."""
    columns = {}
    for name, column in resource.fields.items():
        columns[name] = str(column.column_name)
        if column.attribute:
            columns.setdefault(column.attribute, str(column.column_name))
    return columns


def _keyed_messages(error):
    if hasattr(error, "error_dict"):
        return [
            ("" if key == NON_FIELD_ERRORS else key, message)
            for key, messages in error.message_dict.items()
            for message in messages
        ]
    return [("", message) for message in error.messages]


def database_message(error):
    """A Dutch line for an error of the database or the library, whose own message is English."""
    if isinstance(error, SpreadsheetError):
        return str(error)
    if isinstance(error, IntegrityError):
        return _("Deze rij botst met een andere rij in de catalogus (bijvoorbeeld een slug die al bestaat).")
    if isinstance(error, DataError):
        return _("Een waarde in deze rij past niet in de database (te lang of ongeldig).")
    if isinstance(error, DatabaseError):
        return _("De database weigert deze rij.")
    logger.error("spreadsheet import: unexpected error", exc_info=error)
    return _(
        "Deze rij kon door een onverwachte fout niet worden verwerkt; de beheerder vindt die in het log."
    )


def _row_line(sheet, number, message, column=""):
    if column and f"“{column}”" not in message:
        return _("%(blad)s, rij %(rij)s, kolom “%(kolom)s”: %(melding)s") % {
            "blad": sheet,
            "rij": number,
            "kolom": column,
            "melding": message,
        }
    return _("%(blad)s, rij %(rij)s: %(melding)s") % {"blad": sheet, "rij": number, "melding": message}


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

    An item's rows are only rewritten when they differ from what the database holds
    (catalogue.services.sync_children), so an unchanged workbook adds nothing to the change history.
    """
    resource = resource_class()
    model = resource._meta.model
    title = resource_class.sheet_title()
    report = SheetReport(title)
    wanted = {owner: [] for owner in owners}
    columns = _columns(resource)
    for number, values in zip(dataset.row_numbers, dataset, strict=True):
        child = model()
        try:
            resource.import_instance(child, dict(zip(dataset.headers, values, strict=True)))
            child.full_clean(validate_unique=False)
        except ValidationError as error:
            report.errors += [
                _row_line(title, number, message, columns.get(key, ""))
                for key, message in _keyed_messages(error)
            ]
            continue
        owner = next(name for name in OWNER_FIELDS if getattr(child, f"{name}_id"))
        wanted.setdefault((owner, getattr(child, f"{owner}_id")), []).append(child)
    changed = 0
    for owner in OWNER_FIELDS:
        rows_by_owner = {pk: rows for (name, pk), rows in wanted.items() if name == owner}
        if rows_by_owner:
            changed += len(
                sync_children(owner_field=model._meta.get_field(owner), rows_by_owner=rows_by_owner)
            )
    report.counts = {_("items bijgewerkt"): changed, _("items ongewijzigd"): len(wanted) - changed}
    return report
