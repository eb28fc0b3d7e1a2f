from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogueConfig(AppConfig):
    name = "catalogue"
    holds_content = True  # cached per generation and backed up (core/content_apps.py)
    verbose_name = _("Catalogus")

    def ready(self):
        from catalogue import search_terms

        search_terms.connect_signals()

    def after_restore(self):
        """After a backup is loaded (core/backup.py): the items' search text from their restored terms."""
        from catalogue import search
        from catalogue.models import ITEM_MODELS

        search.refresh_pks(
            {model: set(model._default_manager.values_list("pk", flat=True)) for model in ITEM_MODELS}
        )
