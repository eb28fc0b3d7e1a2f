"""How a cell is read and written: text, whole numbers, dates, choices by label, related rows by name or slug.

On import, a value that cannot be read fails its row with a message naming the value and the column; the
library's default would drop it silently.
"""

import datetime
from decimal import Decimal, InvalidOperation

from django.utils import timezone
from django.utils.translation import gettext as _
from import_export import widgets

SEPARATOR = "; "

# How a related row is written: its name, its slug, or its name unless that would not identify it.
BY_NAME, BY_SLUG, BY_NAME_OR_SLUG = "naam", "slug", "naam_of_slug"


def unknown_value(value, column):
    return _("Onbekende waarde “%(waarde)s” in kolom “%(kolom)s”.") % {"waarde": value, "kolom": column}


def is_empty(value):
    return value is None or (isinstance(value, str) and not value.strip())


class TextWidget(widgets.CharWidget):
    """Text as it is; an empty cell is an empty text, a number typed in a text column becomes its digits."""

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return super().clean(value, row, **kwargs)


class CellWidget(widgets.Widget):
    """A widget for one column that writes its value as the spreadsheet's own type (number, date) and names
    the column when a value cannot be read."""

    def __init__(self, column):
        super().__init__(coerce_to_string=False)
        self.column = column

    def unreadable(self, value, message):
        """The error for a value that is not what the column holds; `message` names waarde and kolom."""
        return ValueError(message % {"waarde": value, "kolom": self.column})


class IntegerWidget(CellWidget):
    """Whole numbers, written as numbers so a spreadsheet can sort and add them."""

    def clean(self, value, row=None, **kwargs):
        if is_empty(value):
            return None
        not_whole = _("“%(waarde)s” in kolom “%(kolom)s” is geen geheel getal.")
        try:
            number = Decimal(str(value).strip())
        except InvalidOperation:
            raise self.unreadable(value, not_whole) from None
        if number != number.to_integral_value():
            raise self.unreadable(value, not_whole)
        return int(number)

    def render(self, value, obj=None, **kwargs):
        return value


class DateWidget(CellWidget):
    """Dates as spreadsheet dates; read from a date cell, 2026-01-31 or 31-01-2026."""

    INPUT_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y")

    def clean(self, value, row=None, **kwargs):
        if is_empty(value):
            return None
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        for date_format in self.INPUT_FORMATS:
            try:
                return datetime.datetime.strptime(str(value).strip(), date_format).date()
            except ValueError:
                continue
        raise self.unreadable(
            value, _("“%(waarde)s” in kolom “%(kolom)s” is geen datum (schrijf bijvoorbeeld 31-01-2026).")
        )

    def render(self, value, obj=None, **kwargs):
        if isinstance(value, datetime.datetime):
            return timezone.localtime(value).date()
        return value


class JaNeeWidget(widgets.Widget):
    """A yes/no field written as "ja" or "nee", as the choices ja/nee are; an empty cell is "nee"."""

    def __init__(self, column):
        super().__init__()
        self.column = column

    def clean(self, value, row=None, **kwargs):
        if is_empty(value):
            return False
        text = str(value).strip().casefold()
        if text in ("ja", "true", "1"):
            return True
        if text in ("nee", "false", "0"):
            return False
        raise ValueError(unknown_value(str(value).strip(), self.column))

    def render(self, value, obj=None, **kwargs):
        return _("ja") if value else _("nee")


class LabelWidget(widgets.Widget):
    """A choice written as its label; read back from the label or the stored value, in any case."""

    def __init__(self, choices, column):
        super().__init__()
        self.labels = {value: str(label) for value, label in choices}
        self.column = column

    def clean(self, value, row=None, **kwargs):
        if is_empty(value):
            return None
        text = str(value).strip().casefold()
        for stored, label in self.labels.items():
            if text in (stored.casefold(), label.casefold()):
                return stored
        raise ValueError(unknown_value(str(value).strip(), self.column))

    def render(self, value, obj=None, **kwargs):
        return self.labels.get(value, value or "")


class RelatedLookup:
    """Finds related rows by slug or by name, with one query per import or export, not one per row."""

    def __init__(self, model, name_field):
        self.model = model
        self.name_field = name_field
        self._by_slug = None
        self._by_name = None

    def _load(self):
        if self._by_slug is None:
            self._by_slug, self._by_name = {}, {}
            for obj in self.model._default_manager.all():
                self._by_slug[obj.slug] = obj
                if self.name_field:
                    name = str(getattr(obj, self.name_field)).strip().casefold()
                    self._by_name.setdefault(name, []).append(obj)

    def fields(self):
        """The fields a label is made of."""
        return ["slug", self.name_field] if self.name_field else ["slug"]

    def find(self, text, column):
        """The row whose slug is `text`, or else the one row whose name is `text`."""
        self._load()
        if text in self._by_slug:
            return self._by_slug[text]
        matches = self._by_name.get(text.casefold(), [])
        if len(matches) == 1:
            return matches[0]
        if matches:
            raise ValueError(
                _("“%(waarde)s” in kolom “%(kolom)s” past bij meer dan één %(soort)s; gebruik de slug.")
                % {"waarde": text, "kolom": column, "soort": self.model._meta.verbose_name}
            )
        raise ValueError(unknown_value(text, column))

    def label(self, obj, mode):
        if mode == BY_SLUG or not self.name_field:
            return obj.slug
        name = str(getattr(obj, self.name_field))
        if mode == BY_NAME:
            return name
        # By name unless the name would be read back as another row or split in two.
        self._load()
        identifies = SEPARATOR.strip() not in name and name.strip() == name
        if identifies and name not in self._by_slug and len(self._by_name.get(name.casefold(), [])) == 1:
            return name
        return obj.slug


class RelatedWidget(widgets.ForeignKeyWidget):
    def __init__(self, model, column, label=BY_NAME_OR_SLUG, name_field="naam"):
        super().__init__(model, field="slug")
        self.column = column
        self.mode = label
        self.lookup = RelatedLookup(model, name_field if _has_field(model, name_field) else None)

    def clean(self, value, row=None, **kwargs):
        if is_empty(value):
            return None
        return self.lookup.find(str(value).strip(), self.column)

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else self.lookup.label(value, self.mode)


class RelatedListWidget(widgets.ManyToManyWidget):
    """Many related rows in one cell, separated by '; ', in alphabetical order."""

    def __init__(self, model, column, label=BY_NAME_OR_SLUG, name_field="naam"):
        super().__init__(model, separator=SEPARATOR, field="slug")
        self.column = column
        self.mode = label
        self.lookup = RelatedLookup(model, name_field if _has_field(model, name_field) else None)

    def clean(self, value, row=None, **kwargs):
        if is_empty(value):
            return []
        found, unknown = [], []
        for part in str(value).split(SEPARATOR.strip()):
            text = part.strip()
            if not text:
                continue
            try:
                obj = self.lookup.find(text, self.column)
            except ValueError as error:
                unknown.append((text, error))
                continue
            if obj not in found:
                found.append(obj)
        if len(unknown) == 1:
            raise unknown[0][1]
        if unknown:
            raise ValueError(
                _("Onbekende waarden %(waarden)s in kolom “%(kolom)s”.")
                % {"waarden": ", ".join(f"“{text}”" for text, _error in unknown), "kolom": self.column}
            )
        return found

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        labelled = sorted((self.lookup.label(o, self.mode), o.slug) for o in value.all())
        return SEPARATOR.join(label for label, _slug in labelled)


def _has_field(model, name):
    return bool(name) and any(f.name == name for f in model._meta.get_fields())
