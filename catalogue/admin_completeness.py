"""The completeness of an item in the beheeromgeving: a column "7 van 10" in the item lists and, on the change
form, a read-only field naming what is missing (catalogue.completeness). The list reads the relations through
EXISTS annotations of its own query, so it makes no query per row."""

from django.contrib import admin
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from catalogue.completeness import completeness, with_completeness

MISSING_FIELD = "ontbrekende_velden"


class CompletenessAdminMixin:
    def get_queryset(self, request):
        return with_completeness(super().get_queryset(request))

    def get_list_display(self, request):
        return [*super().get_list_display(request), "compleetheid"]

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), MISSING_FIELD]

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        if obj is not None:
            fieldsets.insert(1, (_("Compleetheid"), {"fields": [MISSING_FIELD]}))
        return fieldsets

    @admin.display(description=_("compleet"))
    def compleetheid(self, obj):
        return str(completeness(obj))

    @admin.display(description=_("ontbreekt nog"))
    def ontbrekende_velden(self, obj):
        found = completeness(obj)
        if found.complete:
            message = _("Niets: alle velden van een volledige kaart zijn ingevuld (%(stand)s).")
            return message % {"stand": found}
        names = ", ".join(capfirst(name) for name in found.missing)
        return _("%(namen)s (%(stand)s ingevuld)") % {"namen": names, "stand": found}
