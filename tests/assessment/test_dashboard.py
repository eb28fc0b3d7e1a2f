"""The editors' dashboard on the start page of the beheeromgeving: one's own werkversies, items that want a
new beoordeling and broken links, each capped with a link to all of them, in a fixed number of queries."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from assessment.models import Beoordeling
from catalogue.models import Link, LinkControle, Status, Werkversie
from tests.factories import (
    make_beoordeling,
    make_contractvorm,
    make_doelgroep,
    make_organisatie,
    make_persona,
    make_praktijkvoorbeeld,
    make_succesversneller,
    make_user,
    make_woonsituatie,
    make_woonvorm,
    make_woonzorgconcept,
)

pytestmark = pytest.mark.django_db

START = "/beheer/"


@pytest.fixture
def redacteur(client):
    user = make_persona("Redacteur")
    client.force_login(user)
    return user


def start_page(client, query=""):
    response = client.get(START + query)
    assert response.status_code == 200
    return response.content.decode()


def section(body, key):
    """The HTML of one section of the dashboard."""
    start = body.index(f'id="dashboard-{key}"')
    return body[start : body.index("</section>", start)]


def werkversie(item, user):
    return Werkversie.objects.create(
        soort=item._meta.model_name, item_pk=item.pk, aangemaakt_door=user, item_bijgewerkt_op=item.updated
    )


def test_the_sections_come_before_the_list_of_apps(client, redacteur):
    body = start_page(client)
    keys = ("werkversies", "onvolledig", "beoordelingen", "links")
    positions = [body.index(f'id="dashboard-{key}"') for key in keys]
    assert positions == sorted(positions)
    assert positions[-1] < body.index('class="app-catalogue')


def test_a_visitor_is_sent_to_the_login_page(client):
    response = client.get(START)
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_my_werkversies_lists_only_my_own_with_their_differences(client, redacteur):
    mine = make_woonvorm(naam="Mijn hofje")
    theirs = make_praktijkvoorbeeld(naam="Andermans project")
    werkversie(mine, redacteur)
    werkversie(theirs, make_user("collega", staff=True))

    mijn = section(start_page(client), "werkversies")

    assert "Mijn werkversies (1)" in mijn
    assert f'href="{reverse("admin:catalogue_woonvorm_change", args=[mine.pk])}"' in mijn
    assert f'href="{reverse("admin:catalogue_woonvorm_werkversie", args=[mine.pk])}"' in mijn
    assert "Andermans project" not in mijn


def test_items_without_required_fields_are_listed_with_what_they_lack_published_first(client, redacteur):
    texts = dict.fromkeys(
        ["beschrijving", "werkzame_elementen", "aandachtselementen", "ter_inspiratie", "financiele_context"],
        "Tekst uit de bron.",
    )
    terms = {
        "doelgroepen": [make_doelgroep()],
        "contractvormen": [make_contractvorm()],
        "woonsituaties": [make_woonsituatie()],
        "woonzorgconcepten": [make_woonzorgconcept()],
    }
    make_woonvorm(naam="Compleet hofje", verhouding_wonen_eerst="Past goed.", **texts, **terms)
    make_woonvorm(naam="Bijna compleet", **texts, **terms)
    make_woonvorm(naam="Alfa concept", status=Status.CONCEPT, **texts, **terms)
    make_woonvorm(naam="Gearchiveerd hofje", status=Status.GEARCHIVEERD)

    rows = section(start_page(client), "onvolledig")

    assert "Items zonder verplichte velden (2)" in rows
    assert rows.index("Bijna compleet") < rows.index("Alfa concept")
    assert "verhouding tot Wonen Eerst" in rows
    assert "Compleet hofje" not in rows and "Gearchiveerd hofje" not in rows


def test_items_without_a_recent_vastgestelde_beoordeling_are_listed_never_assessed_first(client, redacteur):
    today = timezone.localdate()
    old = make_woonvorm(naam="Oud beoordeeld")
    make_beoordeling(woonvorm=old, datum=today - timedelta(days=400))
    recent = make_woonvorm(naam="Pas beoordeeld")
    make_beoordeling(woonvorm=recent, datum=today - timedelta(days=30))
    make_beoordeling(woonvorm=recent, datum=today - timedelta(days=800), status=Beoordeling.Status.VERVALLEN)
    make_praktijkvoorbeeld(naam="Nooit beoordeeld")
    make_woonvorm(naam="Gearchiveerd hofje", status=Status.GEARCHIVEERD)
    make_succesversneller(naam="Training zonder toetsing")

    rows = section(start_page(client), "beoordelingen")

    assert "Niet beoordeeld in 12 maanden (2)" in rows
    assert rows.index("Nooit beoordeeld") < rows.index("Oud beoordeeld")
    assert f'datetime="{(today - timedelta(days=400)).isoformat()}"' in rows and "nooit" in rows
    for hidden in ("Pas beoordeeld", "Gearchiveerd hofje", "Training zonder toetsing"):
        assert hidden not in rows


def test_broken_links_name_the_rows_that_hold_them_and_when_they_were_checked(client, redacteur):
    url = "https://kapot.example/pagina"
    woonvorm = make_woonvorm(naam="Hofje")
    Link.objects.create(woonvorm=woonvorm, url=url)
    organisatie = make_organisatie(naam="Stichting Thuis", website=url)
    checked = timezone.now() - timedelta(days=2)
    LinkControle.objects.create(
        url=url, status="kapot", http_code=404, melding="Fout 404.", gecontroleerd_op=checked
    )
    LinkControle.objects.create(
        url="https://werkt.example/", status="ok", http_code=200, gecontroleerd_op=checked
    )

    links = section(start_page(client), "links")

    assert "Kapotte links (1)" in links
    assert url in links and "Fout 404." in links and "werkt.example" not in links
    assert f'href="{reverse("admin:catalogue_woonvorm_change", args=[woonvorm.pk])}">Hofje</a>' in links
    assert f'href="{reverse("admin:catalogue_organisatie_change", args=[organisatie.pk])}">' in links
    assert f'datetime="{timezone.localtime(checked).isoformat()}"' in links
    assert "Laatste controle:" in links


def test_before_the_first_link_check_the_dashboard_says_so(client, redacteur):
    assert "nog niet gecontroleerd" in section(start_page(client), "links")


def test_a_section_shows_ten_rows_and_links_to_all_of_them(client, redacteur):
    for number in range(12):
        make_woonvorm(naam=f"Hofje {number:02}")

    capped = section(start_page(client), "beoordelingen")
    everything = section(start_page(client, "?toon=beoordelingen"), "beoordelingen")

    assert capped.count("<tr>") == 1 + 10 and 'href="?toon=beoordelingen">Alle 12 tonen' in capped
    assert everything.count("<tr>") == 1 + 12 and "Alle 12 tonen" not in everything


def test_a_staff_member_without_a_role_sees_only_their_own_werkversies(client):
    client.force_login(make_user("zonder-rol", staff=True))
    make_woonvorm(naam="Nooit beoordeeld")
    body = start_page(client)
    assert 'id="dashboard-werkversies"' in body
    assert "Nooit beoordeeld" not in body
    for key in ("onvolledig", "beoordelingen", "links"):
        assert f'id="dashboard-{key}"' not in body


def _queries(client):
    with CaptureQueriesContext(connection) as captured:
        start_page(client)
    return len(captured)


def test_the_dashboard_needs_as_many_queries_for_a_large_catalogue_as_for_a_small_one(client, redacteur):
    def add(number):
        for n in range(number):
            woonvorm = make_woonvorm()
            praktijkvoorbeeld = make_praktijkvoorbeeld()
            make_beoordeling(woonvorm=woonvorm, datum=timezone.localdate() - timedelta(days=400))
            werkversie(woonvorm, redacteur)
            werkversie(praktijkvoorbeeld, redacteur)
            url = f"https://kapot.example/{n}-{woonvorm.pk}"
            Link.objects.create(woonvorm=woonvorm, url=url)
            make_organisatie(website=url)
            LinkControle.objects.create(url=url, status="kapot", gecontroleerd_op=timezone.now())

    add(2)
    small = _queries(client)
    add(13)
    assert _queries(client) == small
