"""The beheeromgeving looks like the site, speaks Dutch, fits a 1366 px laptop screen and passes axe."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from assessment.models import Beoordeling
from catalogue.models import Praktijkvoorbeeld, Woonvorm
from tests.browser.axe import assert_no_axe_violations

pytestmark = pytest.mark.django_db

LAPTOP = {"width": 1366, "height": 900}
USERNAME, PASSWORD = "beheer-look", "een-lang-wachtwoord-2026"
ENGLISH = ["Model name", "Add link", "Change or view list link", "Django administration", "View site"]


@pytest.fixture(scope="module")
def beheerder(live_site, django_db_blocker):
    """A committed account, so the live server sees it on every database; removed after the module."""
    with django_db_blocker.unblock():
        user = get_user_model().objects.create_superuser(USERNAME, password=PASSWORD)
        yield user
        user.delete()


@pytest.fixture
def admin_page(browser, live_site, beheerder):
    context = browser.new_context(viewport=LAPTOP, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(f"{live_site.url}{reverse('admin:login')}")
    page.fill("#id_username", USERNAME)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit], button[type=submit]")
    page.wait_for_url(f"{live_site.url}{reverse('admin:index')}")
    yield page
    context.close()


def _pages():
    with_history = Woonvorm.objects.order_by("slug").first()
    return {
        "start": reverse("admin:index"),
        "woonvormen": reverse("admin:catalogue_woonvorm_changelist"),
        "woonvorm": reverse("admin:catalogue_woonvorm_change", args=[with_history.pk]),
        "praktijkvoorbeeld": reverse(
            "admin:catalogue_praktijkvoorbeeld_change",
            args=[Praktijkvoorbeeld.objects.order_by("slug")[0].pk],
        ),
        "beoordeling": reverse(
            "admin:assessment_beoordeling_change", args=[Beoordeling.objects.order_by("pk")[0].pk]
        ),
        "geschiedenis": reverse("admin:catalogue_woonvorm_history", args=[with_history.pk]),
    }


@pytest.mark.parametrize(
    "name", ["start", "woonvormen", "woonvorm", "praktijkvoorbeeld", "beoordeling", "geschiedenis"]
)
def test_admin_pages_fit_a_laptop_screen_and_pass_axe(admin_page, live_site, name):
    admin_page.goto(f"{live_site.url}{_pages()[name]}")
    widths = admin_page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], f"{name}: the page scrolls sideways ({widths[0]} > {widths[1]} px)"
    assert_no_axe_violations(admin_page)


def test_the_admin_speaks_dutch_and_links_to_the_site(admin_page, live_site):
    for url in [reverse("admin:index"), reverse("admin:catalogue_woonvorm_changelist")]:
        admin_page.goto(f"{live_site.url}{url}")
        html = admin_page.content()
        for english in ENGLISH:
            assert english not in html, f"{url}: {english}"
    assert admin_page.locator("#site-name").inner_text() == "Beheer Wonen Eerst receptenbank"
    admin_page.get_by_role("link", name="Naar de website").click()
    admin_page.wait_for_url(f"{live_site.url}/")


def test_the_admin_uses_the_site_colours(admin_page, live_site):
    header = admin_page.evaluate("() => getComputedStyle(document.getElementById('header')).backgroundColor")
    assert header == "rgb(16, 47, 85)"


def test_a_change_form_asks_for_a_reason(admin_page, live_site):
    admin_page.goto(f"{live_site.url}{_pages()['woonvorm']}")
    reason = admin_page.get_by_label("Reden van de wijziging (optioneel)")
    assert reason.is_visible()
    assert reason.get_attribute("maxlength") == "100"
