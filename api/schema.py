"""The OpenAPI 3 document, written by drf-spectacular from the views and serializers, and completed here with
what the NLGov API Design Rules ask of every operation: the API-Version header on every 2xx and 3xx answer,
conditional GET (ETag, 304), and problem details (application/problem+json) for every error.

`make test` lints the document with the published Spectral ruleset of the rules (tests/api/test_openapi.py).
"""

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.openapi import AutoSchema

from api.middleware import API_PREFIX


class ApiSchema(AutoSchema):
    """Reads each view's own description of itself (api/views/base.py ApiView)."""

    def get_operation_id(self):
        return getattr(self.view, "operation_id", None) or super().get_operation_id()

    def get_tags(self):
        tag = getattr(self.view, "tag", None)
        return [str(tag)] if tag else super().get_tags()

    def get_summary(self):
        return str(getattr(self.view, "summary", "")) or None

    def get_description(self):
        return str(getattr(self.view, "description", "")) or super().get_description()

    def get_override_parameters(self):
        return self.view.schema_parameters() if hasattr(self.view, "schema_parameters") else []

    def get_response_serializers(self):
        if hasattr(self.view, "schema_response"):
            return self.view.schema_response()
        return super().get_response_serializers()

    def get_paginated_name(self, serializer_name):
        return f"{serializer_name}Pagina"


def only_api_endpoints(endpoints, **kwargs):
    """drf-spectacular preprocessing hook: the document describes /api/v1 only."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith(API_PREFIX)]


def _header(description, schema):
    return {"description": description, "schema": schema}


def components():
    """Headers and schemas every operation refers to."""
    return {
        "headers": {
            "API-Version": _header(
                _("De volledige versie van de API die antwoordt."),
                {"type": "string", "example": settings.API_VERSION},
            ),
            "ETag": _header(
                _("De versie van de catalogus; stuur haar terug in If-None-Match voor een 304."),
                {"type": "string"},
            ),
            "Retry-After": _header(_("Na zoveel seconden mag u het opnieuw proberen."), {"type": "integer"}),
        },
        "schemas": {
            "Problem": {
                "type": "object",
                "description": _("Een fout, volgens RFC 9457 (problem details)."),
                "required": ["type", "title", "status", "detail"],
                "properties": {
                    "type": {
                        "type": "string",
                        "format": "uri",
                        "description": _("Het soort fout: een adres op de uitlegpagina van de API."),
                    },
                    "title": {"type": "string", "description": _("Het soort fout in woorden.")},
                    "status": {"type": "integer", "description": _("De HTTP-statuscode.")},
                    "detail": {"type": "string", "description": _("Wat er mis is, in woorden.")},
                    "instance": {"type": "string", "format": "uri-reference"},
                    "invalidParams": {
                        "type": "array",
                        "description": _("Bij ongeldige invoer: elke parameter met de reden."),
                        "items": {"$ref": "#/components/schemas/InvalidParam"},
                    },
                },
            },
            "InvalidParam": {
                "type": "object",
                "required": ["name", "reason"],
                "properties": {"name": {"type": "string"}, "reason": {"type": "string"}},
            },
        },
    }


def _problem(description, *headers):
    response = {
        "description": description,
        "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}},
    }
    if headers:
        response["headers"] = {name: {"$ref": f"#/components/headers/{name}"} for name in headers}
    return response


VERSION = {"API-Version": {"$ref": "#/components/headers/API-Version"}}
ETAG = {"ETag": {"$ref": "#/components/headers/ETag"}}


def standard_responses(operation_id, path):
    """The answers every GET may give besides its 200."""
    responses = {
        "304": {
            "description": _("Niet gewijzigd: de versie in If-None-Match is nog actueel."),
            "headers": {},
        },
        "400": _problem(_("Ongeldige invoer: een onbekende parameter of een waarde die niet kan.")),
        "404": _problem(_("Niet gevonden: een onbekende slug of een pagina voorbij de laatste.")),
        "406": _problem(_("De API antwoordt alleen in JSON.")),
        "429": _problem(_("Te veel verzoeken vanaf dit adres."), "Retry-After"),
        "500": _problem(_("Een fout op de server.")),
    }
    if "{slug}" in path and operation_id in ITEM_DETAILS:
        responses["410"] = _problem(_("Het item is gearchiveerd en niet meer gepubliceerd."))
    return responses


ITEM_DETAILS = {"getWoonvorm", "getSuccesversneller", "getPraktijkvoorbeeld"}


def if_none_match():
    return {
        "name": "If-None-Match",
        "in": "header",
        "required": False,
        "description": _(
            "De ETag van een eerder antwoord: is de catalogus sindsdien niet gewijzigd, dan volgt 304."
        ),
        "schema": {"type": "string"},
    }


TAGS = [
    (
        "Catalogus",
        gettext_lazy(
            "Woonvormen, succesversnellers en praktijkvoorbeelden, met dezelfde filters als de site."
        ),
    ),
    (
        "Begrippen",
        gettext_lazy("Doelgroepen, contractvormen, plaatsen, organisaties en de andere begrippen."),
    ),
    (
        "Toetsingskader",
        gettext_lazy("De leidende principes, de toetspunten en de vastgestelde beoordelingen."),
    ),
    ("Routekaart", gettext_lazy("De zes fasen van Samen bouwen aan Wonen Eerst en hun checklist.")),
    ("Download", gettext_lazy("De hele catalogus als één bestand.")),
    ("Overzicht", gettext_lazy("Wat de API biedt en haar OpenAPI-document.")),
]

DESCRIPTION = gettext_lazy(
    "De openbare gegevens van de Wonen Eerst receptenbank: woonvormen, succesversnellers en "
    "praktijkvoorbeelden voor Wonen Eerst, hun begrippen, het toetsingskader met de vastgestelde "
    "beoordelingen, en de routekaart. Alleen wat een bezoeker van de site ziet; geen persoonsgegevens.\n\n"
    "Alleen lezen (GET), zonder sleutel, vanaf elke website (CORS). Elke lijst heeft pagina's (page, "
    "pageSize) en dezelfde filters als de lijst op de site. Fouten volgen RFC 9457 "
    "(application/problem+json). Elk antwoord noemt de versie van de API in de header API-Version en de "
    "versie van de catalogus in ETag."
)


def add_standard_responses(result, generator, request, public):
    """drf-spectacular postprocessing hook: the headers, conditional GET and problem responses of every
    operation, the tags with their descriptions and the description of the API."""
    result["info"]["description"] = str(DESCRIPTION)
    result["tags"] = [{"name": name, "description": str(description)} for name, description in TAGS]
    parts = result.setdefault("components", {})
    for kind, entries in components().items():
        parts.setdefault(kind, {}).update(entries)
    for path, operations in result["paths"].items():
        for method, operation in operations.items():
            if method != "get":
                continue
            responses = operation["responses"]
            for code, response in standard_responses(operation["operationId"], path).items():
                responses.setdefault(code, response)
            for code, response in responses.items():
                if code == "200" and not response.get("description"):
                    response["description"] = _("Het gevraagde antwoord.")
                if code.startswith(("2", "3")):
                    response.setdefault("headers", {}).update(VERSION)
                if code in {"200", "304"}:
                    response["headers"].update(ETAG)
            operation.setdefault("parameters", []).append(if_none_match())
    return result
