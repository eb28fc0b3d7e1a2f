"""The Wonen Eerst toetsingskader: principles, criteria, and assessments of catalogue items."""

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from catalogue.models import Bron, Praktijkvoorbeeld, Woonvorm
from catalogue.models.base import SlugModel, exactly_one_of, split_lines
from core.text import CleanTextModel


class LeidendPrincipe(SlugModel):
    """One of the six leidende principes of the Nationaal Actieplan Dakloosheid (2022)."""

    nummer = models.PositiveSmallIntegerField(_("nummer"), unique=True)
    toelichting = models.TextField(_("toelichting"), blank=True)

    history = HistoricalRecords()

    class Meta(SlugModel.Meta):
        verbose_name = _("leidend principe")
        verbose_name_plural = _("leidende principes")
        ordering = ["nummer"]

    def __str__(self):
        return f"{self.nummer}. {self.naam}"

    def get_absolute_url(self):
        return reverse("website:toetsingskader") + f"#principe-{self.nummer}"


class Toetspunt(SlugModel):
    class Soort(models.TextChoices):
        KERN = "kern", _("kernpunt")
        AANVULLEND = "aanvullend", _("aanvullend punt")

    code = models.CharField(_("code"), max_length=5, unique=True, help_text=_("T1–T7 of A1–A3."))
    soort = models.CharField(_("soort"), max_length=20, choices=Soort)
    naam = models.TextField(
        _("toetspunt"),
        help_text=_("De tekst van het toetspunt, zoals in het receptenboek."),
    )
    korte_naam = models.CharField(_("korte naam"), max_length=100, blank=True)
    toelichting = models.TextField(_("wat betekent dit?"), blank=True)
    principes = models.ManyToManyField(
        LeidendPrincipe,
        verbose_name=_("leidende principes"),
        blank=True,
        related_name="toetspunten",
    )
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    history = HistoricalRecords(m2m_fields=["principes"])

    class Meta(SlugModel.Meta):
        verbose_name = _("toetspunt")
        verbose_name_plural = _("toetspunten")
        ordering = ["volgorde", "code"]

    def __str__(self):
        return f"{self.code}. {self.korte_naam or self.naam}"

    def get_absolute_url(self):
        return reverse("website:toetsingskader") + f"#toetspunt-{self.code}"


ONE_VASTGESTELD_CONSTRAINTS = {
    "assessment_beoordeling_one_vastgesteld_per_woonvorm",
    "assessment_beoordeling_one_vastgesteld_per_praktijkvoorbeeld",
}


class BeoordelingQuerySet(models.QuerySet):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)

    def vastgesteld(self):
        return self.filter(status=Beoordeling.Status.VASTGESTELD)


class BeoordelaarSoort(models.TextChoices):
    REDACTIE = "redactie", _("de redactie van de receptenbank")
    BEOORDELAARS = "beoordelaars", _("twee beoordelaars van de receptenbank")
    EXTERN = "extern", _("een externe partij")


