from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from assessment.models import Beoordeling, LeidendPrincipe, Score, Toetspunt
from assessment.services import retire_previous_vastgesteld
from catalogue.kinds import SCORED_KINDS
from core.history import HistoryAdmin


@admin.register(LeidendPrincipe)
class LeidendPrincipeAdmin(HistoryAdmin):
    list_display = ["nummer", "naam"]
    search_fields = ["naam", "toelichting"]
    prepopulated_fields = {"slug": ["naam"]}


@admin.register(Toetspunt)
class ToetspuntAdmin(HistoryAdmin):
    list_display = ["code", "korte_naam", "soort"]
    list_filter = ["soort", "principes"]
    search_fields = ["code", "naam", "korte_naam"]
    filter_horizontal = ["principes"]
    prepopulated_fields = {"slug": ["code"]}


class ScoreFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        chosen = [
            form.cleaned_data["toetspunt"]
            for form in self.forms
            if form.cleaned_data
            and not form.cleaned_data.get("DELETE")
            and form.cleaned_data.get("toetspunt")
        ]
        if self.instance.status == Beoordeling.Status.VASTGESTELD:
            missing = set(Toetspunt.objects.all()) - set(chosen)
            if missing:
                names = ", ".join(sorted(t.code for t in missing))
                message = _(
                    "Een vastgestelde beoordeling heeft een score voor elk toetspunt. Ontbreekt: %(codes)s."
                )
                raise ValidationError(message % {"codes": names})


class ScoreInline(admin.TabularInline):
    model = Score
    formset = ScoreFormSet
    fields = ["toetspunt", "waarde", "toelichting"]
    extra = 0
    min_num = 0

    def get_extra(self, request, obj=None, **kwargs):
        return 0 if obj else Toetspunt.objects.count()


@admin.register(Beoordeling)
class BeoordelingAdmin(HistoryAdmin):
    list_display = ["__str__", "status", "datum", "beoordelaar"]
    list_filter = ["status", "datum"]
    search_fields = [*(f"{kind.key}__naam" for kind in SCORED_KINDS), "beoordelaar", "samenvatting"]
    autocomplete_fields = ["woonvorm", "praktijkvoorbeeld"]
    list_select_related = ["woonvorm", "praktijkvoorbeeld"]
    inlines = [ScoreInline]
    fieldsets = [
        (None, {"fields": ["woonvorm", "praktijkvoorbeeld", "slug", "datum", "beoordelaar", "status"]}),
        (_("Oordeel"), {"fields": ["samenvatting", "ontwikkelpunten"]}),
    ]

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        if isinstance(inline, ScoreInline) and obj.pk is None and request.method == "GET":
            kwargs["initial"] = [{"toetspunt": pk} for pk in Toetspunt.objects.values_list("pk", flat=True)]
        return kwargs

    def save_model(self, request, obj, form, change):
        # The admin wraps the whole change in one transaction, so retiring and saving happen together.
        retire_previous_vastgesteld(beoordeling=obj)
        super().save_model(request, obj, form, change)


@admin.register(Score)
class ScoreAdmin(HistoryAdmin):
    list_display = ["beoordeling", "toetspunt", "waarde"]
    list_filter = ["waarde", "toetspunt"]
    search_fields = [*(f"beoordeling__{kind.key}__naam" for kind in SCORED_KINDS), "toelichting"]
    autocomplete_fields = ["beoordeling"]
    list_select_related = ["beoordeling__woonvorm", "beoordeling__praktijkvoorbeeld", "toetspunt"]
