"""A werkversie: a prepared edit of a published catalogue item, kept apart from the item until it is
published, so the public page stays as it is while an editor prepares, previews and checks a change."""

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _

from catalogue.models.items import ITEM_MODELS

ITEM_MODELS_BY_KEY = {model._meta.model_name: model for model in ITEM_MODELS}


class Werkversie(models.Model):
    """At most one per item. `gegevens` holds the whole edit form: {"velden": {field: value},
    "relaties": {many-to-many field: [pk, …]}, "kinderen": {child model: [{field: value}, …]}}.

    `item_bijgewerkt_op` is the item's `updated` when the werkversie was started: publishing is refused
    once the published item has changed since, so nobody's change is overwritten unseen.
    """

    soort = models.CharField(
        _("soort item"),
        max_length=40,
        choices=[(key, model._meta.verbose_name) for key, model in ITEM_MODELS_BY_KEY.items()],
    )
    item_pk = models.PositiveBigIntegerField(_("item"))
    gegevens = models.JSONField(_("gegevens"), default=dict, encoder=DjangoJSONEncoder)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("aangemaakt door"),
        on_delete=models.PROTECT,
        related_name="werkversies",
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    bijgewerkt_op = models.DateTimeField(_("bijgewerkt op"), auto_now=True)
    item_bijgewerkt_op = models.DateTimeField(_("item bijgewerkt op bij het begin"))

    class Meta:
        verbose_name = _("werkversie")
        verbose_name_plural = _("werkversies")
        constraints = [
            models.UniqueConstraint(fields=["soort", "item_pk"], name="catalogue_werkversie_one_per_item"),
        ]
        permissions = [
            ("beheer_werkversies", _("Kan werkversies van anderen bewerken, publiceren en weggooien")),
        ]

    def __str__(self):
        return _("Werkversie van %(soort)s %(pk)s") % {"soort": self.get_soort_display(), "pk": self.item_pk}

    @property
    def item_model(self):
        return ITEM_MODELS_BY_KEY[self.soort]

    @property
    def item(self):
        """The published item this werkversie changes; None once the item is deleted."""
        return self.item_model._default_manager.filter(pk=self.item_pk).first()
