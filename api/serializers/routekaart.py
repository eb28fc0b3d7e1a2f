"""The routekaart: the six phases of 'Samen bouwen aan Wonen Eerst' with roles, tools and their checklist."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field, extend_schema_serializer
from rest_framework import serializers

from api.links import absolute, detail_url
from api.serializers.common import ChoiceField, ItemRefSerializer, LinesField, LinkedSerializer, Serializer
from routekaart.models import Fase, FaseRol


@extend_schema_serializer(component_name="FaseVerwijzing")
class FaseRefSerializer(Serializer):
    nummer = serializers.IntegerField()
    naam = serializers.CharField()
    url = serializers.SerializerMethodField()

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, fase):
        return detail_url(self.context, "api:fase-detail", fase.slug)


class ChecklistpuntSerializer(LinkedSerializer):
    view_name = "api:checklistpunt-detail"

    slug = serializers.CharField(help_text=_("De code in kleine letters, zoals in ?v=f1-1 op de routekaart."))
    code = serializers.CharField(help_text=_("Bijvoorbeeld F1-1."))
    tekst = serializers.CharField()
    fase = FaseRefSerializer()

    class Meta:
        ref_name = "Checklistpunt"

    @extend_schema_field({"type": "string", "format": "uri", "nullable": True})
    def get_webpagina(self, punt):
        return absolute(self.context.get("request"), punt.fase.get_absolute_url() + "#checklist-kop")


@extend_schema_serializer(component_name="RolInFase")
class FaseRolSerializer(Serializer):
    partij = ChoiceField(FaseRol.Partij)
    taken = LinesField(source="taken_lijst")


@extend_schema_serializer(component_name="Hulpmiddel")
class HulpmiddelSerializer(Serializer):
    titel = serializers.CharField()
    uitgever = serializers.CharField()
    url = serializers.CharField(help_text=_("Het webadres van het hulpmiddel (leeg als er geen is)."))
    toelichting = serializers.CharField()
    item = serializers.SerializerMethodField(
        help_text=_("Het gepubliceerde catalogusitem, als de catalogus het heeft.")
    )

    @extend_schema_field(ItemRefSerializer(allow_null=True))
    def get_item(self, hulpmiddel):
        item = hulpmiddel.item
        if item is None or not item.is_published:
            return None
        return ItemRefSerializer(item, context=self.context).data


class FaseListSerializer(LinkedSerializer):
    view_name = "api:fase-detail"

    slug = serializers.CharField()
    nummer = serializers.IntegerField()
    naam = serializers.CharField()
    doel = serializers.CharField()
    niveau = ChoiceField(Fase.Niveau)
    duur = serializers.CharField()

    class Meta:
        ref_name = "FaseInLijst"


@extend_schema_serializer(component_name="ChecklistpuntInFase")
class FaseChecklistSerializer(Serializer):
    slug = serializers.CharField()
    code = serializers.CharField()
    tekst = serializers.CharField()
    url = serializers.SerializerMethodField()

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, punt):
        return detail_url(self.context, "api:checklistpunt-detail", punt.slug)


class FaseSerializer(FaseListSerializer):
    beschrijving = serializers.CharField()
    obstakels = LinesField(source="obstakels_lijst", help_text=_("Waar loop je tegenaan?"))
    stappen = LinesField(source="stappen_lijst")
    kennis = serializers.CharField()
    rollen = FaseRolSerializer(many=True)
    hulpmiddelen = HulpmiddelSerializer(many=True)
    checklist = FaseChecklistSerializer(source="checklistitems", many=True)

    class Meta:
        ref_name = "Fase"
