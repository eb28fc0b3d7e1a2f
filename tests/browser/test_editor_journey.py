"""An editor prepares a change of a published item as a werkversie, previews it at the item's address and
publishes it; visitors see the published text until then. axe checks every beheeromgeving page on the way."""

import re

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache

from catalogue.models import Werkversie, Woonvorm
from tests.browser.axe import assert_no_axe_violations
from tests.factories import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PASSWORD = "redacteur-wachtwoord-2026"
NEW_SUMMARY = "Een werkversie met een nieuwe samenvatting, nog niet voor bezoekers."


@pytest.fixture(scope="module")
def editor(live_site, django_db_blocker):
    """A redacteur the live server can see (committed), removed again with what the journey left."""
    with django_db_blocker.unblock():
        user = make_user(
            "redacteur-reis", staff=True, groups=[Group.objects.get(name="Redacteur")], password=PASSWORD
        )
        item = Woonvorm.objects.published().order_by("slug").first()
        original = item.samenvatting
        yield user, item
        Werkversie.objects.filter(aangemaakt_door=user).delete()
        Woonvorm.objects.filter(pk=item.pk).update(samenvatting=original)
        user.delete()


def public_summary(browser, url):
    """The summary a visitor (another browser, not logged in) reads on the item's page."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(url)
    text = page.locator(".recipe__summary").inner_text()
    context.close()
    return text


def test_an_editor_prepares_previews_and_publishes_a_werkversie(page, browser, live_site, editor):
    user, item = editor
    item_url = live_site.url + item.get_absolute_url()
    change_path = f"/beheer/catalogue/woonvorm/{item.pk}/change/"
    original = item.samenvatting

    page.goto(f"{live_site.url}/beheer/login/?next={change_path}")
    assert_no_axe_violations(page)
    page.locator("#id_username").fill(user.username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("input[type=submit]").click()
    page.wait_for_url(re.compile(re.escape(change_path)))
    assert_no_axe_violations(page)

    page.locator("#id_samenvatting").fill(NEW_SUMMARY)
    page.get_by_role("button", name="Opslaan als werkversie").click()
    page.get_by_text("De werkversie is opgeslagen.").wait_for()
    assert page.get_by_text("U bewerkt een werkversie").is_visible()
    assert page.locator("#id_samenvatting").input_value() == NEW_SUMMARY
    assert_no_axe_violations(page)
    assert public_summary(browser, item_url) == original

    page.goto(f"{item_url}?werkversie=1")
    assert page.get_by_role("heading", name="Werkversie, nog niet gepubliceerd").is_visible()
    assert page.locator(".recipe__summary").inner_text() == NEW_SUMMARY
    assert_no_axe_violations(page)

    page.get_by_role("link", name="Verschillen bekijken en publiceren").click()
    page.wait_for_url(re.compile(r"/werkversie/"))
    assert page.locator("ins", has_text="werkversie").first.is_visible()
    assert_no_axe_violations(page)
    assert public_summary(browser, item_url) == original

    page.get_by_label("Reden van de wijziging").fill("Samenvatting herschreven")
    page.get_by_role("button", name="Werkversie publiceren").click()
    page.get_by_text("De werkversie is gepubliceerd.").wait_for()
    page.wait_for_load_state("networkidle")  # no request of the admin page is left running on the server
    assert_no_axe_violations(page)
    assert Woonvorm.objects.get(pk=item.pk).samenvatting == NEW_SUMMARY
    assert not Werkversie.objects.filter(item_pk=item.pk).exists()
    # A commit starts a new catalogue generation (core/cache.py). On SQLite the live server writes inside
    # this test's transaction, which never commits, so the cached page is dropped here instead.
    cache.clear()
    assert public_summary(browser, item_url) == NEW_SUMMARY
