"""Rows owned by one catalogue item: its organisations with their role, contact points and links."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from catalogue.models.base import exactly_one_of
from catalogue.models.items import ITEM_MODELS
from catalogue.models.vocabularies import Organisatie
from core.text import CleanTextModel

ITEM_FIELDS = tuple(model._meta.model_name for model in ITEM_MODELS)


def item_foreign_keys(related_name):
    """The three optional owners of a child row; a constraint makes sure exactly one is set."""
    return tuple(
        models.ForeignKey(
            model,
            verbose_name=model._meta.verbose_name,
            on_delete=models.CASCADE,
            null=True,
            blank=True,
            related_name=related_name,
        )
        for model in ITEM_MODELS
    )


class ItemChild(CleanTextModel):
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        abstract = True
        ordering = ["volgorde", "pk"]

    @property
    def item(self):
        return self.woonvorm or self.succesversneller or self.praktijkvoorbeeld


class OrganisatieRol(ItemChild):
    class Rol(models.TextChoices):
        INITIATIEFNEMER = "initiatiefnemer", _("initiatiefnemer")
        UITVOERDER = "uitvoerder", _("uitvoerder")
        VERHUURDER = "verhuurder", _("verhuurder of eigenaar")
        BEGELEIDING = "begeleiding", _("begeleiding")
        FINANCIER = "financier", _("financier")
        PARTNER = "partner", _("samenwerkingspartner")
        ONDERZOEK = "onderzoek", _("onderzoek of evaluatie")
        CONTACT = "contact", _("contact")

    woonvorm, succesversneller, praktijkvoorbeeld = item_foreign_keys("organisatierollen")
    organisatie = models.ForeignKey(
        Organisatie,
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        related_name="rollen",
    )
    rol = models.CharField(_("rol"), max_length=20, choices=Rol)
    toelichting = models.CharField(_("toelichting"), max_length=300, blank=True)

    history = HistoricalRecords()

    class Meta(ItemChild.Meta):
        verbose_name = _("organisatie met rol")
        verbose_name_plural = _("organisaties met rol")
        constraints = [exactly_one_of("catalogue_organisatierol_one_item", ITEM_FIELDS)]

    def __str__(self):
        return f"{self.organisatie} ({self.get_rol_display()})"


class Contactpersoon(ItemChild):
    """A published contact point: a person's (personal data) or an organisation's general one.

    What a visitor sees of it is decided in one place, catalogue/personal_data.py.
    """

    woonvorm, succesversneller, praktijkvoorbeeld = item_foreign_keys("contactpersonen")
    naam = models.CharField(
        _("naam"),
        max_length=200,
        blank=True,
        help_text=_("Leeg voor een algemeen contactpunt."),
    )
    organisatie = models.ForeignKey(
        Organisatie,
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contactpersonen",
    )
    rol = models.CharField(_("functie of rol"), max_length=200, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    telefoon = models.CharField(_("telefoon"), max_length=50, blank=True)
    persoonlijk = models.BooleanField(
        _("persoonlijk contactpunt"),
        default=False,
        help_text=_(
            "Aanvinken als het e-mailadres of telefoonnummer van één persoon is, ook als de bron geen naam "
            "noemt (bijvoorbeeld voornaam@organisatie.nl of een 06-nummer). Bezoekers zien het dan niet."
        ),
    )

    history = HistoricalRecords()

    class Meta(ItemChild.Meta):
        verbose_name = _("contactpersoon")
        verbose_name_plural = _("contactpersonen")
        constraints = [exactly_one_of("catalogue_contactpersoon_one_item", ITEM_FIELDS)]

    def __str__(self):
        return self.naam or (str(self.organisatie) if self.organisatie_id else self.email or self.telefoon)

    @property
    def is_persoon(self):
        """A named person, or one person's address or number: personal data (catalogue/personal_data.py)."""
        return bool(self.naam) or self.persoonlijk


class Link(ItemChild):
    class Soort(models.TextChoices):
        WEBSITE = "website", _("website")
        VIDEO = "video", _("video")
        AUDIOFRAGMENT = "audiofragment", _("audiofragment")
        DOCUMENT = "document", _("document")

    woonvorm, succesversneller, praktijkvoorbeeld = item_foreign_keys("links")
    soort = models.CharField(_("soort"), max_length=20, choices=Soort, default=Soort.WEBSITE)
    url = models.URLField(_("webadres"), max_length=500)
    titel = models.CharField(_("titel"), max_length=300, blank=True)
    spreker_rol = models.CharField(
        _("rol van de spreker"),
        max_length=200,
        blank=True,
        help_text=_("Voor een audiofragment: bijvoorbeeld bewoner, begeleider, ervaringsdeskundige."),
    )
    spreker_naam = models.CharField(
        _("voornaam van de spreker"),
        max_length=100,
        blank=True,
        help_text=_("Zoals in de bron genoemd."),
    )

    history = HistoricalRecords()

    class Meta(ItemChild.Meta):
        verbose_name = _("link")
        verbose_name_plural = _("links")
        constraints = [
            exactly_one_of("catalogue_link_one_item", ITEM_FIELDS),
            models.CheckConstraint(
                condition=~models.Q(soort="audiofragment") | ~models.Q(spreker_rol=""),
                name="catalogue_link_audio_has_speaker_role",
            ),
        ]

    def __str__(self):
        return self.titel or self.url

    def clean(self):
        if self.soort == self.Soort.AUDIOFRAGMENT and not self.spreker_rol:
            raise ValidationError({"spreker_rol": _("Een audiofragment heeft de rol van de spreker nodig.")})
