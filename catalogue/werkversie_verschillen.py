"""What a werkversie changes against the published item: field by field, only what differs, word by word.

Every value is first written as the text an editor reads (a choice by its label, a bron or organisatie
by its name, relations and child rows one per line), so one word diff (core/textdiff.py) serves them all.
"""

from django.utils.text import capfirst
from django.utils.translation import gettext as _

from catalogue.werkversies import CHILD_MODELS_BY_KEY, child_fields, current_gegevens, item_fields
from core.textdiff import word_diff


def _value(field, value):
    return None if value is None else field.to_python(value)


def _text(field, value):
    """A field's value as an editor reads it."""
    value = _value(field, value)
    if value is None or value == "":
        return ""
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if field.is_relation:
        related = field.related_model._default_manager.filter(pk=value).first()
        return str(related) if related else ""
    if isinstance(value, bool):
        return _("ja") if value else _("nee")
    return str(value)


def _relation_text(field, pks):
    names = sorted(str(related) for related in field.related_model._default_manager.filter(pk__in=pks))
    return "\n".join(names)


def _rows_text(model, rows):
    """One line per child row, in the order the page shows them."""
    fields = [field for field in child_fields(model) if field.name != "volgorde"]
    ordered = sorted(rows, key=lambda row: row.get("volgorde") or 0)
    lines = []
    for row in ordered:
        parts = [_text(field, row.get(field.name)) for field in fields]
        lines.append(" · ".join(part for part in parts if part))
    return "\n".join(lines)


def differences(werkversie, item):
    """The changed fields, relations and child rows: [{"veld": label, "verschil": SafeString}, …]."""
    published, draft = current_gegevens(item), werkversie.gegevens
    found = []

    def add(label, old, new):
        if old != new:
            found.append({"veld": capfirst(label), "verschil": word_diff(old, new)})

    for field in item_fields(type(item)):
        old = published["velden"].get(field.name)
        new = draft["velden"].get(field.name, old)
        if _value(field, old) != _value(field, new):
            found.append(
                {
                    "veld": capfirst(field.verbose_name),
                    "verschil": word_diff(_text(field, old), _text(field, new)),
                }
            )
    for field in type(item)._meta.many_to_many:
        old = published["relaties"].get(field.name, [])
        new = draft["relaties"].get(field.name, old)
        if sorted(old) != sorted(new):
            add(field.verbose_name, _relation_text(field, old), _relation_text(field, new))
    for name, model in CHILD_MODELS_BY_KEY.items():
        old = published["kinderen"].get(name, [])
        new = draft["kinderen"].get(name, old)
        add(model._meta.verbose_name_plural, _rows_text(model, old), _rows_text(model, new))
    return found
