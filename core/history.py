"""The admin base for every model with a change history: who changed what and when, and revert.

django-simple-history's revert form fills the model fields from the chosen version but takes many-to-many
relations from the current row. Here the form starts from the relations as they were in that version too,
so "Terugzetten" restores fields and relations alike. Only users who may change the model can revert, and
malformed ids in a history address answer 404.
"""

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from simple_history.admin import SimpleHistoryAdmin
from simple_history.manager import SIMPLE_HISTORY_REVERSE_ATTR_NAME
from simple_history.utils import get_m2m_reverse_field_name


def historical_relations(record):
    """The many-to-many relations a historical record holds, as {field name: [related pk, …]}."""
    return {
        field.name: list(
            getattr(record, field.name).values_list(get_m2m_reverse_field_name(field), flat=True)
        )
        for field in record._history_m2m_fields
    }


class HistoryAdmin(SimpleHistoryAdmin):
    def get_form(self, request, obj=None, change=False, **kwargs):
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
