"""Content corrections: the count split in two, capitalised choice labels, personal contact points."""

from django.db import migrations, models

ITEM_MODELS = ("woonvorm", "praktijkvoorbeeld", "historicalwoonvorm", "historicalpraktijkvoorbeeld")
CONTACT_MODELS = ("contactpersoon", "historicalcontactpersoon")

# Items whose single count was the number of homes (or places) of the whole project, not of the doelgroep:
# read from what each source says (see aantal_toelichting in fixtures/30_woonvormen.yaml and 32_…).
ALLE_WONINGEN = {
    "woonvorm": {"buur", "skaeve-huse", "binder", "seyster-veste"},
    "praktijkvoorbeeld": {
        "passanten-buitenhof",
        "herstartstudios",
        "abstinent-wonen",
        "lieven",
        "de-eenhoorn",
        "startersup-noorderliefde",
        "elzenhagen",
        "respijthuis-amerbos",
        "noordkaap",
        "kraaipan-oase",
        "de-thuiskomst",
        "goodwillburgh",
        "de-boerderij",
        "zonder-dak-rotterdam",
        "amsterdamse-herstartstudios",
        "binder-nijmegen",
        "de-jozef",
        "montana-ermelo",
        "place2bu",
        "proeftuin-eperweg",
        "samen-anders",
        "sumatrastraat-leiden",
        "welkom-veenendaal",
    },
}
# Items whose count is both: every home of the project is for the doelgroep.
BEIDE = {"woonvorm": {"shortstay-abtswoude"}, "praktijkvoorbeeld": set()}


def split_counts(apps, schema_editor):
    """Move a count of all homes from the doelgroep's field (the old aantal_plekken) to aantal_woningen."""
    for model_name, slugs in ALLE_WONINGEN.items():
        model = apps.get_model("catalogue", model_name)
        for item in model.objects.filter(
            slug__in=slugs | BEIDE[model_name], aantal_plekken_doelgroep__isnull=False
        ):
            item.aantal_woningen = item.aantal_plekken_doelgroep
            if item.slug not in BEIDE[model_name]:
                item.aantal_plekken_doelgroep = None
            item.save(update_fields=["aantal_woningen", "aantal_plekken_doelgroep"])


def join_counts(apps, schema_editor):
    """Back to one count: the doelgroep's where known, otherwise all homes."""
    for model_name in ALLE_WONINGEN:
        model = apps.get_model("catalogue", model_name)
        for item in model.objects.filter(
            aantal_plekken_doelgroep__isnull=True, aantal_woningen__isnull=False
        ):
            item.aantal_plekken_doelgroep = item.aantal_woningen
            item.save(update_fields=["aantal_plekken_doelgroep"])


def doelgroep_field():
    return models.PositiveIntegerField(
        blank=True,
        help_text="De woningen of plekken voor de doelgroep, bijvoorbeeld 20 van de 53 woningen. "
        "Leeg laten als de bron het niet noemt.",
        null=True,
        verbose_name="plekken voor de doelgroep",
    )


def woningen_field():
    return models.PositiveIntegerField(
        blank=True,
        help_text="Alle woningen, studio's of plekken van het project samen, voor alle bewoners. "
        "Leeg laten als de bron het niet noemt.",
        null=True,
        verbose_name="aantal woningen",
    )


def begeleiding_field():
    return models.CharField(
        choices=[
            ("geen", "Geen begeleiding"),
            ("vrijblijvend", "Vrijblijvend"),
            ("verplicht", "Verplicht"),
            ("onbekend", "Onbekend"),
        ],
        default="onbekend",
        max_length=20,
        verbose_name="begeleiding",
    )


def leeftijdsgroep_field():
    return models.CharField(
        choices=[
            ("V", "Volwassenen"),
            ("J", "Jongeren"),
            ("VJ", "Volwassenen en jongeren"),
            ("onbekend", "Onbekend"),
        ],
        default="onbekend",
        max_length=10,
        verbose_name="leeftijdsgroep",
    )


def persoonlijk_field():
    return models.BooleanField(
        default=False,
        help_text="Aanvinken als het e-mailadres of telefoonnummer van één persoon is, ook als de bron geen "
        "naam noemt (bijvoorbeeld voornaam@organisatie.nl of een 06-nummer). Bezoekers zien het dan niet.",
        verbose_name="persoonlijk contactpunt",
    )


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0006_wijzigingen_en_links")]

    operations = [
        *(
            migrations.RenameField(
                model_name=name, old_name="aantal_plekken", new_name="aantal_plekken_doelgroep"
            )
            for name in ITEM_MODELS
        ),
        *(
            migrations.AlterField(model_name=name, name="aantal_plekken_doelgroep", field=doelgroep_field())
            for name in ITEM_MODELS
        ),
        *(
            migrations.AddField(model_name=name, name="aantal_woningen", field=woningen_field())
            for name in ITEM_MODELS
        ),
        *(
            migrations.AlterField(model_name=name, name="begeleiding", field=begeleiding_field())
            for name in ITEM_MODELS
        ),
        *(
            migrations.AlterField(model_name=name, name="leeftijdsgroep", field=leeftijdsgroep_field())
            for name in ITEM_MODELS
        ),
        *(
            migrations.AddField(model_name=name, name="persoonlijk", field=persoonlijk_field())
            for name in CONTACT_MODELS
        ),
        migrations.RunPython(split_counts, join_counts),
    ]
