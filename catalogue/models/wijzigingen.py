"""What visitors can follow: the log of new items, new vastgestelde beoordelingen and important changes.

Entries are written by catalogue/changelog.py from the services that make such a change; the public page
/recent-gewijzigd/ and its Atom feed show those of items that are published now.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from catalogue.models.base import exactly_one_of
from catalogue.models.children import ITEM_FIELDS, item_foreign_keys
from catalogue.models.items import Status


class WijzigingQuerySet(models.QuerySet):
    def published(self):
        """Changes of the items that are published now, newest first, each with its item (one query)."""
        published_now = models.Q()
        for field in ITEM_FIELDS:
            published_now |= models.Q(**{f"{field}__status": Status.GEPUBLICEERD})
        return self.filter(published_now).select_related(*ITEM_FIELDS).order_by("-datum", "-pk")


class Wijziging(models.Model):
    """One change a visitor may want to know about. Who made it is kept for the redactie only."""

    class Soort(models.TextChoices):
        NIEUW = "nieuw", _("nieuw item")
        BEOORDELING = "beoordeling", _("nieuwe vastgestelde beoordeling")
        WIJZIGING = "wijziging", _("belangrijke wijziging")

    datum = models.DateTimeField(_("datum"), default=timezone.now)
    soort = models.CharField(_("soort"), max_length=20, choices=Soort)
    woonvorm, succesversneller, praktijkvoorbeeld = item_foreign_keys("wijzigingen")
    titel = models.CharField(_("titel"), max_length=300)
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Alleen voor de redactie; bezoekers zien 'redactie'."),
    )

    objects = WijzigingQuerySet.as_manager()

    class Meta:
        verbose_name = _("wijziging")
        verbose_name_plural = _("wijzigingen")
        ordering = ["-datum", "-pk"]
        constraints = [exactly_one_of("catalogue_wijziging_one_item", ITEM_FIELDS)]
        indexes = [
            # The newest first: the page /recent-gewijzigd/ and its feed (WijzigingQuerySet.published).
            models.Index(fields=["-datum", "-id"], name="wijziging_nieuwste_eerst"),
        ]

    def __str__(self):
        return self.titel

    def get_absolute_url(self):
        return self.item.get_absolute_url()

    @property
    def item(self):
        return self.woonvorm or self.succesversneller or self.praktijkvoorbeeld
