"""One form for every stored text, and a change history that records only real changes.

A browser sends a textarea's line breaks as `\\r\\n` and an admin form strips the text's ends, while the
content files hold `\\n` and often a trailing newline. Without one rule every save through the admin would
"change" each text field it did not touch. So every text is stored normalised: line breaks are `\\n`, no line
ends in spaces and the text neither starts nor ends with blank space (the indentation of the lines after the
first is kept: it may carry meaning in a list).

`CleanTextModel` applies the rule in `save()`, so the admin, the spreadsheet import, the content loader and
services all store the same text, and it skips the history row of a save that changes nothing that is
stored. Texts that differ only in those spaces and line breaks count as the same, so a row stored before
this rule existed does not gain a history row on its first save either.
"""

from django.db import models

LINE_BREAKS = ("\r\n", "\r")


def normalise_text(value):
    """The stored form of a text; anything that is not a str is returned as it is."""
    if not isinstance(value, str):
        return value
    for line_break in LINE_BREAKS:
        value = value.replace(line_break, "\n")
    return "\n".join(line.rstrip() for line in value.split("\n")).strip()


def same_value(stored, current):
    """Whether a stored value and a new one are the same for the change history."""
    if isinstance(stored, str) and isinstance(current, str):
        return normalise_text(stored) == normalise_text(current)
    return stored == current


def is_text_field(field):
    return isinstance(field, models.CharField | models.TextField)


def _compared_fields(instance):
    """The fields a change of which is worth a history row: those the history keeps, but not the primary
    key, not the timestamps the database keeps, not a field left unloaded (reading it would cost a query
    and it cannot change)."""
    deferred = instance.get_deferred_fields()
    return [
        field
        for field in history_model(type(instance)).tracked_fields
        if not field.primary_key
        and not getattr(field, "auto_now", False)
        and not getattr(field, "auto_now_add", False)
        and field.attname not in deferred
    ]


def changes_nothing(instance, using=None):
    """Whether saving the instance would leave its stored row as it is (texts compared normalised)."""
    if instance._state.adding or instance.pk is None:
        return False
    fields = _compared_fields(instance)
    manager = type(instance)._base_manager.using(using or instance._state.db)
    stored = manager.filter(pk=instance.pk).values(*(field.attname for field in fields)).first()
    if stored is None:
        return False
    return all(same_value(stored[field.attname], getattr(instance, field.attname)) for field in fields)


def normalise_text_fields(instance):
    for field in instance._meta.concrete_fields:
        if is_text_field(field):
            value = getattr(instance, field.attname)
            if isinstance(value, str):
                setattr(instance, field.attname, normalise_text(value))


def has_history(model):
    """Whether django-simple-history keeps a change history of the model."""
    return hasattr(model._meta, "simple_history_manager_attribute")


def history_model(model):
    return getattr(model, model._meta.simple_history_manager_attribute).model


class CleanTextModel(models.Model):
    """Stores every text normalised and records a history row only for a save that changes something.

    django-simple-history records a row on every save unless the instance carries
    `skip_history_when_saving`; it is set for the one save that changes nothing. Many-to-many changes
    record their own rows, as before.
    """

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        normalise_text_fields(self)
        if hasattr(self, "skip_history_when_saving"):
            return super().save(*args, **kwargs)  # no version either way: no need to ask the database
        if not (has_history(type(self)) and changes_nothing(self, kwargs.get("using"))):
            return super().save(*args, **kwargs)
        self.skip_history_when_saving = True
        try:
            return super().save(*args, **kwargs)
        finally:
            del self.skip_history_when_saving
