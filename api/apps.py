from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    """The open data API under /api/v1/: read-only JSON of what a visitor may see, by the NLGov REST API
    Design Rules, with its OpenAPI document, its Dutch explanation at /api/ and the whole catalogue as one
    download."""

    name = "api"
    verbose_name = _("Open data-API")
