from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from spreadsheets.workbook import write_full_export


class Command(BaseCommand):
    # argparse formats its help text itself, so it must be a plain string, not a lazy translation.
    help = (
        "Schrijft de hele catalogus naar één xlsx-bestand voor redacteuren: alle soorten items met alle "
        "velden (ook concepten, gearchiveerde items en contactpersonen), de vocabulaires en de beoordelingen "
        "met hun scores. catalogus_import leest het bestand terug."
    )

    def add_arguments(self, parser):
        parser.add_argument("bestand", type=Path, help=_("Bijvoorbeeld catalogus-2026-01-31.xlsx"))

    def handle(self, *args, bestand, **options):
        if bestand.suffix.lower() != ".xlsx":
            raise CommandError(_("%(bestand)s: de naam moet eindigen op .xlsx") % {"bestand": bestand})
        try:
            with open(bestand, "wb") as stream:
                count = write_full_export(stream)
        except OSError as error:
            raise CommandError(_("Geen export gemaakt: %(fout)s") % {"fout": error}) from None
        self.stdout.write(
            _("Catalogus geëxporteerd naar %(bestand)s: %(aantal)s rijen.")
            % {"bestand": bestand, "aantal": count}
        )
