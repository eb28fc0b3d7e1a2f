"""A visitor follows the catalogue on Recent gewijzigd; an editor starts on the dashboard. axe checks both."""

import re

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from catalogue.changelog import record_change
from catalogue.models import Link, LinkControle, Praktijkvoorbeeld, Wijziging, Woonvorm
from tests.browser.axe import assert_no_axe_violations
from tests.factories import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PASSWORD = "redacteur-wachtwoord-2026"


@pytest.fixture(scope="module")
def changes(live_site, django_db_blocker):
    """Two changes and a broken link the live server can see (committed), removed again afterwards."""
    with django_db_blocker.unblock():
        user = make_user(
            "redacteur-recent", staff=True, groups=[Group.objects.get(name="Redacteur")], password=PASSWORD
        )
        woonvorm = Woonvorm.objects.published().order_by("slug").first()
        voorbeeld = Praktijkvoorbeeld.objects.published().order_by("slug").first()
        record_change(woonvorm, soort=Wijziging.Soort.WIJZIGING, omschrijving="Nieuwe cijfers.", user=user)
        record_change(voorbeeld, soort=Wijziging.Soort.NIEUW, user=user)
        url = Link.objects.order_by("pk").first().url
        LinkControle.objects.create(url=url, status="kapot", http_code=404, gecontroleerd_op=timezone.now())
        yield user, woonvorm, voorbeeld
        LinkControle.objects.all().delete()
        Wijziging.objects.all().delete()
        user.delete()


def test_a_visitor_finds_recent_changes_from_the_footer(page, live_site, changes):
    _user, woonvorm, voorbeeld = changes
    page.goto(live_site.url + "/")
    page.locator("footer").get_by_role("link", name="Recent gewijzigd").click()
    page.wait_for_url(re.compile("/recent-gewijzigd/$"))

    headings = page.locator("main h2").all_inner_texts()
    assert headings == [f"Nieuw in de catalogus: {voorbeeld.naam}", f"Gewijzigd: {woonvorm.naam}"]
    assert page.get_by_role("link", name="Atom-feed van deze pagina").is_visible()
    assert_no_axe_violations(page)

    page.get_by_role("link", name=f"Gewijzigd: {woonvorm.naam}").click()
    page.wait_for_url(re.compile(re.escape(woonvorm.get_absolute_url()) + "$"))


def test_an_editor_sees_the_dashboard_on_the_start_page(page, live_site, changes):
    user, _woonvorm, _voorbeeld = changes
    page.goto(f"{live_site.url}/beheer/login/?next=/beheer/")
    page.locator("#id_username").fill(user.username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("input[type=submit]").click()
    page.wait_for_url(re.compile("/beheer/$"))

    for title in ("Mijn werkversies", "Items zonder verplichte velden", "Niet beoordeeld in 12 maanden"):
        assert page.get_by_role("heading", name=re.compile(title)).is_visible()
    assert page.get_by_role("heading", name="Kapotte links (1)").is_visible()
    assert_no_axe_violations(page)