class Beoordeling(CleanTextModel):
    """One version of the assessment of one woonvorm or praktijkvoorbeeld against the toetsingskader.

    A new version is a concept that two beoordelaars score independently (Scoring); they agree per
    toetspunt (the Score rows, the consensus), and only then can it be vastgesteld. A vastgestelde version is
    never changed in place: a change is a new version (services.py).
    """

    class Status(models.TextChoices):
        CONCEPT = "concept", _("concept")
        VASTGESTELD = "vastgesteld", _("vastgesteld")
        VERVALLEN = "vervallen", _("vervallen")

    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    woonvorm = models.ForeignKey(
        Woonvorm,
        verbose_name=_("woonvorm"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="beoordelingen",
    )
    praktijkvoorbeeld = models.ForeignKey(
        Praktijkvoorbeeld,
        verbose_name=_("praktijkvoorbeeld"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="beoordelingen",
    )
    datum = models.DateField(_("datum"))
    beoordelaar_soort = models.CharField(
        _("soort beoordelaar"),
        max_length=20,
        choices=BeoordelaarSoort,
        default=BeoordelaarSoort.BEOORDELAARS,
    )
    beoordelaar = models.CharField(
        _("beoordeeld door"),
        max_length=200,
        help_text=_("Wie de scores gaf: de redactie, de namen van de beoordelaars of de externe partij."),
    )
    bronnen = models.ManyToManyField(
        Bron,
        verbose_name=_("bronnen"),
        blank=True,
        related_name="beoordelingen",
        help_text=_("De bronnen waarop de scores rusten."),
    )
    werkwijze = models.TextField(
        _("werkwijze"),
        blank=True,
        help_text=_(
            "Hoe de scores tot stand kwamen, bijvoorbeeld: afgeleid uit de tekst van het receptenboek."
        ),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.CONCEPT)
    vorige = models.ForeignKey(
        "self",
        verbose_name=_("vorige versie"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="volgende",
        help_text=_("De vastgestelde beoordeling die deze versie vervangt."),
    )
    vastgesteld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vastgesteld door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    vastgesteld_op = models.DateTimeField(_("vastgesteld op"), null=True, blank=True)
    samenvatting = models.TextField(_("samenvatting"), blank=True)
    ontwikkelpunten = models.TextField(
        _("ontwikkelpunten"),
        blank=True,
        help_text=_("Wat nodig is om volledig aan Wonen Eerst te voldoen. Eén punt per regel."),
    )
    created = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    updated = models.DateTimeField(_("laatst bijgewerkt"), auto_now=True)

    objects = models.Manager.from_queryset(BeoordelingQuerySet)()

    history = HistoricalRecords(m2m_fields=["bronnen"])

    class Meta:
        verbose_name = _("beoordeling")
        verbose_name_plural = _("beoordelingen")
        ordering = ["-datum", "-pk"]
        constraints = [
            exactly_one_of("assessment_beoordeling_one_target", ("woonvorm", "praktijkvoorbeeld")),
            models.UniqueConstraint(
                fields=["woonvorm"],
                condition=models.Q(status="vastgesteld"),
                name="assessment_beoordeling_one_vastgesteld_per_woonvorm",
            ),
            models.UniqueConstraint(
                fields=["praktijkvoorbeeld"],
                condition=models.Q(status="vastgesteld"),
                name="assessment_beoordeling_one_vastgesteld_per_praktijkvoorbeeld",
            ),
        ]

    def __str__(self):
        datum = f"{self.datum:%d-%m-%Y}, " if self.datum else ""
        return f"{self.item or self.slug} ({datum}{self.get_status_display()})"

    def natural_key(self):
        return (self.slug,)

    @property
    def item(self):
        return self.woonvorm or self.praktijkvoorbeeld

    @property
    def ontwikkelpunten_lijst(self):
        return split_lines(self.ontwikkelpunten)

    def clean(self):
        if bool(self.woonvorm_id) == bool(self.praktijkvoorbeeld_id):
            raise ValidationError(_("Kies precies één woonvorm of één praktijkvoorbeeld."))

    def validate_constraints(self, exclude=None):
        # Making a beoordeling vastgesteld retires the item's previous one in the same transaction
        # (services.retire_previous_vastgesteld), so forms do not refuse it; the database still enforces
        # at most one vastgestelde beoordeling per item.
        constraints = [c for c in self._meta.constraints if c.name not in ONE_VASTGESTELD_CONSTRAINTS]
        errors = {}
        for constraint in constraints:
            try:
                constraint.validate(self.__class__, self, exclude=exclude)
            except ValidationError as error:
                errors.setdefault(NON_FIELD_ERRORS, []).extend(error.error_list)
        if errors:
            raise ValidationError(errors)


def lacks_reason(score):
    """A score other than onbekend needs its reason from the source (a Score or a ScoringScore)."""
    return score.waarde != Score.Waarde.ONBEKEND and not score.toelichting.strip()


def require_reason(score):
    if lacks_reason(score):
        raise ValidationError({"toelichting": _("Geef een toelichting bij deze score.")})


class ScoreManager(models.Manager):
    def get_by_natural_key(self, beoordeling_slug, toetspunt_slug):
        return self.get(beoordeling__slug=beoordeling_slug, toetspunt__slug=toetspunt_slug)


class Score(CleanTextModel):
    class Waarde(models.TextChoices):
        VOLDOET = "voldoet", _("voldoet")
        DEELS = "deels", _("voldoet deels")
        VOLDOET_NIET = "niet", _("voldoet niet")
        ONBEKEND = "onbekend", _("onbekend")
        NVT = "nvt", _("niet van toepassing")

    beoordeling = models.ForeignKey(
        Beoordeling,
        verbose_name=_("beoordeling"),
        on_delete=models.CASCADE,
        related_name="scores",
    )
    toetspunt = models.ForeignKey(
        Toetspunt,
        verbose_name=_("toetspunt"),
        on_delete=models.PROTECT,
        related_name="scores",
    )
    waarde = models.CharField(_("score"), max_length=10, choices=Waarde, default=Waarde.ONBEKEND)
    toelichting = models.TextField(
        _("toelichting"),
        blank=True,
        help_text=_("Het bewijs uit de bron. Verplicht, behalve bij onbekend."),
    )
    vindplaats = models.CharField(
        _("vindplaats"),
        max_length=200,
        blank=True,
        help_text=_("Waar in de bron het bewijs staat: pagina of passage, waar de bron die geeft."),
    )

    objects = ScoreManager()

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        ordering = ["toetspunt__volgorde"]
        constraints = [
            models.UniqueConstraint(
                fields=["beoordeling", "toetspunt"],
                name="assessment_score_one_per_toetspunt",
            ),
        ]

    def __str__(self):
        return f"{self.toetspunt.code}: {self.get_waarde_display()}"

    def natural_key(self):
        return (self.beoordeling.slug, self.toetspunt.slug)

    natural_key.dependencies = ["assessment.beoordeling", "assessment.toetspunt"]

    def clean(self):
        require_reason(self)


class Scoring(CleanTextModel):
    """One beoordelaar's independent scores for a new version of a beoordeling. Until both beoordelaars
    have submitted theirs, each sees only their own."""

    beoordeling = models.ForeignKey(
        Beoordeling, verbose_name=_("beoordeling"), on_delete=models.CASCADE, related_name="scorings"
    )
    beoordelaar = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("beoordelaar"), on_delete=models.PROTECT, related_name="+"
    )
    ingediend_op = models.DateTimeField(_("ingediend op"), null=True, blank=True)
    created = models.DateTimeField(_("aangemaakt"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("onafhankelijke scoring")
        verbose_name_plural = _("onafhankelijke scorings")
        ordering = ["beoordeling", "created"]
        constraints = [
            models.UniqueConstraint(
                fields=["beoordeling", "beoordelaar"], name="assessment_scoring_one_per_beoordelaar"
            ),
        ]

    def __str__(self):
        return _("Scoring van %(wie)s voor %(item)s") % {
            "wie": self.beoordelaar,
            "item": self.beoordeling.item,
        }

    @property
    def ingediend(self):
        return self.ingediend_op is not None


class ScoringScore(CleanTextModel):
    """One toetspunt in one beoordelaar's independent scoring."""

    scoring = models.ForeignKey(
        Scoring, verbose_name=_("scoring"), on_delete=models.CASCADE, related_name="scores"
    )
    toetspunt = models.ForeignKey(
        Toetspunt, verbose_name=_("toetspunt"), on_delete=models.PROTECT, related_name="+"
    )
    waarde = models.CharField(_("score"), max_length=10, choices=Score.Waarde, default=Score.Waarde.ONBEKEND)
    toelichting = models.TextField(
        _("toelichting"), blank=True, help_text=_("Verplicht, behalve bij onbekend.")
    )
    vindplaats = models.CharField(_("vindplaats"), max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("score in een scoring")
        verbose_name_plural = _("scores in een scoring")
        ordering = ["toetspunt__volgorde"]
        constraints = [
            models.UniqueConstraint(
                fields=["scoring", "toetspunt"], name="assessment_scoringscore_one_per_toetspunt"
            ),
        ]

    def __str__(self):
        return f"{self.toetspunt.code}: {self.get_waarde_display()}"

    def clean(self):
        require_reason(self)
