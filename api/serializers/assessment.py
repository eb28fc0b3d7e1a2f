"""The toetsingskader and the vastgestelde beoordelingen: principles, toetspunten, scores with their reasons,
and the figures of assessment/scoring.py (ScoreSummary), never computed here."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field, extend_schema_serializer
from rest_framework import serializers

from api.links import detail_url
from api.serializers.common import (
    ChoiceField,
    ItemRefSerializer,
    LinesField,
    LinkedSerializer,
    RefSerializer,
    Serializer,
)
from assessment import scoring
from assessment.models import BeoordelaarSoort, Beoordeling, Score, Toetspunt


@extend_schema_serializer(component_name="Niveau")
class LevelSerializer(Serializer):
    code = serializers.CharField()
    naam = serializers.CharField()


def level(value):
    return {"code": value.value, "naam": str(value.label)}


@extend_schema_serializer(component_name="WonenEerstScore")
class ScoreSummarySerializer(Serializer):
    """The figures of one beoordeling (assessment/scoring.py ScoreSummary) and their wording. The additional
    figures are null in a list, which carries only the core figures."""

    percentage = serializers.IntegerField(
        allow_null=True,
        help_text=_(
            "Punten op de kernpunten als percentage van het maximum, heel getal, helften naar boven."
        ),
    )
    punten = serializers.IntegerField(help_text=_("Punten op de kernpunten (voldoet 2, deels 1, niet 0)."))
    maximum = serializers.IntegerField(help_text=_("Het maximum van de gescoorde kernpunten."))
    gescoord = serializers.IntegerField(help_text=_("Kernpunten met voldoet, deels of niet."))
    bekend = serializers.IntegerField(
        help_text=_("Kernpunten die gescoord of niet van toepassing zijn (van 7).")
    )
    niveau = serializers.SerializerMethodField()
    voorlopig = serializers.BooleanField(
        help_text=_("Of het niveau nog kan stijgen als de onbekende kernpunten bekend worden.")
    )
    niveauTekst = serializers.CharField(
        source="niveau_tekst", help_text=_("Het niveau in woorden, met “voorlopig: ” waar dat geldt.")
    )
    nietVanToepassing = serializers.IntegerField(
        source="niet_van_toepassing", help_text=_("Kernpunten die niet van toepassing zijn.")
    )
    onbekend = serializers.IntegerField(help_text=_("Kernpunten die onbekend zijn (of zonder score)."))
    ontbreekt = serializers.CharField(
        help_text=_("Bijvoorbeeld “T4 en T5 onbekend”; leeg als alles bekend is.")
    )
    kernpuntenBekend = serializers.CharField(
        source="kernpunten_bekend", help_text=_("Bijvoorbeeld “5 van 7”.")
    )
    dekking = serializers.CharField(help_text=_("Bijvoorbeeld “4 van 7 kernpunten gescoord, 2 onbekend”."))
    tekst = serializers.CharField(help_text=_("Niveau, percentage en dekking in één zin, zoals de lijsten."))
    aanvullendPercentage = serializers.IntegerField(source="aanvullend_percentage", allow_null=True)
    aanvullendPunten = serializers.IntegerField(source="aanvullend_punten", allow_null=True)
    aanvullendMaximum = serializers.IntegerField(source="aanvullend_maximum", allow_null=True)
    aanvullendBekend = serializers.IntegerField(
        source="aanvullend_bekend",
        allow_null=True,
        help_text=_("Aanvullende punten die bekend zijn (van 3)."),
    )

    @extend_schema_field(LevelSerializer)
    def get_niveau(self, summary):
        return level(summary.niveau)


@extend_schema_serializer(component_name="ToetspuntVerwijzing")
class ToetspuntRefSerializer(Serializer):
    code = serializers.CharField(help_text=_("T1–T7 of A1–A3."))
    naam = serializers.SerializerMethodField(help_text=_("De korte naam van het toetspunt."))
    url = serializers.SerializerMethodField()

    def get_naam(self, toetspunt) -> str:
        return toetspunt.korte_naam or toetspunt.naam

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, toetspunt):
        return detail_url(self.context, "api:toetspunt-detail", toetspunt.slug)


@extend_schema_serializer(component_name="Score")
class ScoreSerializer(Serializer):
    toetspunt = ToetspuntRefSerializer()
    waarde = ChoiceField(Score.Waarde, help_text=_("voldoet, deels, niet, onbekend of nvt, met de woorden."))
    symbool = serializers.SerializerMethodField(help_text=_("Het teken dat de matrix toont."))
    punten = serializers.SerializerMethodField(help_text=_("2, 1 of 0; leeg bij onbekend en nvt."))
    toelichting = serializers.CharField(help_text=_("Het bewijs uit de bron."))
    vindplaats = serializers.CharField(
        help_text=_("Waar in de bron het bewijs staat (leeg als de bron dat niet geeft).")
    )

    def get_symbool(self, score) -> str:
        return scoring.SYMBOLS.get(score.waarde, "")

    @extend_schema_field({"type": "integer", "nullable": True})
    def get_punten(self, score):
        return scoring.POINTS.get(score.waarde)


class BeoordelingSerializer(LinkedSerializer):
    """A vastgestelde beoordeling with its scores and figures. Fields are read explicitly, so fields the
    beoordeling gains later can be added here one by one."""

    view_name = "api:beoordeling-detail"

    slug = serializers.CharField()
    item = serializers.SerializerMethodField(help_text=_("De beoordeelde woonvorm of het praktijkvoorbeeld."))
    status = ChoiceField(Beoordeling.Status, help_text=_("Altijd vastgesteld: de API toont geen andere."))
    datum = serializers.DateField(help_text=_("De datum waarop de beoordeling is vastgesteld."))
    beoordelaarSoort = ChoiceField(
        BeoordelaarSoort,
        source="beoordelaar_soort",
        help_text=_("redactie, beoordelaars (twee, onafhankelijk) of extern, met de woorden."),
    )
    beoordelaar = serializers.CharField(help_text=_("Wie de scores gaf, in woorden."))
    bronnen = RefSerializer(
        view_name="api:bron-detail", many=True, help_text=_("De bronnen waarop de scores rusten.")
    )
    werkwijze = serializers.CharField(help_text=_("Hoe de scores tot stand kwamen."))
    samenvatting = serializers.CharField()
    ontwikkelpunten = LinesField(source="ontwikkelpunten_lijst", help_text=_("Wat nog nodig is."))
    wonenEerst = serializers.SerializerMethodField(method_name="get_wonen_eerst")
    scores = serializers.SerializerMethodField()

    class Meta:
        ref_name = "Beoordeling"

    @extend_schema_field(ItemRefSerializer)
    def get_item(self, beoordeling):
        return ItemRefSerializer(beoordeling.item, context=self.context).data

    @extend_schema_field(OpenApiTypes.URI)
    def get_webpagina(self, beoordeling):
        return super().get_webpagina(beoordeling.item) + "#toetsing"

    @extend_schema_field(ScoreSummarySerializer)
    def get_wonen_eerst(self, beoordeling):
        return ScoreSummarySerializer(scoring.summary_of_scores(beoordeling.scores.all())).data

    @extend_schema_field(ScoreSerializer(many=True))
    def get_scores(self, beoordeling):
        return ScoreSerializer(beoordeling.scores.all(), many=True, context=self.context).data


class ItemBeoordelingSerializer(BeoordelingSerializer):
    """The beoordeling inside its item: the item itself is not repeated."""

    item = None

    class Meta:
        ref_name = "ItemBeoordeling"


class PrincipeSerializer(LinkedSerializer):
    view_name = "api:leidend-principe-detail"

    slug = serializers.CharField()
    nummer = serializers.IntegerField()
    naam = serializers.CharField()
    toelichting = serializers.CharField()
    toetspunten = serializers.SerializerMethodField()

    class Meta:
        ref_name = "LeidendPrincipe"

    @extend_schema_field(ToetspuntRefSerializer(many=True))
    def get_toetspunten(self, principe):
        return ToetspuntRefSerializer(principe.toetspunten.all(), many=True, context=self.context).data


@extend_schema_serializer(component_name="PrincipeVerwijzing")
class PrincipeRefSerializer(Serializer):
    nummer = serializers.IntegerField()
    naam = serializers.CharField()
    url = serializers.SerializerMethodField()

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, principe):
        return detail_url(self.context, "api:leidend-principe-detail", principe.slug)


class ToetspuntSerializer(LinkedSerializer):
    view_name = "api:toetspunt-detail"

    slug = serializers.CharField()
    code = serializers.CharField(help_text=_("T1–T7 (kernpunten) of A1–A3 (aanvullende punten)."))
    soort = ChoiceField(Toetspunt.Soort)
    naam = serializers.CharField(help_text=_("De tekst van het toetspunt, zoals in het receptenboek."))
    korteNaam = serializers.CharField(source="korte_naam")
    toelichting = serializers.CharField()
    principes = PrincipeRefSerializer(many=True)

    class Meta:
        ref_name = "Toetspunt"


@extend_schema_serializer(component_name="Punten")
class PointsSerializer(Serializer):
    waarde = ChoiceField(Score.Waarde)
    punten = serializers.IntegerField(allow_null=True, help_text=_("Leeg: telt niet mee in het maximum."))


@extend_schema_serializer(component_name="NiveauDrempel")
class ThresholdSerializer(Serializer):
    code = serializers.CharField()
    naam = serializers.CharField()
    vanafPercentage = serializers.IntegerField(
        allow_null=True,
        help_text=_("Het niveau geldt vanaf dit exacte percentage; leeg voor te weinig gescoord."),
    )


class ToetsingskaderSerializer(Serializer):
    """The whole toetsingskader and how a score is computed (assessment/scoring.py)."""

    principes = PrincipeSerializer(many=True)
    toetspunten = ToetspuntSerializer(many=True)
    punten = PointsSerializer(many=True, help_text=_("Punten per score."))
    niveaus = ThresholdSerializer(many=True, help_text=_("De niveaus, van hoog naar laag."))
    kernpunten = serializers.IntegerField(help_text=_("Het aantal kernpunten (T1–T7)."))
    minimaalGescoord = serializers.IntegerField(
        help_text=_("Zo veel kernpunten moeten gescoord zijn voor een niveau; anders “te weinig gescoord”.")
    )
    webpagina = serializers.URLField(help_text=_("De uitleg op de site."))

    class Meta:
        ref_name = "Toetsingskader"


def toetsingskader(principes, toetspunten, webpagina):
    """The data of ToetsingskaderSerializer, from the rules in assessment/scoring.py."""
    thresholds = dict(scoring.LEVEL_THRESHOLDS)
    return {
        "principes": principes,
        "toetspunten": toetspunten,
        "punten": [{"waarde": waarde, "punten": scoring.POINTS.get(waarde)} for waarde in Score.Waarde],
        "niveaus": [
            {"code": level.value, "naam": str(level.label), "vanafPercentage": thresholds.get(level)}
            for level in scoring.Niveau
        ],
        "kernpunten": scoring.CORE_COUNT,
        "minimaalGescoord": scoring.MIN_SCORED,
        "webpagina": webpagina,
    }
