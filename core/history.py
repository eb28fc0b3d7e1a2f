"""The admin base for every model with a change history: who changed what and when, and revert.

django-simple-history's revert form fills the model fields from the chosen version but takes many-to-many
relations from the current row. Here the form starts from the relations as they were in that version too,
so "Terugzetten" restores fields and relations alike. Only users who may change the model can revert, and
malformed ids in a history address answer 404.

Every change form asks for an optional reason ("Reden van de wijziging"), kept as the version's change reason,
also for the rows of its inlines. Saving a change form records one version with its fields and relations
together (the library would record one for the fields and one per relation that changed), and none when
nothing changed. The history page lists per version only what really changed (core.history_changes).
"""

from django import forms
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin
from simple_history.manager import SIMPLE_HISTORY_REVERSE_ATTR_NAME
from simple_history.utils import get_m2m_reverse_field_name

from core.history_changes import ChangesHelper
from core.text import changes_nothing, history_model

REASON_FIELD = "wijzigingsreden"
# The length of django-simple-history's change reason column.
REASON_MAX_LENGTH = 100


def _give_reason(obj, form):
    reason = form.cleaned_data.get(REASON_FIELD)
    if reason:
        obj._change_reason = reason


def current_relations(obj):
    """The many-to-many relations the history keeps of an object, as they are now: {name: {pk, …}}."""
    return {
        field.name: set(getattr(obj, field.name).values_list("pk", flat=True))
        for field in history_model(type(obj))._history_m2m_fields
    }


def _record_version(obj):
    """Saves the object once more so that django-simple-history records it as it is now, relations
    included. CleanTextModel.save would skip the version, as the row is already stored."""
    models.Model.save(obj)


def historical_relations(record):
    """The many-to-many relations a historical record holds, as {field name: [related pk, …]}."""
    return {
        field.name: list(
            getattr(record, field.name).values_list(get_m2m_reverse_field_name(field), flat=True)
        )
        for field in record._history_m2m_fields
    }


def with_reason(form_class):
    """The form class with the optional reason for the change."""
    reason = forms.CharField(
        label=_("Reden van de wijziging (optioneel)"),
        required=False,
        max_length=REASON_MAX_LENGTH,
        help_text=_("Staat bij deze versie in de geschiedenis."),
    )
    return type(form_class.__name__, (form_class,), {REASON_FIELD: reason})


class HistoryAdmin(SimpleHistoryAdmin):
    def get_form(self, request, obj=None, change=False, **kwargs):
        kwargs.setdefault("form", with_reason(self.form))
        form = super().get_form(request, obj, change=change, **kwargs)
        record = getattr(obj, SIMPLE_HISTORY_REVERSE_ATTR_NAME, None)
        if record is None:
            return form
        relations = historical_relations(record)

        class RevertForm(form):
            def __init__(self, *args, **form_kwargs):
                form_kwargs["initial"] = {**relations, **(form_kwargs.get("initial") or {})}
                super().__init__(*args, **form_kwargs)

        return RevertForm

    def get_fieldsets(self, request, obj=None):
        """The model's fieldsets, and the reason last for whoever may save the form."""
        fieldsets = [
            (name, {**options, "fields": [f for f in options["fields"] if f != REASON_FIELD]})
            for name, options in super().get_fieldsets(request, obj)
        ]
        if self._may_save(request, obj):
            fieldsets.append((_("Wijziging"), {"fields": [REASON_FIELD]}))
        return fieldsets

    def _may_save(self, request, obj):
        return self.has_add_permission(request) if obj is None else self.has_change_permission(request, obj)

    def save_model(self, request, obj, form, change):
        _give_reason(obj, form)
        if not change or getattr(obj, SIMPLE_HISTORY_REVERSE_ATTR_NAME, None) is not None:
            return super().save_model(request, obj, form, change)
        # One version per saved form: the fields and relations are recorded together in save_related.
        obj._fields_changed = not changes_nothing(obj)
        obj.skip_history_when_saving = True
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        obj = form.instance
        if not hasattr(obj, "_fields_changed"):
            return super().save_related(request, form, formsets, change)
        before = current_relations(obj)
        try:
            super().save_related(request, form, formsets, change)
        finally:
            del obj.skip_history_when_saving
        if obj._fields_changed or current_relations(obj) != before:
            _record_version(obj)
        del obj._fields_changed

    def save_formset(self, request, form, formset, change):
        for inline_form in formset.forms:
            _give_reason(inline_form.instance, form)
        super().save_formset(request, form, formset, change)

    def get_historical_record_context_helper(self, request, historical_record):
        return ChangesHelper(self.model, historical_record)

    def _valid_ids(self, object_id, version_id=None):
        """A 404 for ids that are not numbers, where the library would raise a ValueError (a 500)."""
        try:
            self.model._meta.pk.to_python(unquote(object_id))
            if version_id is not None:
                self.model.history.model._meta.pk.to_python(version_id)
        except ValidationError:
            raise Http404 from None

    def history_view(self, request, object_id, extra_context=None):
        self._valid_ids(object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        self._valid_ids(object_id, version_id)
        # The library checks only view permission before saving a reverted version.
        if request.method == "POST" and not self.has_change_permission(request):
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)
