from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("Wonen Eerst receptenbank: beheer")
admin.site.site_title = _("Wonen Eerst receptenbank")
admin.site.index_title = _("Catalogus beheren")

urlpatterns = [
    path("beheer/", admin.site.urls),
    path("routekaart/", include("routekaart.urls")),
    # The open data API (/api/v1/…) and its explanation (/api/)
    path("", include("api.urls")),
    path("", include("website.urls")),
]

# Under /api/v1/ an unknown address or an error is a problem response (JSON); elsewhere the Dutch page.
handler404 = "api.problems.not_found"
handler500 = "api.problems.server_error"
