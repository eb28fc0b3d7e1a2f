"""The site on a phone, a laptop and by keyboard: nothing scrolls sideways, the menu and a list's filters fold
away on a phone (also without JavaScript), a list's results are in the first screen, and ticking the
routekaart does not fill the browser's history."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.axe import assert_no_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PHONE = {"width": 390, "height": 844}
SMALLEST = {"width": 320, "height": 640}
LAPTOP = {"width": 1366, "height": 768}
WIDTHS = [SMALLEST, PHONE, LAPTOP]

PAGES = [
    "/",
    "/woonvormen/",
    "/succesversnellers/",
    "/praktijkvoorbeelden/?doelgroep=jongeren",
    "/woonvormen/buur/",
    "/succesversnellers/respijthuis/",
    "/praktijkvoorbeelden/tijdelijk-onder-dak-amsterdam/",
    "/vergelijken/?items=woonvorm:buur&items=woonvorm:project-010&items=praktijkvoorbeeld:onder-de-pannen-amsterdam",
    "/toetsingskader/",
    "/toetsingskader/matrix/",
    "/routekaart/",
    "/routekaart/initiatief/",
    "/zoeken/?q=jongeren",
    "/doelgroepen/",
    "/contractvormen/",
    "/woonzorgconcepten/",
    "/api/",
    "/kansenkaart/",
    "/kaart/",
]
LIST = "/woonvormen/"


def doelgroep(page, name):
    """A checkbox of the Doelgroep filter (Jongeren is also a leeftijdsgroep)."""
    return page.get_by_role("group", name="Doelgroep").get_by_role("checkbox", name=re.compile(f"^{name}"))


def open_page(browser, live_site, viewport, path, **options):
    context = browser.new_context(viewport=viewport, locale="nl-NL", **options)
    page = context.new_page()
    page.set_default_timeout(10_000)
    response = page.goto(live_site.url + path)
    assert response.status == 200, path
    return context, page


@pytest.fixture
def phone(browser, live_site):
    context, page = open_page(browser, live_site, PHONE, LIST)
    yield page
    context.close()


@pytest.fixture
def phone_without_js(browser, live_site):
    context, page = open_page(browser, live_site, PHONE, LIST, java_script_enabled=False)
    yield page
    context.close()


def tab_to(page, locator, most=12):
    """Presses Tab until `locator` has the focus; returns how many presses that took."""
    for presses in range(1, most + 1):
        page.keyboard.press("Tab")
        if locator.evaluate("element => element === document.activeElement"):
            return presses
    pytest.fail(f"{locator} not reached in {most} tabs")


@pytest.mark.parametrize("viewport", WIDTHS, ids=lambda viewport: f"{viewport['width']}px")
def test_no_page_scrolls_sideways(browser, live_site, viewport):
    context = browser.new_context(viewport=viewport, locale="nl-NL")
    page = context.new_page()
    too_wide = {}
    for path in PAGES:
        response = page.goto(live_site.url + path)
        assert response.status == 200, path
        scroll_width, inner_width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        if scroll_width > inner_width:
            too_wide[path] = scroll_width
    context.close()
    assert not too_wide, f"wider than {viewport['width']} px: {too_wide}"


def test_on_a_phone_the_result_count_is_in_the_first_screen(phone):
    count = phone.get_by_role("heading", name=re.compile(r"^\d+ resultaten$"))
    expect(count).to_be_visible()
    assert count.bounding_box()["y"] + count.bounding_box()["height"] <= PHONE["height"]
    expect(
        phone.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Woonvormen")
    ).to_be_hidden()
    expect(doelgroep(phone, "Jongeren")).to_be_hidden()


def test_on_a_phone_the_menu_opens_and_closes_by_keyboard(phone):
    toggle = phone.get_by_role("navigation", name="Hoofdmenu").locator("summary")
    link = phone.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Routekaart")
    expect(link).to_be_hidden()
    tab_to(phone, toggle)
    phone.keyboard.press("Enter")
    expect(link).to_be_visible()
    assert tab_to(phone, link) <= 10
    link.evaluate("link => link.blur()")
    toggle.focus()
    phone.keyboard.press("Space")
    expect(link).to_be_hidden()


def test_on_a_phone_the_filters_say_how_many_are_active_and_open_by_keyboard(browser, live_site):
    context, page = open_page(browser, live_site, PHONE, f"{LIST}?doelgroep=jongeren&doelgroep=gezinnen")
    toggle = page.locator(".filter-panel summary")
    expect(toggle).to_have_text("Filters (2 actief)")
    jongeren = doelgroep(page, "Jongeren")
    expect(jongeren).to_be_hidden()
    tab_to(page, toggle, most=20)
    page.keyboard.press("Enter")
    expect(jongeren).to_be_visible()
    expect(jongeren).to_be_checked()
    page.keyboard.press("Enter")
    expect(jongeren).to_be_hidden()
    context.close()


def test_with_javascript_the_filters_stay_open_while_filtering_on_a_phone(phone):
    phone.locator(".filter-panel summary").click()
    doelgroep(phone, "Jongeren").check()
    expect(phone).to_have_url(re.compile(r"[?&]doelgroep=jongeren"))
    expect(phone.locator(".filter-panel summary")).to_have_text("Filters (1 actief)")
    expect(doelgroep(phone, "Gezinnen")).to_be_visible()


def test_without_javascript_the_menu_and_the_filters_work_on_a_phone(phone_without_js):
    page = phone_without_js
    menu = page.get_by_role("navigation", name="Hoofdmenu")
    menu.locator("summary").click()
    menu.get_by_role("link", name="Succesversnellers").click()
    expect(page).to_have_url(re.compile(r"/succesversnellers/$"))
    page.locator(".filter-panel summary").click()
    doelgroep(page, "Jongeren").check()
    page.get_by_role("button", name="Filters toepassen").click()
    expect(page).to_have_url(re.compile(r"/succesversnellers/\?.*doelgroep=jongeren"))
    expect(page.locator(".filter-panel summary")).to_have_text("Filters (1 actief)")


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["390px", "1366px"])
def test_the_skip_link_reaches_the_first_result_within_five_tabs(browser, live_site, viewport):
    context, page = open_page(browser, live_site, viewport, LIST)
    skip = page.get_by_role("link", name="Naar de resultaten")
    first_result = page.locator(".result-list .result__title a").first
    presses = tab_to(page, skip, most=3)
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    presses += tab_to(page, first_result, most=3)
    assert presses <= 5
    expect(first_result).to_be_in_viewport()
    context.close()


def test_on_a_laptop_the_menu_is_one_row_and_menu_and_filters_are_open(browser, live_site):
    context, page = open_page(browser, live_site, LAPTOP, LIST)
    menu = page.get_by_role("navigation", name="Hoofdmenu")
    expect(menu.locator("summary")).to_be_hidden()
    tops = {round(item.bounding_box()["y"]) for item in menu.get_by_role("listitem").all()}
    assert len(tops) == 1, f"the menu wraps onto {len(tops)} rows"
    expect(page.locator(".filter-panel summary")).to_be_hidden()
    expect(page.get_by_role("heading", name="Filteren")).to_be_visible()
    expect(doelgroep(page, "Jongeren")).to_be_visible()
    context.close()


@pytest.mark.parametrize("path", ["/", LIST])
def test_a_phone_page_passes_axe_with_the_menu_and_filters_open(browser, live_site, path):
    context, page = open_page(browser, live_site, PHONE, path)
    assert_no_axe_violations(page)
    page.locator("summary").first.click()
    if path == LIST:
        page.locator(".filter-panel summary").click()
    assert_no_axe_violations(page)
    context.close()


def test_ticking_the_routekaart_replaces_the_history_entry(browser, live_site):
    context, page = open_page(browser, live_site, LAPTOP, "/")
    page.goto(live_site.url + "/routekaart/initiatief/")
    before = page.evaluate("history.length")
    boxes = page.locator(".checklist-form input[type=checkbox]")
    for index in range(3):
        boxes.nth(index).check()
        expect(page).to_have_url(re.compile(rf"(\bv=f2-\d+.*){{{index + 1}}}"))
    assert page.evaluate("history.length") == before
    page.go_back()
    expect(page).to_have_url(live_site.url + "/")
    context.close()
