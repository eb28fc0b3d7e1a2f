"""Building blocks every representation uses: references to other resources, choices as code and name, lists
kept as one entry per line. Property names are lowerCamelCase (NLGov API Design Rules); domain words are the
site's Dutch ones."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field, extend_schema_serializer
from rest_framework import serializers

from api.links import detail_url, page_url
from catalogue.kinds import kind_of

# Properties that identify a resource come first in every representation, in this order.
FIRST = ("slug", "code", "nummer", "naam", "samenvatting", "url", "webpagina")


class Serializer(serializers.Serializer):
    """A read-only representation whose identifying properties come first, whatever the mixins declare."""

    def get_fields(self):
        fields = super().get_fields()
        first = [name for name in FIRST if name in fields]
        return {name: fields[name] for name in [*first, *(n for n in fields if n not in first)]}


@extend_schema_serializer(component_name="Keuze")
class ChoiceSerializer(Serializer):
    code = serializers.CharField(help_text=_("De waarde zoals filters haar verwachten."))
    naam = serializers.CharField(help_text=_("De waarde in woorden, zoals de site haar toont."))


@extend_schema_field(ChoiceSerializer)
class ChoiceField(serializers.Field):
    """A choice as {"code": "verplicht", "naam": "Verplicht"}: the code to filter on, the words to show."""

    def __init__(self, choices, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)
        self.labels = {value: str(label) for value, label in choices.choices}

    def to_representation(self, value):
        return {"code": value, "naam": self.labels.get(value, value)}


@extend_schema_field({"type": "array", "items": {"type": "string"}})
class LinesField(serializers.ReadOnlyField):
    """A text kept as one entry per line, as a list of entries (the `<field>_lijst` property of the model)."""


@extend_schema_serializer(component_name="Verwijzing")
class RefSerializer(Serializer):
    """A reference to a resource of the API: its slug, its name and its address in the API."""

    slug = serializers.CharField()
    naam = serializers.CharField()
    url = serializers.SerializerMethodField(help_text=_("Het adres van deze bron in de API."))

    def __init__(self, *args, view_name=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.view_name = view_name

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, obj):
        view_name = self.view_name or getattr(self.parent, "view_name", None)
        return detail_url(self.context, view_name, obj.slug)


@extend_schema_serializer(component_name="ItemVerwijzing")
class ItemRefSerializer(Serializer):
    """A reference to a catalogue item of any kind."""

    soort = serializers.SerializerMethodField(help_text=_("woonvorm, succesversneller of praktijkvoorbeeld."))
    slug = serializers.CharField()
    naam = serializers.CharField()
    url = serializers.SerializerMethodField(help_text=_("Het adres van het item in de API."))
    webpagina = serializers.SerializerMethodField(help_text=_("De pagina van het item op de site."))

    def get_soort(self, item) -> str:
        return kind_of(item).key

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, item):
        return detail_url(self.context, f"api:{kind_of(item).key}-detail", item.slug)

    @extend_schema_field(OpenApiTypes.URI)
    def get_webpagina(self, item):
        return page_url(self.context.get("request"), item)


class LinkedSerializer(Serializer):
    """A resource with its own address in the API (`view_name`) and, where it has one, a page on the site."""

    view_name = None

    url = serializers.SerializerMethodField(help_text=_("Het adres van deze bron in de API."))
    webpagina = serializers.SerializerMethodField(help_text=_("De pagina op de site (leeg als er geen is)."))

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, obj):
        return detail_url(self.context, self.view_name, obj.slug)

    @extend_schema_field({"type": "string", "format": "uri", "nullable": True})
    def get_webpagina(self, obj):
        return page_url(self.context.get("request"), obj)
