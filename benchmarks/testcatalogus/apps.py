from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TestcatalogusConfig(AppConfig):
    name = "benchmarks.testcatalogus"
    verbose_name = _("Testcatalogus voor snelheidsmetingen")
