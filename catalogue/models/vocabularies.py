"""Reference vocabularies: the shared terms every catalogue item is described with."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from catalogue.models.base import JaNeeOnbekend, SlugModel, split_lines


def synoniemen_field():
    """Other words visitors search a term by. Kept as content, so editors can add one without a release;
    catalogue.search puts them in the search text of every item tagged with the term."""
    return models.TextField(
        _("synoniemen"),
        blank=True,
        help_text=_(
            "Andere woorden voor deze term, één per regel. Items met deze term worden er ook op gevonden."
        ),
    )


class Bron(SlugModel):
    """A published source document the catalogue takes its facts from."""

    naam = models.CharField(_("titel"), max_length=300)
    uitgever = models.CharField(_("uitgever"), max_length=300, blank=True)
    jaar = models.PositiveSmallIntegerField(_("jaar"), null=True, blank=True)
    beschrijving = models.TextField(_("beschrijving"), blank=True)
    url = models.URLField(_("webadres"), max_length=500, blank=True)

    history = HistoricalRecords()

    class Meta(SlugModel.Meta):
        verbose_name = _("bron")
        verbose_name_plural = _("bronnen")
        ordering = ["jaar", "naam"]

    def get_absolute_url(self):
        return reverse("website:bron-detail", args=[self.slug])


class Doelgroep(SlugModel):
    class Soort(models.TextChoices):
        HUISHOUDEN = "huishouden", _("huishouden")
        LEEFTIJD = "leeftijd", _("leeftijd")
        PROFIEL = "profiel", _("profiel")

    soort = models.CharField(_("soort"), max_length=20, choices=Soort)
    beschrijving = models.TextField(_("beschrijving"), blank=True)
    synoniemen = synoniemen_field()
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    history = HistoricalRecords()

    class Meta(SlugModel.Meta):
        verbose_name = _("doelgroep")
        verbose_name_plural = _("doelgroepen")
        ordering = ["soort", "volgorde", "naam"]

    def get_absolute_url(self):
        return reverse("website:doelgroep-detail", args=[self.slug])


class Contractvorm(SlugModel):
    """A way of contracting the housing, with the dimensions that tell contracts apart."""

    class Looptijd(models.TextChoices):
        TIJDELIJK = "tijdelijk", _("tijdelijk")
        ONBEPAALD = "onbepaald", _("onbepaalde tijd")
        WISSELEND = "wisselend", _("wisselend")
        ONBEKEND = "onbekend", _("onbekend")

    class Contracthouder(models.TextChoices):
        BEWONER = "bewoner", _("bewoner")
        ZORGAANBIEDER = "zorgaanbieder", _("zorgaanbieder")
        GEMEENTE = "gemeente", _("gemeente")
        PARTICULIERE_VERHUURDER = (
            "particuliere_verhuurder",
            _("particuliere verhuurder"),
        )
        NVT = "nvt", _("niet van toepassing")
        ONBEKEND = "onbekend", _("onbekend")

    definitie = models.TextField(_("definitie"), blank=True)
    synoniemen = synoniemen_field()
    juridische_basis = models.TextField(_("juridische basis"), blank=True)
    risicodrager = models.TextField(_("wie draagt het risico"), blank=True)
    voordelen = models.TextField(_("voordelen"), blank=True, help_text=_("Eén voordeel per regel."))
    nadelen = models.TextField(_("nadelen"), blank=True, help_text=_("Eén nadeel per regel."))
    looptijd = models.CharField(_("looptijd"), max_length=20, choices=Looptijd, default=Looptijd.ONBEKEND)
    contracthouder = models.CharField(
        _("contracthouder"),
        max_length=30,
        choices=Contracthouder,
        default=Contracthouder.ONBEKEND,
        help_text=_("Wie het huurcontract met de verhuurder heeft."),
    )
    zorgkoppeling = models.CharField(
        _("begeleiding is voorwaarde voor het wonen"),
        max_length=10,
        choices=JaNeeOnbekend,
        default=JaNeeOnbekend.ONBEKEND,
    )
    omzetting_eigen_naam = models.CharField(
        _("omzetting naar contract op eigen naam"),
        max_length=10,
        choices=JaNeeOnbekend,
        default=JaNeeOnbekend.ONBEKEND,
    )
    bron = models.ForeignKey(
        Bron,
        verbose_name=_("bron"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    bron_vindplaats = models.CharField(_("vindplaats in de bron"), max_length=200, blank=True)
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    history = HistoricalRecords()

    class Meta(SlugModel.Meta):
        verbose_name = _("contractvorm")
        verbose_name_plural = _("contractvormen")
        ordering = ["volgorde", "naam"]

    def get_absolute_url(self):
        return reverse("website:contractvorm-detail", args=[self.slug])

    @property
    def voordelen_lijst(self):
        return split_lines(self.voordelen)

    @property
    def nadelen_lijst(self):
        return split_lines(self.nadelen)


class Woonsituatie(SlugModel):
    beschrijving = models.TextField(_("beschrijving"), blank=True)
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    history = HistoricalRecords()

    class Meta(SlugModel.Meta):
        verbose_name = _("woonsituatie")
        verbose_name_plural = _("woonsituaties")
        ordering = ["volgorde", "naam"]

    def get_absolute_url(self):
        return reverse("website:woonsituatie-detail", args=[self.slug])


class Woonzorgconcept(SlugModel):
    """A type in the Amsterdam waaier of woonzorgconcepten, with its place on the three dimensions."""

    class Begeleiding(models.TextChoices):
        OP_AFSPRAAK = "op_afspraak", _("op afspraak")
        NABIJ = "nabij", _("dichtbij, op vaste momenten")
        HELE_DAG = "24_uur", _("24 uur beschikbaar")
        VARIEERT = "varieert", _("varieert")
        ONBEKEND = "onbekend", _("niet aangegeven")

    class Woonduur(models.TextChoices):
        KORTER = "korter", _("korter durend")
        LANGER = "langer", _("langer durend")
        VARIEERT = "varieert", _("varieert")
        ONBEKEND = "onbekend", _("niet aangegeven")

    class Samenleven(models.TextChoices):
        INDIVIDUEEL = "individueel", _("meer individueel")
        COLLECTIEF = "collectief", _("meer collectief")
        VARIEERT = "varieert", _("varieert")
        ONBEKEND = "onbekend", _("niet aangegeven")

    definitie = models.TextField(_("definitie"), blank=True)
    synoniemen = synoniemen_field()
    dimensie_begeleiding = models.CharField(
        _("mate en nabijheid van begeleiding"),
        max_length=20,
        choices=Begeleiding,
        default=Begeleiding.ONBEKEND,
    )
    dimensie_woonduur = models.CharField(
        _("woonduur"), max_length=20, choices=Woonduur, default=Woonduur.ONBEKEND
    )
    dimensie_samenleven = models.CharField(
        _("individueel of collectief"),
        max_length=20,
        choices=Samenleven,
        default=Samenleven.ONBEKEND,
    )
    dimensies_toelichting = models.TextField(
        _("toelichting op de dimensies"),
        blank=True,
        help_text=_("Waar de bron de plaats op de dimensies onderbouwt."),
    )
    lessen = models.TextField(_("lessen en aanbevelingen"), blank=True, help_text=_("Eén les per regel."))
    bron = models.ForeignKey(
        Bron,
        verbose_name=_("bron"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    bron_vindplaats = models.CharField(_("vindplaats in de bron"), max_length=200, blank=True)
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    history = HistoricalRecords()

    class Meta(SlugModel.Meta):
        verbose_name = _("woonzorgconcept")
        verbose_name_plural = _("woonzorgconcepten")
        ordering = ["volgorde", "naam"]

    def get_absolute_url(self):
        return reverse("website:woonzorgconcept-detail", args=[self.slug])

    @property
    def lessen_lijst(self):
        return split_lines(self.lessen)


class Plaats(SlugModel):
    """A gemeente, with its provincie, so items can be found by place and region."""

    class Provincie(models.TextChoices):
        DRENTHE = "drenthe", "Drenthe"
        FLEVOLAND = "flevoland", "Flevoland"
        FRIESLAND = "friesland", "Fryslân"
        GELDERLAND = "gelderland", "Gelderland"
        GRONINGEN = "groningen", "Groningen"
        LIMBURG = "limburg", "Limburg"
        NOORD_BRABANT = "noord-brabant", "Noord-Brabant"
        NOORD_HOLLAND = "noord-holland", "Noord-Holland"
        OVERIJSSEL = "overijssel", "Overijssel"
        UTRECHT = "utrecht", "Utrecht"
        ZEELAND = "zeeland", "Zeeland"
        ZUID_HOLLAND = "zuid-holland", "Zuid-Holland"
        BUITENLAND = "buitenland", _("buiten Nederland")

    provincie = models.CharField(_("provincie"), max_length=20, choices=Provincie)

    history = HistoricalRecords()

    class Meta(SlugModel.Meta):
        verbose_name = _("plaats")
        verbose_name_plural = _("plaatsen")

    def get_absolute_url(self):
        return reverse("website:plaats-detail", args=[self.slug])


class Organisatie(SlugModel):
    class Soort(models.TextChoices):
        GEMEENTE = "gemeente", _("gemeente")
        WONINGCORPORATIE = "woningcorporatie", _("woningcorporatie")
        ZORGAANBIEDER = "zorgaanbieder", _("zorgaanbieder")
        WELZIJNSORGANISATIE = "welzijnsorganisatie", _("welzijnsorganisatie")
        KENNISINSTELLING = "kennisinstelling", _("kennisinstelling")
        FONDS = "fonds", _("fonds")
        OVERHEID = "overheid", _("rijksoverheid of provincie")
        BELANGENORGANISATIE = (
            "belangenorganisatie",
            _("belangen- of brancheorganisatie"),
        )
        OVERIG = "overig", _("overig")

    soort = models.CharField(_("soort"), max_length=30, choices=Soort, default=Soort.OVERIG)
    website = models.URLField(_("website"), max_length=500, blank=True)
    plaats = models.ForeignKey(
        Plaats,
        verbose_name=_("vestigingsplaats"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisaties",
    )

    history = HistoricalRecords()

    class Meta(SlugModel.Meta):
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")

    def get_absolute_url(self):
        return reverse("website:organisatie-detail", args=[self.slug])


class Initiatief(SlugModel):
    """One initiative that appears in several source documents (e.g. Tijdelijk Onder Dak).

    Items that share an initiatief are linked to each other; their texts stay separate.
    """

    toelichting = models.TextField(_("toelichting"), blank=True)

    history = HistoricalRecords()

    class Meta(SlugModel.Meta):
        verbose_name = _("initiatief")
        verbose_name_plural = _("initiatieven")


class SuccesversnellerType(SlugModel):
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    history = HistoricalRecords()

    class Meta(SlugModel.Meta):
        verbose_name = _("type succesversneller")
        verbose_name_plural = _("typen succesversneller")
        ordering = ["volgorde", "naam"]


class Bijdrage(SlugModel):
    """A contribution to Wonen Eerst, from the succesversnellers legenda."""

    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    history = HistoricalRecords()

    class Meta(SlugModel.Meta):
        verbose_name = _("bijdrage aan Wonen Eerst")
        verbose_name_plural = _("bijdragen aan Wonen Eerst")
        ordering = ["volgorde", "naam"]
