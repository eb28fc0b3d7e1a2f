"""Importeren in the beheeromgeving: upload, preview, confirmation, and a page per import to follow it.

The upload is read once, in the form (spreadsheets.reading); its rows are kept in an ImportBatch and the
pages carry only the import's token, never a file name on the server. A large import runs as a background
job and its page shows the progress; a small one is done within the request. Pressing "Accepteer de
import" twice, an altered or expired token, or someone else's import give a Dutch message, never an error.
"""

from datetime import timedelta

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.defaultfilters import filesizeformat
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from spreadsheets import services
from spreadsheets.errors import SpreadsheetError
from spreadsheets.limits import Limits, number
from spreadsheets.models import ImportBatch
from spreadsheets.reading import read_spreadsheet

MESSAGES_SHOWN = 20  # failure lines shown as messages after a confirmation that failed
REFRESH_SECONDS = 3  # how often the page of a running job reloads itself
WAITING = timedelta(minutes=2)  # a job not begun after this: the page says the worker may not be running


def import_limit():
    """The largest file accepted, in bytes (DJANGO_UPLOAD_MAX_BYTES)."""
    return settings.DATA_UPLOAD_MAX_MEMORY_SIZE


class SpreadsheetImportForm(forms.Form):
    """The upload: refuses a file that is too large, not a spreadsheet, past a limit or not of this model.

    The file is read here, once; `chosen` holds the sheet that will be imported.
    """

    import_file = forms.FileField(label=gettext_lazy("Spreadsheet"))

    def __init__(self, *args, resource_class, **kwargs):
        super().__init__(*args, **kwargs)
        self.resource_class = resource_class
        self.chosen = None
        limits = Limits.from_settings()
        self.fields["import_file"].help_text = _(
            "xlsx, ods of csv, hoogstens %(grootte)s en %(rijen)s rijen. Begin bij een export uit de "
            "beheeromgeving."
        ) % {"grootte": filesizeformat(import_limit()), "rijen": number(limits.rows)}

    def clean_import_file(self):
        upload = self.cleaned_data["import_file"]
        if upload.size > import_limit():
            raise forms.ValidationError(
                _("Het bestand is %(grootte)s; de grens is %(grens)s. Splits het bestand in delen.")
                % {"grootte": filesizeformat(upload.size), "grens": filesizeformat(import_limit())}
            )
        try:
            self.chosen = services.choose_sheet(read_spreadsheet(upload.read()), self.resource_class)
        except SpreadsheetError as error:
            raise forms.ValidationError(str(error)) from None
        return upload


class ConfirmForm(forms.Form):
    """What "Accepteer de import" and "Annuleren" send: the import's token and nothing else."""

    token = forms.UUIDField(widget=forms.HiddenInput)


