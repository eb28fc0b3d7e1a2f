"""Background jobs of the spreadsheet import: the preview and the import of a file above the row threshold.

They run in `manage.py db_worker` (django-tasks-db), which `make run` and `make serve` start beside the web
server. A job that breaks off leaves nothing written (the import is one transaction) and says so on the
import's page.
"""

import logging

from django.utils.translation import gettext as _
from django_tasks import task

from spreadsheets import services
from spreadsheets.models import ImportBatch

logger = logging.getLogger(__name__)


def _run_step(batch_id, status, step, what, broke_off):
    """Run one step on the import if it still waits for it (it may have expired, or been handled already);
    if the step breaks off, the import says so and nothing is written."""
    batch = ImportBatch.objects.filter(pk=batch_id, status=status).first()
    if batch is None:
        return
    try:
        step(batch)
    except Exception:
        logger.exception("spreadsheet import %s: the %s broke off", batch_id, what)
        services.give_up(batch, broke_off)
        raise


@task()
def preview_import(batch_id):
    _run_step(
        batch_id,
        ImportBatch.Status.CHECKING,
        services.make_preview,
        "preview",
        _("Het controleren is afgebroken door een fout; er is niets opgeslagen."),
    )


@task()
def run_import(batch_id):
    _run_step(
        batch_id,
        ImportBatch.Status.IMPORTING,
        services.import_rows,
        "import",
        _("De import is afgebroken door een fout; er is niets opgeslagen."),
    )
