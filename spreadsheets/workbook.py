"""The editors' workbook: every catalogue and assessment row in one xlsx file, for catalogus_import."""

from django.utils.translation import gettext as _

from spreadsheets.resources.editors import WORKBOOK_RESOURCES
from spreadsheets.sheets import notes, resource_sheet
from spreadsheets.writers import write_spreadsheet


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
