"""The six phases of 'Samen bouwen aan Wonen Eerst', with roles, tools and checklists."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from catalogue.models import Praktijkvoorbeeld, Succesversneller, Woonvorm
from catalogue.models.base import SlugManager, SlugModel, split_lines
from core.text import CleanTextModel


class Fase(SlugModel):
    class Niveau(models.TextChoices):
        LOKAAL = "lokaal", _("lokaal")
        REGIONAAL = "regionaal", _("regionaal")
        LOKAAL_EN_REGIONAAL = "lokaal_regionaal", _("lokaal en regionaal")

    nummer = models.PositiveSmallIntegerField(_("nummer"), unique=True)
    doel = models.TextField(_("doel"))
    niveau = models.CharField(_("niveau"), max_length=20, choices=Niveau)
    duur = models.CharField(_("duur"), max_length=200, blank=True)
    beschrijving = models.TextField(_("beschrijving"), blank=True)
    obstakels = models.TextField(_("waar loop je tegenaan?"), blank=True, help_text=_("Eén per regel."))
    stappen = models.TextField(_("stappen"), blank=True, help_text=_("Eén stap per regel."))
    kennis = models.TextField(_("kennis"), blank=True)

    history = HistoricalRecords()

    class Meta(SlugModel.Meta):
        verbose_name = _("fase")
        verbose_name_plural = _("fasen")
        ordering = ["nummer"]

    def __str__(self):
        return f"{self.nummer}. {self.naam}"

    def get_absolute_url(self):
        return reverse("routekaart:fase-detail", args=[self.slug])

    @property
    def obstakels_lijst(self):
        return split_lines(self.obstakels)

    @property
    def stappen_lijst(self):
        return split_lines(self.stappen)


class FaseRol(CleanTextModel):
    """What one kind of organisation does in a phase."""

    class Partij(models.TextChoices):
        GEMEENTE = "gemeente", _("gemeente")
        WONINGCORPORATIE = "woningcorporatie", _("woningcorporatie")
        ZORG_EN_WELZIJN = "zorg_welzijn", _("zorg- en welzijnsorganisaties")
        UITKERING_SCHULDHULP = (
            "uitkering_schuldhulp",
            _("uitkeringsorganisatie en schuldhulpverlening"),
        )
        POLITIE_VEILIGHEID = "politie_veiligheid", _("politie en veiligheid")
        ERVARINGSDESKUNDIGEN = "ervaringsdeskundigen", _("ervaringsdeskundigen")
        REGIO = "regio", _("regio")

    fase = models.ForeignKey(Fase, verbose_name=_("fase"), on_delete=models.CASCADE, related_name="rollen")
    partij = models.CharField(_("partij"), max_length=30, choices=Partij)
    taken = models.TextField(_("taken"), help_text=_("Eén taak per regel."))
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("rol in de fase")
        verbose_name_plural = _("rollen in de fase")
        ordering = ["volgorde", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["fase", "partij"], name="routekaart_faserol_one_per_partij")
        ]

    def __str__(self):
        return f"{self.fase}: {self.get_partij_display()}"

    @property
    def taken_lijst(self):
        return split_lines(self.taken)


class Hulpmiddel(CleanTextModel):
    """A tool, publication or example a phase refers to; linked to the catalogue where it holds it."""

    fase = models.ForeignKey(
        Fase,
        verbose_name=_("fase"),
        on_delete=models.CASCADE,
        related_name="hulpmiddelen",
    )
    titel = models.CharField(_("titel"), max_length=300)
    uitgever = models.CharField(_("uitgever"), max_length=300, blank=True)
    url = models.URLField(_("webadres"), max_length=500, blank=True)
    toelichting = models.TextField(_("toelichting"), blank=True)
    woonvorm = models.ForeignKey(
        Woonvorm,
        verbose_name=_("woonvorm"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="fase_verwijzingen",
    )
    succesversneller = models.ForeignKey(
        Succesversneller,
        verbose_name=_("succesversneller"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="fase_verwijzingen",
    )
    praktijkvoorbeeld = models.ForeignKey(
        Praktijkvoorbeeld,
        verbose_name=_("praktijkvoorbeeld"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="fase_verwijzingen",
    )
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("kennis of hulpmiddel")
        verbose_name_plural = _("kennis en hulpmiddelen")
        ordering = ["volgorde", "pk"]

    def __str__(self):
        return self.titel

    @property
    def item(self):
        return self.woonvorm or self.succesversneller or self.praktijkvoorbeeld

    def clean(self):
        if (
            sum(
                bool(x)
                for x in (
                    self.woonvorm_id,
                    self.succesversneller_id,
                    self.praktijkvoorbeeld_id,
                )
            )
            > 1
        ):
            raise ValidationError(_("Koppel een hulpmiddel aan hoogstens één catalogusitem."))


class ChecklistItem(CleanTextModel):
    fase = models.ForeignKey(
        Fase,
        verbose_name=_("fase"),
        on_delete=models.CASCADE,
        related_name="checklistitems",
    )
    slug = models.SlugField(_("code"), max_length=10, unique=True, help_text=_("Bijvoorbeeld f1-1."))
    tekst = models.TextField(_("tekst"))
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    objects = SlugManager()

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("checklistpunt")
        verbose_name_plural = _("checklistpunten")
        ordering = ["fase__nummer", "volgorde"]

    def __str__(self):
        return f"{self.code}: {self.tekst[:60]}"

    @property
    def code(self):
        return self.slug.upper()

    def natural_key(self):
        return (self.slug,)
