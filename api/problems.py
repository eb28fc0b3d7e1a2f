"""Errors as problem details (RFC 9457, application/problem+json), in Dutch, for every failure under /api/v1/:
bad input, an unknown address, a gone item, too many requests, an unexpected error.

Each problem names its type as an address on the API's own page (/api/#probleem-…), which explains it.
"""

from django.http import Http404, JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import defaults
from rest_framework import exceptions, status
from rest_framework.response import Response

from api.middleware import is_api_path

MEDIA_TYPE = "application/problem+json"

# status → (anchor on /api/, title)
TYPES = {
    400: ("ongeldige-invoer", gettext_lazy("Ongeldige invoer")),
    403: ("geen-toegang", gettext_lazy("Geen toegang")),
    404: ("niet-gevonden", gettext_lazy("Niet gevonden")),
    405: ("methode-niet-toegestaan", gettext_lazy("Methode niet toegestaan")),
    406: ("formaat-niet-beschikbaar", gettext_lazy("Formaat niet beschikbaar")),
    410: ("niet-meer-beschikbaar", gettext_lazy("Niet meer beschikbaar")),
    429: ("te-veel-verzoeken", gettext_lazy("Te veel verzoeken")),
    500: ("interne-fout", gettext_lazy("Interne fout")),
}


class InvalidParams(exceptions.APIException):
    """Query parameters the API cannot use: each with its name (as the client sent it) and the reason."""

    status_code = status.HTTP_400_BAD_REQUEST

    def __init__(self, invalid):
        self.invalid = list(invalid)
        super().__init__(detail=_("Een of meer parameters zijn ongeldig; zie invalidParams."))


class Gone(exceptions.APIException):
    """The resource existed but is no longer published (an archived item)."""

    status_code = status.HTTP_410_GONE


def problem(request, status_code, detail, *, invalid=None):
    """The problem document for a status."""
    anchor, title = TYPES.get(status_code, TYPES[500 if status_code >= 500 else 400])
    document = {
        "type": request.build_absolute_uri(reverse("api:documentatie") + f"#probleem-{anchor}"),
        "title": str(title),
        "status": status_code,
        "detail": str(detail),
        "instance": request.get_full_path(),
    }
    if invalid:
        document["invalidParams"] = [{"name": name, "reason": str(reason)} for name, reason in invalid]
    return document


def _detail(exc):
    """The exception's message in Dutch, where REST framework has its own English one."""
    if isinstance(exc, exceptions.Throttled):
        seconds = int(exc.wait or 1)
        return _(
            "Te veel verzoeken vanaf dit adres. Probeer het over %(seconds)s seconden opnieuw, of gebruik de "
            "download van de hele catalogus."
        ) % {"seconds": seconds}
    if isinstance(exc, exceptions.MethodNotAllowed):
        return _("Deze API kan alleen lezen: gebruik GET (of HEAD).")
    if isinstance(exc, exceptions.NotAcceptable):
        return _("Deze API antwoordt alleen in JSON (application/json).")
    if isinstance(exc, exceptions.NotFound | Http404):
        detail = getattr(exc, "detail", None)
        return (
            str(detail)
            if isinstance(detail, str) and detail != exceptions.NotFound.default_detail
            else _("Dit adres bestaat niet in de API.")
        )
    return str(exc.detail) if hasattr(exc, "detail") else str(exc)


def exception_handler(exc, context):
    """REST framework's exception handler: every error of an API view as a problem response."""
    request = context["request"]
    if isinstance(exc, Http404):
        exc = exceptions.NotFound(getattr(exc, "args", [None])[0] or exceptions.NotFound.default_detail)
    if not isinstance(exc, exceptions.APIException):
        return None  # a programming error: Django's 500 handler answers (server_error below)
    headers = {}
    if isinstance(exc, exceptions.Throttled) and exc.wait is not None:
        headers["Retry-After"] = str(int(exc.wait) or 1)
    if isinstance(exc, exceptions.MethodNotAllowed):
        headers["Allow"] = "GET, HEAD, OPTIONS"
    document = problem(request, exc.status_code, _detail(exc), invalid=getattr(exc, "invalid", None))
    return Response(document, status=exc.status_code, headers=headers, content_type=MEDIA_TYPE)


def problem_response(request, status_code, detail):
    return JsonResponse(
        problem(request, status_code, detail),
        status=status_code,
        content_type=MEDIA_TYPE,
        json_dumps_params={"ensure_ascii": False},
    )


def not_found(request, exception=None):
    """Django's 404 handler: a problem under /api/v1/ (with a hint for a trailing slash), the Dutch page
    elsewhere."""
    if not is_api_path(request.path_info):
        return defaults.page_not_found(request, exception)
    path = request.path_info
    if path.endswith("/") and path != "/api/v1/":
        detail = _("Adressen in deze API eindigen niet op een schuine streep: probeer %(path)s.") % {
            "path": path.rstrip("/")
        }
    else:
        detail = _("Dit adres bestaat niet in de API. Het overzicht staat op %(root)s.") % {
            "root": request.build_absolute_uri("/api/v1")
        }
    return problem_response(request, 404, detail)


def server_error(request):
    """Django's 500 handler: a problem under /api/v1/, the Dutch page elsewhere."""
    if not is_api_path(request.path_info):
        return defaults.server_error(request)
    return problem_response(request, 500, _("Er ging iets mis op de server. Probeer het later opnieuw."))
