from django.urls import path, re_path

from routekaart import views
from spreadsheets.writers import FORMAT_PATTERN

app_name = "routekaart"

urlpatterns = [
    path("", views.RoutekaartView.as_view(), name="overzicht"),
    re_path(rf"^export\.{FORMAT_PATTERN}$", views.voortgang_export, name="voortgang-export"),
    path("<slug:slug>/", views.FaseDetailView.as_view(), name="fase-detail"),
]
