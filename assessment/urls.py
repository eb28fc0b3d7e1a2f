from django.urls import path, re_path

from assessment import views
from catalogue.views import exports

app_name = "assessment"

urlpatterns = [
    path("", views.ToetsingskaderView.as_view(), name="toetsingskader"),
    path("matrix/", views.MatrixView.as_view(), name="matrix"),
    re_path(
        rf"^matrix/export\.{exports.FORMAT_PATTERN}$",
        exports.MatrixExportView.as_view(),
        name="matrix-export",
    ),
]
