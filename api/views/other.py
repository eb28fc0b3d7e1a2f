"""The API's single resources: its root, the toetsingskader, the search across every kind, the download of
the whole catalogue and the OpenAPI document."""

import copy
import functools
import gzip

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.translation import gettext_lazy as _
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework import serializers

from api import dump
from api import selectors as api_selectors
from api.links import absolute, api_url
from api.pagination import Pagination, envelope, page_of
from api.params import check_no_parameters, page_parameters, parse_list_query
from api.problems import InvalidParams
from api.resources import RESOURCES
from api.serializers.assessment import ToetsingskaderSerializer, toetsingskader
from api.serializers.search import SearchResultSerializer
from api.views.base import CACHE_CONTROL, ApiView, catalogue_etag
from catalogue import search
from catalogue.kinds import BY_KEY, KINDS
from core.compression import accepts_gzip
from website import selectors


class RootSerializer(serializers.Serializer):
    naam = serializers.CharField()
    versie = serializers.CharField()
    documentatie = serializers.URLField(help_text=_("De uitleg van de API, met voorbeelden."))
    openapi = serializers.URLField(help_text=_("Het OpenAPI-document."))
    download = serializers.URLField(help_text=_("De hele catalogus als één bestand."))
    licentie = dump.LicenceSerializer()
    lijsten = serializers.DictField(child=serializers.URLField(), help_text=_("Elke lijst van de API."))

    class Meta:
        ref_name = "Overzicht"


class RootView(ApiView):
    """What the API offers, with the address of every list."""

    tag = "Overzicht"
    operation_id = "getOverzicht"
    summary = _("Overzicht van de API")
    description = _("De lijsten van de API, het OpenAPI-document, de uitleg en de download.")

    def schema_response(self):
        return RootSerializer()

    def get(self, request, *args, **kwargs):
        check_no_parameters(request)
        lists = {resource.segment: api_url(request, f"api:{resource.key}-list") for resource in RESOURCES}
        lists["toetsingskader"] = api_url(request, "api:toetsingskader")
        lists["zoeken"] = api_url(request, "api:zoeken")
        data = {
            "naam": settings.SPECTACULAR_SETTINGS["TITLE"],
            "versie": settings.API_VERSION,
            "documentatie": api_url(request, "api:documentatie"),
            "openapi": api_url(request, "api:openapi"),
            "download": api_url(request, "api:download"),
            "licentie": {"naam": settings.API_LICENSE["name"], "url": settings.API_LICENSE["url"]},
            "lijsten": lists,
        }
        return self.conditional(request, lambda: data)


class ToetsingskaderView(ApiView):
    tag = "Toetsingskader"
    operation_id = "getToetsingskader"
    summary = _("Het toetsingskader")
    description = _(
        "De zes leidende principes, de tien toetspunten en hoe een score en een niveau worden berekend."
    )

    def schema_response(self):
        return ToetsingskaderSerializer()

    def get(self, request, *args, **kwargs):
        check_no_parameters(request)

        def build():
            data = toetsingskader(
                api_selectors.principes(),
                api_selectors.toetspunten(),
                absolute(request, reverse("website:toetsingskader")),
            )
            return ToetsingskaderSerializer(data, context={"request": request}).data

        return self.conditional(request, build)


