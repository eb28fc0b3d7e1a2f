"""The journeys a policy officer takes through lists, search and compare, with and without JavaScript."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.db.models import Count

from catalogue.models import Contractvorm, Woonvorm
from tests.browser.axe import assert_no_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def jongeren_contract():
    """The contractvorm most woonvormen for jongeren have, and the woonvormen that have both."""
    contract = (
        Contractvorm.objects.filter(
            woonvorm_set__doelgroepen__slug="jongeren", woonvorm_set__status="gepubliceerd"
        )
        .exclude(slug="onbekend")
        .annotate(n=Count("woonvorm_set", distinct=True))
        .order_by("-n", "slug")
        .first()
    )
    expected = set(
        Woonvorm.objects.published()
        .filter(doelgroepen__slug="jongeren")
        .filter(contractvormen=contract)
        .values_list("naam", flat=True)
    )
    return contract, expected


@pytest.fixture(params=[True, False], ids=["met-javascript", "zonder-javascript"])
def any_page(request, browser, live_site):
    """The same journey with JavaScript on and off."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=request.param)
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.javascript = request.param
    yield page
    context.close()


def result_names(page):
    return {name.strip() for name in page.locator(".result__title a").all_inner_texts()}


def tick(page, facet, value):
    page.locator(f"#f-{facet}-{value}").check()


def test_filter_woonvormen_on_jongeren_and_a_contract_and_share_the_link(any_page, live_site):
    page = any_page
    contract, expected = jongeren_contract()
    assert expected, "the content has woonvormen for jongeren with a contract"
    page.goto(live_site.url + "/woonvormen/")
    tick(page, "doelgroep", "jongeren")
    if page.javascript:
        page.wait_for_url(re.compile(r"doelgroep=jongeren"))
        tick(page, "contractvorm", contract.slug)
        page.wait_for_url(re.compile(rf"contractvorm={contract.slug}"))
        page.wait_for_function("() => !document.querySelector('.htmx-request')")
    else:
        tick(page, "contractvorm", contract.slug)
        page.get_by_role("button", name="Filters toepassen").click()
    query = parse_qs(urlsplit(page.url).query)
    assert query["doelgroep"] == ["jongeren"] and query["contractvorm"] == [contract.slug]
    assert result_names(page) == expected
    shared = page.url
    page.goto(shared)
    assert result_names(page) == expected
    assert page.locator("#f-doelgroep-jongeren").is_checked()
    assert page.get_by_text("Gekozen filters:").is_visible()


def test_search_a_dutch_word_form(any_page, live_site):
    page = any_page
    page.goto(live_site.url + "/zoeken/")
    page.get_by_label("Zoekterm").fill("jongere")
    page.get_by_role("button", name="Zoeken").click()
    page.wait_for_url(re.compile(r"q=jongere"))
    names = result_names(page)
    assert "Kamers met Aandacht" in names  # its text speaks of "jongeren"
    assert "Housing First Jongeren" in names
    assert page.locator("h2", has_text="resultaten voor “jongere”").is_visible()


def test_compare_three_items_and_show_only_differences(any_page, live_site):
    page = any_page
    page.goto(live_site.url + "/woonvormen/?sort=naam")
    chosen = page.locator(".result__compare input").all()[:3]
    names = [page.locator(f"label[for='{box.get_attribute('id')}']").inner_text() for box in chosen]
    for box in chosen:
        box.check()
    page.get_by_role("button", name="Vergelijk aangevinkte items").click()
    page.wait_for_url(re.compile(r"/vergelijken/"))
    headers = page.locator("thead th").all_inner_texts()
    assert len(headers) == 3
    for name in names:
        assert any(name.removeprefix("Vergelijk ") in header for header in headers)
    all_rows = page.locator("tbody th[scope=row]").count()
    page.get_by_label("Toon alleen verschillen").check()
    page.get_by_role("button", name="Toepassen").click()
    page.wait_for_url(re.compile(r"verschillen=1"))
    assert 0 < page.locator("tbody th[scope=row]").count() < all_rows
    assert page.get_by_text("alleen verschillen").first.is_visible()


def test_the_matrix_sorts_on_a_toetspunt_and_links_to_the_reason(page, live_site):
    page.goto(live_site.url + "/toetsingskader/matrix/")
    page.locator("thead a", has_text="T5").first.click()
    page.wait_for_url(re.compile(r"sort=-T5"))
    first_cell = page.locator("tbody tr").first.locator("td").nth(4)
    assert "voldoet" in first_cell.inner_text()
    first_cell.locator("a").click()
    page.wait_for_url(re.compile(r"/woonvormen/.+#score-T5"))
    assert page.locator("#score-T5").is_visible()


PAGES = [
    "/woonvormen/",
    "/woonvormen/?doelgroep=jongeren",
    "/succesversnellers/",
    "/praktijkvoorbeelden/",
    "/zoeken/?q=wonen",
    "/vergelijken/?items=woonvorm:buur&items=woonvorm:mixit&items=praktijkvoorbeeld:lieven",
    "/toetsingskader/",
    "/toetsingskader/matrix/",
]


@pytest.mark.parametrize("path", PAGES)
def test_lists_search_compare_and_toetsing_pages_have_no_axe_violations(page, live_site, path):
    response = page.goto(live_site.url + path)
    assert response.status == 200
    assert_no_axe_violations(page)
