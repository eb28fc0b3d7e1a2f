"""The whole public catalogue as one JSON document, gzip-compressed: every resource of the API in full, with
the licence for reuse. Made once per catalogue generation (core/cache.py) and kept in the shared cache, so
every server hands out the same file until the next edit."""

import gzip
import json

from django.conf import settings
from django.core.cache import cache
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers

from api.links import absolute
from api.params import camel
from api.resources import RESOURCES
from core.cache import TIMEOUT, generation

SECTIONS = [(camel(resource.segment.replace("-", "_")), resource) for resource in RESOURCES]


def ordered(queryset):
    return queryset.order_by(*(queryset.model._meta.ordering or ["pk"]), "pk")


def attribution(request):
    return _(
        "Wonen Eerst receptenbank (%(site)s). De bron van elk item staat bij het item; noem die ook."
    ) % {"site": absolute(request, "/")}


def document(request):
    """The download as a dict: what it is, its licence, then every resource in full."""
    result = {
        "titel": str(_("Wonen Eerst receptenbank: de openbare catalogus")),
        "beschrijving": str(
            _(
                "Alle gepubliceerde woonvormen, succesversnellers en praktijkvoorbeelden met hun begrippen, "
                "de vastgestelde beoordelingen, het toetsingskader en de routekaart, zoals de API ze geeft."
            )
        ),
        "licentie": {"naam": settings.API_LICENSE["name"], "url": settings.API_LICENSE["url"]},
        "naamsvermelding": str(attribution(request)),
        "webadres": absolute(request, "/"),
        "api": absolute(request, reverse("api:root")),
        "apiVersie": settings.API_VERSION,
        "gemaakt": timezone.localtime().isoformat(timespec="seconds"),
    }
    for name, resource in SECTIONS:
        rows = ordered(resource.rows())
        result[name] = resource.serializer(rows, many=True, context=resource.context(request)).data
    result["aantallen"] = {name: len(result[name]) for name, _resource in SECTIONS}
    return result


def compressed(request):
    """The gzip-compressed download of the current generation, made when first asked for."""
    key = f"api:dump:{generation()}:{request.get_host()}"
    body = cache.get(key)
    if body is None:
        text = json.dumps(document(request), cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))
        body = gzip.compress(text.encode(), compresslevel=6, mtime=0)
        cache.set(key, body, timeout=TIMEOUT)
    return body


@extend_schema_serializer(component_name="Licentie")
class LicenceSerializer(serializers.Serializer):
    naam = serializers.CharField()
    url = serializers.URLField()


def _dump_serializer():
    """The download's structure, for the OpenAPI document."""
    fields = {
        "titel": serializers.CharField(),
        "beschrijving": serializers.CharField(),
        "licentie": LicenceSerializer(),
        "naamsvermelding": serializers.CharField(help_text=_("Zo noemt u de bron bij hergebruik.")),
        "webadres": serializers.URLField(),
        "api": serializers.URLField(),
        "apiVersie": serializers.CharField(),
        "gemaakt": serializers.DateTimeField(help_text=_("Wanneer deze download is gemaakt.")),
        **{name: resource.serializer(many=True) for name, resource in SECTIONS},
        "aantallen": serializers.DictField(child=serializers.IntegerField()),
    }
    return type("CatalogusDownloadSerializer", (serializers.Serializer,), fields)


CatalogusDownloadSerializer = _dump_serializer()
