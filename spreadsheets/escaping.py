"""Text that a spreadsheet would run as a formula, made harmless on export and restored on import.

Every text that leaves the site in a spreadsheet goes through `escape_formula`: data cells, headers, the
Toelichting (also the "#" lines of a csv file), sheet names and file names. A text is escaped with a single
quote in front when a spreadsheet program could take it for a formula:

- its first visible character is `=`, `+`, `-` or `@`, or a look-alike of one: the full-width and small forms
  (`＝`, `﹢`), the minus sign, hyphens and dashes, heavy plus and minus signs, and whatever else Unicode
  normalises (NFKC) to one of the four; whitespace of any kind and invisible formatting characters before it
  (spaces, no-break spaces, zero-width spaces, direction marks) do not hide it;
- or it starts with a tab or a carriage return.

`unescape_formula` takes the quote off again on import, so a round trip returns the original text.
"""

import re
import unicodedata

from django.utils.functional import Promise
from django.utils.text import slugify
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# Characters that look like, or are read as, one of = + - @ without normalising to it.
LOOK_ALIKES = frozenset(
    # hyphens, dashes and minus signs
    "\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\u2796\u02d7\u1400\u30a0\u2e3a\u2e3b\u2e40\ufe58"
    # plus signs
    "\u2795\u02d6\u29fa\u29fb"
    # equals signs
    "\u229c\u2a66\u2a6e\u2a71\u2a72\u2a73\u2a74\u2a75\u2a76"
)
FORMULA_STARTS = frozenset("=+-@")
SHEET_TITLE_LENGTH = 31  # what xlsx allows
SHEET_TITLE_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def _invisible(char):
    """Whitespace, control and formatting characters: a spreadsheet skips them before a formula."""
    return char.isspace() or unicodedata.category(char) in {"Cc", "Cf", "Zs", "Zl", "Zp", "Mn", "Me"}


def _is_trigger(char):
    if char in FORMULA_STARTS or char in LOOK_ALIKES:
        return True
    normalised = unicodedata.normalize("NFKC", char)
    return normalised[:1] in FORMULA_STARTS


def _runs_as_formula(text):
    """Whether a spreadsheet could run this text (quotes a user typed in front do not protect it)."""
    first = text[:1]
    if first.isascii() and first.isalnum():
        # Most texts start with a plain letter or digit: nothing before it to skip, and it starts nothing.
        return False
    text = text.lstrip("'")
    if text[:1] in ("\t", "\r"):
        return True
    for char in text:
        if not _invisible(char):
            return _is_trigger(char)
    return False


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


def note_line(label, value):
    """One line of the Toelichting as a csv file holds it: "# label: value" on one line, escaped."""
    text = " ".join(f"{label}: {value}".split())
    return cell_value(f"# {text}")


def sheet_title(title):
    """A sheet name: escaped, without the characters xlsx forbids in one, at most 31 characters."""
    text = SHEET_TITLE_FORBIDDEN.sub(" ", str(cell_value(str(title))))
    text = " ".join(text.split())[:SHEET_TITLE_LENGTH].strip()
    return text or "Blad"


def file_name(stem):
    """The name of a download without its extension: letters, digits and dashes only, so no program
    reads it as a formula, an option or a path."""
    return slugify(str(cell_value(str(stem)))) or "export"
