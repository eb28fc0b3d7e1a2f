"""Recent gewijzigd: the page and its Atom feed show what changed in published items, newest first."""

import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from catalogue import services
from catalogue.changelog import record_change
from catalogue.models import Status, Wijziging
from tests.factories import make_praktijkvoorbeeld, make_user, make_woonvorm

pytestmark = pytest.mark.django_db

PAGE = "/recent-gewijzigd/"
FEED = "/recent-gewijzigd/feed/"
ATOM = "{http://www.w3.org/2005/Atom}"


def parse_atom(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    return root


def entry_titles(root):
    return [entry.findtext(f"{ATOM}title") for entry in root.findall(f"{ATOM}entry")]


def test_the_page_lists_changes_newest_first_with_their_date_kind_and_item(client):
    redacteur = make_user("Marieke", staff=True)
    oud = make_woonvorm(naam="Hofje")
    nieuw = make_praktijkvoorbeeld(naam="Skaeve Huse Utrecht")
    first = record_change(
        oud, soort=Wijziging.Soort.WIJZIGING, omschrijving="Andere begeleiding.", user=redacteur
    )
    first.datum = timezone.now() - timedelta(days=3)
    first.save()
    record_change(nieuw, soort=Wijziging.Soort.NIEUW, user=redacteur)

    body = client.get(PAGE).content.decode()

    assert body.index("Nieuw in de catalogus: Skaeve Huse Utrecht") < body.index("Gewijzigd: Hofje")
    assert f'href="{nieuw.get_absolute_url()}"' in body and f'href="{oud.get_absolute_url()}"' in body
    assert f'<time datetime="{timezone.localtime(first.datum).isoformat()}">' in body
    assert "praktijkvoorbeeld" in body and "Andere begeleiding." in body
    assert "Marieke" not in body  # who made a change stays with the redactie


@pytest.mark.parametrize("status", [Status.CONCEPT, Status.GEARCHIVEERD])
def test_changes_of_items_that_are_not_published_now_are_not_shown(client, status):
    record_change(make_woonvorm(naam="Verborgen hofje", status=status), soort=Wijziging.Soort.WIJZIGING)
    record_change(make_woonvorm(naam="Open hofje"), soort=Wijziging.Soort.WIJZIGING)

    body = client.get(PAGE).content.decode()
    root = parse_atom(client.get(FEED))

    assert "Open hofje" in body and "Verborgen hofje" not in body
    assert entry_titles(root) == ["Gewijzigd: Open hofje"]


def test_without_changes_the_page_says_so(client):
    response = client.get(PAGE)
    assert response.status_code == 200
    assert "Er zijn nog geen wijzigingen om te tonen." in response.content.decode()


def test_the_page_is_paged_and_a_page_past_the_end_is_not_found(client):
    woonvorm = make_woonvorm()
    for number in range(26):
        record_change(woonvorm, soort=Wijziging.Soort.WIJZIGING, omschrijving=f"Wijziging nummer {number}.")

    first, second = client.get(PAGE).content.decode(), client.get(f"{PAGE}?page=2").content.decode()

    assert "Wijziging nummer 25." in first and "Wijziging nummer 0." not in first
    assert "Wijziging nummer 0." in second and "Wijziging nummer 25." not in second
    assert 'rel="next"' in first and "Pagina 2 van 2" in second
    assert client.get(f"{PAGE}?page=3").status_code == 404


def test_every_page_points_to_the_feed_and_the_footer_to_the_page(client):
    body = client.get("/").content.decode()
    assert f'<link rel="alternate" type="application/atom+xml" href="{FEED}"' in body
    assert f'href="{PAGE}"' in body
    assert f'href="{FEED}"' in client.get(PAGE).content.decode()


def test_the_feed_is_atom_and_lists_a_newly_published_item_but_no_concept(client):
    make_woonvorm(naam="Al gepubliceerd")  # published without the services: no change to follow
    concept = make_woonvorm(naam="Nog in de maak", status=Status.CONCEPT)
    nieuw = make_woonvorm(naam="Hofje", status=Status.CONCEPT, samenvatting="Wonen rond een binnentuin.")
    services.publish(items=[nieuw], user=make_user("redacteur", staff=True))

    root = parse_atom(client.get(FEED))

    assert root.findtext(f"{ATOM}id") and root.findtext(f"{ATOM}title")
    assert root.findtext(f"{ATOM}updated")
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 1
    entry = entries[0]
    assert entry.findtext(f"{ATOM}title") == "Nieuw in de catalogus: Hofje"
    day, pk = timezone.localdate(), nieuw.wijzigingen.get().pk
    assert entry.findtext(f"{ATOM}id") == f"tag:testserver,{day:%Y-%m-%d}:recent-gewijzigd/wijziging-{pk}"
    assert entry.findtext(f"{ATOM}updated")
    assert entry.find(f"{ATOM}link").get("href") == f"http://testserver{nieuw.get_absolute_url()}"
    assert entry.findtext(f"{ATOM}summary") == "Wonen rond een binnentuin."
    assert "Nog in de maak" not in client.get(FEED).content.decode()
    assert concept.wijzigingen.count() == 0


def test_each_change_of_one_item_is_its_own_feed_entry(client):
    woonvorm = make_woonvorm()
    for omschrijving in ("Eerste wijziging.", "Tweede wijziging."):
        record_change(woonvorm, soort=Wijziging.Soort.WIJZIGING, omschrijving=omschrijving)

    entries = parse_atom(client.get(FEED)).findall(f"{ATOM}entry")

    ids = [entry.findtext(f"{ATOM}id") for entry in entries]
    assert len(ids) == 2 and len(set(ids)) == 2


def test_text_in_a_feed_summary_is_never_read_as_markup(client):
    record_change(
        make_woonvorm(),
        soort=Wijziging.Soort.WIJZIGING,
        omschrijving="Meer dan <b>40</b> plekken & een tuin.",
    )

    summary = parse_atom(client.get(FEED)).find(f"{ATOM}entry").find(f"{ATOM}summary")

    assert summary.get("type") == "html"
    assert summary.text == "Meer dan &lt;b&gt;40&lt;/b&gt; plekken &amp; een tuin."


def test_a_feed_reader_asking_again_gets_not_modified_until_something_changes(client):
    record_change(make_woonvorm(), soort=Wijziging.Soort.WIJZIGING)
    etag = client.get(FEED)["ETag"]

    assert client.get(FEED, headers={"if-none-match": etag}).status_code == 304
    record_change(make_woonvorm(naam="Later"), soort=Wijziging.Soort.WIJZIGING)
    assert client.get(FEED, headers={"if-none-match": etag}).status_code == 200


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_page_and_the_feed_need_as_many_queries_for_three_changes_as_for_twenty(client):
    def add_changes(number):
        for _ in range(number):
            item = make_woonvorm() if _ % 2 else make_praktijkvoorbeeld()
            record_change(item, soort=Wijziging.Soort.NIEUW)

    add_changes(3)
    few = (_queries(client, PAGE), _queries(client, FEED))
    add_changes(17)
    assert (_queries(client, PAGE), _queries(client, FEED)) == few
