import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

DEFAULT_PASSWORD = "wonen-eerst-demo"

# Username → role (a group created by the migration catalogue/0003_roles). Two beoordelaars, because a new
# version of a beoordeling is scored by two.
DEMO_ACCOUNTS = {
    "redacteur": "Redacteur",
    "beoordelaar": "Beoordelaar",
    "beoordelaar2": "Beoordelaar",
    "beheerder": "Beheerder",
}


class Command(BaseCommand):
    help = (
        "Maakt per rol een demo-account voor de beheeromgeving: redacteur, twee beoordelaars (beoordelaar en "
        "beoordelaar2) en beheerder. "
        "Alleen bedoeld voor lokaal gebruik."
    )

    def handle(self, *args, **options):
        password = os.environ.get("DEMO_WACHTWOORD") or (DEFAULT_PASSWORD if settings.DEBUG else "")
        if not password:
            raise CommandError("Zet DEMO_WACHTWOORD: zonder DEBUG wordt geen standaardwachtwoord gebruikt.")
        for username, role in DEMO_ACCOUNTS.items():
            user, created = get_user_model().objects.get_or_create(
                username=username, defaults={"is_staff": True}
            )
            user.groups.add(Group.objects.get(name=role))
            if created:
                user.set_password(password)
                user.save()
                self.stdout.write(f"Demo-account '{username}' ({role}) aangemaakt (wachtwoord: {password}).")
            else:
                self.stdout.write(f"Demo-account '{username}' bestaat al; het is lid van de rol {role}.")
