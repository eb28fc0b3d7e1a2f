"""File names of downloads that say what the file holds: the subject, the chosen filters and the date.

Two downloads of the same list with different filters, or on different days, get different names, so they
do not overwrite each other in a downloads folder: `woonvormen-jongeren-2026-12-04.xlsx`.
"""

from django.utils import timezone
from django.utils.text import slugify

from spreadsheets.escaping import file_name

FILTERS_LENGTH = 60  # characters of filter values in a name; the rest is left out at a dash


def filter_part(filter_values):
    """The chosen filter values as one slug, each value once, sorted, so the same filters give the same name
    whatever order the address has them in; trimmed to FILTERS_LENGTH at a whole value."""
    slugs = sorted({slugify(str(value)) for value in filter_values} - {""})
    part = ""
    for slug in slugs:
        longer = f"{part}-{slug}" if part else slug
        if len(longer) > FILTERS_LENGTH:
            break
        part = longer
    if not part and slugs:  # one value longer than the limit on its own: its beginning
        part = slugs[0][:FILTERS_LENGTH].strip("-")
    return part


def export_filename(subject, filter_values=(), extension=None):
    """The download's name: subject, filter values and today's date in the site's time zone
    (Europe/Amsterdam), only letters, digits and dashes. Without `extension` it is the stem that
    `spreadsheets.writers.spreadsheet_response` takes; with one, the whole name (`…-2026-12-04.xlsx`)."""
    stem = "-".join(part for part in (str(subject), filter_part(filter_values)) if part)
    name = f"{file_name(stem)}-{timezone.localdate():%Y-%m-%d}"
    return f"{name}.{slugify(extension)}" if extension else name
