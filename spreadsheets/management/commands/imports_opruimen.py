from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from spreadsheets.services import PREVIEW_HOURS, RESULT_DAYS, expire_imports


class Command(BaseCommand):
    help = (
        f"Ruimt imports uit de beheeromgeving op: voorbeelden die niemand binnen {PREVIEW_HOURS} uur heeft "
        f"bevestigd, en uitkomsten ouder dan {RESULT_DAYS} dagen. Elke nieuwe import doet dit ook."
    )

    def handle(self, *args, **options):
        removed = expire_imports()
        self.stdout.write(_("%(aantal)s verlopen imports verwijderd.") % {"aantal": removed})
