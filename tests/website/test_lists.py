import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assessment.models import Score
from catalogue.models import Status, Woonvorm
from tests.factories import (
    make_beoordeling,
    make_contractvorm,
    make_doelgroep,
    make_plaats,
    make_praktijkvoorbeeld,
    make_succesversneller,
    make_toetsingskader,
    make_woonvorm,
)
from website.filters import LONG_FACET_SHOWN

pytestmark = pytest.mark.django_db


def grow(n, doelgroepen, contractvormen, plaatsen):
    """n more published items of every kind, each with several related values."""
    for _ in range(n):
        make_woonvorm(doelgroepen=doelgroepen, contractvormen=contractvormen, plaatsen=plaatsen)
        make_praktijkvoorbeeld(doelgroepen=doelgroepen, contractvormen=contractvormen, plaatsen=plaatsen)
        make_succesversneller(doelgroepen=doelgroepen, plaatsen=plaatsen)


def queries_for(client, url):
    """The queries of the url with nothing cached (what an edit of every table leaves)."""
    cache.clear()
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context.captured_queries)


LIST_URLS = [
    "/woonvormen/",
    "/woonvormen/?doelgroep=jongeren&contractvorm=eigen-naam&provincie=utrecht&sort=-score",
    "/succesversnellers/?doelgroep=jongeren",
    "/praktijkvoorbeelden/?q=woonvorm&plaats=utrecht",
    "/zoeken/?q=woonvorm",
]


@pytest.mark.parametrize("url", LIST_URLS)
def test_the_number_of_queries_does_not_grow_with_the_number_of_items(client, url):
    make_toetsingskader()
    related = (
        [make_doelgroep(slug="jongeren"), make_doelgroep()],
        [make_contractvorm(slug="eigen-naam")],
        [],
    )
    related[2].append(make_plaats(slug="utrecht"))
    grow(3, *related)
    small = queries_for(client, url)
    grow(30, *related)
    for woonvorm in Woonvorm.objects.all()[:10]:
        make_beoordeling(woonvorm=woonvorm, scores={"T1": Score.Waarde.VOLDOET})
    assert queries_for(client, url) == small


