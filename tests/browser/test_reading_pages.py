"""Reading the catalogue in a real browser: audio in the page, links to filtered lists, search and print."""

import pytest
from django.db.models import Count, Q

from catalogue.models import Doelgroep, Link, Status, Woonvorm

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def published_audio_fragment():
    """An audio fragment of a published item in the real content."""
    published = Q()
    for kind in ("woonvorm", "succesversneller", "praktijkvoorbeeld"):
        published |= Q(**{f"{kind}__status": Status.GEPUBLICEERD})
    return (
        Link.objects.filter(published, soort=Link.Soort.AUDIOFRAGMENT)
        .select_related("woonvorm", "succesversneller", "praktijkvoorbeeld")
        .order_by("pk")
        .first()
    )


@pytest.mark.parametrize("fixture", ["page", "page_without_js"])
def test_an_audio_fragment_has_controls_and_a_caption_naming_the_speaker(request, live_site, fixture):
    page = request.getfixturevalue(fixture)
    fragment = published_audio_fragment()
    assert fragment is not None, "the real content has audio fragments"
    page.goto(live_site.url + fragment.item.get_absolute_url())
    figure = page.locator("figure.audio-fragment", has=page.locator(f'audio[src="{fragment.url}"]'))
    audio = figure.locator("audio")
    assert audio.get_attribute("controls") is not None
    assert audio.get_attribute("preload") == "none", "nothing is fetched from another site until played"
    caption = figure.locator("figcaption").inner_text()
    assert fragment.spreker_rol in caption
    assert fragment.spreker_naam in caption
    assert figure.locator(f'a[href="{fragment.url}"]').count() == 1, "a plain link to the file as well"


def test_the_browser_can_play_the_audio_fragments(page, live_site):
    fragment = published_audio_fragment()
    page.goto(live_site.url + fragment.item.get_absolute_url())
    assert page.locator("audio").evaluate("audio => audio.canPlayType('audio/mpeg')") in ("maybe", "probably")


def test_a_doelgroep_on_a_recipe_card_opens_the_list_filtered_on_it_without_javascript(
    page_without_js, live_site
):
    page = page_without_js
    woonvorm = (
        Woonvorm.objects.published().annotate(n=Count("doelgroepen")).filter(n__gt=0).order_by("slug").first()
    )
    doelgroep = woonvorm.doelgroepen.order_by("naam").first()
    page.goto(live_site.url + woonvorm.get_absolute_url())
    page.locator(".kenmerken").get_by_role("link", name=doelgroep.naam, exact=True).click()
    assert page.url == f"{live_site.url}/woonvormen/?doelgroep={doelgroep.slug}"
    results = page.locator("main").inner_text()
    assert woonvorm.naam in results
    outside = Woonvorm.objects.published().exclude(doelgroepen=doelgroep).order_by("naam").first()
    assert outside is None or not page.get_by_role("link", name=outside.naam, exact=True).count()


def test_a_home_entry_point_opens_the_filtered_list(page, live_site):
    doelgroep = Doelgroep.objects.get(slug="jongeren")
    page.goto(live_site.url + "/")
    page.locator(".entry-list").get_by_role("link", name=doelgroep.naam, exact=True).click()
    assert page.url == f"{live_site.url}/woonvormen/?doelgroep=jongeren"
    results = page.locator("main").inner_text()
    for woonvorm in Woonvorm.objects.published().filter(doelgroepen=doelgroep):
        assert woonvorm.naam in results


def test_the_home_search_box_searches_the_whole_catalogue_without_javascript(page_without_js, live_site):
    page = page_without_js
    page.goto(live_site.url + "/")
    page.get_by_role("searchbox", name="Zoek in de receptenbank").fill("jongeren")
    page.get_by_role("searchbox", name="Zoek in de receptenbank").press("Enter")
    assert page.url == f"{live_site.url}/zoeken/?q=jongeren"
    assert page.locator("main a[href^='/woonvormen/'], main a[href^='/praktijkvoorbeelden/']").count() > 0


def test_a_recipe_card_prints_without_navigation_and_with_the_addresses_of_links(page, live_site):
    fragment = published_audio_fragment()
    page.goto(live_site.url + fragment.item.get_absolute_url())
    page.emulate_media(media="print")
    for hidden in (".site-nav", ".site-footer", ".site-search", ".recipe__compare", ".recipe__toc", "audio"):
        assert not page.locator(hidden).first.is_visible(), hidden
    assert page.get_by_role("heading", level=1).is_visible()
    after = page.locator("main a[href^='http']").first.evaluate("a => getComputedStyle(a, '::after').content")
    assert "http" in after, "the address of an external link is printed after its text"
