"""Every public page needs as many queries in a small catalogue as in one four times its size.

The catalogue is made by `genereer_testcatalogus` (2 woonvormen, then 8), on top of the real content. Each
page is counted twice: right after an edit (nothing cached) and once more (what is cached until the next edit
is used). The pages of the lists, search, matrix and compare are also pinned at exact numbers.
"""

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from assessment.models import Beoordeling
from catalogue.models import (
    Bron,
    Contractvorm,
    Doelgroep,
    Organisatie,
    Plaats,
    Praktijkvoorbeeld,
    Status,
    Succesversneller,
    Woonsituatie,
    Woonvorm,
    Woonzorgconcept,
)
from routekaart.models import Fase
from tests.query_counts import queries_per_url

pytestmark = pytest.mark.django_db

THREE_FILTERS = "doelgroep=volwassenen&leeftijdsgroep=V&begeleiding=verplicht"
# (after an edit of every table, once cached): with nothing cached, the vocabularies of the filters, the items
# that pass the filters that are not facets, with their own values and their bron, which items have which
# other value (one query per facet: doelgroep, provincie, plaats, organisatie, contractvorm, looptijd,
# contracthouder, zorgkoppeling, woonsituatie, woonzorgconcept, toetspunt, niveau; for succesversnellers
# doelgroep, provincie, plaats, organisatie, type, bijdrage), the order of the items, then the rows of the
# page and what they show; once cached, a visitor gets the page kept whole (core/page_cache.py): no query.
PINNED = {
    "/woonvormen/": (25, 0),
    f"/woonvormen/?{THREE_FILTERS}": (25, 0),
    f"/woonvormen/?{THREE_FILTERS}&page=2": (25, 0),
    f"/praktijkvoorbeelden/?{THREE_FILTERS}": (25, 0),
    "/succesversnellers/?doelgroep=volwassenen": (17, 0),
    "/praktijkvoorbeelden/?q=jongeren&provincie=zuid-holland": (25, 0),
    "/zoeken/?q=begeleiding+woning": (9, 0),
    "/toetsingskader/matrix/?sort=-T5": (28, 0),
    "/toetsingskader/matrix/?soort=praktijkvoorbeeld": (28, 0),
}
# After an edit of one woonvorm's text, which items have which value and the vocabularies of the filters are
# still known (core/cache.py keeps them per table): the list reads 19 queries fewer; the matrix also keeps
# every item's rank on T5, so its order needs no query.
AFTER_A_TEXT_EDIT = {
    f"/woonvormen/?{THREE_FILTERS}": 6,
    "/toetsingskader/matrix/?sort=-T5": 8,
}
STATIC_URLS = [
    "/",
    "/gezond/",
    *PINNED,
    "/toetsingskader/",
    "/routekaart/",
    "/doelgroepen/",
    "/contractvormen/",
    "/woonsituaties/",
    "/woonzorgconcepten/",
    "/organisaties/",
    "/plaatsen/",
    "/bronnen/",
    "/woonvormen/export.xlsx",
    f"/praktijkvoorbeelden/export.csv?{THREE_FILTERS}",
    "/succesversnellers/export.ods",
    "/zoeken/export.xlsx?q=begeleiding",
    "/toetsingskader/matrix/export.xlsx?sort=-T5",
    "/werkgroepmap.xlsx",
    "/routekaart/export.xlsx",
]


def first_published(model):
    return model.objects.filter(slug__startswith="test-", status=Status.GEPUBLICEERD).order_by("slug").first()


def item_urls():
    """Pages of the first synthetic items, which exist at both sizes."""
    assessed = Woonvorm.objects.filter(
        slug__startswith="test-",
        status=Status.GEPUBLICEERD,
        beoordelingen__status=Beoordeling.Status.VASTGESTELD,
    ).order_by("slug")
    woonvormen = list(assessed[:2])
    voorbeelden = list(
        Praktijkvoorbeeld.objects.filter(slug__startswith="test-", status=Status.GEPUBLICEERD)[:2]
    )
    compare = "&".join(
        [f"items=woonvorm:{w.slug}" for w in woonvormen]
        + [f"items=praktijkvoorbeeld:{p.slug}" for p in voorbeelden]
    )
    return [
        woonvormen[0].get_absolute_url(),
        voorbeelden[0].get_absolute_url(),
        first_published(Succesversneller).get_absolute_url(),
        f"/vergelijken/?{compare}",
        *(
            model.objects.order_by("pk").first().get_absolute_url()
            for model in (
                Doelgroep,
                Contractvorm,
                Woonsituatie,
                Woonzorgconcept,
                Organisatie,
                Plaats,
                Bron,
                Fase,
            )
        ),
    ]


@pytest.fixture(scope="module")
def two_sizes(django_db_setup, django_db_blocker):
    """The query counts of every page with 2 and with 8 synthetic woonvormen (and 5N, N/10 of the rest)."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("genereer_testcatalogus", schaal=2, stdout=None)
        urls = STATIC_URLS + item_urls()
        small = queries_per_url(urls)
        sizes = [Praktijkvoorbeeld.objects.filter(slug__startswith="test-").count()]
        call_command("genereer_testcatalogus", schaal=6, stdout=None)
        large = queries_per_url(urls)
        sizes.append(Praktijkvoorbeeld.objects.filter(slug__startswith="test-").count())
        transaction.set_rollback(True)
    return urls, small, large, sizes


def test_every_public_page_needs_as_many_queries_when_the_catalogue_is_four_times_larger(two_sizes):
    urls, small, large, sizes = two_sizes
    assert sizes == [10, 40], "praktijkvoorbeelden at the two sizes"
    assert len(urls) > 30
    assert [url for url in urls if small[url][0] != 200 or large[url][0] != 200] == []
    assert {url: (small[url], large[url]) for url in urls if small[url] != large[url]} == {}


@pytest.mark.parametrize("url", list(PINNED))
def test_a_list_needs_its_pinned_queries_and_fewer_once_cached(two_sizes, url):
    _urls, small, _large, _sizes = two_sizes
    status, after_edit, cached = small[url]
    assert status == 200
    assert (after_edit, cached) == PINNED[url]
    assert cached < after_edit


@pytest.mark.parametrize("url", list(AFTER_A_TEXT_EDIT))
def test_after_an_edit_of_an_items_text_the_facet_values_are_not_read_again(client, url):
    call_command("genereer_testcatalogus", schaal=2, stdout=None)
    assert client.get(url).status_code == 200
    woonvorm = Woonvorm.objects.filter(slug__startswith="test-", status=Status.GEPUBLICEERD).first()
    woonvorm.samenvatting = "Een samenvatting die zojuist is herschreven."
    woonvorm.save()
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    assert len(context.captured_queries) == AFTER_A_TEXT_EDIT[url]
    # What was kept is what reading everything again gives.
    cache.clear()
    assert client.get(url).content == response.content
