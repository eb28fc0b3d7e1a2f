"""The log of changes visitors can follow (Wijziging) and the outcome of the link check (LinkControle).

Redacteuren keep both, Beoordelaars read them, Beheerders hold every permission, these included (as
0003_roles gives every role for the catalogue's other models)."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations, models

NEW_MODELS = ("wijziging", "linkcontrole")
ROLE_ACTIONS = {
    "Redacteur": ("add", "change", "delete", "view"),
    "Beoordelaar": ("view",),
    "Beheerder": ("add", "change", "delete", "view"),
}


def grant(apps, schema_editor):
    app_config = apps.get_app_config("catalogue")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    new = Permission.objects.filter(content_type__app_label="catalogue", content_type__model__in=NEW_MODELS)
    for name, actions in ROLE_ACTIONS.items():
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.add(*[p for p in new if p.codename.split("_", 1)[0] in actions])


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0005_werkversies"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.CreateModel(
            name="LinkControle",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("url", models.URLField(max_length=500, unique=True, verbose_name="webadres")),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("ok", "werkt"),
                            ("omgeleid", "omgeleid"),
                            ("kapot", "kapot"),
                            ("onbereikbaar", "onbereikbaar"),
                        ],
                        max_length=20,
                        verbose_name="uitkomst",
                    ),
                ),
                (
                    "http_code",
                    models.PositiveSmallIntegerField(blank=True, null=True, verbose_name="HTTP-code"),
                ),
                ("melding", models.CharField(blank=True, max_length=500, verbose_name="melding")),
                ("gecontroleerd_op", models.DateTimeField(verbose_name="gecontroleerd op")),
            ],
            options={
                "verbose_name": "linkcontrole",
                "verbose_name_plural": "linkcontroles",
                "ordering": ["url"],
            },
        ),
        migrations.CreateModel(
            name="Wijziging",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("datum", models.DateTimeField(default=django.utils.timezone.now, verbose_name="datum")),
                (
                    "soort",
                    models.CharField(
                        choices=[
                            ("nieuw", "nieuw item"),
                            ("beoordeling", "nieuwe vastgestelde beoordeling"),
                            ("wijziging", "belangrijke wijziging"),
                        ],
                        max_length=20,
                        verbose_name="soort",
                    ),
                ),
                ("titel", models.CharField(max_length=300, verbose_name="titel")),
                ("omschrijving", models.TextField(blank=True, verbose_name="omschrijving")),
                (
                    "door",
                    models.ForeignKey(
                        blank=True,
                        help_text="Alleen voor de redactie; bezoekers zien 'redactie'.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="door",
                    ),
                ),
                (
                    "praktijkvoorbeeld",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="wijzigingen",
                        to="catalogue.praktijkvoorbeeld",
                        verbose_name="praktijkvoorbeeld",
                    ),
                ),
                (
                    "succesversneller",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="wijzigingen",
                        to="catalogue.succesversneller",
                        verbose_name="succesversneller",
                    ),
                ),
                (
                    "woonvorm",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="wijzigingen",
                        to="catalogue.woonvorm",
                        verbose_name="woonvorm",
                    ),
                ),
            ],
            options={
                "verbose_name": "wijziging",
                "verbose_name_plural": "wijzigingen",
                "ordering": ["-datum", "-pk"],
                "indexes": [models.Index(fields=["-datum", "-id"], name="wijziging_nieuwste_eerst")],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            models.Q(
                                ("woonvorm__isnull", False),
                                ("succesversneller__isnull", True),
                                ("praktijkvoorbeeld__isnull", True),
                            ),
                            models.Q(
                                ("succesversneller__isnull", False),
                                ("woonvorm__isnull", True),
                                ("praktijkvoorbeeld__isnull", True),
                            ),
                            models.Q(
                                ("praktijkvoorbeeld__isnull", False),
                                ("woonvorm__isnull", True),
                                ("succesversneller__isnull", True),
                            ),
                            _connector="OR",
                        ),
                        name="catalogue_wijziging_one_item",
                    )
                ],
            },
        ),
        migrations.RunPython(grant, migrations.RunPython.noop),
    ]
