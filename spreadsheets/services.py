"""Imports through the beheeromgeving: preview (a dry run), confirmation and the import itself.

An upload is read once (spreadsheets.reading); its rows are kept in an ImportBatch. A file of at most
SPREADSHEET_JOB_ROWS rows is previewed and, once confirmed, imported within the request; a larger one is
previewed and imported by a background job (spreadsheets.tasks), and the editor follows it on its page.
Either way the same steps run: every row of the file ends up new, changed, unchanged or failed (with its
row number and column), the totals add up to the rows of the file, and a confirmed import writes all rows
in one transaction or none.
"""

import contextlib
import types
from datetime import timedelta

import tablib
from django.conf import settings
from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.translation import gettext as _
from import_export.results import RowResult
from simple_history.models import HistoricalRecords

from core.cache import shared_cache
from spreadsheets.errors import SpreadsheetError
from spreadsheets.imports import check_sheet, database_message, quoted, row_failures
from spreadsheets.models import ImportBatch, decode_value, encode_value
from spreadsheets.resources.editors import ITEM_RESOURCES, VOCABULARY_RESOURCES
from spreadsheets.sheets import notes_title

# The models whose admin has Importeren and Exporteren, with their resource.
ADMIN_RESOURCES = [*VOCABULARY_RESOURCES, *ITEM_RESOURCES]
RESOURCE_BY_MODEL = {resource._meta.model: resource for resource in ADMIN_RESOURCES}
PREVIEW_ROWS = 100  # new and changed rows shown in a preview, with what changes
LISTED_ROWS = 50  # failed rows listed with their messages; the rest are counted
PREVIEW_HOURS = 24  # an import nobody confirmed (or that was refused) is removed after this
RESULT_DAYS = 30  # the result of a finished import stays this long
PROGRESS_EVERY = 25  # rows between two progress reports of a job


def choose_sheet(sheets, resource_class):
    """The resource's sheet (by title), or the only sheet besides the Toelichting; checked, exact headers.

    Returns (title, dataset, other sheet titles that are not read).
    """
    title = resource_class.sheet_title()
    data_sheets = {name: sheet for name, sheet in sheets.items() if name != notes_title()}
    if title in data_sheets:
        chosen = title
    elif len(data_sheets) == 1:
        (chosen,) = data_sheets
    else:
        raise SpreadsheetError(
            _("Het bestand heeft geen blad “%(blad)s”; er zijn bladen %(bladen)s.")
            % {"blad": title, "bladen": quoted(name for name in sheets if name)}
        )
    dataset = data_sheets[chosen]
    check_sheet(dataset, resource_class)
    others = [name for name, sheet in data_sheets.items() if name != chosen and (sheet.headers or len(sheet))]
    return chosen, dataset, others


def start_import(*, user, model, file_name, chosen):
    """Keep the rows of a file's sheet for `model` and preview them: now, or as a job for a large file.

    `chosen` is what choose_sheet returned for the file. Expired imports are removed first.
    """
    expire_imports()
    title, dataset, others = chosen
    batch = ImportBatch.objects.create(
        user=user,
        content_type=ContentType.objects.get_for_model(model),
        file_name=(file_name or "")[-255:],
        sheet=(title or "")[:100],
        row_count=len(dataset),
        as_job=len(dataset) > settings.SPREADSHEET_JOB_ROWS,
        rows={
            "headers": list(dataset.headers),
            "rows": [[encode_value(value) for value in row] for row in dataset],
            "row_numbers": dataset.row_numbers,
            "empty_rows": dataset.empty_rows,
            "other_sheets": others,
        },
    )
    if batch.as_job:
        from spreadsheets.tasks import preview_import

        preview_import.enqueue(batch.pk)
    else:
        make_preview(batch)
    return batch


