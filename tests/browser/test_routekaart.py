"""A region ticks its checklist on the routekaart, with and without JavaScript, and prints it."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.axe import assert_no_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

TREKKERS = "Eén of meer regionale trekkers zijn gevonden."


def test_without_javascript_the_form_keeps_the_ticks_of_every_phase(page_without_js, live_site):
    page = page_without_js
    page.goto(f"{live_site.url}/routekaart/initiatief/?v=f1-1")
    expect(page.locator("#fase-voortgang")).to_contain_text("0 van 6 afgevinkt")
    page.get_by_label(TREKKERS).check()
    page.get_by_role("button", name="Voortgang bijwerken").click()
    expect(page).to_have_url(re.compile(r"/routekaart/initiatief/\?v=f1-1&v=f2-2$"))
    expect(page.locator("#fase-voortgang")).to_contain_text("1 van 6 afgevinkt")
    expect(page.get_by_label(TREKKERS)).to_be_checked()

    page.reload()
    expect(page.get_by_label(TREKKERS)).to_be_checked()
    page.get_by_role("navigation", name="Kruimelpad").get_by_role("link", name="Routekaart").click()
    fasen = page.locator("#routekaart-fasen > li")
    expect(fasen.nth(0)).to_contain_text("1 van 6 afgevinkt")
    expect(fasen.nth(1)).to_contain_text("1 van 6 afgevinkt")
    expect(fasen.nth(2)).to_contain_text("0 van 5 afgevinkt")
    expect(page.locator("#voortgang-totaal")).to_contain_text("2 van 35")


def test_with_javascript_ticking_updates_the_progress_in_place_and_the_url(page, live_site):
    page.goto(f"{live_site.url}/routekaart/initiatief/?v=f1-1")
    page.evaluate("window.zelfdePagina = true")
    checkbox = page.get_by_label(TREKKERS)
    checkbox.check()
    expect(page.locator("#voortgang-totaal")).to_contain_text("In deze fase 1 van 6 afgevinkt")
    expect(page).to_have_url(re.compile(r"\?v=f1-1&v=f2-2$"))
    expect(page.locator("#fase-nav").get_by_role("link", name=re.compile("Volgende fase"))).to_have_attribute(
        "href", "/routekaart/coalitievorming/?v=f1-1&v=f2-2"
    )
    assert page.evaluate("window.zelfdePagina") is True, "the page was reloaded instead of updated in place"
    assert page.evaluate("document.activeElement.id") == "punt-f2-2"

    checkbox.uncheck()
    expect(page.locator("#voortgang-totaal")).to_contain_text("In deze fase 0 van 6 afgevinkt")
    expect(page).to_have_url(re.compile(r"\?v=f1-1$"))
    page.reload()
    expect(page.get_by_label(TREKKERS)).not_to_be_checked()
    expect(page.locator("#fase-voortgang")).to_contain_text("0 van 6 afgevinkt")


def test_with_javascript_the_overview_updates_the_progress_of_each_phase(page, live_site):
    page.goto(f"{live_site.url}/routekaart/")
    page.get_by_label("Gemeenten en woningcorporaties hebben de ambitie").check()
    fasen = page.locator("#routekaart-fasen > li")
    expect(fasen.nth(1)).to_contain_text("1 van 6 afgevinkt")
    expect(fasen.nth(0)).to_contain_text("0 van 6 afgevinkt")
    expect(page.locator("#voortgang-totaal")).to_contain_text("In totaal 1 van 35 punten afgevinkt.")
    expect(page.get_by_role("link", name=re.compile("Excel"))).to_have_attribute(
        "href", "/routekaart/export.xlsx?v=f2-1"
    )


def test_an_unknown_item_in_the_link_is_reported_and_dropped_on_the_next_update(page, live_site):
    page.goto(f"{live_site.url}/routekaart/?v=f1-2&v=f9-9")
    expect(page.locator("#checklist-meldingen")).to_contain_text("“f9-9”")
    page.get_by_label("Feiten en onderbouwing zijn beschikbaar en gedeeld.").check()
    expect(page).to_have_url(re.compile(r"\?v=f1-2&v=f1-4$"))
    expect(page.locator("#checklist-meldingen")).to_have_text("")


def test_the_printed_checklist_shows_the_ticks_without_buttons_or_menus(page, live_site):
    page.goto(f"{live_site.url}/routekaart/orientatie/?v=f1-1")
    page.emulate_media(media="print")
    expect(page.get_by_label("Er is basisbegrip van het concept Wonen Eerst")).to_be_visible()
    expect(page.get_by_label("Er is basisbegrip van het concept Wonen Eerst")).to_be_checked()
    expect(page.get_by_text("Voortgang op ")).to_be_visible()
    expect(page.get_by_role("button", name="Voortgang bijwerken")).to_be_hidden()
    expect(page.get_by_role("navigation", name="Hoofdmenu")).to_be_hidden()
    expect(page.locator("#fase-nav")).to_be_hidden()


@pytest.mark.parametrize(
    "path",
    ["/routekaart/", "/routekaart/?v=f1-1&v=f3-2&v=onbekend", "/routekaart/concretisering/?v=f4-1&v=f1-1"],
)
def test_routekaart_pages_have_no_axe_violations(page, live_site, path):
    page.goto(f"{live_site.url}{path}")
    assert_no_axe_violations(page)
