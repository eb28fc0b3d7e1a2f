"""Spreadsheet columns of the toetsingskader and its assessments, in the format of catalogue.resources."""

from assessment.models import Beoordeling, LeidendPrincipe, Score, Toetspunt
from assessment.services import retire_previous_vastgesteld
from catalogue.resources import BY_SLUG, CatalogueResource


class LeidendPrincipeResource(CatalogueResource):
    class Meta:
        model = LeidendPrincipe
        fields = ("slug", "nummer", "naam", "toelichting")


class ToetspuntResource(CatalogueResource):
    required_columns = ("slug", "code", "naam")

    class Meta:
        model = Toetspunt
        fields = ("slug", "code", "soort", "naam", "korte_naam", "toelichting", "principes", "volgorde")


class BeoordelingResource(CatalogueResource):
    required_columns = ("slug",)

    class Meta:
        model = Beoordeling
        fields = (
            "slug",
            "woonvorm",
            "praktijkvoorbeeld",
            "datum",
            "beoordelaar",
            "status",
            "samenvatting",
            "ontwikkelpunten",
        )
        widgets = {"woonvorm": {"label": BY_SLUG}, "praktijkvoorbeeld": {"label": BY_SLUG}}

    def before_save_instance(self, instance, row, **kwargs):
        # As in the admin: a beoordeling that becomes vastgesteld retires the item's previous one.
        retire_previous_vastgesteld(beoordeling=instance)


class ScoreResource(CatalogueResource):
    export_ordering = ("beoordeling__slug", "toetspunt__volgorde", "toetspunt__code")
    required_columns = ("beoordeling", "toetspunt")

    class Meta:
        model = Score
        fields = ("beoordeling", "toetspunt", "waarde", "toelichting")
        import_id_fields = ["beoordeling", "toetspunt"]
        widgets = {"beoordeling": {"label": BY_SLUG}, "toetspunt": {"name_field": "code"}}


ASSESSMENT_RESOURCES = [LeidendPrincipeResource, ToetspuntResource, BeoordelingResource, ScoreResource]
