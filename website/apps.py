from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebsiteConfig(AppConfig):
    """The public site: the pages that combine the catalogue, the toetsingskader and the routekaart."""

    name = "website"
    verbose_name = _("Website")
