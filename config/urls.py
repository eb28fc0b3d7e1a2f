from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("Wonen Eerst receptenbank: beheer")
admin.site.site_title = _("Wonen Eerst receptenbank")
admin.site.index_title = _("Catalogus beheren")

urlpatterns = [
    path("beheer/", admin.site.urls),
    path("routekaart/", include("routekaart.urls")),
    path("", include("website.urls")),
]
