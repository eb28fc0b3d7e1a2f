"""The most a spreadsheet file may hold: every read stops, with a Dutch message, at the first limit it passes.

The limits keep the work of reading any file bounded, whatever it claims about itself: a small file can
unpack to gigabytes, claim a million rows or repeat one cell fifty million times. They are checked before
reading (the sizes in a zip file's table of contents) and while reading (rows, columns, cells, repeats and
text length as they come), so a file is refused as soon as it passes one, without reading the rest.
The values come from the settings (README, "Een spreadsheet importeren").
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _

from spreadsheets.errors import SpreadsheetError, refuse


def number(value):
    """A whole number the Dutch way: 1.048.576."""
    return f"{value:,}".replace(",", ".")


@dataclass(frozen=True)
class Limits:
    rows: int  # rows with data in one sheet
    columns: int  # columns in which a row has a value
    cells: int  # cells read in the whole file, empty cells of a row included
    unpacked_bytes: int  # the size of an xlsx or ods file once unpacked
    cell_characters: int = 32_767  # the longest text Excel itself allows in a cell
    empty_rows: int = 10_000  # empty rows in a row that are stored in the file
    compression_ratio: int = 200  # how much smaller a large part of a zip file may be than unpacked
    ratio_from_bytes: int = 1024 * 1024  # parts smaller than this may be compressed any amount

    @classmethod
    def from_settings(cls):
        return cls(
            rows=settings.SPREADSHEET_MAX_ROWS,
            columns=settings.SPREADSHEET_MAX_COLUMNS,
            cells=settings.SPREADSHEET_MAX_CELLS,
            unpacked_bytes=settings.SPREADSHEET_MAX_UNPACKED_BYTES,
        )

    # Each check raises SpreadsheetError naming the limit and the file's figure. --------------------------

    def check_unpacked(self, total):
        if total > self.unpacked_bytes:
            raise SpreadsheetError(
                _(
                    "Het bestand is uitgepakt %(grootte)s MB; de grens is %(grens)s MB. "
                    "Splits het bestand in delen."
                )
                % {
                    "grootte": number(-(-total // 1_000_000)),
                    "grens": number(self.unpacked_bytes // 1_000_000),
                }
            )

    def check_ratio(self, name, packed, unpacked):
        if unpacked >= self.ratio_from_bytes and unpacked > max(packed, 1) * self.compression_ratio:
            raise SpreadsheetError(
                _(
                    "Het onderdeel “%(naam)s” van het bestand is %(verhouding)s keer zo groot als het "
                    "ingepakt is; de grens is %(grens)s keer. Zo'n bestand maakt een spreadsheetprogramma "
                    "niet; sla het opnieuw op als xlsx of ods."
                )
                % {
                    "naam": name[:60],
                    "verhouding": number(unpacked // max(packed, 1)),
                    "grens": number(self.compression_ratio),
                }
            )

    def check_row(self, where, row_number):
        """A row with data at this position (the header is row 1, so data may reach rows + 1)."""
        if row_number - 1 > self.rows:
            raise refuse(
                where,
                _(
                    "er staan gegevens in rij %(rij)s; de grens is %(grens)s rijen met gegevens per blad. "
                    "Splits het bestand in delen."
                )
                % {"rij": number(row_number), "grens": number(self.rows)},
            )

    def check_rows(self, where, count):
        if count > self.rows:
            raise refuse(
                where,
                _(
                    "meer dan %(grens)s rijen met gegevens; de grens is %(grens)s. "
                    "Splits het bestand in delen."
                )
                % {"grens": number(self.rows)},
            )

    def check_column(self, where, row_number, column):
        if column > self.columns:
            raise refuse(
                where,
                _("rij %(rij)s heeft een waarde in kolom %(kolom)s; de grens is %(grens)s kolommen.")
                % {"rij": number(row_number), "kolom": number(column), "grens": number(self.columns)},
            )

    def check_cells(self, where, count, row_number):
        if count > self.cells:
            raise refuse(
                where,
                _(
                    "het bestand heeft bij rij %(rij)s al meer dan %(grens)s cellen (lege cellen met opmaak "
                    "tellen mee); de grens is %(grens)s. Splits het bestand in delen."
                )
                % {"rij": number(row_number), "grens": number(self.cells)},
            )

    def check_text(self, where, row_number, column, length, exact=True):
        """`exact` is False when reading stopped at the limit, so the text is at least `length` long."""
        if length > self.cell_characters:
            figure = (
                number(length) if exact else _("meer dan %(grens)s") % {"grens": number(self.cell_characters)}
            )
            raise refuse(
                where,
                _(
                    "de cel in rij %(rij)s, kolom %(kolom)s heeft %(lengte)s tekens; de grens is %(grens)s "
                    "tekens per cel."
                )
                % {
                    "rij": number(row_number),
                    "kolom": number(column),
                    "lengte": figure,
                    "grens": number(self.cell_characters),
                },
            )

    def check_empty_run(self, where, run, after_row):
        if run > self.empty_rows:
            raise refuse(
                where,
                _(
                    "na rij %(rij)s volgen meer dan %(grens)s lege rijen; de grens is %(grens)s. "
                    "Verwijder de lege rijen (of kopieer de gegevens naar een nieuw blad) "
                    "en probeer het opnieuw."
                )
                % {"rij": number(after_row), "grens": number(self.empty_rows)},
            )
