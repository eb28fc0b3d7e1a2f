"""What the history page shows per version: only the fields that really changed, each readable.

A text shows as a word diff (core.textdiff), never cut short; a choice by its label; a relation by the names
added and removed. A field whose old and new text differ only in spaces and line breaks (rows saved before
texts were normalised, core.text) is not a change, so such a version says it changed nothing.
"""

from dataclasses import dataclass, field

from django.db.models import ManyToManyField
from django.utils.translation import gettext as _
from simple_history.template_utils import HistoricalRecordContextHelper
from simple_history.utils import get_m2m_reverse_field_name

from core.text import same_value
from core.textdiff import word_diff


@dataclass
class FieldChange:
    """One changed field of a version: a word diff, or the names a relation gained and lost."""

    label: str
    diff: str = ""
    added: list = field(default_factory=list)
    removed: list = field(default_factory=list)


def _display(model_field, value):
    """A value as an editor reads it: a choice by its label, yes/no in words, nothing for empty."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return _("ja") if value else _("nee")
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    return str(value)


def _related_names(model_field, rows):
    name = get_m2m_reverse_field_name(model_field)
    return {str(row[name]) for row in rows}


class ChangesHelper(HistoricalRecordContextHelper):
    """The changes of one version against the one before, in the model's field order."""

    def context_for_delta_changes(self, delta):
        order = [f.name for f in self.model._meta.get_fields()]
        changes = sorted(delta.changes, key=lambda change: order.index(change.field))
        return [shown for change in changes if (shown := self.field_change(change)) is not None]

    def field_change(self, change):
        model_field = self.model._meta.get_field(change.field)
        label = str(model_field.verbose_name)
        if isinstance(model_field, ManyToManyField):
            old = _related_names(model_field, change.old)
            new = _related_names(model_field, change.new)
            if old == new:
                return None
            return FieldChange(label, added=sorted(new - old), removed=sorted(old - new))
        if same_value(change.old, change.new):
            return None
        old, new = _display(model_field, change.old), _display(model_field, change.new)
        return FieldChange(label, diff=word_diff(old, new))
