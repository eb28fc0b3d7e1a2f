"""Beheerders hold every permission, including those of the imports and of the background jobs' records."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant(apps, schema_editor):
    for label in ("spreadsheets", "django_tasks_database"):
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    beheerder = Group.objects.filter(name="Beheerder").first()
    if beheerder is not None:
        beheerder.permissions.set(Permission.objects.all())


class Migration(migrations.Migration):
    dependencies = [
        ("spreadsheets", "0001_importbatch"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
        ("catalogue", "0003_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
