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


def _batch(batch_id, status):
    """The import, if it still waits for this step (it may have expired, or been handled already)."""
    return ImportBatch.objects.filter(pk=batch_id, status=status).first()


@task()
def preview_import(batch_id):
    batch = _batch(batch_id, ImportBatch.Status.CHECKING)
    if batch is None:
        return
    try:
        services.make_preview(batch)
    except Exception:
        logger.exception("spreadsheet import %s: the preview broke off", batch_id)
        services.give_up(batch, _("Het controleren is afgebroken door een fout; er is niets opgeslagen."))
        raise


@task()
def run_import(batch_id):
    batch = _batch(batch_id, ImportBatch.Status.IMPORTING)
    if batch is None:
        return
    try:
        services.import_rows(batch)
    except Exception:
        logger.exception("spreadsheet import %s: the import broke off", batch_id)
        services.give_up(batch, _("De import is afgebroken door een fout; er is niets opgeslagen."))
        raise
