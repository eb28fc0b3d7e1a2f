"""The facet counts of one SQL statement (catalogue/facets.py) equal counting every option on its own."""

import pytest
from django.core.management import call_command
from django.db import transaction
from django.http import QueryDict

from catalogue.models import Praktijkvoorbeeld, Succesversneller, Woonvorm
from website.facets import FacetFilter, flat_choices
from website.filters import FILTERSETS
from website.views.lists import published_items

pytestmark = pytest.mark.django_db

QUERIES = [
    "",
    "doelgroep=volwassenen&leeftijdsgroep=V&begeleiding=verplicht",
    "doelgroep=jongeren&doelgroep=gezinnen&contractvorm=tijdelijk-huurcontract",
    "looptijd=tijdelijk&niveau=deels&toetspunt=T1",
    "provincie=zuid-holland&provincie=utrecht&leegstand=ja",
    "q=jongeren&woonsituatie=zelfstandig",
]


def one_by_one(filterset_class, query):
    """Each option's count as the number of items the list would show with it chosen instead: for every
    option some published item has (the others can only count 0)."""
    model = filterset_class._meta.model
    data = QueryDict(query)
    filterset = filterset_class(data, queryset=published_items(model))
    counts = {}
    for name, facet in filterset.facet_filters().items():
        counts[name] = {}
        options = [str(value) for value, _label, _group in flat_choices(filterset.form.fields[name].choices)]
        if isinstance(facet, FacetFilter):
            present = {str(v) for v in model.objects.published().values_list(facet.path, flat=True)}
            options = [value for value in options if value in present]
        for value in options:
            alone = data.copy()
            alone.setlist(name, [value])
            if n := filterset_class(alone, queryset=published_items(model)).qs.count():
                counts[name][value] = n
    return counts


@pytest.fixture(scope="module")
def catalogue(django_db_setup, django_db_blocker):
    """A small synthetic catalogue, made once for the module and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("genereer_testcatalogus", schaal=4, stdout=None)
        yield
        transaction.set_rollback(True)


@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("model", [Woonvorm, Praktijkvoorbeeld, Succesversneller])
def test_every_count_equals_the_number_of_items_its_option_gives(catalogue, model, query):
    filterset_class = FILTERSETS[model]
    filterset = filterset_class(QueryDict(query), queryset=published_items(model))
    counts = {
        name: {v: n for v, n in values.items() if n} for name, values in filterset.count_facets().items()
    }
    assert counts == one_by_one(filterset_class, query)
    if not query:
        # Without filters every kind has counts, so the comparisons are not empty; a combination of filters
        # may match no item of a kind in this small catalogue.
        assert any(counts.values()), "the catalogue gives counts to compare"


def test_a_search_text_that_cannot_match_gives_empty_counts_not_an_error(catalogue, client):
    response = client.get("/woonvormen/", {"q": "!", "sort": "relevantie"})
    assert response.status_code == 200
    assert "0 resultaten" in response.content.decode()
    assert 'class="facet__count"' not in response.content.decode()
