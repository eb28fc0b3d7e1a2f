"""The API's page /api/ in a real browser: WCAG 2.1 AA by axe with every part of the reference opened,
reflow at 400 % zoom, and nothing loaded from another host."""

import pytest

from tests.browser.axe import assert_no_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def test_the_api_page_has_no_axe_violations_with_the_reference_opened(page, live_site):
    response = page.goto(live_site.url + "/api/")
    assert response.status == 200
    page.evaluate("document.querySelectorAll('details').forEach(details => details.open = true)")
    assert_no_axe_violations(page)


def test_the_api_page_reflows_at_400_percent_zoom(page, live_site):
    page.set_viewport_size({"width": 320, "height": 256})
    page.goto(live_site.url + "/api/")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the page is {overflow}px wider than a 320px viewport"


def test_the_api_page_asks_nothing_of_another_host(page, live_site):
    asked = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(live_site.url + "/api/")
    assert asked
    assert [url for url in asked if not url.startswith(live_site.url)] == []
