from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from catalogue.content import ContentError, load_content


class Command(BaseCommand):
    help = "Laadt de catalogusinhoud uit fixtures/*.yaml. Twee keer laden verandert niets."

    def add_arguments(self, parser):
        parser.add_argument(
            "bestanden", nargs="*", type=Path, help="Alleen deze bestanden, in deze volgorde."
        )

    def handle(self, *args, bestanden, **options):
        try:
            report = load_content(bestanden or None)
        except (ContentError, OSError) as error:
            raise CommandError(f"Inhoud niet geladen, er is niets gewijzigd: {error}") from None
        self.stdout.write(
            f"Inhoud geladen: {report.created} nieuw, {report.changed} gewijzigd, "
            f"{report.unchanged} ongewijzigd."
        )
