"""Comparing from a detail page: add items through the search box, then "alleen verschillen", with and without
JavaScript."""

import re

import pytest

from tests.browser.axe import assert_no_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

THREE = "/vergelijken/?items=woonvorm:buur&items=woonvorm:mixit&items=praktijkvoorbeeld:lieven"
ROWS = "tbody th[scope=row]"


@pytest.fixture(params=[True, False], ids=["met-javascript", "zonder-javascript"])
def any_page(request, browser, live_site):
    """The same journey with JavaScript on and off."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=request.param)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def add_through_search(page, text, name):
    page.get_by_label("Zoek een woonvorm, succesversneller of praktijkvoorbeeld").fill(text)
    page.get_by_role("button", name="Zoek", exact=True).click()
    page.wait_for_url(re.compile(rf"q={re.escape(text.split()[0])}"))
    page.get_by_role("link", name=f"Voeg toe {name} aan de vergelijking", exact=True).first.click()


def test_from_a_detail_page_add_two_items_through_the_search_box(any_page, live_site):
    page = any_page
    page.goto(live_site.url + "/woonvormen/buur/")
    page.get_by_role("button", name="Vergelijk met andere items").click()
    page.wait_for_url(re.compile(r"/vergelijken/\?items=woonvorm%3Abuur$"))
    assert page.get_by_text("Kies er nog minstens één bij", exact=False).is_visible()
    assert page.get_by_role("heading", name="Lijkt op BUUR").is_visible()

    add_through_search(page, "Mixit", "Mixit")
    page.wait_for_url(re.compile(r"items=woonvorm%3Abuur&items=woonvorm%3Amixit"))
    add_through_search(page, "Skaeve Huse", "Skaeve Huse")
    page.wait_for_url(re.compile(r"items=woonvorm%3Amixit&items=woonvorm%3Askaeve-huse"))

    headers = page.locator("thead th[scope=col] > a.utrecht-link").all_inner_texts()
    assert headers == ["BUUR", "Mixit", "Skaeve Huse"]
    page.get_by_role("link", name="Verwijder Mixit uit de vergelijking").click()
    page.wait_for_url(re.compile(r"items=woonvorm%3Abuur&items=woonvorm%3Askaeve-huse"))
    assert page.locator("thead th[scope=col] > a.utrecht-link").all_inner_texts() == ["BUUR", "Skaeve Huse"]


def test_only_differences_applies_at_once_with_javascript_without_loading_the_page(page, live_site):
    page.goto(live_site.url + THREE)
    all_rows = page.locator(ROWS).count()
    page.evaluate("window.zelfdePagina = true")
    page.get_by_label("Toon alleen verschillen").check()
    page.wait_for_url(re.compile(r"verschillen=1"))
    page.wait_for_function("([rows, n]) => document.querySelectorAll(rows).length < n", arg=[ROWS, all_rows])
    assert page.evaluate("window.zelfdePagina === true"), "the rows changed without a page load"
    assert 0 < page.locator(ROWS).count() < all_rows
    assert page.get_by_text(re.compile(r"\d+ rijen zonder verschil verborgen")).is_visible()
    assert page.locator("#verschillen").evaluate("box => document.activeElement === box"), "focus stays"
    export = page.get_by_role("link", name="CSV").get_attribute("href")
    assert "verschillen=1" in export, "the export follows the setting"

    page.get_by_label("Toon alleen verschillen").uncheck()
    page.wait_for_function(
        "([rows, n]) => document.querySelectorAll(rows).length === n", arg=[ROWS, all_rows]
    )
    assert page.evaluate("window.zelfdePagina === true")


def test_only_differences_applies_with_the_button_without_javascript(page_without_js, live_site):
    page = page_without_js
    page.goto(live_site.url + THREE)
    all_rows = page.locator(ROWS).count()
    page.get_by_label("Toon alleen verschillen").check()
    page.get_by_role("button", name="Toepassen").click()
    page.wait_for_url(re.compile(r"verschillen=1"))
    assert 0 < page.locator(ROWS).count() < all_rows
    assert page.get_by_label("Toon alleen verschillen").is_checked()


@pytest.mark.parametrize(
    "path",
    ["/vergelijken/?items=woonvorm:buur&q=wonen", f"{THREE}&verschillen=1", "/vergelijken/"],
)
def test_the_compare_page_has_no_axe_violations(page, live_site, path):
    assert page.goto(live_site.url + path).status == 200
    assert_no_axe_violations(page)