def test_a_list_shows_filters_counts_and_results_and_hides_concepts(client):
    jongeren = make_doelgroep(slug="jongeren", naam="Jongeren", soort="leeftijd")
    make_woonvorm(naam="Kamers met Aandacht", doelgroepen=[jongeren])
    make_woonvorm(naam="Hofje")
    make_woonvorm(naam="Geheim concept", doelgroepen=[jongeren], status=Status.CONCEPT)
    response = client.get(reverse("website:woonvorm-list"), {"doelgroep": "jongeren"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Kamers met Aandacht" in body
    assert "Hofje" not in body
    assert "Geheim concept" not in body
    assert "1 resultaat" in body
    assert 'name="doelgroep" value="jongeren"' in body
    assert 'Jongeren <span class="facet__count">(1' in body
    assert "Binnen één filter" in body  # OR within, AND across is said on the page


def test_invalid_filter_values_get_a_dutch_message_not_an_error(client):
    make_woonvorm(naam="Hofje")
    response = client.get(
        "/woonvormen/", {"doelgroep": "<script>x</script>", "page": "99999", "sort": "drop"}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Niet alle filters konden worden gebruikt" in body
    assert "<script>x</script>" not in body
    assert "Hofje" in body


def test_htmx_gets_the_region_only_and_the_same_url_works_without_it(client):
    make_woonvorm(naam="Hofje")
    full = client.get("/woonvormen/")
    partial = client.get("/woonvormen/", headers={"HX-Request": "true"})
    assert "<html" in full.content.decode()
    assert "<html" not in partial.content.decode()
    assert "Hofje" in partial.content.decode()
    assert "HX-Request" in partial["Vary"]


def test_pagination_keeps_the_filters(client):
    jongeren = make_doelgroep(slug="jongeren")
    for n in range(25):
        make_woonvorm(naam=f"Woonvorm {n:02d}", doelgroepen=[jongeren])
    response = client.get("/woonvormen/", {"doelgroep": "jongeren"})
    body = response.content.decode()
    assert "?doelgroep=jongeren&amp;page=2" in body
    second = client.get("/woonvormen/", {"doelgroep": "jongeren", "page": "2"}).content.decode()
    assert "Woonvorm 24" in second
    assert "Woonvorm 00" not in second


def test_search_across_all_kinds_with_counts_per_kind(client):
    make_woonvorm(naam="Jongerenhuis", samenvatting="Wonen voor jongeren.")
    make_succesversneller(naam="Training voor begeleiders", beschrijving="Ook voor jongeren met een vraag.")
    make_praktijkvoorbeeld(naam="Gezinshuis")
    make_woonvorm(naam="Verborgen jongeren", status=Status.CONCEPT)
    response = client.get("/zoeken/", {"q": "jongeren"})
    body = response.content.decode()
    assert "2 resultaten" in body
    assert "Jongerenhuis" in body and "Training voor begeleiders" in body
    assert "Gezinshuis" not in body and "Verborgen" not in body
    assert body.index("Jongerenhuis") < body.index("Training voor begeleiders")  # name match ranks first
    only = client.get("/zoeken/", {"q": "jongeren", "soort": "succesversneller"}).content.decode()
    assert "Training voor begeleiders" in only and "Jongerenhuis" not in only


def test_search_finds_a_dutch_word_form(client):
    make_woonvorm(naam="Hofje", beschrijving="Een plek voor jongeren die uit de jeugdzorg komen.")
    body = client.get("/zoeken/", {"q": "jongere"}).content.decode()
    assert "Hofje" in body


def test_compare_shows_items_side_by_side_and_only_differences(client):
    jongeren = make_doelgroep(naam="Jongeren")
    a = make_woonvorm(
        naam="Alfa", doelgroepen=[jongeren], beschrijving="Zelfde tekst.", begeleiding="verplicht"
    )
    b = make_woonvorm(
        naam="Beta", doelgroepen=[jongeren], beschrijving="Zelfde tekst.", begeleiding="vrijblijvend"
    )
    c = make_praktijkvoorbeeld(naam="Gamma", doelgroepen=[jongeren], beschrijving="Zelfde tekst.")
    items = [f"woonvorm:{a.slug}", f"woonvorm:{b.slug}", f"praktijkvoorbeeld:{c.slug}"]
    response = client.get("/vergelijken/", {"items": items})
    assert all(name in response.content.decode() for name in ("Alfa", "Beta", "Gamma"))
    labels = {str(row["label"]) for section in response.context["sections"] for row in section["rows"]}
    assert {"Doelgroepen", "Begeleiding", "Wat is het?"} <= labels
    differences = client.get("/vergelijken/", {"items": items, "verschillen": "1"})
    labels = {str(row["label"]) for section in differences.context["sections"] for row in section["rows"]}
    assert "Begeleiding" in labels
    assert "Wat is het?" not in labels  # the same for all three
    assert "Doelgroepen" not in labels


def test_compare_explains_a_bad_selection(client):
    a = make_woonvorm(naam="Alfa")
    hidden = make_woonvorm(naam="Verborgen", status=Status.CONCEPT)
    body = client.get(
        "/vergelijken/", {"items": [f"woonvorm:{a.slug}", f"woonvorm:{hidden.slug}", "x"]}
    ).content
    body = body.decode()
    assert "Kies 2 tot 4 items" in body
    assert "Niet begrepen en genegeerd: x" in body
    assert "Verborgen" not in body.replace(f"Niet gevonden: {hidden.slug}", "")


def test_a_long_facet_shows_its_largest_options_and_every_chosen_one_until_asked_for_all(client):
    """Places and organisations grow with the catalogue: their facet shows the ones with the most items."""
    count = LONG_FACET_SHOWN + 3
    plaatsen = [make_plaats(slug=f"plaats-{n:02}", naam=f"Plaats {n:02}") for n in range(count)]
    for index, plaats in enumerate(plaatsen):
        # plaats-00 has the fewest items, the last one the most
        for _ in range(index + 1):
            make_woonvorm(plaatsen=[plaats])

    def shown(query):
        body = client.get(f"/woonvormen/?{query}").content.decode()
        return {p.slug for p in plaatsen if f'name="plaats" value="{p.slug}"' in body}, body

    options, body = shown("")
    assert options == {p.slug for p in plaatsen[3:]}
    assert "Toon alle 15 opties" in body
    assert 'href="?alle=plaats#facet-plaats"' in body

    # a chosen place is shown even when it has few items
    options, body = shown("plaats=plaats-00")
    assert "plaats-00" in options and len(options) == LONG_FACET_SHOWN + 1

    # asked for all: every place, and the form keeps asking for all when the filters change
    options, body = shown("alle=plaats")
    assert options == {p.slug for p in plaatsen}
    assert "Toon alle" not in body
    assert '<input type="hidden" name="alle" value="plaats">' in body
    # asking for all of something that is not a long facet changes nothing
    assert client.get("/woonvormen/?alle=onzin&alle=q").status_code == 200
