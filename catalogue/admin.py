from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from catalogue import (
    admin_changelog,  # noqa: F401 (registers the admins of the change log and link check)
    services,
)
from catalogue.admin_completeness import CompletenessAdminMixin
from catalogue.admin_werkversies import WerkversieAdminMixin, saves_werkversie
from catalogue.changelog import never_published, record_change
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
    Status,
    Succesversneller,
    SuccesversnellerType,
    Wijziging,
    Woonsituatie,
    Woonvorm,
    Woonzorgconcept,
)
from core.history import HistoryAdmin

# Vocabularies -------------------------------------------------------------------------------------------


class VocabularyAdmin(HistoryAdmin):
    list_display = ["naam", "slug"]
    search_fields = ["naam", "slug"]
    prepopulated_fields = {"slug": ["naam"]}


@admin.register(Bron)
class BronAdmin(VocabularyAdmin):
    list_display = ["naam", "uitgever", "jaar"]
    list_filter = ["jaar"]
    search_fields = ["naam", "uitgever", "slug"]


@admin.register(Doelgroep)
class DoelgroepAdmin(VocabularyAdmin):
    list_display = ["naam", "soort", "volgorde"]
    list_filter = ["soort"]


@admin.register(Contractvorm)
class ContractvormAdmin(VocabularyAdmin):
    list_display = ["naam", "looptijd", "contracthouder", "zorgkoppeling", "omzetting_eigen_naam"]
    list_filter = ["looptijd", "contracthouder", "zorgkoppeling", "omzetting_eigen_naam"]
    search_fields = ["naam", "slug", "definitie", "juridische_basis"]
    autocomplete_fields = ["bron"]
    fieldsets = [
        (None, {"fields": ["naam", "slug", "volgorde", "definitie", "synoniemen"]}),
        (_("Juridisch en risico"), {"fields": ["juridische_basis", "risicodrager"]}),
        (_("Voor- en nadelen"), {"fields": ["voordelen", "nadelen"]}),
        (_("Dimensies"), {"fields": ["looptijd", "contracthouder", "zorgkoppeling", "omzetting_eigen_naam"]}),
        (_("Bron"), {"fields": ["bron", "bron_vindplaats"]}),
    ]


@admin.register(Woonsituatie)
class WoonsituatieAdmin(VocabularyAdmin):
    list_display = ["naam", "volgorde"]


@admin.register(Woonzorgconcept)
class WoonzorgconceptAdmin(VocabularyAdmin):
    list_display = ["naam", "dimensie_begeleiding", "dimensie_woonduur", "dimensie_samenleven"]
    list_filter = ["dimensie_begeleiding", "dimensie_woonduur", "dimensie_samenleven"]
    autocomplete_fields = ["bron"]
    fieldsets = [
        (None, {"fields": ["naam", "slug", "volgorde", "definitie", "synoniemen"]}),
        (
            _("Plaats op de dimensies"),
            {
                "fields": [
                    "dimensie_begeleiding",
                    "dimensie_woonduur",
                    "dimensie_samenleven",
                    "dimensies_toelichting",
                ]
            },
        ),
        (_("Lessen"), {"fields": ["lessen"]}),
        (_("Bron"), {"fields": ["bron", "bron_vindplaats"]}),
    ]


@admin.register(Plaats)
class PlaatsAdmin(VocabularyAdmin):
    list_display = ["naam", "provincie"]
    list_filter = ["provincie"]


@admin.register(Organisatie)
class OrganisatieAdmin(VocabularyAdmin):
    list_display = ["naam", "soort", "plaats", "website"]
    list_filter = ["soort", "plaats__provincie"]
    search_fields = ["naam", "slug", "plaats__naam"]
    autocomplete_fields = ["plaats"]
    list_select_related = ["plaats"]


@admin.register(Initiatief)
class InitiatiefAdmin(VocabularyAdmin):
    pass


@admin.register(SuccesversnellerType)
class SuccesversnellerTypeAdmin(VocabularyAdmin):
    list_display = ["naam", "volgorde"]


@admin.register(Bijdrage)
class BijdrageAdmin(VocabularyAdmin):
    list_display = ["naam", "volgorde"]


# Owned children -----------------------------------------------------------------------------------------


class ChildInline(admin.TabularInline):
    extra = 0
    autocomplete_fields = ["organisatie"]


class OrganisatieRolInline(ChildInline):
    model = OrganisatieRol
    fields = ["organisatie", "rol", "toelichting", "volgorde"]


class ContactpersoonInline(ChildInline):
    model = Contactpersoon
    fields = ["naam", "organisatie", "rol", "email", "telefoon", "persoonlijk", "volgorde"]


class LinkInline(ChildInline):
    model = Link
    autocomplete_fields = []
    fields = ["soort", "url", "titel", "spreker_rol", "spreker_naam", "volgorde"]


