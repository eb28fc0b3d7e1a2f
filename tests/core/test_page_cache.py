"""Whole pages kept for visitors until the next edit (core/page_cache.py): never stale, never for staff,
with the same headers as a fresh page."""

import gzip
import io

import openpyxl
import pytest
from django.contrib import messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.management import call_command
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse

from catalogue import services
from catalogue.models import Status, Woonvorm
from core.page_cache import PageCacheMiddleware
from tests.factories import make_bron, make_doelgroep, make_persona, make_toetsingskader, make_woonvorm

pytestmark = pytest.mark.django_db

HIT = "X-Cache"


@pytest.fixture
def catalogue():
    make_toetsingskader()
    bron = make_bron(slug="receptenboek")
    jongeren = make_doelgroep(slug="jongeren", naam="Jongeren")
    hofje = make_woonvorm(slug="hofje", naam="Hofje Oud", bron=bron, doelgroepen=[jongeren])
    make_woonvorm(slug="buur", naam="Buurhuis", bron=bron, doelgroepen=[jongeren])
    return hofje


# Every kind of public page that shows the name of a woonvorm.
PAGES = [
    "/woonvormen/",
    "/woonvormen/?doelgroep=jongeren&sorteer=naam",
    "/woonvormen/hofje/",
    "/zoeken/?q=hofje",
    "/doelgroepen/jongeren/",
    "/toetsingskader/matrix/",
    "/vergelijken/?items=woonvorm:hofje&items=woonvorm:buur",
]


def visit_all(client):
    """Each page twice: the second answer must be the kept one."""
    for url in PAGES:
        client.get(url)
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.get(HIT) == "hit", url


def rename(item, naam):
    item.naam = naam
    item.save()


def revert_to_first_version(item):
    item.history.earliest().instance.save()


def import_new_name(item, naam, tmp_path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Woonvormen"
    sheet.append(["Slug", "Naam", "Status", "Samenvatting", "Doelgroepen", "Bron"])
    sheet.append([item.slug, naam, "gepubliceerd", "", "Jongeren", "receptenboek"])
    path = tmp_path / "catalogus.xlsx"
    workbook.save(path)
    call_command("catalogus_import", str(path), stdout=io.StringIO())


def test_an_edit_shows_on_the_very_next_request_of_every_kept_page(client, catalogue):
    visit_all(client)
    rename(catalogue, "Hofje Nieuw")
    for url in PAGES:
        response = client.get(url)
        assert response.get(HIT) is None, url
        assert "Hofje Nieuw" in response.content.decode(), url
        assert "Hofje Oud" not in response.content.decode(), url


def test_an_import_shows_on_the_very_next_request(client, catalogue, tmp_path):
    visit_all(client)
    import_new_name(catalogue, "Hofje Geïmporteerd", tmp_path)
    for url in PAGES:
        assert "Hofje Geïmporteerd" in client.get(url).content.decode(), url


def test_a_revert_shows_on_the_very_next_request(client, catalogue):
    rename(catalogue, "Hofje Nieuw")
    visit_all(client)
    revert_to_first_version(Woonvorm.objects.get(pk=catalogue.pk))
    for url in PAGES:
        page = client.get(url).content.decode()
        assert "Hofje Oud" in page and "Hofje Nieuw" not in page, url


def test_archiving_and_publishing_show_on_the_very_next_request(client, catalogue):
    visit_all(client)
    services.archive(items=[catalogue], user=None)
    assert client.get("/woonvormen/hofje/").status_code == 410
    assert "Hofje Oud" not in client.get("/woonvormen/").content.decode()
    assert "Hofje Oud" not in client.get("/zoeken/?q=hofje").content.decode()
    services.publish(items=[catalogue], user=None)
    assert client.get("/woonvormen/hofje/").status_code == 200
    assert "Hofje Oud" in client.get("/woonvormen/").content.decode()


def test_staff_never_get_a_kept_page_and_their_pages_are_never_kept(client, catalogue):
    concept = make_woonvorm(slug="concept", naam="Nog niet af", status=Status.CONCEPT)
    visit_all(client)
    staff = Client()
    staff.force_login(make_persona("Redacteur"))
    for url in PAGES:
        assert staff.get(url).get(HIT) is None, url
    preview = staff.get(concept.get_absolute_url())
    assert preview.status_code == 200 and "Nog niet af" in preview.content.decode()
    # What staff saw (a concept's preview) is not given to a visitor.
    response = client.get(concept.get_absolute_url())
    assert response.status_code == 404
    assert "Nog niet af" not in response.content.decode()


def vary(response):
    return {header.strip() for header in response.get("Vary", "").split(",")}


def test_a_kept_page_leaves_with_the_same_security_headers_as_a_fresh_one(client, catalogue):
    for url in PAGES:
        fresh, kept = client.get(url), client.get(url)
        assert kept.get(HIT) == "hit"
        for header in [
            "Content-Security-Policy",
            "X-Frame-Options",
            "X-Content-Type-Options",
            "Referrer-Policy",
            "Cross-Origin-Opener-Policy",
            "Content-Type",
            "Content-Language",
        ]:
            assert kept.get(header) == fresh.get(header), (url, header)
        assert vary(kept) == vary(fresh), url
        assert "Set-Cookie" not in kept.headers


def test_the_order_of_filters_does_not_matter_but_the_order_of_compared_items_does(client, catalogue):
    client.get("/woonvormen/?doelgroep=jongeren&sorteer=naam")
    assert client.get("/woonvormen/?sorteer=naam&doelgroep=jongeren").get(HIT) == "hit"
    client.get("/vergelijken/?items=woonvorm:hofje&items=woonvorm:buur")
    swapped = client.get("/vergelijken/?items=woonvorm:buur&items=woonvorm:hofje")
    assert swapped.get(HIT) is None
    page = swapped.content.decode()
    assert page.index("Buurhuis") < page.index("Hofje Oud")


def test_the_htmx_partial_and_the_whole_page_are_kept_apart(client, catalogue):
    whole = client.get("/woonvormen/")
    partial = client.get("/woonvormen/", headers={"HX-Request": "true"})
    assert partial.get(HIT) is None
    assert client.get("/woonvormen/").content == whole.content
    assert client.get("/woonvormen/", headers={"HX-Request": "true"}).content == partial.content
    assert b"<html" in whole.content and b"<html" not in partial.content


def test_every_public_page_answers_not_modified_while_the_catalogue_is_unchanged(
    client, catalogue, django_assert_num_queries
):
    for url in PAGES:
        etag = client.get(url)["ETag"]
        with django_assert_num_queries(0):
            response = client.get(url, headers={"if-none-match": etag})
        assert response.status_code == 304, url
    rename(catalogue, "Hofje Nieuw")
    assert client.get(PAGES[0], headers={"if-none-match": etag}).status_code == 200


def run_release(settings, release):
    """This process as a server of `release`: the caches of config/settings.py, in memory."""
    shared = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "releases"}
    settings.RELEASE = release
    settings.CACHES = {
        "default": {**shared, "KEY_PREFIX": release},
        "shared": {**shared, "KEY_PREFIX": ""},
    }


