"""The item lists of the API give exactly the items of the public lists, in the same order, for the same
filters: every facet of every kind, combinations, search and every sort order, on the real content."""

import pytest
from django.test import Client

from catalogue.kinds import KINDS
from website import selectors

pytestmark = pytest.mark.django_db


def page_slugs(client, kind, query):
    """Every item of the public list page by page, as a visitor sees them."""
    slugs, page = [], 1
    while True:
        response = client.get(kind.list_url(), {**query, "page": page})
        assert response.status_code == 200, (kind.key, query)
        slugs += [item.slug for item in response.context["items"]]
        if not response.context["page_obj"].has_next():
            return slugs
        page += 1


def api_slugs(client, kind, query):
    """Every item of the API's list, page by page, following its links."""
    url = f"/api/v1/{kind.segment}"
    response = client.get(url, {**query, "pageSize": 7})
    slugs = []
    while True:
        assert response.status_code == 200, (kind.key, query, response.content)
        body = response.json()
        slugs += [row["slug"] for row in body["results"]]
        if body["links"]["next"] is None:
            assert body["count"] == len(slugs)
            return slugs
        response = client.get(body["links"]["next"])


def queries(kind):
    """For every facet, its most common value and two values together; every sort order, with and without a
    search; two facets combined."""
    facets = selectors.item_filterset(kind.model, None).facets()
    chosen = []
    for facet in facets:
        options = sorted(facet["options"], key=lambda option: -option["count"])
        if options:
            chosen.append((facet["name"], options[0]["value"]))
            if len(options) > 1 and facet["input_type"] == "checkbox":
                chosen.append((facet["name"], [options[0]["value"], options[1]["value"]]))
    found = [{}, *({name: value} for name, value in chosen)]
    if len(chosen) >= 2:
        found.append(dict([chosen[0], chosen[-1]]))
    sorts = list(selectors.item_filterset(kind.model, None).sort_orders)
    found += [{"sort": sort} for sort in sorts]
    found += [{"q": "wonen"}, {"q": "jongeren", "sort": "relevantie"}, {"q": "begeleiding", "sort": "-naam"}]
    return found


@pytest.mark.parametrize("kind", KINDS, ids=[kind.key for kind in KINDS])
def test_every_filter_gives_the_items_of_the_public_list_in_its_order(loaded_content, kind):
    client = Client()
    checked = 0
    for query in queries(kind):
        assert api_slugs(client, kind, query) == page_slugs(client, kind, query), query
        checked += 1
    assert checked > 10


def test_several_values_of_one_filter_may_also_be_separated_by_commas(loaded_content, client):
    repeated = client.get("/api/v1/woonvormen?doelgroep=jongeren&doelgroep=gezinnen&pageSize=100").json()
    commas = client.get("/api/v1/woonvormen?doelgroep=jongeren,gezinnen&pageSize=100").json()
    assert repeated["count"] == commas["count"] > 0
    assert [row["slug"] for row in repeated["results"]] == [row["slug"] for row in commas["results"]]