def inlines_for(owner_field):
    """The three child inlines, bound to one kind of owner."""
    return [
        type(f"{inline.__name__}For{owner_field.title()}", (inline,), {"fk_name": owner_field})
        for inline in (OrganisatieRolInline, ContactpersoonInline, LinkInline)
    ]


# Catalogue items ----------------------------------------------------------------------------------------

RECIPE_FIELDSETS = [
    (None, {"fields": ["naam", "slug", "status", "samenvatting"]}),
    (_("Wat is het?"), {"fields": ["beschrijving"]}),
    (_("Werkzame elementen"), {"fields": ["werkzame_elementen"]}),
    (_("Aandachtselementen"), {"fields": ["aandachtselementen"]}),
    (_("Ter inspiratie"), {"fields": ["ter_inspiratie"]}),
    (_("Financiële context"), {"fields": ["financiele_context"]}),
    (_("Verhouding tot Wonen Eerst"), {"fields": ["verhouding_wonen_eerst"]}),
]
WOONKENMERKEN_FIELDS = [
    "doelgroepen",
    "doelgroep_toelichting",
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
    "plaatsen",
]
SOURCE_FIELDSETS = [
    (_("Bron en samenhang"), {"fields": ["bron", "bron_vindplaats", "bron_opmerking", "initiatief"]}),
]


def _change_status(modeladmin, request, queryset, service):
    """Run a status service on the selected items; returns how many changed, or None on an error."""
    try:
        return len(service(items=queryset, user=request.user))
    except ValidationError as error:
        message = _("Niets gewijzigd: een item is niet volledig ingevuld. %(fouten)s")
        modeladmin.message_user(request, message % {"fouten": " ".join(error.messages)}, messages.ERROR)
        return None


@admin.action(description=_("Publiceren"), permissions=["change"])
def publish(modeladmin, request, queryset):
    count = _change_status(modeladmin, request, queryset, services.publish)
    if count is not None:
        message = ngettext("%(aantal)d item gepubliceerd.", "%(aantal)d items gepubliceerd.", count)
        modeladmin.message_user(request, message % {"aantal": count}, messages.SUCCESS)


@admin.action(description=_("Archiveren"), permissions=["change"])
def archive(modeladmin, request, queryset):
    count = _change_status(modeladmin, request, queryset, services.archive)
    if count is not None:
        message = ngettext("%(aantal)d item gearchiveerd.", "%(aantal)d items gearchiveerd.", count)
        modeladmin.message_user(request, message % {"aantal": count}, messages.SUCCESS)


class ItemAdmin(CompletenessAdminMixin, WerkversieAdminMixin, HistoryAdmin):
    list_display = ["naam", "status", "bron", "updated"]
    list_filter = ["status", "doelgroepen", "plaatsen__provincie", "bron"]
    search_fields = [
        "naam",
        "slug",
        "samenvatting",
        "doelgroepen__naam",
        "plaatsen__naam",
        "organisatierollen__organisatie__naam",
    ]
    autocomplete_fields = ["doelgroepen", "plaatsen", "bron", "initiatief"]
    prepopulated_fields = {"slug": ["naam"]}
    list_select_related = ["bron"]
    date_hierarchy = "updated"
    readonly_fields = ["created", "updated"]
    actions = [publish, archive]

    def save_model(self, request, obj, form, change):
        """An item published for the first time from its form is logged as new, as by the action
        Publiceren (catalogue.services.publish)."""
        first_time = self._publishes_first_time(request, obj, change)
        super().save_model(request, obj, form, change)
        if first_time:
            record_change(obj, soort=Wijziging.Soort.NIEUW, user=request.user)

    def _publishes_first_time(self, request, obj, change):
        """Whether this save publishes the item for the first time: it is saved as gepubliceerd (not into
        its werkversie), and is new, or as stored before this save it is one never_published() gives."""
        if obj.status != Status.GEPUBLICEERD or (change and saves_werkversie(request)):
            return False
        return not change or bool(never_published(type(obj)._default_manager.filter(pk=obj.pk)))


# Woonvormen and praktijkvoorbeelden are also found by the names of their woonkenmerken.
WOONKENMERKEN_SEARCH_FIELDS = ["contractvormen__naam", "woonsituaties__naam", "woonzorgconcepten__naam"]


