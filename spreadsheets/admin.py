"""Importeren and Exporteren in the beheeromgeving, in the editors' spreadsheet format.

The buttons are added to the admin of every vocabulary and every kind of item, as registered by catalogue
(which knows nothing of spreadsheets): each of those admins is replaced by a subclass with
SpreadsheetAdminMixin. This app comes after catalogue in INSTALLED_APPS, so their admins are registered
when this module is imported. The import shows the library's preview of new, changed, unchanged and failed
rows before anything is saved.
"""

import io

from django.conf import settings
from django.contrib import admin, messages
from django.http import HttpResponseRedirect
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export.admin import ImportExportMixin
from import_export.formats.base_formats import Format
from import_export.forms import ImportForm

from spreadsheets.imports import check_sheet, quoted, result_errors, row_counts
from spreadsheets.reading import SpreadsheetError, read_spreadsheet
from spreadsheets.resources.editors import ITEM_RESOURCES, VOCABULARY_RESOURCES
from spreadsheets.sheets import Sheet, notes, notes_title
from spreadsheets.writers import FORMATS, write_spreadsheet

# The models whose admin has Importeren and Exporteren. Child rows and assessments are edited inside their
# item or beoordeling and are imported with the editors' workbook (catalogus_import).
ADMIN_RESOURCES = [*VOCABULARY_RESOURCES, *ITEM_RESOURCES]


def import_limit():
    """The largest file accepted, in bytes (DJANGO_UPLOAD_MAX_BYTES)."""
    return settings.DATA_UPLOAD_MAX_MEMORY_SIZE


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
                % {"blad": title, "bladen": quoted(name for name in sheets if name)}
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
    import_template_name = "admin/spreadsheets/import.html"

    def get_import_formats(self):
        (resource_class,) = self.resource_classes  # one sheet, of this admin's model
        return [fmt.bound(resource_class) for fmt in SPREADSHEET_FORMATS]

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
        counts = ", ".join(f"{number} {label}" for label, number in row_counts(result).items() if number)
        messages.success(
            request,
            _("Import klaar (%(soort)s): %(aantallen)s.")
            % {"soort": self.model._meta.verbose_name_plural, "aantallen": counts or _("niets")},
        )


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
