from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RoutekaartConfig(AppConfig):
    name = "routekaart"
    holds_content = True  # cached per generation and backed up (core/content_apps.py)
    verbose_name = _("Routekaart")
