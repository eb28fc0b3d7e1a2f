"""Werkversies: a prepared edit of an item, kept apart until it is published.

Redacteuren keep their own werkversies, Beoordelaars read them, Beheerders hold every permission, among
them editing, publishing and discarding another editor's werkversie (beheer_werkversies)."""

import django.core.serializers.json
import django.db.models.deletion
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations, models

ROLE_ACTIONS = {
    "Redacteur": ("add", "change", "delete", "view"),
    "Beoordelaar": ("view",),
    "Beheerder": ("add", "change", "delete", "view", "beheer"),
}


def grant(apps, schema_editor):
    app_config = apps.get_app_config("catalogue")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    new = Permission.objects.filter(content_type__app_label="catalogue", content_type__model="werkversie")
    for name, actions in ROLE_ACTIONS.items():
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.add(*[p for p in new if p.codename.split("_", 1)[0] in actions])


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0004_indexes"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.CreateModel(
            name="Werkversie",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "soort",
                    models.CharField(
                        choices=[
                            ("woonvorm", "woonvorm"),
                            ("succesversneller", "succesversneller"),
                            ("praktijkvoorbeeld", "praktijkvoorbeeld"),
                        ],
                        max_length=40,
                        verbose_name="soort item",
                    ),
                ),
                ("item_pk", models.PositiveBigIntegerField(verbose_name="item")),
                (
                    "gegevens",
                    models.JSONField(
                        default=dict,
                        encoder=django.core.serializers.json.DjangoJSONEncoder,
                        verbose_name="gegevens",
                    ),
                ),
                ("aangemaakt_op", models.DateTimeField(auto_now_add=True, verbose_name="aangemaakt op")),
                ("bijgewerkt_op", models.DateTimeField(auto_now=True, verbose_name="bijgewerkt op")),
                ("item_bijgewerkt_op", models.DateTimeField(verbose_name="item bijgewerkt op bij het begin")),
                (
                    "aangemaakt_door",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="werkversies",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="aangemaakt door",
                    ),
                ),
            ],
            options={
                "verbose_name": "werkversie",
                "verbose_name_plural": "werkversies",
                "permissions": [
                    ("beheer_werkversies", "Kan werkversies van anderen bewerken, publiceren en weggooien")
                ],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("soort", "item_pk"), name="catalogue_werkversie_one_per_item"
                    )
                ],
            },
        ),
        migrations.RunPython(grant, migrations.RunPython.noop),
    ]
