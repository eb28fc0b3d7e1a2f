"""The editors' format: every field of every catalogue and assessment model, rows matched on slug.

Used by the admin's import and export buttons and by `catalogus_export` / `catalogus_import`. Their imports
spend their work on the rows that change something (spreadsheets.resources.importing).
"""

from django.db.models import F

from assessment.models import Beoordeling, LeidendPrincipe, Score, Toetspunt
from assessment.services import retire_previous_vastgesteld
from catalogue.kinds import KINDS
from catalogue.models import (
    Bijdrage,
    Bron,
    Contactpersoon,
    Contractvorm,
    Doelgroep,
    Initiatief,
    Link,
    Organisatie,
    OrganisatieRol,
    Plaats,
    Praktijkvoorbeeld,
    Succesversneller,
    SuccesversnellerType,
    Woonsituatie,
    Woonvorm,
    Woonzorgconcept,
)
from spreadsheets.resources.importing import ImportingResource
from spreadsheets.widgets import BY_SLUG

ITEM_FIELDS = (
    "slug",
    "naam",
    "status",
    "samenvatting",
    "beschrijving",
    "werkzame_elementen",
    "aandachtselementen",
    "ter_inspiratie",
    "financiele_context",
    "verhouding_wonen_eerst",
    "doelgroepen",
    "doelgroep_toelichting",
    "plaatsen",
)
WOONKENMERKEN_FIELDS = (
    "leeftijdsgroep",
    "woonsituaties",
    "woonzorgconcepten",
    "contractvormen",
    "contract_toelichting",
    "begeleiding",
    "begeleiding_toelichting",
    "benut_leegstand",
    "aantal_woningen",
    "aantal_plekken_doelgroep",
    "aantal_toelichting",
    "bewonersmix",
)
PRAKTIJK_FIELDS = (
    "doel",
    "startjaar",
    "gebouwtype",
    "beheer",
    "samenwerking",
    "wet_en_regelgeving",
    "resultaten",
    "lessen",
    "belemmeringen",
)
SOURCE_FIELDS = ("initiatief", "bron", "bron_vindplaats", "bron_opmerking")


class BronResource(ImportingResource):
    class Meta:
        model = Bron
        fields = ("slug", "naam", "uitgever", "jaar", "beschrijving", "url")


class DoelgroepResource(ImportingResource):
    class Meta:
        model = Doelgroep
        fields = ("slug", "naam", "synoniemen", "soort", "beschrijving", "volgorde")


class ContractvormResource(ImportingResource):
    class Meta:
        model = Contractvorm
        fields = (
            "slug",
            "naam",
            "synoniemen",
            "definitie",
            "juridische_basis",
            "risicodrager",
            "voordelen",
            "nadelen",
            "looptijd",
            "contracthouder",
            "zorgkoppeling",
            "omzetting_eigen_naam",
            "bron",
            "bron_vindplaats",
            "volgorde",
        )


class WoonsituatieResource(ImportingResource):
    class Meta:
        model = Woonsituatie
        fields = ("slug", "naam", "beschrijving", "volgorde")


class WoonzorgconceptResource(ImportingResource):
    class Meta:
        model = Woonzorgconcept
        fields = (
            "slug",
            "naam",
            "synoniemen",
            "definitie",
            "dimensie_begeleiding",
            "dimensie_woonduur",
            "dimensie_samenleven",
            "dimensies_toelichting",
            "lessen",
            "bron",
            "bron_vindplaats",
            "volgorde",
        )


class PlaatsResource(ImportingResource):
    class Meta:
        model = Plaats
        fields = ("slug", "naam", "provincie")


class OrganisatieResource(ImportingResource):
    class Meta:
        model = Organisatie
        fields = ("slug", "naam", "soort", "website", "plaats")


class InitiatiefResource(ImportingResource):
    class Meta:
        model = Initiatief
        fields = ("slug", "naam", "toelichting")


class SuccesversnellerTypeResource(ImportingResource):
    class Meta:
        model = SuccesversnellerType
        fields = ("slug", "naam", "volgorde")


class BijdrageResource(ImportingResource):
    class Meta:
        model = Bijdrage
        fields = ("slug", "naam", "volgorde")


class WoonvormResource(ImportingResource):
    class Meta:
        model = Woonvorm
        fields = (*ITEM_FIELDS, *WOONKENMERKEN_FIELDS, *SOURCE_FIELDS)


class SuccesversnellerResource(ImportingResource):
    class Meta:
        model = Succesversneller
        fields = (*ITEM_FIELDS, "typen", "bijdragen", *SOURCE_FIELDS)


