from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """Shared infrastructure: cache generations, conditional GET, history admin, backups, navigation."""

    name = "core"
    verbose_name = _("Basis")

    def ready(self):
        from core import cache

        cache.connect_signals()
