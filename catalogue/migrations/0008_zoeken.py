"""Search by the vocabulary and with typos: synonyms on the terms, each item's terms in its own search text
(weight D in the search vector and its index), and pg_trgm for the "Bedoelde u …?" suggestions."""

import django.contrib.postgres.search
from django.db import migrations, models

import catalogue.search

SYNONIEMEN = {
    "blank": True,
    "help_text": (
        "Andere woorden voor deze term, één per regel. Items met deze term worden er ook op gevonden."
    ),
    "verbose_name": "synoniemen",
}
ZOEKTERMEN = {
    "blank": True,
    "editable": False,
    "help_text": "Namen en synoniemen van de termen van dit item; de zoekfunctie houdt dit zelf bij.",
    "verbose_name": "zoektermen",
}
ITEMS = ["woonvorm", "succesversneller", "praktijkvoorbeeld"]
TERMS = ["contractvorm", "doelgroep", "woonzorgconcept"]


def search_vector_index(model_name):
    """The search vector's index as it is from this migration on: naam A, samenvatting B, body C, terms D."""
    search = django.contrib.postgres.search
    dutch = search.SearchConfig("dutch")
    body = [
        "beschrijving",
        "werkzame_elementen",
        "aandachtselementen",
        "ter_inspiratie",
        "financiele_context",
        "verhouding_wonen_eerst",
        "doelgroep_toelichting",
    ]
    vector = search.CombinedSearchVector(
        search.CombinedSearchVector(
            search.CombinedSearchVector(
                search.SearchVector("naam", config="dutch", weight="A"),
                "||",
                search.SearchVector("samenvatting", config="dutch", weight="B"),
                dutch,
            ),
            "||",
            search.SearchVector(*body, config="dutch", weight="C"),
            dutch,
        ),
        "||",
        search.SearchVector("zoektermen", config="dutch", weight="D"),
        dutch,
    )
    return catalogue.search.SearchVectorIndex(vector, name=f"{model_name}_zoekvector")


def fill_search_terms(apps, schema_editor):
    for model_name in ITEMS:
        model = apps.get_model("catalogue", model_name)
        catalogue.search.refresh_model_terms(model, model._default_manager.values_list("pk", flat=True))


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0007_inhoud_correcties")]

    operations = [
        catalogue.search.TrigramExtension(),
        *[
            migrations.AddField(model_name=name, name="synoniemen", field=models.TextField(**SYNONIEMEN))
            for term in TERMS
            for name in (term, f"historical{term}")
        ],
        *[
            migrations.AddField(model_name=name, name="zoektermen", field=models.TextField(**ZOEKTERMEN))
            for name in ITEMS
        ],
        *[migrations.RemoveIndex(model_name=name, name=f"{name}_zoekvector") for name in ITEMS],
        *[migrations.AddIndex(model_name=name, index=search_vector_index(name)) for name in ITEMS],
        migrations.RunPython(fill_search_terms, migrations.RunPython.noop),
    ]
