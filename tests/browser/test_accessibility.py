"""WCAG 2.1 AA in a real browser: axe on every kind of reading page, reflow at 400 % zoom, the keyboard."""

import pytest
from django.db.models import Count
from django.urls import reverse

from catalogue.models import (
    Bron,
    Contractvorm,
    Doelgroep,
    Organisatie,
    Plaats,
    Praktijkvoorbeeld,
    Succesversneller,
    Woonsituatie,
    Woonvorm,
    Woonzorgconcept,
)
from tests.browser.axe import assert_no_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def richest(model):
    """The published item with the most links and roles: the page with the most to check."""
    return (
        model.objects.published()
        .annotate(extent=Count("links", distinct=True) + Count("organisatierollen", distinct=True))
        .order_by("-extent", "slug")
        .first()
    )


def most_used(model, *relations):
    return (
        model.objects.annotate(extent=sum(Count(r, distinct=True) for r in relations))
        .order_by("-extent")
        .first()
    )


PAGES = {
    "home": lambda: reverse("website:home"),
    "woonvorm": lambda: richest(Woonvorm).get_absolute_url(),
    "succesversneller": lambda: richest(Succesversneller).get_absolute_url(),
    "praktijkvoorbeeld": lambda: richest(Praktijkvoorbeeld).get_absolute_url(),
    "doelgroep": lambda: most_used(Doelgroep, "woonvorm_set", "praktijkvoorbeeld_set").get_absolute_url(),
    "contractvorm": lambda: most_used(
        Contractvorm, "woonvorm_set", "praktijkvoorbeeld_set"
    ).get_absolute_url(),
    "woonsituatie": lambda: most_used(Woonsituatie, "woonvorm_set").get_absolute_url(),
    "woonzorgconcept": lambda: most_used(
        Woonzorgconcept, "woonvorm_set", "praktijkvoorbeeld_set"
    ).get_absolute_url(),
    "organisatie": lambda: most_used(Organisatie, "rollen").get_absolute_url(),
    "plaats": lambda: most_used(Plaats, "organisaties", "praktijkvoorbeeld_set").get_absolute_url(),
    "bron": lambda: most_used(Bron, "praktijkvoorbeeld_set").get_absolute_url(),
    "kansenkaart": lambda: reverse("website:kansenkaart"),
    "kansenkaart-woonzorgconcepten": lambda: reverse("website:kansenkaart") + "?kolom=woonzorgconcept",
    "kaart": lambda: reverse("website:kaart"),
    "recent-gewijzigd": lambda: reverse("website:recent-gewijzigd"),
    "zoeken-met-suggestie": lambda: reverse("website:zoeken") + "?q=jongre",
    **{
        f"{name}-index": lambda name=name: reverse(f"website:{name}-index")
        for name in (
            "doelgroep",
            "contractvorm",
            "woonsituatie",
            "woonzorgconcept",
            "organisatie",
            "plaats",
            "bron",
        )
    },
}


@pytest.mark.parametrize("name", PAGES)
def test_page_has_no_axe_violations(page, live_site, name):
    response = page.goto(live_site.url + PAGES[name]())
    assert response.status == 200
    assert_no_axe_violations(page)


@pytest.mark.parametrize(
    "name", ["home", "woonvorm", "praktijkvoorbeeld", "woonzorgconcept-index", "organisatie-index"]
)
def test_page_reflows_at_400_percent_zoom_without_sideways_scrolling(page, live_site, name):
    # 1280 × 1024 CSS pixels at 400 % zoom leave a 320 × 256 viewport (WCAG 1.4.10).
    page.set_viewport_size({"width": 320, "height": 256})
    page.goto(live_site.url + PAGES[name]())
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the page is {overflow}px wider than a 320px viewport"


@pytest.mark.parametrize("fixture", ["page", "page_without_js"])
def test_tab_from_the_top_reaches_the_skip_link_first_and_it_moves_focus_to_main(request, live_site, fixture):
    page = request.getfixturevalue(fixture)
    page.goto(live_site.url + PAGES["woonvorm"]())
    skip_link = page.get_by_role("link", name="Direct naar de inhoud")
    assert not skip_link.is_visible() or skip_link.bounding_box()["y"] < 0, "hidden until it has focus"
    page.keyboard.press("Tab")
    focused = page.locator(":focus")
    assert focused.get_attribute("href") == "#inhoud"
    box = skip_link.bounding_box()
    assert box["y"] >= 0 and box["height"] > 0, "visible once it has focus"
    page.keyboard.press("Enter")
    assert page.locator(":focus").get_attribute("id") == "inhoud"
    page.keyboard.press("Tab")
    assert page.locator(":focus").get_attribute("href") != "#inhoud", "the next Tab continues inside main"
    assert page.locator("main :focus").count() == 1


def test_focus_is_visible_on_links_and_buttons(page, live_site):
    page.goto(live_site.url + "/")
    for _step in range(3):  # skip link, site name, search box
        page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # the search button
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert page.evaluate("document.activeElement.tagName") == "BUTTON"
    assert outline not in ("none", "")
