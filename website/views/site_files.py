"""The files a browser asks for by itself: /favicon.ico at the site's root and the web app manifest.

Browsers request /favicon.ico whatever the page links to, so it answers here instead of a 404 on every page;
the icons themselves are static files (static/favicon.svg, favicon.ico and icons/).
"""

from django.http import HttpResponseRedirect, JsonResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

THEME_COLOUR = "#1c4b82"  # --we-color-primary in static/css/theme.css
BACKGROUND_COLOUR = "#ffffff"
ONE_DAY = 60 * 60 * 24


@require_safe
@cache_control(public=True, max_age=ONE_DAY)
def favicon(request):
    """/favicon.ico: to the static icon, whose address carries its content hash in production."""
    return HttpResponseRedirect(static("favicon.ico"))


@require_safe
@cache_control(public=True, max_age=ONE_DAY)
def manifest(request):
    """The web app manifest: the site's name, colours and icons when it is added to a phone's home screen."""
    data = {
        "name": _("Wonen Eerst receptenbank"),
        "short_name": _("Receptenbank"),
        "description": _(
            "Woonvormen, succesversnellers en praktijkvoorbeelden voor Wonen Eerst, met hun toetsing aan de "
            "leidende principes."
        ),
        "lang": "nl",
        "dir": "ltr",
        "start_url": reverse("website:home"),
        "scope": "/",
        "display": "browser",
        "theme_color": THEME_COLOUR,
        "background_color": BACKGROUND_COLOUR,
        "icons": [
            {"src": static("favicon.svg"), "sizes": "any", "type": "image/svg+xml"},
            {"src": static("icons/icon-192.png"), "sizes": "192x192", "type": "image/png"},
            {"src": static("icons/icon-512.png"), "sizes": "512x512", "type": "image/png"},
        ],
    }
    return JsonResponse(
        data, content_type="application/manifest+json", json_dumps_params={"ensure_ascii": False}
    )
