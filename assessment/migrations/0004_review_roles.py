"""Beoordelaars score independently: they may add, change and view scorings and their scores. Redacteuren
read them (the admin shows a scoring to others only once both of a version are submitted). Beheerders hold
every permission, these included."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

NEW_MODELS = ("scoring", "scoringscore")


def grant(apps, schema_editor):
    app_config = apps.get_app_config("assessment")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    new = Permission.objects.filter(content_type__app_label="assessment", content_type__model__in=NEW_MODELS)
    for name, actions in (("Beoordelaar", ("add", "change", "view")), ("Redacteur", ("view",))):
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.add(*[p for p in new if p.codename.split("_", 1)[0] in actions])
    beheerder = Group.objects.filter(name="Beheerder").first()
    if beheerder is not None:
        beheerder.permissions.set(Permission.objects.all())


class Migration(migrations.Migration):
    dependencies = [
        ("assessment", "0003_review_and_provenance"),
        ("catalogue", "0003_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
