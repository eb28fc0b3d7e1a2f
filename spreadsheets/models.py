"""An import through the beheeromgeving, from upload to result: what was read, its preview and its outcome.

The rows of the file are kept here (as read, once) between the preview and the confirmation, so nothing is
written to a temporary folder and no page names a path on the server: the forms carry only the import's
token. The rows are dropped as soon as the import is done or refused; the summary stays, so the editor can
come back to the result. Previews nobody confirms expire (spreadsheets.services.expire_imports).
"""

import datetime
import uuid
from decimal import Decimal

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class ImportQuerySet(models.QuerySet):
    def of(self, user):
        return self.filter(user=user)

    def unfinished(self):
        return self.filter(status__in=ImportBatch.UNFINISHED)


class ImportStatus(models.TextChoices):
    CHECKING = "controleren", _("wordt gecontroleerd")
    PREVIEW = "voorbeeld", _("klaar om te bevestigen")
    REFUSED = "afgekeurd", _("afgekeurd: er zijn fouten gevonden")
    IMPORTING = "importeren", _("wordt geïmporteerd")
    DONE = "klaar", _("geïmporteerd")
    FAILED = "mislukt", _("mislukt: er is niets opgeslagen")


class ImportBatch(models.Model):
    Status = ImportStatus
    UNFINISHED = (Status.CHECKING, Status.PREVIEW, Status.REFUSED)

    token = models.UUIDField(_("kenmerk"), default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="spreadsheet_imports",
        verbose_name=_("door"),
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, verbose_name=_("soort"))
    file_name = models.CharField(_("bestand"), max_length=255)
    sheet = models.CharField(_("blad"), max_length=100, blank=True)
    row_count = models.PositiveIntegerField(_("rijen met gegevens"))
    as_job = models.BooleanField(_("op de achtergrond"), default=False)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.CHECKING)
    rows = models.JSONField(_("rijen"), null=True, blank=True, editable=False)
    summary = models.JSONField(_("samenvatting"), default=dict, blank=True, editable=False)
    created = models.DateTimeField(_("begonnen"), auto_now_add=True)
    updated = models.DateTimeField(_("bijgewerkt"), auto_now=True)
    finished = models.DateTimeField(_("klaar"), null=True, blank=True)

    objects = ImportQuerySet.as_manager()

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=ImportStatus.values),
                name="spreadsheets_importbatch_status_known",
            ),
        ]
        indexes = [
            # expire_imports: unfinished imports past their time, by status and age
            models.Index(fields=["status", "updated"], name="spreadsheets_import_expiry"),
        ]

    def __str__(self):
        return f"{self.file_name} ({self.get_status_display()})"

    def get_absolute_url(self):
        model = self.model
        return reverse(
            f"admin:{model._meta.app_label}_{model._meta.model_name}_import_status", args=[self.token]
        )

    @property
    def model(self):
        return self.content_type.model_class()

    @property
    def finished_or_refused(self):
        return self.status in (self.Status.DONE, self.Status.FAILED, self.Status.REFUSED)


# The rows as JSON: dates and times are tagged so they come back as the same types.


def encode_value(value):
    if isinstance(value, datetime.datetime):
        return {"datetime": value.isoformat()}
    if isinstance(value, datetime.date):
        return {"date": value.isoformat()}
    if isinstance(value, datetime.time):
        return {"time": value.isoformat()}
    if isinstance(value, datetime.timedelta):
        return {"seconds": value.total_seconds()}
    if isinstance(value, Decimal):
        return float(value)
    return value


def decode_value(value):
    if not isinstance(value, dict):
        return value
    ((kind, text),) = value.items()
    if kind == "datetime":
        return datetime.datetime.fromisoformat(text)
    if kind == "date":
        return datetime.date.fromisoformat(text)
    if kind == "time":
        return datetime.time.fromisoformat(text)
    return datetime.timedelta(seconds=text)