class PraktijkvoorbeeldResource(ImportingResource):
    class Meta:
        model = Praktijkvoorbeeld
        fields = (*ITEM_FIELDS, *WOONKENMERKEN_FIELDS, *PRAKTIJK_FIELDS, *SOURCE_FIELDS)


# Rows owned by an item, on their own sheet, keyed by the item's slug.

OWNER_FIELDS = tuple(kind.key for kind in KINDS)
BY_OWNER_SLUG = {owner: {"label": BY_SLUG} for owner in OWNER_FIELDS}


class ChildResource(ImportingResource):
    """Rows owned by an item, keyed by its slug. They have no key of their own: an import replaces an item's
    rows by the rows in the file (spreadsheets.imports)."""

    export_ordering = (
        *(F(f"{owner}__slug").asc(nulls_last=True) for owner in OWNER_FIELDS),
        "volgorde",
        "pk",
    )
    required_columns = OWNER_FIELDS

    class Meta:
        import_id_fields = []
        widgets = BY_OWNER_SLUG


class OrganisatieRolResource(ChildResource):
    class Meta:
        model = OrganisatieRol
        fields = (*OWNER_FIELDS, "organisatie", "rol", "toelichting", "volgorde")


class ContactpersoonResource(ChildResource):
    class Meta:
        model = Contactpersoon
        fields = (*OWNER_FIELDS, "naam", "organisatie", "rol", "email", "telefoon", "persoonlijk", "volgorde")


class LinkResource(ChildResource):
    class Meta:
        model = Link
        fields = (*OWNER_FIELDS, "soort", "url", "titel", "spreker_rol", "spreker_naam", "volgorde")


VOCABULARY_RESOURCES = [
    BronResource,
    DoelgroepResource,
    ContractvormResource,
    WoonsituatieResource,
    WoonzorgconceptResource,
    PlaatsResource,
    OrganisatieResource,
    InitiatiefResource,
    SuccesversnellerTypeResource,
    BijdrageResource,
]
ITEM_RESOURCES = [WoonvormResource, SuccesversnellerResource, PraktijkvoorbeeldResource]
CHILD_RESOURCES = [OrganisatieRolResource, ContactpersoonResource, LinkResource]


# The toetsingskader and its assessments.


class LeidendPrincipeResource(ImportingResource):
    class Meta:
        model = LeidendPrincipe
        fields = ("slug", "nummer", "naam", "toelichting")


class ToetspuntResource(ImportingResource):
    required_columns = ("slug", "code", "naam")

    class Meta:
        model = Toetspunt
        fields = ("slug", "code", "soort", "naam", "korte_naam", "toelichting", "principes", "volgorde")


class BeoordelingResource(ImportingResource):
    required_columns = ("slug",)
    # Older versions first, so the version a row replaces ("Vorige versie") is read before it.
    export_ordering = ("datum", "pk")

    class Meta:
        model = Beoordeling
        fields = (
            "slug",
            "woonvorm",
            "praktijkvoorbeeld",
            "datum",
            "beoordelaar_soort",
            "beoordelaar",
            "bronnen",
            "werkwijze",
            "status",
            "vorige",
            "samenvatting",
            "ontwikkelpunten",
        )
        # vastgesteld_door and vastgesteld_op are set by the adoption step, not by a spreadsheet.
        widgets = {
            "woonvorm": {"label": BY_SLUG},
            "praktijkvoorbeeld": {"label": BY_SLUG},
            "vorige": {"label": BY_SLUG},
        }

    def before_save_instance(self, instance, row, **kwargs):
        # As in the admin: a beoordeling that becomes vastgesteld retires the item's previous one.
        retire_previous_vastgesteld(beoordeling=instance)


class ScoreResource(ImportingResource):
    export_ordering = ("beoordeling__slug", "toetspunt__volgorde", "toetspunt__code")
    required_columns = ("beoordeling", "toetspunt")

    class Meta:
        model = Score
        fields = ("beoordeling", "toetspunt", "waarde", "toelichting", "vindplaats")
        import_id_fields = ["beoordeling", "toetspunt"]
        widgets = {"beoordeling": {"label": BY_SLUG}, "toetspunt": {"name_field": "code"}}


ASSESSMENT_RESOURCES = [LeidendPrincipeResource, ToetspuntResource, BeoordelingResource, ScoreResource]

# Every sheet of the editors' workbook, in the order an import must read them.
WORKBOOK_RESOURCES = [*VOCABULARY_RESOURCES, *ITEM_RESOURCES, *CHILD_RESOURCES, *ASSESSMENT_RESOURCES]