def test_a_new_release_serves_nothing_the_release_before_made(client, catalogue, settings):
    run_release(settings, "oud")
    visit_all(client)
    etags = {url: client.get(url)["ETag"] for url in PAGES}
    run_release(settings, "nieuw")
    for url in PAGES:
        response = client.get(url, headers={"if-none-match": etags[url]})
        assert response.status_code == 200, url
        assert response.get(HIT) is None, url
        assert response["ETag"] != etags[url], url


def test_an_edit_on_a_server_of_either_release_shows_on_the_other(client, catalogue, settings):
    """During a rolling deploy servers of both releases share the cache and see each other's edits."""
    for release in ("oud", "nieuw"):
        run_release(settings, release)
        visit_all(client)
    rename(catalogue, "Hofje Nieuw")  # by a server of the new release
    run_release(settings, "oud")
    for url in PAGES:
        assert "Hofje Nieuw" in client.get(url).content.decode(), url
    rename(catalogue, "Hofje Weer Anders")  # by a server of the old release
    run_release(settings, "nieuw")
    for url in PAGES:
        assert "Hofje Weer Anders" in client.get(url).content.decode(), url


def test_a_page_with_a_message_for_this_visitor_is_neither_answered_from_nor_kept(client, catalogue):
    client.get("/woonvormen/")
    session = (
        client.session
    )  # a visitor with a session (a message waits in it) is not answered from the cache
    session.save()
    client.cookies["sessionid"] = session.session_key
    assert client.get("/woonvormen/").get(HIT) is None


def test_a_page_that_added_a_message_is_not_kept(rf, catalogue):
    def view(request):
        messages.info(request, "Alleen voor deze bezoeker.")
        return HttpResponse("pagina")

    def request():
        request = rf.get("/woonvormen/")
        request._messages = CookieStorage(request)
        return request

    middleware = PageCacheMiddleware(view)
    middleware(request())
    assert middleware(request()).get(HIT) is None


def test_the_admin_and_the_health_check_are_never_kept(client, catalogue):
    for url in ["/gezond/", reverse("admin:login")]:
        client.get(url)
        assert client.get(url).get(HIT) is None, url


def test_a_kept_page_is_sent_compressed_to_a_browser_that_accepts_it_and_plain_to_one_that_does_not(
    client, catalogue
):
    fresh = client.get("/woonvormen/", headers={"Accept-Encoding": "gzip, br"})
    assert fresh["Content-Encoding"] == "gzip"
    kept = client.get("/woonvormen/", headers={"Accept-Encoding": "gzip, br"})
    assert kept.get(HIT) == "hit" and kept["Content-Encoding"] == "gzip"
    assert vary(kept) == vary(fresh)
    assert int(kept["Content-Length"]) == len(kept.content)
    plain = client.get("/woonvormen/")
    assert plain.get(HIT) == "hit" and not plain.has_header("Content-Encoding")
    assert gzip.decompress(kept.content) == plain.content == gzip.decompress(fresh.content)
