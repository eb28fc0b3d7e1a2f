"""The three staff roles as groups with exactly the permissions they need.

Redacteur edits the catalogue (items, vocabularies, their child rows) and the routekaart, and reads the
assessments. Beoordelaar edits assessments and their scores, and reads the toetsingskader and the catalogue.
Beheerder holds every permission, including users and groups.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ALL_ACTIONS = ("add", "change", "delete", "view")


def _models(apps, app_label):
    """The app's own models; the change-history models follow the model they record."""
    return [
        model._meta.model_name
        for model in apps.get_app_config(app_label).get_models()
        if not model._meta.model_name.startswith("historical")
    ]


def _permissions(apps, app_label, model_names, actions):
    Permission = apps.get_model("auth", "Permission")
    codenames = {f"{action}_{name}" for name in model_names for action in actions}
    found = list(Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames))
    if len(found) != len(codenames):
        missing = codenames - {p.codename for p in found}
        raise RuntimeError(f"Permissions missing for {app_label}: {sorted(missing)}")
    return found


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations ran; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    roles = {
        "Redacteur": [
            *_permissions(apps, "catalogue", _models(apps, "catalogue"), ALL_ACTIONS),
            *_permissions(apps, "routekaart", _models(apps, "routekaart"), ALL_ACTIONS),
            *_permissions(apps, "assessment", _models(apps, "assessment"), ["view"]),
        ],
        "Beoordelaar": [
            *_permissions(apps, "assessment", ["beoordeling", "score"], ["add", "change", "view"]),
            *_permissions(apps, "assessment", ["leidendprincipe", "toetspunt"], ["view"]),
            *_permissions(apps, "catalogue", _models(apps, "catalogue"), ["view"]),
        ],
        "Beheerder": list(Permission.objects.all()),
    }
    for name, permissions in roles.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.set(permissions)


ROLES = ["Redacteur", "Beoordelaar", "Beheerder"]


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0002_history"),
        ("assessment", "0002_history"),
        ("routekaart", "0002_history"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        # Every installed app, so Beheerder receives every permission there is.
        ("admin", "0003_logentry_add_action_flag_choices"),
        ("sessions", "0001_initial"),
        ("axes", "0010_accessattemptexpiration"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
