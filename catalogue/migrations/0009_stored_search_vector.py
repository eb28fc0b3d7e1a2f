"""The search vector stored per item (catalogue.search.StoredSearchVector) instead of an index over an
expression: a search ranks from the stored column instead of building every match's vector again. The
weights are those of 0008: naam A, samenvatting B, the body C, the item's terms D."""

import django.contrib.postgres.search
from django.db import migrations

import catalogue.search

ITEMS = ["woonvorm", "succesversneller", "praktijkvoorbeeld"]
BODY = [
    "beschrijving",
    "werkzame_elementen",
    "aandachtselementen",
    "ter_inspiratie",
    "financiele_context",
    "verhouding_wonen_eerst",
    "doelgroep_toelichting",
]


def weighted_vector():
    search = django.contrib.postgres.search
    return (
        search.SearchVector("naam", config="dutch", weight="A")
        + search.SearchVector("samenvatting", config="dutch", weight="B")
        + search.SearchVector(*BODY, config="dutch", weight="C")
        + search.SearchVector("zoektermen", config="dutch", weight="D")
    )


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0008_zoeken")]

    operations = [
        *[migrations.RemoveIndex(model_name=name, name=f"{name}_zoekvector") for name in ITEMS],
        *[catalogue.search.StoredSearchVector(name, weighted_vector()) for name in ITEMS],
    ]