class SearchView(ApiView):
    """One search across every kind, ordered by relevance, then name: the search page's order."""

    tag = "Catalogus"
    operation_id = "searchCatalogus"
    summary = _("Zoeken in de hele catalogus")
    description = _(
        "Eén zoekopdracht in woonvormen, succesversnellers en praktijkvoorbeelden, op relevantie. "
        "Op PostgreSQL met Nederlandse woordvormen (jongere vindt jongeren)."
    )
    pagination_class = Pagination

    def schema_parameters(self):
        return [
            OpenApiParameter(
                "q",
                {"type": "string", "maxLength": search.MAX_LENGTH},
                OpenApiParameter.QUERY,
                required=True,
                description=_("De zoekterm."),
            ),
            OpenApiParameter(
                "soort",
                {"type": "array", "items": {"type": "string", "enum": [kind.key for kind in KINDS]}},
                OpenApiParameter.QUERY,
                description=_(
                    "Alleen deze soorten; herhaal de parameter of scheid met komma's. Standaard alle."
                ),
                style="form",
                explode=True,
            ),
            *page_parameters(),
        ]

    def schema_response(self):
        return SearchResultSerializer(many=True)

    def get(self, request, *args, **kwargs):
        query, invalid = parse_list_query(request, extra=("q", "soort"))
        text = search.clean_text(request.GET.get("q"))
        asked = [
            part.strip()
            for value in request.GET.getlist("soort")
            for part in value.split(",")
            if part.strip()
        ]
        if not text:
            invalid.append(("q", _("Geef een zoekterm op.")))
        unknown = [key for key in asked if key not in BY_KEY]
        if unknown:
            invalid.append(
                (
                    "soort",
                    _("Onbekende soort: %(soort)s. Kies uit %(keuze)s.")
                    % {"soort": ", ".join(unknown), "keuze": ", ".join(BY_KEY)},
                )
            )
        if len(request.GET.getlist("q")) > 1:
            invalid.append(("q", _("Geef deze parameter maar één keer op.")))
        if invalid:
            raise InvalidParams(invalid)
        chosen = [BY_KEY[key] for key in asked] or list(KINDS)
        return self.conditional(request, lambda: self.results(request, text, chosen, query))

    def results(self, request, text, chosen, query):
        querysets = selectors.search_querysets(text, [kind.model for kind in KINDS])
        counts = selectors.search_counts(text, querysets)
        total = sum(counts.get(kind.model, 0) for kind in chosen)
        page = page_of(total, query.page, query.page_size)
        merged = []
        for kind in chosen:
            best = selectors.best_matches(querysets[kind.model], text, page.end)
            merged.extend((kind.model, *match) for match in best)
        merged.sort(key=lambda match: (-float(match[1]), match[2].lower()))
        shown = merged[page.start : page.end]
        found = {
            model: model.objects.published().in_bulk([pk for kind, _r, _n, pk in shown if kind is model])
            for model in {model for model, _r, _n, _pk in shown}
        }
        rows = []
        for model, relevance, _name, pk in shown:
            if pk in found[model]:
                item = found[model][pk]
                item.relevantie = float(relevance)
                rows.append(item)
        data = SearchResultSerializer(rows, many=True, context={"request": request}).data
        return envelope(request, page, data)


class DumpView(ApiView):
    """The whole catalogue as one JSON file, gzip-compressed for every client that accepts it."""

    tag = "Download"
    operation_id = "getCatalogusDownload"
    summary = _("De hele catalogus als één bestand")
    description = _(
        "Alles wat de API geeft, in één JSON-document, met de licentie voor hergebruik. Gecomprimeerd met "
        "gzip (Content-Encoding) voor elke client die dat accepteert. Opnieuw gemaakt na elke wijziging van "
        "de catalogus."
    )

    def schema_response(self):
        return dump.CatalogusDownloadSerializer()

    def get(self, request, *args, **kwargs):
        check_no_parameters(request)
        compressed = accepts_gzip(request)
        etag = catalogue_etag("-gzip" if compressed else "")
        response = get_conditional_response(request, etag=etag)
        if response is None:
            body = dump.compressed(request)
            response = HttpResponse(
                body if compressed else gzip.decompress(body), content_type="application/json; charset=utf-8"
            )
            if compressed:
                response.headers["Content-Encoding"] = "gzip"
            filename = f"wonen-eerst-catalogus-{timezone.localdate():%Y-%m-%d}.json"
            response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
        response.headers["ETag"] = etag
        response.headers["Cache-Control"] = CACHE_CONTROL
        patch_vary_headers(response, ["Accept-Encoding"])
        return response


@functools.cache
def openapi_document():
    """The OpenAPI document, generated once per process: it changes only with the code."""
    return SchemaGenerator().get_schema(request=None, public=True)


class OpenApiView(ApiView):
    """The OpenAPI 3 document of the API (NLGov API Design Rules: /core/publish-openapi)."""

    tag = "Overzicht"
    operation_id = "getOpenapi"
    summary = _("Het OpenAPI-document")
    description = _("Deze beschrijving van de API, als OpenAPI 3-document in JSON.")

    def schema_response(self):
        return OpenApiTypes.OBJECT

    def get(self, request, *args, **kwargs):
        check_no_parameters(request)
        return JsonResponse(document_for(request), json_dumps_params={"ensure_ascii": False})


def document_for(request):
    """The OpenAPI document with the contact address completed for the host that serves it."""
    document = copy.deepcopy(openapi_document())
    contact = document["info"].setdefault("contact", {})
    contact.setdefault("url", absolute(request, reverse("api:documentatie")))
    return document
