from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from core.backup import BackupError, write_backup


class Command(BaseCommand):
    help = (
        "Schrijft een back-up van de hele catalogus met de wijzigingsgeschiedenis, de beoordelingen, de "
        "routekaart en de beheeraccounts naar één JSON-bestand (.json of .json.gz)."
    )

    def add_arguments(self, parser):
        parser.add_argument("bestand", type=Path, help="Bijvoorbeeld backup-2026-01-31.json.gz")

    def handle(self, *args, bestand, **options):
        try:
            count = write_backup(bestand)
        except (BackupError, OSError) as error:
            raise CommandError(f"Geen back-up gemaakt: {error}") from None
        except DatabaseError:
            raise CommandError(
                "Geen back-up gemaakt: de database kan niet worden gelezen; "
                "is hij gemigreerd (manage.py migrate)?"
            ) from None
        self.stdout.write(f"Back-up geschreven naar {bestand}: {count} rijen.")
