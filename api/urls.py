"""The API's addresses: /api/ (the explanation) and everything under /api/v1, without trailing slashes and in
kebab-case (NLGov API Design Rules)."""

from django.urls import path

from api.resources import RESOURCES
from api.views import other
from api.views.base import resource_views
from api.views.page import DocumentationView

app_name = "api"


def resource_patterns():
    for resource in RESOURCES:
        list_view, detail_view = resource_views(resource)
        yield path(f"api/v1/{resource.segment}", list_view.as_view(), name=f"{resource.key}-list")
        yield path(
            f"api/v1/{resource.segment}/<slug:slug>", detail_view.as_view(), name=f"{resource.key}-detail"
        )


urlpatterns = [
    path("api/", DocumentationView.as_view(), name="documentatie"),
    path("api/v1", other.RootView.as_view(), name="root"),
    # The server address of the OpenAPI document with its path "/" appended.
    path("api/v1/", other.RootView.as_view(), name="root-server"),
    path("api/v1/openapi.json", other.OpenApiView.as_view(), name="openapi"),
    path("api/v1/downloads/catalogus.json", other.DumpView.as_view(), name="download"),
    path("api/v1/zoeken", other.SearchView.as_view(), name="zoeken"),
    path("api/v1/toetsingskader", other.ToetsingskaderView.as_view(), name="toetsingskader"),
    *resource_patterns(),
]
