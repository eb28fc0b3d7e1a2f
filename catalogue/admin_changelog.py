"""The beheeromgeving's view of the change log (Wijziging) and of the link check (LinkControle).

Entries of the change log are written by the services that make a change (catalogue.changelog); here editors
correct an entry's wording or soort, or remove it. They are not added by hand, and who made the change stays
as recorded. The outcome of the link check is written by manage.py controleer_links only: editors read it
and may remove a row, which the next check writes again.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from catalogue.models import LinkControle, Wijziging
from catalogue.models.children import ITEM_FIELDS


@admin.register(Wijziging)
class WijzigingAdmin(admin.ModelAdmin):
    list_display = ["datum", "soort", "titel", "item"]
    list_filter = ["soort"]
    search_fields = ["titel"]
    list_select_related = ITEM_FIELDS
    date_hierarchy = "datum"
    fields = ["datum", "item", "soort", "titel", "omschrijving", "door"]
    readonly_fields = ["datum", "item", "door"]

    @admin.display(description=_("item"))
    def item(self, obj):
        return obj.item

    def has_add_permission(self, request):
        return False  # an entry belongs to a change a service made


@admin.register(LinkControle)
class LinkControleAdmin(admin.ModelAdmin):
    list_display = ["url", "status", "http_code", "gecontroleerd_op", "melding"]
    list_filter = ["status"]

    def has_add_permission(self, request):
        return False  # written by manage.py controleer_links

    def has_change_permission(self, request, obj=None):
        return False
