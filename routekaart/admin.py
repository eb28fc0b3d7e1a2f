from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from core.history import HistoryAdmin
from routekaart.models import ChecklistItem, Fase, FaseRol, Hulpmiddel


class FaseRolInline(admin.StackedInline):
    model = FaseRol
    extra = 0


class HulpmiddelInline(admin.StackedInline):
    model = Hulpmiddel
    extra = 0
    autocomplete_fields = ["woonvorm", "succesversneller", "praktijkvoorbeeld"]


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
    search_fields = ["titel", "uitgever", "woonvorm__naam", "succesversneller__naam"]
    autocomplete_fields = ["woonvorm", "succesversneller", "praktijkvoorbeeld"]
    list_select_related = ["fase", "woonvorm", "succesversneller", "praktijkvoorbeeld"]

    @admin.display(description=_("catalogusitem"))
    def item(self, obj):
        return obj.item


@admin.register(ChecklistItem)
class ChecklistItemAdmin(HistoryAdmin):
    list_display = ["code", "tekst", "fase"]
    list_filter = ["fase"]
    search_fields = ["slug", "tekst"]
    list_select_related = ["fase"]
