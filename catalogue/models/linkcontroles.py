"""The outcome of the last check of each external web address the catalogue holds (manage.py
controleer_links); the editors' dashboard lists the broken ones with the rows that hold them."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class LinkControle(models.Model):
    class Status(models.TextChoices):
        OK = "ok", _("werkt")
        OMGELEID = "omgeleid", _("omgeleid")
        KAPOT = "kapot", _("kapot")
        ONBEREIKBAAR = "onbereikbaar", _("onbereikbaar")

    # What an editor has to repair: the address answers with an error, or not at all.
    BROKEN = (Status.KAPOT, Status.ONBEREIKBAAR)

    url = models.URLField(_("webadres"), max_length=500, unique=True)
    status = models.CharField(_("uitkomst"), max_length=20, choices=Status)
    http_code = models.PositiveSmallIntegerField(_("HTTP-code"), null=True, blank=True)
    melding = models.CharField(_("melding"), max_length=500, blank=True)
    gecontroleerd_op = models.DateTimeField(_("gecontroleerd op"))

    class Meta:
        verbose_name = _("linkcontrole")
        verbose_name_plural = _("linkcontroles")
        ordering = ["url"]

    def __str__(self):
        return f"{self.url}: {self.get_status_display()}"

    @property
    def is_broken(self):
        return self.status in self.BROKEN
