"""A result of the search across every kind of item."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers

from api.serializers.common import ItemRefSerializer


@extend_schema_serializer(component_name="Zoekresultaat")
class SearchResultSerializer(ItemRefSerializer):
    samenvatting = serializers.CharField()
    relevantie = serializers.FloatField(help_text=_("Hoe goed het item past; hoger is beter."))
