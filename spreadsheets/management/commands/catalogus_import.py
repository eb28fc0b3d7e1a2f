from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from spreadsheets.imports import ImportRejected, import_workbook
from spreadsheets.reading import SpreadsheetError, read_spreadsheet

LISTED = 50  # messages printed per sheet; the rest are counted


class Command(BaseCommand):
    # argparse formats its help text itself, so it must be a plain string, not a lazy translation.
    help = (
        "Leest een spreadsheet in het formaat van catalogus_export (xlsx of ods) in, in één transactie: "
        "rijen worden gevonden op hun slug. Mislukt één rij, dan verandert er niets. Met --dry-run wordt "
        "alles gecontroleerd en niets opgeslagen."
    )

    def add_arguments(self, parser):
        parser.add_argument("bestand", type=Path, help=_("Een bestand van catalogus_export, xlsx of ods."))
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help=_("Alleen controleren en tonen wat er zou veranderen."),
        )

    def handle(self, *args, bestand, dry_run, **options):
        try:
            sheets = read_spreadsheet(bestand.read_bytes())
            if None in sheets:
                raise SpreadsheetError(_("Een csv-bestand heeft maar één blad; gebruik xlsx of ods."))
            reports = import_workbook(sheets, dry_run=dry_run)
        except (OSError, SpreadsheetError) as error:
            raise CommandError(_("Niets geïmporteerd: %(fout)s") % {"fout": error}) from None
        except ImportRejected as rejected:
            for report in rejected.reports:
                for line in report.errors[:LISTED]:
                    self.stderr.write(line)
                if len(report.errors) > LISTED:
                    self.stderr.write(
                        _("%(blad)s: … en nog %(aantal)s meldingen.")
                        % {"blad": report.title, "aantal": len(report.errors) - LISTED}
                    )
            raise CommandError(str(rejected)) from None
        for report in reports:
            self.stdout.write(report.summary())
        if dry_run:
            self.stdout.write(_("Proefimport: alles is gecontroleerd, er is niets opgeslagen."))
        else:
            self.stdout.write(_("Geïmporteerd uit %(bestand)s.") % {"bestand": bestand})