class ImportViewsMixin:
    """The import pages of a model admin that has SpreadsheetAdminMixin's resource."""

    import_template_name = "admin/spreadsheets/import.html"
    import_status_template_name = "admin/spreadsheets/import_status.html"

    def get_urls(self):
        info = self.get_model_info()
        view = self.admin_site.admin_view
        return [
            path(
                "import/<uuid:token>/",
                view(self.import_status_view),
                name="{}_{}_import_status".format(*info),
            ),
            path(
                "import/<uuid:token>/annuleren/",
                view(require_POST(self.import_cancel_view)),
                name="{}_{}_import_cancel".format(*info),
            ),
            *super().get_urls(),
        ]

    def _import_url(self, name):
        return reverse(
            "admin:{}_{}_{}".format(*self.get_model_info(), name), current_app=self.admin_site.name
        )

    def _own_import(self, request, token):
        """The import with this token, if it is this user's and of this admin's model."""
        return (
            ImportBatch.objects.of(request.user)
            .filter(
                token=token,
                content_type__app_label=self.opts.app_label,
                content_type__model=self.opts.model_name,
            )
            .first()
        )

    def _gone(self, request):
        messages.error(
            request,
            _(
                "Deze import bestaat niet (meer): hij is verlopen, geannuleerd of van iemand anders. "
                "Kies het bestand opnieuw."
            ),
        )
        return redirect(self._import_url("import"))

    def _context(self, request, **extra):
        return {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("%(soort)s importeren") % {"soort": capfirst(self.opts.verbose_name_plural)},
            **extra,
        }

    def import_action(self, request, **kwargs):
        if not self.has_import_permission(request):
            raise PermissionDenied
        (resource_class,) = self.resource_classes
        form = SpreadsheetImportForm(
            request.POST or None, request.FILES or None, resource_class=resource_class
        )
        if request.method == "POST" and form.is_valid():
            batch = services.start_import(
                user=request.user,
                model=self.model,
                file_name=form.cleaned_data["import_file"].name,
                chosen=form.chosen,
            )
            return redirect(batch.get_absolute_url())
        recent = ImportBatch.objects.of(request.user).filter(
            content_type__app_label=self.opts.app_label, content_type__model=self.opts.model_name
        )[:10]
        context = self._context(
            request,
            form=form,
            recent=recent,
            columns=resource_class.column_names(),
            required=resource_class.required_column_names(),
            limits={name: number(value) for name, value in vars(Limits.from_settings()).items()},
            job_rows=settings.SPREADSHEET_JOB_ROWS,
        )
        return TemplateResponse(request, self.import_template_name, context)

    def import_status_view(self, request, token):
        if not self.has_import_permission(request):
            raise PermissionDenied
        batch = self._own_import(request, token)
        if batch is None:
            return self._gone(request)
        running = batch.status in (ImportBatch.Status.CHECKING, ImportBatch.Status.IMPORTING)
        done = services.progress(batch) if running else batch.row_count
        context = self._context(
            request,
            batch=batch,
            summary=batch.summary,
            running=running,
            done=done,
            percentage=round(100 * done / batch.row_count) if batch.row_count else 100,
            refresh=REFRESH_SECONDS if running else None,
            counted=sum(batch.summary.get("counts", {}).values()),
            waiting=running and not done and timezone.now() - batch.updated > WAITING,
            confirm_form=ConfirmForm(initial={"token": batch.token}),
        )
        return TemplateResponse(request, self.import_status_template_name, context)

    def process_import(self, request, **kwargs):
        """ "Accepteer de import": starts the import of a previewed file, once."""
        if request.method != "POST":
            return redirect(self._import_url("import"))
        if not self.has_import_permission(request):
            raise PermissionDenied
        form = ConfirmForm(request.POST)
        batch = self._own_import(request, form.cleaned_data["token"]) if form.is_valid() else None
        if batch is None:
            return self._gone(request)
        if not services.confirm_import(batch):
            batch.refresh_from_db()
            messages.warning(request, _already(batch))
            return redirect(batch.get_absolute_url())
        batch.refresh_from_db()
        if batch.status == ImportBatch.Status.DONE:
            counts = ", ".join(
                f"{number} {label}" for label, number in batch.summary["counts"].items() if number
            )
            messages.success(
                request,
                _("Import klaar (%(soort)s): %(aantallen)s.")
                % {"soort": self.opts.verbose_name_plural, "aantallen": counts or _("niets")},
            )
            return redirect(self._import_url("changelist"))
        if batch.status == ImportBatch.Status.FAILED:
            for line in _failure_lines(batch.summary)[:MESSAGES_SHOWN]:
                messages.error(request, line)
            messages.error(request, _("Niets geïmporteerd. Controleer het bestand en probeer het opnieuw."))
        return redirect(batch.get_absolute_url())

    def import_cancel_view(self, request, token):
        if not self.has_import_permission(request):
            raise PermissionDenied
        batch = self._own_import(request, token)
        if batch is not None and batch.status in ImportBatch.UNFINISHED:
            batch.delete()
            messages.info(request, _("De import is geannuleerd; er is niets opgeslagen."))
        elif batch is not None:
            messages.warning(request, _already(batch))
            return redirect(batch.get_absolute_url())
        return redirect(self._import_url("import"))


def _already(batch):
    if batch.status == ImportBatch.Status.DONE:
        return _("Deze import is al uitgevoerd; er is niets opnieuw opgeslagen.")
    if batch.status == ImportBatch.Status.IMPORTING:
        return _("Deze import wordt al uitgevoerd.")
    if batch.status == ImportBatch.Status.FAILED:
        return _("Deze import is al geprobeerd en mislukt; er is niets opgeslagen. Kies het bestand opnieuw.")
    return _("Deze import kan (nog) niet worden geaccepteerd: %(status)s.") % {
        "status": batch.get_status_display()
    }


def _failure_lines(summary):
    lines = list(summary.get("problems", []))
    for failure in summary.get("failures", []):
        for column, message in failure["errors"]:
            where = _("Rij %(rij)s") % {"rij": failure["row"]}
            if column and f"“{column}”" not in message:
                where += _(", kolom “%(kolom)s”") % {"kolom": column}
            lines.append(f"{where}: {message}")
    return lines
