"""Importeren and Exporteren in the beheeromgeving, in the editors' spreadsheet format.

The buttons are added to the admin of every vocabulary and every kind of item, as registered by catalogue
(which knows nothing of spreadsheets): each of those admins is replaced by a subclass with
SpreadsheetAdminMixin. This app comes after catalogue in INSTALLED_APPS, so their admins are registered
when this module is imported. The import shows a preview of new, changed, unchanged and failed
rows before anything is saved (spreadsheets.admin_import).
"""

import io

from django.contrib import admin
from django.utils.translation import gettext as _
from django_tasks_db.models import DBTaskResult
from import_export.admin import ImportExportMixin
from import_export.formats.base_formats import Format

from spreadsheets.admin_import import ImportViewsMixin
from spreadsheets.services import ADMIN_RESOURCES
from spreadsheets.sheets import Sheet, notes
from spreadsheets.writers import FORMATS, write_spreadsheet


class SpreadsheetFormat(Format):
    """A spreadsheet format for the admin's export, bound to one resource. (Imports are read by
    spreadsheets.reading, whatever the format, in spreadsheets.admin_import.)"""

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


class SpreadsheetAdminMixin(ImportViewsMixin, ImportExportMixin):
    """Import and export buttons for a model admin, in the editors' spreadsheet format.

    Importing needs permission to add and change the model; exporting, permission to view it. The import
    pages are in spreadsheets.admin_import; a confirmed import runs in one transaction and is rolled back
    entirely if any row fails.
    """

    def get_import_formats(self):
        (resource_class,) = self.resource_classes  # one sheet, of this admin's model
        return [fmt.bound(resource_class) for fmt in SPREADSHEET_FORMATS]

    def get_export_formats(self):
        return self.get_import_formats()

    def has_import_permission(self, request):
        return self.has_add_permission(request) and self.has_change_permission(request)

    def has_export_permission(self, request):
        return self.has_view_permission(request)


def add_spreadsheet_buttons(site=admin.site):
    """Replace the registered admin of every model in ADMIN_RESOURCES by one with the spreadsheet buttons."""
    for resource_class in ADMIN_RESOURCES:
        model = resource_class._meta.model
        registered = type(site.get_model_admin(model))
        site.unregister(model)
        site.register(
            model,
            type(
                registered.__name__,
                (SpreadsheetAdminMixin, registered),
                {"resource_classes": [resource_class]},
            ),
        )


add_spreadsheet_buttons()

# The background jobs' own records (django-tasks-db) are technical and in English; editors follow their
# imports on the import pages, so the records stay out of the beheeromgeving.
if admin.site.is_registered(DBTaskResult):
    admin.site.unregister(DBTaskResult)
