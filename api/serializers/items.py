"""The catalogue items: woonvormen, succesversnellers and praktijkvoorbeelden, as a list row and in full.

Contact points follow the rule for personal data (catalogue/personal_data.py) as a visitor sees them,
whoever asks: of a person the name and role, never the person's e-mail address or phone number.
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field, extend_schema_serializer
from rest_framework import serializers

from api.serializers.assessment import ItemBeoordelingSerializer, ScoreSummarySerializer
from api.serializers.common import ChoiceField, LinesField, LinkedSerializer, RefSerializer, Serializer
from assessment import scoring
from catalogue.models import Begeleiding, JaNeeOnbekend, Leeftijdsgroep, Link, OrganisatieRol
from catalogue.personal_data import contactpunten


@extend_schema_serializer(component_name="Initiatief")
class InitiatiefSerializer(Serializer):
    slug = serializers.CharField()
    naam = serializers.CharField()


@extend_schema_serializer(component_name="OrganisatieMetRol")
class OrganisatieRolSerializer(Serializer):
    organisatie = RefSerializer(view_name="api:organisatie-detail")
    rol = ChoiceField(OrganisatieRol.Rol)
    toelichting = serializers.CharField()


@extend_schema_serializer(component_name="Contactpunt")
class ContactpuntSerializer(Serializer):
    naam = serializers.CharField(help_text=_("De naam van een persoon; leeg voor een algemeen contactpunt."))
    organisatie = RefSerializer(view_name="api:organisatie-detail", allow_null=True)
    rol = serializers.CharField(help_text=_("Het contactpunt, bijvoorbeeld “aanmelding”."))
    email = serializers.CharField()
    telefoon = serializers.CharField()


@extend_schema_serializer(component_name="Link")
class LinkSerializer(Serializer):
    soort = ChoiceField(Link.Soort)
    url = serializers.URLField()
    titel = serializers.CharField()
    sprekerRol = serializers.CharField(source="spreker_rol", help_text=_("Bij een audiofragment."))


class ItemListSerializer(LinkedSerializer):
    """What a list row shows of every kind."""

    slug = serializers.CharField()
    naam = serializers.CharField()
    samenvatting = serializers.CharField()
    doelgroepen = RefSerializer(many=True, view_name="api:doelgroep-detail")
    plaatsen = RefSerializer(many=True, view_name="api:plaats-detail")
    bron = RefSerializer(view_name="api:bron-detail")
    bijgewerkt = serializers.DateTimeField(source="updated", help_text=_("Laatst bijgewerkt."))


class WoonkenmerkenListMixin(Serializer):
    contractvormen = RefSerializer(many=True, view_name="api:contractvorm-detail")
    leeftijdsgroep = ChoiceField(Leeftijdsgroep)
    begeleiding = ChoiceField(Begeleiding)
    wonenEerst = serializers.SerializerMethodField(
        method_name="get_wonen_eerst",
        help_text=_("De Wonen Eerst-score van de vastgestelde beoordeling; leeg zonder beoordeling."),
    )

    @extend_schema_field(ScoreSummarySerializer(allow_null=True))
    def get_wonen_eerst(self, item):
        summary = scoring.item_summary(item)
        return ScoreSummarySerializer(summary).data if summary else None


class ItemDetailMixin(Serializer):
    """Everything the recipe card shows of every kind."""

    beschrijving = serializers.CharField(help_text=_("Wat is het?"))
    werkzameElementen = LinesField(source="werkzame_elementen_lijst")
    aandachtselementen = LinesField(source="aandachtselementen_lijst")
    terInspiratie = serializers.CharField(source="ter_inspiratie")
    financieleContext = serializers.CharField(source="financiele_context")
    verhoudingWonenEerst = serializers.CharField(source="verhouding_wonen_eerst")
    doelgroepToelichting = serializers.CharField(source="doelgroep_toelichting")
    initiatief = InitiatiefSerializer(
        allow_null=True, help_text=_("Hetzelfde initiatief, ook beschreven in andere bronnen.")
    )
    bronVindplaats = serializers.CharField(source="bron_vindplaats")
    bronOpmerking = serializers.CharField(source="bron_opmerking")
    aangemaakt = serializers.DateTimeField(source="created")
    organisaties = OrganisatieRolSerializer(source="organisatierollen", many=True)
    contactpunten = serializers.SerializerMethodField(
        help_text=_(
            "Contactpunten: van een persoon naam en rol, nooit een eigen e-mailadres of telefoonnummer; "
            "van een organisatie het algemene e-mailadres en telefoonnummer."
        )
    )
    links = LinkSerializer(many=True)

    @extend_schema_field(ContactpuntSerializer(many=True))
    def get_contactpunten(self, item):
        public = contactpunten(item.contactpersonen.all())
        return ContactpuntSerializer(public, many=True, context=self.context).data


class WoonkenmerkenDetailMixin(Serializer):
    contractToelichting = serializers.CharField(source="contract_toelichting")
    woonsituaties = RefSerializer(many=True, view_name="api:woonsituatie-detail")
    woonzorgconcepten = RefSerializer(many=True, view_name="api:woonzorgconcept-detail")
    begeleidingToelichting = serializers.CharField(source="begeleiding_toelichting")
    benutLeegstand = ChoiceField(JaNeeOnbekend, source="benut_leegstand")
    aantalWoningen = serializers.IntegerField(
        source="aantal_woningen",
        allow_null=True,
        help_text=_(
            "Alle woningen of plekken van het project samen, voor alle bewoners; "
            "leeg als de bron het niet noemt."
        ),
    )
    aantalPlekkenDoelgroep = serializers.IntegerField(
        source="aantal_plekken_doelgroep",
        allow_null=True,
        help_text=_("De woningen of plekken voor de doelgroep; leeg als de bron het niet noemt."),
    )
    aantalToelichting = serializers.CharField(source="aantal_toelichting")
    bewonersmix = serializers.CharField()
    beoordeling = serializers.SerializerMethodField(
        help_text=_("De vastgestelde beoordeling met scores en toelichting; leeg zonder beoordeling.")
    )

    def current(self, item):
        return item.vastgestelde[0] if item.vastgestelde else None

    @extend_schema_field(ScoreSummarySerializer(allow_null=True))
    def get_wonen_eerst(self, item):
        beoordeling = self.current(item)
        if beoordeling is None:
            return None
        return ScoreSummarySerializer(scoring.summary_of_scores(beoordeling.scores.all())).data

    @extend_schema_field(ItemBeoordelingSerializer(allow_null=True))
    def get_beoordeling(self, item):
        beoordeling = self.current(item)
        return ItemBeoordelingSerializer(beoordeling, context=self.context).data if beoordeling else None


class WoonvormListSerializer(WoonkenmerkenListMixin, ItemListSerializer):
    view_name = "api:woonvorm-detail"

    class Meta:
        ref_name = "WoonvormInLijst"


class WoonvormSerializer(WoonkenmerkenDetailMixin, ItemDetailMixin, WoonvormListSerializer):
    class Meta:
        ref_name = "Woonvorm"


class SuccesversnellerListSerializer(ItemListSerializer):
    view_name = "api:succesversneller-detail"

    typen = RefSerializer(many=True, view_name="api:succesversneller-type-detail")

    class Meta:
        ref_name = "SuccesversnellerInLijst"


class SuccesversnellerSerializer(ItemDetailMixin, SuccesversnellerListSerializer):
    bijdragen = RefSerializer(many=True, view_name="api:bijdrage-detail")

    class Meta:
        ref_name = "Succesversneller"


class PraktijkvoorbeeldListSerializer(WoonkenmerkenListMixin, ItemListSerializer):
    view_name = "api:praktijkvoorbeeld-detail"

    startjaar = serializers.IntegerField(allow_null=True)

    class Meta:
        ref_name = "PraktijkvoorbeeldInLijst"


class PraktijkvoorbeeldSerializer(WoonkenmerkenDetailMixin, ItemDetailMixin, PraktijkvoorbeeldListSerializer):
    doel = serializers.CharField()
    gebouwtype = serializers.CharField(help_text=_("Gebouw en locatie."))
    beheer = serializers.CharField()
    samenwerking = serializers.CharField()
    wetEnRegelgeving = serializers.CharField(source="wet_en_regelgeving")
    resultaten = serializers.CharField(help_text=_("Cijfers zoals de bron ze geeft."))
    lessen = LinesField(source="lessen_lijst", help_text=_("Wat werkt."))
    belemmeringen = LinesField(source="belemmeringen_lijst")

    class Meta:
        ref_name = "Praktijkvoorbeeld"