def make_preview(batch):
    """Check every row in a transaction that is rolled back; the batch gets the preview or is refused."""
    result, tracker = _import(batch, dry_run=True)
    summary = summarise(batch, result, tracker)
    refused = summary["counts"]["mislukt"] or summary["problems"]
    batch.summary = summary
    batch.status = ImportBatch.Status.REFUSED if refused else ImportBatch.Status.PREVIEW
    if refused:
        batch.rows = None
    batch.save()
    return batch


def confirm_import(batch):
    """Start the import of a previewed batch. False when it was already started (a second click)."""
    started = ImportBatch.objects.filter(pk=batch.pk, status=ImportBatch.Status.PREVIEW).update(
        status=ImportBatch.Status.IMPORTING, updated=timezone.now()
    )
    if not started:
        return False
    batch.refresh_from_db()
    if batch.as_job:
        from spreadsheets.tasks import run_import

        run_import.enqueue(batch.pk)
    else:
        import_rows(batch)
    return True


def import_rows(batch):
    """Write every row in one transaction; any failing row and nothing is written (status FAILED)."""
    result, tracker = _import(batch, dry_run=False)
    summary = summarise(batch, result, tracker)
    failed = summary["counts"]["mislukt"] or summary["problems"]
    if not failed:
        _log_entries(batch, result)
    batch.summary = summary
    batch.status = ImportBatch.Status.FAILED if failed else ImportBatch.Status.DONE
    batch.rows = None
    batch.finished = timezone.now()
    batch.save()
    return batch


def give_up(batch, message):
    """A job that broke off: nothing was written; the editor reads why on the import's page."""
    importing = batch.status == ImportBatch.Status.IMPORTING
    batch.status = ImportBatch.Status.FAILED if importing else ImportBatch.Status.REFUSED
    batch.summary = {**batch.summary, "problems": [message]}
    batch.rows = None
    batch.finished = timezone.now()
    batch.save()


def progress(batch):
    """Rows handled so far by a running job (0 when it has not started)."""
    return shared_cache.get(_progress_key(batch), 0)


def expire_imports(now=None):
    """Remove previews nobody confirmed after PREVIEW_HOURS, and results after RESULT_DAYS.

    An import a job never finished (the worker stopped) is marked failed after PREVIEW_HOURS; its
    transaction was rolled back. Returns the number of imports removed.
    """
    now = now or timezone.now()
    stale = now - timedelta(hours=PREVIEW_HOURS)
    ImportBatch.objects.filter(status=ImportBatch.Status.IMPORTING, updated__lt=stale).update(
        status=ImportBatch.Status.FAILED,
        rows=None,
        finished=now,
        summary={"problems": [_("De import is niet afgerond; er is niets opgeslagen.")]},
    )
    removed, _counts = ImportBatch.objects.filter(
        status__in=ImportBatch.UNFINISHED, updated__lt=stale
    ).delete()
    old, _counts = ImportBatch.objects.filter(updated__lt=now - timedelta(days=RESULT_DAYS)).delete()
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.finished().filter(finished_at__lt=now - timedelta(days=RESULT_DAYS)).delete()
    return removed + old


# Running an import ---------------------------------------------------------------------------------------


def dataset_of(batch):
    stored = batch.rows
    rows = [[decode_value(value) for value in row] for row in stored["rows"]]
    dataset = tablib.Dataset(*rows, headers=stored["headers"])
    dataset.row_numbers = stored["row_numbers"]
    return dataset


