import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

DEFAULT_PASSWORD = "wonen-eerst-demo"


class Command(BaseCommand):
    help = "Maakt een demo-account 'beheerder' voor de beheeromgeving. Alleen bedoeld voor lokaal gebruik."

    def handle(self, *args, **options):
        password = os.environ.get("DEMO_WACHTWOORD") or (DEFAULT_PASSWORD if settings.DEBUG else "")
        if not password:
            raise CommandError("Zet DEMO_WACHTWOORD: zonder DEBUG wordt geen standaardwachtwoord gebruikt.")
        user, created = get_user_model().objects.get_or_create(
            username="beheerder", defaults={"is_staff": True, "is_superuser": True}
        )
        if created:
            user.set_password(password)
            user.save()
            self.stdout.write(f"Demo-account 'beheerder' aangemaakt (wachtwoord: {password}).")
        else:
            self.stdout.write("Demo-account 'beheerder' bestaat al; niets gewijzigd.")
