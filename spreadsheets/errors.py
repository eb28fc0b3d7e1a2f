"""The error every reader and check raises for a file that cannot be imported."""

from django.utils.text import capfirst


class SpreadsheetError(Exception):
    """A file that cannot be imported; the message says why, in Dutch."""


def refuse(where, message):
    """SpreadsheetError for `message`, after `where` (e.g. "In blad “Woonvormen”: ", or empty)."""
    return SpreadsheetError(capfirst(where + message))
