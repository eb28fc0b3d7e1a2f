"""The vocabularies (doelgroepen, contractvormen, plaatsen, organisaties …), each term with how many
published items of every kind use it and the API list of those items."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field, extend_schema_serializer
from rest_framework import serializers

from api.links import api_url
from api.serializers.common import ChoiceField, LinesField, LinkedSerializer, RefSerializer, Serializer
from catalogue.models import Contractvorm, Doelgroep, JaNeeOnbekend, Organisatie, Plaats, Woonzorgconcept


@extend_schema_serializer(component_name="Gebruik")
class UsageSerializer(Serializer):
    soort = serializers.CharField(help_text=_("woonvorm, succesversneller of praktijkvoorbeeld."))
    aantal = serializers.IntegerField(help_text=_("Gepubliceerde items van deze soort met deze term."))
    lijst = serializers.URLField(
        allow_null=True, help_text=_("De lijst van die items in de API; leeg als er geen zijn.")
    )


class TermSerializer(LinkedSerializer):
    """A vocabulary term. The context's `usage` says which kinds use the vocabulary: [(kind key, filter
    parameter of that kind's list, or None)]; the counts come from annotations named aantal_<kind>."""

    slug = serializers.CharField()
    naam = serializers.CharField()
    gebruik = serializers.SerializerMethodField(
        help_text=_("Per soort item: hoeveel gepubliceerde items deze term gebruiken, en hun lijst.")
    )

    @extend_schema_field(UsageSerializer(many=True))
    def get_gebruik(self, term):
        request = self.context.get("request")
        rows = []
        for key, parameter in self.context.get("usage", ()):
            aantal = getattr(term, f"aantal_{key}", 0)
            lijst = None
            if parameter and aantal:
                lijst = api_url(request, f"api:{key}-list", f"{parameter}={term.slug}")
            rows.append({"soort": key, "aantal": aantal, "lijst": lijst})
        return rows


class DoelgroepSerializer(TermSerializer):
    view_name = "api:doelgroep-detail"
    soort = ChoiceField(Doelgroep.Soort)
    beschrijving = serializers.CharField()

    class Meta:
        ref_name = "Doelgroep"


class ContractvormSerializer(TermSerializer):
    view_name = "api:contractvorm-detail"
    definitie = serializers.CharField()
    juridischeBasis = serializers.CharField(source="juridische_basis")
    risicodrager = serializers.CharField(help_text=_("Wie het risico draagt."))
    voordelen = LinesField(source="voordelen_lijst")
    nadelen = LinesField(source="nadelen_lijst")
    looptijd = ChoiceField(Contractvorm.Looptijd)
    contracthouder = ChoiceField(Contractvorm.Contracthouder)
    zorgkoppeling = ChoiceField(JaNeeOnbekend, help_text=_("Begeleiding is voorwaarde voor het wonen."))
    omzettingEigenNaam = ChoiceField(
        JaNeeOnbekend, source="omzetting_eigen_naam", help_text=_("Omzetting naar contract op eigen naam.")
    )
    bron = RefSerializer(view_name="api:bron-detail", allow_null=True)
    bronVindplaats = serializers.CharField(source="bron_vindplaats")

    class Meta:
        ref_name = "Contractvorm"


class WoonsituatieSerializer(TermSerializer):
    view_name = "api:woonsituatie-detail"
    beschrijving = serializers.CharField()

    class Meta:
        ref_name = "Woonsituatie"


class WoonzorgconceptSerializer(TermSerializer):
    view_name = "api:woonzorgconcept-detail"
    definitie = serializers.CharField()
    begeleiding = ChoiceField(
        Woonzorgconcept.Begeleiding,
        source="dimensie_begeleiding",
        help_text=_("Mate en nabijheid van begeleiding."),
    )
    woonduur = ChoiceField(Woonzorgconcept.Woonduur, source="dimensie_woonduur")
    samenleven = ChoiceField(
        Woonzorgconcept.Samenleven, source="dimensie_samenleven", help_text=_("Individueel of collectief.")
    )
    dimensiesToelichting = serializers.CharField(source="dimensies_toelichting")
    lessen = LinesField(source="lessen_lijst", help_text=_("Lessen en aanbevelingen."))
    bron = RefSerializer(view_name="api:bron-detail", allow_null=True)
    bronVindplaats = serializers.CharField(source="bron_vindplaats")

    class Meta:
        ref_name = "Woonzorgconcept"


class PlaatsSerializer(TermSerializer):
    view_name = "api:plaats-detail"
    provincie = ChoiceField(Plaats.Provincie)

    class Meta:
        ref_name = "Plaats"


class OrganisatieSerializer(TermSerializer):
    view_name = "api:organisatie-detail"
    soort = ChoiceField(Organisatie.Soort)
    website = serializers.CharField(help_text=_("De website van de organisatie."))
    plaats = RefSerializer(view_name="api:plaats-detail", allow_null=True, help_text=_("Vestigingsplaats."))

    class Meta:
        ref_name = "Organisatie"


class BronSerializer(TermSerializer):
    view_name = "api:bron-detail"
    naam = serializers.CharField(help_text=_("De titel van het document."))
    uitgever = serializers.CharField()
    jaar = serializers.IntegerField(allow_null=True)
    beschrijving = serializers.CharField()
    document = serializers.CharField(source="url", help_text=_("Het document online."))

    class Meta:
        ref_name = "Bron"


class SuccesversnellerTypeSerializer(TermSerializer):
    view_name = "api:succesversneller-type-detail"

    class Meta:
        ref_name = "SuccesversnellerType"


class BijdrageSerializer(TermSerializer):
    view_name = "api:bijdrage-detail"

    class Meta:
        ref_name = "Bijdrage"