class _Tracker:
    """Follows an import row by row: the rows handled (for the progress page) and the first changes."""

    def __init__(self, batch, resource, dataset):
        self.batch, self.dataset = batch, dataset
        self.headers = [str(header) for header in resource.get_diff_headers()]
        self.done, self.changes, self.more_changes = 0, [], 0

    def row(self, row_result, number, diff):
        self.done += 1
        if self.batch.as_job and self.done % PROGRESS_EVERY == 0:
            shared_cache.set(_progress_key(self.batch), self.done, 3600)
        kind = row_result.import_type
        if kind not in (RowResult.IMPORT_TYPE_NEW, RowResult.IMPORT_TYPE_UPDATE) or diff is None:
            return
        if len(self.changes) >= PREVIEW_ROWS:
            self.more_changes += 1
            return
        new = kind == RowResult.IMPORT_TYPE_NEW
        fields = [
            [header, "" if new else str(old or ""), str(value or "")]
            for header, old, value in zip(self.headers, diff.left, diff.right, strict=False)
            if (new and value not in (None, "")) or (not new and old != value)
        ]
        self.changes.append(
            {
                "row": self.dataset.row_numbers[number - 1],
                "kind": "nieuw" if new else "gewijzigd",
                "name": str(row_result.object_repr or ""),
                "fields": fields,
            }
        )


def _progress_key(batch):
    return f"spreadsheets:import:{batch.pk}:progress"


@contextlib.contextmanager
def _acting_as(user):
    """The change history names the editor, also when a job (without a request) does the writing."""
    if getattr(HistoricalRecords.context, "request", None) is not None:
        yield
        return
    HistoricalRecords.context.request = types.SimpleNamespace(user=user)
    try:
        yield
    finally:
        del HistoricalRecords.context.request


def _import(batch, *, dry_run):
    resource = RESOURCE_BY_MODEL[batch.model]()
    dataset = dataset_of(batch)
    tracker = _Tracker(batch, resource, dataset)
    resource.on_row = tracker.row
    with _acting_as(batch.user):
        result = resource.import_data(
            dataset,
            dry_run=dry_run,
            raise_errors=False,
            use_transactions=True,
            rollback_on_validation_errors=True,
            retain_instance_in_row_result=not dry_run,
        )
    shared_cache.delete(_progress_key(batch))
    return result, tracker


def _log_entries(batch, result):
    flags = {RowResult.IMPORT_TYPE_NEW: ADDITION, RowResult.IMPORT_TYPE_UPDATE: CHANGE}
    for import_type, flag in flags.items():
        instances = [row.instance for row in result.rows if row.import_type == import_type and row.instance]
        if instances:
            LogEntry.objects.log_actions(
                user_id=batch.user_id,
                queryset=instances,
                action_flag=flag,
                change_message=_("Geïmporteerd uit %(bestand)s") % {"bestand": batch.file_name},
                single_object=len(instances) == 1,
            )


# The summary a page shows ----------------------------------------------------------------------------------


def summarise(batch, result, tracker):
    """Counts, failed rows with row number and column, the first changes, and whether they add up."""
    totals = result.totals
    counts = {
        "nieuw": totals[RowResult.IMPORT_TYPE_NEW],
        "gewijzigd": totals[RowResult.IMPORT_TYPE_UPDATE],
        "ongewijzigd": totals[RowResult.IMPORT_TYPE_SKIP],
        "mislukt": totals[RowResult.IMPORT_TYPE_ERROR] + totals[RowResult.IMPORT_TYPE_INVALID],
    }
    resource = RESOURCE_BY_MODEL[batch.model]()
    failures = row_failures(result, resource, tracker.dataset.row_numbers)
    problems = [database_message(error.error) for error in result.base_errors]
    if sum(counts.values()) != batch.row_count:
        problems.append(
            _(
                "De aantallen (%(som)s) kloppen niet met de %(rijen)s rijen van het bestand; "
                "er is niets opgeslagen."
            )
            % {"som": sum(counts.values()), "rijen": batch.row_count}
        )
    stored = batch.rows or {}
    numbers = stored.get("row_numbers") or [0]
    return {
        "counts": counts,
        "rows": batch.row_count,
        "first_row": numbers[0],
        "last_row": numbers[-1],
        "empty_rows": stored.get("empty_rows", 0),
        "other_sheets": stored.get("other_sheets", []),
        "failures": failures[:LISTED_ROWS],
        "more_failures": max(len(failures) - LISTED_ROWS, 0),
        "changes": tracker.changes,
        "more_changes": tracker.more_changes,
        "problems": problems,
    }
