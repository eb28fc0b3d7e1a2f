"""Text that a spreadsheet would run as a formula, made harmless on export and restored on import.

Text starting with =, +, -, @, a tab or a carriage return is written with a single quote in front, in every
format; `unescape_formula` takes it off again on import, so a round trip returns the original text.
"""

from django.utils.functional import Promise
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def _runs_as_formula(text):
    return text.lstrip("'")[:1] in FORMULA_TRIGGERS


def escape_formula(value):
    """Text a spreadsheet would run gets a single quote in front; so does such text already quoted."""
    if isinstance(value, str) and _runs_as_formula(value):
        return "'" + value
    return value


def unescape_formula(value):
    """The inverse of escape_formula: unescape_formula(escape_formula(text)) == text for every text."""
    if isinstance(value, str) and value.startswith("'") and _runs_as_formula(value):
        return value[1:]
    return value


def cell_value(value):
    """A value as it goes into a cell: text escaped and without characters a spreadsheet cannot hold."""
    if isinstance(value, Promise):
        value = str(value)
    if isinstance(value, str):
        return escape_formula(ILLEGAL_CHARACTERS_RE.sub("", value))
    return value
