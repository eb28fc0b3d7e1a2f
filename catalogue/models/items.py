"""The catalogue items: woonvormen, succesversnellers and praktijkvoorbeelden."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from catalogue.models.base import JaNeeOnbekend, SlugModel, SlugQuerySet, split_lines
from catalogue.models.vocabularies import (
    Bijdrage,
    Bron,
    Contractvorm,
    Doelgroep,
    Initiatief,
    Plaats,
    SuccesversnellerType,
    Woonsituatie,
    Woonzorgconcept,
)


class Status(models.TextChoices):
    CONCEPT = "concept", _("concept")
    GEPUBLICEERD = "gepubliceerd", _("gepubliceerd")
    GEARCHIVEERD = "gearchiveerd", _("gearchiveerd")


class ItemQuerySet(SlugQuerySet):
    def published(self):
        return self.filter(status=Status.GEPUBLICEERD)


ItemManager = models.Manager.from_queryset(ItemQuerySet)


class CatalogusItem(SlugModel):
    """Everything a recipe card shows, shared by every kind of catalogue item."""

    samenvatting = models.CharField(
        _("samenvatting"),
        max_length=300,
        blank=True,
        help_text=_("Eén zin voor lijsten en zoekresultaten."),
    )
    beschrijving = models.TextField(_("wat is het?"), blank=True)
    werkzame_elementen = models.TextField(
        _("werkzame elementen"), blank=True, help_text=_("Eén element per regel.")
    )
    aandachtselementen = models.TextField(
        _("aandachtselementen"), blank=True, help_text=_("Eén element per regel.")
    )
    ter_inspiratie = models.TextField(_("ter inspiratie"), blank=True)
    financiele_context = models.TextField(_("financiële context"), blank=True)
    verhouding_wonen_eerst = models.TextField(
        _("verhouding tot Wonen Eerst"),
        blank=True,
        help_text=_("Wat de bron zegt over hoe het zich verhoudt tot Wonen Eerst, in eigen woorden."),
    )
    doelgroepen = models.ManyToManyField(
        Doelgroep,
        verbose_name=_("doelgroepen"),
        blank=True,
        related_name="%(class)s_set",
    )
    doelgroep_toelichting = models.TextField(
        _("toelichting doelgroep"),
        blank=True,
        help_text=_("Zoals de bron de doelgroep omschrijft."),
    )
    plaatsen = models.ManyToManyField(
        Plaats, verbose_name=_("plaatsen"), blank=True, related_name="%(class)s_set"
    )
    initiatief = models.ForeignKey(
        Initiatief,
        verbose_name=_("zelfde initiatief als"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="%(class)s_set",
        help_text=_("Koppelt dit item aan hetzelfde initiatief in andere bronnen."),
    )
    bron = models.ForeignKey(
        Bron,
        verbose_name=_("bron"),
        on_delete=models.PROTECT,
        related_name="%(class)s_set",
    )
    bron_vindplaats = models.CharField(
        _("vindplaats in de bron"),
        max_length=200,
        blank=True,
        help_text=_("Pagina of hoofdstuk."),
    )
    bron_opmerking = models.TextField(
        _("opmerking over de bron"),
        blank=True,
        help_text=_("Bijvoorbeeld waar bronnen elkaar tegenspreken."),
    )
    zoektermen = models.TextField(
        _("zoektermen"),
        blank=True,
        editable=False,
        help_text=_("Namen en synoniemen van de termen van dit item; de zoekfunctie houdt dit zelf bij."),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.CONCEPT)
    created = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    updated = models.DateTimeField(_("laatst bijgewerkt"), auto_now=True)

    objects = ItemManager()

    class Meta(SlugModel.Meta):
        abstract = True
        # The search text of the lists and the search page is a stored column with its own index, which the
        # database keeps (catalogue.search.StoredSearchVector, migration 0009).

    @property
    def werkzame_elementen_lijst(self):
        return split_lines(self.werkzame_elementen)

    @property
    def aandachtselementen_lijst(self):
        return split_lines(self.aandachtselementen)

    @property
    def is_published(self):
        return self.status == Status.GEPUBLICEERD


# Derived from the item's terms (catalogue.search.refresh_terms), so not a change of the item in its history.
SEARCH_ONLY_FIELDS = ["zoektermen"]

# Many-to-many relations kept in the change history, so a revert restores them too.
ITEM_M2M_FIELDS = ["doelgroepen", "plaatsen"]
WOONKENMERKEN_M2M_FIELDS = ["contractvormen", "woonsituaties", "woonzorgconcepten"]


class Begeleiding(models.TextChoices):
    GEEN = "geen", _("Geen begeleiding")
    VRIJBLIJVEND = "vrijblijvend", _("Vrijblijvend")
    VERPLICHT = "verplicht", _("Verplicht")
    ONBEKEND = "onbekend", _("Onbekend")


class Leeftijdsgroep(models.TextChoices):
    VOLWASSENEN = "V", _("Volwassenen")
    JONGEREN = "J", _("Jongeren")
    BEIDE = "VJ", _("Volwassenen en jongeren")
    ONBEKEND = "onbekend", _("Onbekend")


class Woonkenmerken(models.Model):
    """How people live and are supported: shared by woonvormen and praktijkvoorbeelden."""

    contractvormen = models.ManyToManyField(
        Contractvorm,
        verbose_name=_("contractvormen"),
        blank=True,
        related_name="%(class)s_set",
    )
    contract_toelichting = models.TextField(
        _("toelichting contract"),
        blank=True,
        help_text=_("Looptijd, voorwaarden, omzetting."),
    )
    woonsituaties = models.ManyToManyField(
        Woonsituatie,
        verbose_name=_("woonsituaties"),
        blank=True,
        related_name="%(class)s_set",
    )
    woonzorgconcepten = models.ManyToManyField(
        Woonzorgconcept,
        verbose_name=_("woonzorgconcepten"),
        blank=True,
        related_name="%(class)s_set",
    )
    begeleiding = models.CharField(
        _("begeleiding"),
        max_length=20,
        choices=Begeleiding,
        default=Begeleiding.ONBEKEND,
    )
    begeleiding_toelichting = models.TextField(
        _("toelichting begeleiding"),
        blank=True,
        help_text=_("Intensiteit, duur en wie begeleidt."),
    )
    leeftijdsgroep = models.CharField(
        _("leeftijdsgroep"),
        max_length=10,
        choices=Leeftijdsgroep,
        default=Leeftijdsgroep.ONBEKEND,
    )
    benut_leegstand = models.CharField(
        _("benut leegstand"),
        max_length=10,
        choices=JaNeeOnbekend,
        default=JaNeeOnbekend.ONBEKEND,
    )
    aantal_woningen = models.PositiveIntegerField(
        _("aantal woningen"),
        null=True,
        blank=True,
        help_text=_(
            "Alle woningen, studio's of plekken van het project samen, voor alle bewoners. "
            "Leeg laten als de bron het niet noemt."
        ),
    )
    aantal_plekken_doelgroep = models.PositiveIntegerField(
        _("plekken voor de doelgroep"),
        null=True,
        blank=True,
        help_text=_(
            "De woningen of plekken voor de doelgroep, bijvoorbeeld 20 van de 53 woningen. "
            "Leeg laten als de bron het niet noemt."
        ),
    )
    aantal_toelichting = models.CharField(
        _("toelichting aantal"),
        max_length=300,
        blank=True,
        help_text=_("Bijvoorbeeld '140 jongeren' of '36 woningen in twee gebouwen'."),
    )
    bewonersmix = models.TextField(_("mix van bewoners"), blank=True)

    class Meta:
        abstract = True


class Woonvorm(Woonkenmerken, CatalogusItem):
    """A housing concept presented as a recipe in the receptenboek."""

    history = HistoricalRecords(
        m2m_fields=[*ITEM_M2M_FIELDS, *WOONKENMERKEN_M2M_FIELDS], excluded_fields=SEARCH_ONLY_FIELDS
    )

    class Meta(CatalogusItem.Meta):
        verbose_name = _("woonvorm")
        verbose_name_plural = _("woonvormen")

    def get_absolute_url(self):
        return reverse("website:woonvorm-detail", args=[self.slug])


class Succesversneller(CatalogusItem):
    """An initiative, programme, training, fund or agreement that speeds Wonen Eerst up."""

    typen = models.ManyToManyField(
        SuccesversnellerType,
        verbose_name=_("typen"),
        blank=True,
        related_name="succesversnellers",
    )
    bijdragen = models.ManyToManyField(
        Bijdrage,
        verbose_name=_("bijdragen aan Wonen Eerst"),
        blank=True,
        related_name="succesversnellers",
    )

    history = HistoricalRecords(
        m2m_fields=[*ITEM_M2M_FIELDS, "typen", "bijdragen"], excluded_fields=SEARCH_ONLY_FIELDS
    )

    class Meta(CatalogusItem.Meta):
        verbose_name = _("succesversneller")
        verbose_name_plural = _("succesversnellers")

    def get_absolute_url(self):
        return reverse("website:succesversneller-detail", args=[self.slug])


class Praktijkvoorbeeld(Woonkenmerken, CatalogusItem):
    """A concrete project or approach in a named place."""

    doel = models.TextField(_("doel"), blank=True)
    gebouwtype = models.TextField(_("gebouw en locatie"), blank=True)
    beheer = models.TextField(_("beheer"), blank=True)
    samenwerking = models.TextField(_("samenwerking"), blank=True)
    wet_en_regelgeving = models.TextField(_("wet- en regelgeving"), blank=True)
    resultaten = models.TextField(_("resultaten"), blank=True, help_text=_("Cijfers zoals de bron ze geeft."))
    lessen = models.TextField(_("wat werkt"), blank=True, help_text=_("Eén les per regel."))
    belemmeringen = models.TextField(_("belemmeringen"), blank=True, help_text=_("Eén per regel."))
    startjaar = models.PositiveSmallIntegerField(_("startjaar"), null=True, blank=True)

    history = HistoricalRecords(
        m2m_fields=[*ITEM_M2M_FIELDS, *WOONKENMERKEN_M2M_FIELDS], excluded_fields=SEARCH_ONLY_FIELDS
    )

    class Meta(CatalogusItem.Meta):
        verbose_name = _("praktijkvoorbeeld")
        verbose_name_plural = _("praktijkvoorbeelden")

    def get_absolute_url(self):
        return reverse("website:praktijkvoorbeeld-detail", args=[self.slug])

    @property
    def lessen_lijst(self):
        return split_lines(self.lessen)

    @property
    def belemmeringen_lijst(self):
        return split_lines(self.belemmeringen)


# The item models, for the models that point to an item; everything else reads catalogue/kinds.py.
ITEM_MODELS = (Woonvorm, Succesversneller, Praktijkvoorbeeld)