@admin.register(Woonvorm)
class WoonvormAdmin(ItemAdmin):
    list_display = ["naam", "status", "leeftijdsgroep", "begeleiding", "benut_leegstand", "updated"]
    list_filter = [
        "status",
        "leeftijdsgroep",
        "begeleiding",
        "benut_leegstand",
        "doelgroepen",
        "contractvormen",
        "woonsituaties",
        "woonzorgconcepten",
        "plaatsen__provincie",
    ]
    search_fields = [*ItemAdmin.search_fields, *WOONKENMERKEN_SEARCH_FIELDS]
    autocomplete_fields = [
        *ItemAdmin.autocomplete_fields,
        "contractvormen",
        "woonsituaties",
        "woonzorgconcepten",
    ]
    fieldsets = [
        *RECIPE_FIELDSETS,
        (_("Kenmerken"), {"fields": WOONKENMERKEN_FIELDS}),
        *SOURCE_FIELDSETS,
        (_("Beheer"), {"fields": ["created", "updated"], "classes": ["collapse"]}),
    ]
    inlines = inlines_for("woonvorm")


@admin.register(Succesversneller)
class SuccesversnellerAdmin(ItemAdmin):
    list_filter = ["status", "typen", "bijdragen", "doelgroepen", "plaatsen__provincie"]
    search_fields = [*ItemAdmin.search_fields, "typen__naam", "bijdragen__naam"]
    autocomplete_fields = [*ItemAdmin.autocomplete_fields, "typen", "bijdragen"]
    fieldsets = [
        *RECIPE_FIELDSETS,
        (
            _("Kenmerken"),
            {"fields": ["typen", "bijdragen", "doelgroepen", "doelgroep_toelichting", "plaatsen"]},
        ),
        *SOURCE_FIELDSETS,
        (_("Beheer"), {"fields": ["created", "updated"], "classes": ["collapse"]}),
    ]
    inlines = inlines_for("succesversneller")


@admin.register(Praktijkvoorbeeld)
class PraktijkvoorbeeldAdmin(ItemAdmin):
    list_display = ["naam", "status", "bron", "startjaar", "updated"]
    list_filter = [
        "status",
        "bron",
        "leeftijdsgroep",
        "begeleiding",
        "doelgroepen",
        "contractvormen",
        "woonzorgconcepten",
        "plaatsen__provincie",
    ]
    search_fields = [*ItemAdmin.search_fields, *WOONKENMERKEN_SEARCH_FIELDS]
    autocomplete_fields = WoonvormAdmin.autocomplete_fields
    fieldsets = [
        (None, {"fields": ["naam", "slug", "status", "samenvatting"]}),
        (_("Wat is het?"), {"fields": ["beschrijving", "doel", "startjaar"]}),
        (_("Werkzame elementen"), {"fields": ["werkzame_elementen", "lessen"]}),
        (_("Aandachtselementen"), {"fields": ["aandachtselementen", "belemmeringen"]}),
        (_("Ter inspiratie"), {"fields": ["ter_inspiratie", "resultaten"]}),
        (_("Financiële context"), {"fields": ["financiele_context"]}),
        (_("Verhouding tot Wonen Eerst"), {"fields": ["verhouding_wonen_eerst"]}),
        (
            _("Kenmerken"),
            {"fields": [*WOONKENMERKEN_FIELDS, "gebouwtype", "beheer", "samenwerking", "wet_en_regelgeving"]},
        ),
        *SOURCE_FIELDSETS,
        (_("Beheer"), {"fields": ["created", "updated"], "classes": ["collapse"]}),
    ]
    inlines = inlines_for("praktijkvoorbeeld")


# Children on their own, for searching across items ------------------------------------------------------


# A child row belongs to one item of any kind; it is found by that item's name and slug.
OWNER_FIELDS = [kind.key for kind in KINDS]
OWNER_SEARCH_FIELDS = [f"{owner}__{field}" for owner in OWNER_FIELDS for field in ("naam", "slug")]


class ChildAdmin(HistoryAdmin):
    list_select_related = OWNER_FIELDS
    autocomplete_fields = OWNER_FIELDS

    @admin.display(description=_("item"))
    def item(self, obj):
        return obj.item


@admin.register(Contactpersoon)
class ContactpersoonAdmin(ChildAdmin):
    list_display = ["__str__", "organisatie", "rol", "email", "telefoon", "item"]
    search_fields = ["naam", "email", "organisatie__naam", *OWNER_SEARCH_FIELDS]
    list_select_related = [*ChildAdmin.list_select_related, "organisatie"]
    autocomplete_fields = [*ChildAdmin.autocomplete_fields, "organisatie"]


@admin.register(Link)
class LinkAdmin(ChildAdmin):
    list_display = ["__str__", "soort", "url", "spreker_rol", "item"]
    list_filter = ["soort"]
    search_fields = ["titel", "url", "spreker_naam", *OWNER_SEARCH_FIELDS]


@admin.register(OrganisatieRol)
class OrganisatieRolAdmin(ChildAdmin):
    list_display = ["organisatie", "rol", "item"]
    list_filter = ["rol"]
    search_fields = ["organisatie__naam", *OWNER_SEARCH_FIELDS]
    list_select_related = [*ChildAdmin.list_select_related, "organisatie"]
    autocomplete_fields = [*ChildAdmin.autocomplete_fields, "organisatie"]
