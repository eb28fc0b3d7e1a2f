from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from catalogue.kinds import KINDS
from core.history import HistoryAdmin
from routekaart.models import ChecklistItem, Fase, FaseRol, Hulpmiddel


class FaseRolInline(admin.StackedInline):
    model = FaseRol
    extra = 0


class HulpmiddelInline(admin.StackedInline):
    model = Hulpmiddel
    extra = 0
    autocomplete_fields = [kind.key for kind in KINDS]


class ChecklistItemInline(admin.TabularInline):
    model = ChecklistItem
    extra = 0


@admin.register(Fase)
class FaseAdmin(HistoryAdmin):
    list_display = ["nummer", "naam", "niveau", "duur"]
    search_fields = ["naam", "doel"]
    prepopulated_fields = {"slug": ["naam"]}
    inlines = [FaseRolInline, HulpmiddelInline, ChecklistItemInline]
    fieldsets = [
        (None, {"fields": ["nummer", "naam", "slug", "doel", "niveau", "duur", "beschrijving"]}),
        (_("Waar loop je tegenaan?"), {"fields": ["obstakels"]}),
        (_("Stappen en kennis"), {"fields": ["stappen", "kennis"]}),
    ]


@admin.register(FaseRol)
class FaseRolAdmin(HistoryAdmin):
    list_display = ["fase", "partij"]
    list_filter = ["fase", "partij"]
    search_fields = ["taken", "fase__naam"]


@admin.register(Hulpmiddel)
class HulpmiddelAdmin(HistoryAdmin):
    list_display = ["titel", "uitgever", "fase", "item"]
    list_filter = ["fase"]
    search_fields = ["titel", "uitgever", *(f"{kind.key}__naam" for kind in KINDS)]
    autocomplete_fields = [kind.key for kind in KINDS]
    list_select_related = ["fase", *(kind.key for kind in KINDS)]

    @admin.display(description=_("catalogusitem"))
    def item(self, obj):
        return obj.item


@admin.register(ChecklistItem)
class ChecklistItemAdmin(HistoryAdmin):
    list_display = ["code", "tekst", "fase"]
    list_filter = ["fase"]
    search_fields = ["slug", "tekst"]
    list_select_related = ["fase"]
