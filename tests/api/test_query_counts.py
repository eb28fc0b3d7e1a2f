"""Every list of the API needs as many queries in a small catalogue as in one four times its size, and the
lists are pinned at exact numbers: right after an edit (nothing cached) and once more (cached until the next
edit). The catalogue is the real content plus `genereer_testcatalogus` (2 woonvormen, then 8)."""

import pytest
from django.core.management import call_command
from django.db import transaction

from catalogue.models import Praktijkvoorbeeld, Status, Woonvorm
from tests.query_counts import queries_per_url

pytestmark = pytest.mark.django_db

THREE_FILTERS = "doelgroep=volwassenen&leeftijdsgroep=V&begeleiding=verplicht"
# url: (after an edit, once cached). An item list after an edit: the order of the items (cached until the
# next edit, as on the list pages), then the page's rows with their doelgroepen, plaatsen and contractvormen
# or typen; the filters' vocabularies add one where a facet is chosen. Other lists: their count and rows.
# Once cached, an answer is read from the cache whole (api/views/base.py): no query.
PINNED = {
    "/api/v1/woonvormen": (5, 0),
    f"/api/v1/woonvormen?{THREE_FILTERS}&pageSize=100": (6, 0),
    "/api/v1/woonvormen?sort=-score&page=2&pageSize=5": (5, 0),
    f"/api/v1/praktijkvoorbeelden?{THREE_FILTERS}": (6, 0),
    "/api/v1/succesversnellers?doelgroep=volwassenen": (6, 0),
    "/api/v1/praktijkvoorbeelden?q=jongeren&provincie=zuid-holland": (5, 0),
    "/api/v1/zoeken?q=begeleiding+woning": (9, 0),
    "/api/v1/doelgroepen?pageSize=100": (2, 0),
    "/api/v1/organisaties?pageSize=100": (2, 0),
    "/api/v1/plaatsen?pageSize=100": (2, 0),
    "/api/v1/contractvormen": (2, 0),
    "/api/v1/beoordelingen?pageSize=100": (4, 0),  # and their sources
    "/api/v1/toetspunten": (3, 0),
    "/api/v1/fasen": (2, 0),
    "/api/v1/checklistpunten?pageSize=100": (2, 0),
    "/api/v1/toetsingskader": (4, 0),
}


def detail_urls():
    """Details of synthetic items that exist at both sizes."""
    woonvorm = Woonvorm.objects.filter(slug__startswith="test-", status=Status.GEPUBLICEERD).order_by("slug")[
        0
    ]
    voorbeeld = Praktijkvoorbeeld.objects.filter(slug__startswith="test-", status=Status.GEPUBLICEERD)
    return [
        f"/api/v1/woonvormen/{woonvorm.slug}",
        f"/api/v1/praktijkvoorbeelden/{voorbeeld.order_by('slug')[0].slug}",
    ]


@pytest.fixture(scope="module")
def two_sizes(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("genereer_testcatalogus", schaal=2, stdout=None)
        urls = [*PINNED, *detail_urls()]
        small = queries_per_url(urls)
        call_command("genereer_testcatalogus", schaal=6, stdout=None)
        large = queries_per_url(urls)
        sizes = Woonvorm.objects.filter(slug__startswith="test-").count()
        transaction.set_rollback(True)
    return urls, small, large, sizes


def test_every_list_needs_as_many_queries_when_the_catalogue_is_four_times_larger(two_sizes):
    urls, small, large, sizes = two_sizes
    assert sizes == 8
    assert [url for url in urls if small[url][0] != 200 or large[url][0] != 200] == []
    assert {url: (small[url], large[url]) for url in urls if small[url] != large[url]} == {}


@pytest.mark.parametrize("url", list(PINNED))
def test_a_list_needs_its_pinned_queries(two_sizes, url):
    _urls, small, _large, _sizes = two_sizes
    assert small[url][1:] == PINNED[url], small[url]
