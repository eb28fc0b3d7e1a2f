"""The queries of the compare page and its export: pinned, and the same with a catalogue four times larger.

The catalogue is made by `genereer_testcatalogus` (2 woonvormen, then 8), on top of the real content, as in
test_query_counts.py. Each address is counted right after an edit (nothing cached) and once more.
"""

import pytest
from django.core.management import call_command
from django.db import transaction

from assessment.models import Beoordeling, Score
from catalogue.models import Praktijkvoorbeeld, Status, Succesversneller, Woonvorm
from tests.factories import make_beoordeling
from tests.query_counts import queries_per_url

pytestmark = pytest.mark.django_db


def assessed(items):
    """The items, each with a vastgestelde beoordeling: which synthetic items have one depends on the
    generator's draws, and a kind none of whose items is assessed needs no queries for scores."""
    for item in items:
        if not item.beoordelingen.filter(status=Beoordeling.Status.VASTGESTELD).exists():
            make_beoordeling(**{item._meta.model_name: item}, scores={"T1": Score.Waarde.VOLDOET})
    return items


def first(model, count):
    items = model.objects.filter(slug__startswith="test-", status=Status.GEPUBLICEERD)
    return list(items.order_by("slug")[:count])


def compare_urls():
    """{name: address} of the compare page and its export, with the first synthetic items (at both sizes)."""
    woonvormen = assessed(first(Woonvorm, 2))
    voorbeelden = assessed(first(Praktijkvoorbeeld, 2))
    [versneller] = first(Succesversneller, 1)
    four = "&".join(
        [f"items=woonvorm:{w.slug}" for w in woonvormen]
        + [f"items=praktijkvoorbeeld:{p.slug}" for p in voorbeelden]
    )
    three_kinds = f"items=woonvorm:{woonvormen[0].slug}&items=praktijkvoorbeeld:{voorbeelden[0].slug}"
    three_kinds += f"&items=succesversneller:{versneller.slug}"
    return {
        "one item, from a detail page": f"/vergelijken/?items=woonvorm:{woonvormen[0].slug}",
        "one item and a search": f"/vergelijken/?items=woonvorm:{woonvormen[0].slug}&q=wonen",
        "three kinds, only differences": f"/vergelijken/?{three_kinds}&verschillen=1",
        "four items": f"/vergelijken/?{four}",
        "export of four items": f"/vergelijken/export.xlsx?{four}",
        "export of three kinds, only differences": f"/vergelijken/export.csv?{three_kinds}&verschillen=1",
    }


# (after an edit, once cached). Per kind its items and their vocabularies (6 queries for a woonvorm or a
# praktijkvoorbeeld, 5 for a succesversneller), per assessed kind its beoordelingen and scores (3); the
# suggestions (1) until four items are chosen; the search (1 per kind); the toetspunten. Once cached, a
# visitor gets the page kept whole (core/page_cache.py): no query; a file is streamed, so it is made again
# from the cached vocabularies and toetspunten.
PINNED = {
    "one item, from a detail page": (7, 0),
    "one item and a search": (10, 0),
    "three kinds, only differences": (25, 0),
    "four items": (19, 0),
    "export of four items": (19, 18),
    "export of three kinds, only differences": (24, 23),
}


@pytest.fixture(scope="module")
def two_sizes(django_db_setup, django_db_blocker):
    """The query counts of every address with 2 and with 8 synthetic woonvormen (and 5N, N/10 of the rest)."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("genereer_testcatalogus", schaal=2, stdout=None)
        urls = compare_urls()
        small = queries_per_url(urls.values())
        sizes = [Woonvorm.objects.filter(slug__startswith="test-").count()]
        call_command("genereer_testcatalogus", schaal=6, stdout=None)
        large = queries_per_url(urls.values())
        sizes.append(Woonvorm.objects.filter(slug__startswith="test-").count())
        transaction.set_rollback(True)
    return urls, small, large, sizes


@pytest.mark.parametrize("name", list(PINNED))
def test_the_compare_page_and_its_export_need_their_pinned_queries_at_any_catalogue_size(two_sizes, name):
    urls, small, large, sizes = two_sizes
    assert sizes == [2, 8], "synthetic woonvormen at the two sizes"
    url = urls[name]
    assert small[url][0] == 200 and large[url][0] == 200
    assert small[url][1:] == PINNED[name]
    assert large[url] == small[url], "the same at four times the catalogue"
