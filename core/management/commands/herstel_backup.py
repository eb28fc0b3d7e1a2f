from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError

from core.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Zet een back-up van maak_backup terug in een lege, gemigreerde database. Weigert als er al "
        "inhoud of accounts in de database staan."
    )

    def add_arguments(self, parser):
        parser.add_argument("bestand", type=Path, help="Een bestand gemaakt met maak_backup.")

    def handle(self, *args, bestand, **options):
        try:
            count = restore_backup(bestand)
        except (BackupError, OSError) as error:
            raise CommandError(f"Back-up niet teruggezet, er is niets gewijzigd: {error}") from None
        except (ValueError, DeserializationError, DatabaseError):
            raise CommandError(
                "Back-up niet teruggezet, er is niets gewijzigd: de inhoud van het bestand past niet bij "
                "deze database (een back-up van een andere versie van de site, of een bewerkt bestand)."
            ) from None
        self.stdout.write(f"Back-up teruggezet uit {bestand}: {count} rijen.")
