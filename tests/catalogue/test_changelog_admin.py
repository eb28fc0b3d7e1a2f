"""The change log from the beheeromgeving: publishing from an item's change form logs a new item as the
action Publiceren does, editors correct or remove entries, and the link check's outcome is only read."""

import pytest
from django.urls import reverse
from django.utils import timezone

from catalogue import services
from catalogue.models import LinkControle, Status, Wijziging, Woonvorm
from tests.catalogue.change_forms import change_url, open_form
from tests.factories import make_persona, make_praktijkvoorbeeld, make_woonvorm

pytestmark = pytest.mark.django_db


@pytest.fixture
def redacteur(client):
    user = make_persona("Redacteur")
    client.force_login(user)
    return user


def save_status(client, item, status, **extra):
    """Open the item's change form, set its status and press Opslaan."""
    _response, data = open_form(client, item)
    response = client.post(change_url(item), {**data, "status": status, **extra})
    assert response.status_code == 302, response.context and response.context["adminform"].form.errors
    return response


def admin_url(model, page, *args):
    return reverse(f"admin:catalogue_{model._meta.model_name}_{page}", args=args)


# Publishing from the change form ---------------------------------------------------------------------------


def test_publishing_a_concept_from_its_change_form_logs_one_new_item(client, redacteur):
    woonvorm = make_woonvorm(naam="Hofje", status=Status.CONCEPT)

    save_status(client, woonvorm, Status.GEPUBLICEERD)
    save_status(client, woonvorm, Status.GEPUBLICEERD, samenvatting="Nog eens opgeslagen.")

    wijziging = Wijziging.objects.get()
    assert (wijziging.soort, wijziging.item, wijziging.door) == (Wijziging.Soort.NIEUW, woonvorm, redacteur)
    assert wijziging.titel == "Nieuw in de catalogus: Hofje"


def test_every_kind_is_logged_when_published_from_its_form(client, redacteur):
    voorbeeld = make_praktijkvoorbeeld(naam="Project", status=Status.CONCEPT)

    save_status(client, voorbeeld, Status.GEPUBLICEERD)

    assert Wijziging.objects.get().item == voorbeeld


def test_publishing_again_from_the_form_after_archiving_logs_nothing_new(client, redacteur):
    woonvorm = make_woonvorm(status=Status.CONCEPT)
    save_status(client, woonvorm, Status.GEPUBLICEERD)
    save_status(client, woonvorm, Status.GEARCHIVEERD)

    save_status(client, woonvorm, Status.GEPUBLICEERD)

    assert Wijziging.objects.count() == 1
    assert Woonvorm.objects.get(pk=woonvorm.pk).status == Status.GEPUBLICEERD


def test_an_item_published_by_the_action_is_not_new_again_from_the_form(client, redacteur):
    woonvorm = make_woonvorm(status=Status.CONCEPT)
    services.publish(items=[woonvorm], user=redacteur)
    services.archive(items=[woonvorm], user=redacteur)

    save_status(client, Woonvorm.objects.get(pk=woonvorm.pk), Status.GEPUBLICEERD)

    assert Wijziging.objects.count() == 1


def test_publishing_into_a_werkversie_logs_nothing(client, redacteur):
    concept = make_woonvorm(status=Status.CONCEPT)

    save_status(client, concept, Status.GEPUBLICEERD, _werkversie="Opslaan als werkversie")

    assert Woonvorm.objects.get(pk=concept.pk).status == Status.CONCEPT
    assert not Wijziging.objects.exists()


# Correcting the change log ---------------------------------------------------------------------------------


@pytest.fixture
def wijziging(redacteur):
    woonvorm = make_woonvorm(naam="Hofje", status=Status.CONCEPT)
    services.publish(items=[woonvorm], user=redacteur)
    return Wijziging.objects.get()


def test_a_redacteur_corrects_a_title_and_visitors_see_it_on_the_next_request(client, wijziging):
    page = reverse("website:recent-gewijzigd")
    assert "Nieuw in de catalogus: Hofje" in client.get(page).content.decode()
    url = admin_url(Wijziging, "change", wijziging.pk)
    form = client.get(url).context["adminform"].form
    assert set(form.fields) == {"soort", "titel", "omschrijving"}, "datum, item and door stay as recorded"

    response = client.post(url, {"soort": "nieuw", "titel": "Nieuw: het Hofje", "omschrijving": "Verbeterd."})

    assert response.status_code == 302
    body = client.get(page).content.decode()
    assert "Nieuw: het Hofje" in body
    assert "Nieuw in de catalogus: Hofje" not in body


def test_a_redacteur_removes_an_entry(client, wijziging):
    response = client.post(admin_url(Wijziging, "delete", wijziging.pk), {"post": "yes"})

    assert response.status_code == 302
    assert not Wijziging.objects.exists()


def test_the_change_log_is_found_by_title_and_filtered_by_soort(client, wijziging):
    url = admin_url(Wijziging, "changelist")
    assert client.get(url, {"q": "Hofje"}).context["cl"].result_count == 1
    assert client.get(url, {"q": "Anders"}).context["cl"].result_count == 0
    assert client.get(url, {"soort__exact": "beoordeling"}).context["cl"].result_count == 0


def test_entries_are_not_added_by_hand(client, redacteur):
    assert client.get(admin_url(Wijziging, "add")).status_code == 403


def test_a_beoordelaar_reads_but_cannot_change_an_entry(client, wijziging):
    client.force_login(make_persona("Beoordelaar"))
    url = admin_url(Wijziging, "change", wijziging.pk)
    assert client.get(url).status_code == 200

    response = client.post(url, {"soort": "nieuw", "titel": "Anders", "omschrijving": ""})

    assert response.status_code == 403
    assert client.post(admin_url(Wijziging, "delete", wijziging.pk), {"post": "yes"}).status_code == 403
    assert Wijziging.objects.get().titel == "Nieuw in de catalogus: Hofje"


# The link check's outcome ----------------------------------------------------------------------------------


@pytest.fixture
def controle():
    return LinkControle.objects.create(
        url="https://example.org/weg",
        status=LinkControle.Status.KAPOT,
        http_code=404,
        melding="Niet gevonden",
        gecontroleerd_op=timezone.now(),
    )


def test_the_link_check_is_listed_but_neither_added_nor_changed(client, redacteur, controle):
    listing = client.get(admin_url(LinkControle, "changelist"), {"status__exact": "kapot"})
    assert listing.context["cl"].result_count == 1
    assert client.get(admin_url(LinkControle, "add")).status_code == 403
    url = admin_url(LinkControle, "change", controle.pk)
    assert 'name="_save"' not in client.get(url).content.decode()

    response = client.post(url, {"url": "https://example.org/anders", "status": "ok", "melding": ""})

    assert response.status_code == 403
    assert LinkControle.objects.get().url == "https://example.org/weg"


def test_a_redacteur_removes_a_link_check_row(client, redacteur, controle):
    response = client.post(admin_url(LinkControle, "delete", controle.pk), {"post": "yes"})

    assert response.status_code == 302
    assert not LinkControle.objects.exists()
