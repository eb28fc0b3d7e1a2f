"""Status workflow concept → gepubliceerd → gearchiveerd: services, admin actions and what the public sees."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from catalogue import services
from catalogue.models import Status, Woonvorm
from tests.factories import make_persona, make_succesversneller, make_user, make_woonvorm

pytestmark = pytest.mark.django_db

PREVIEW_BANNER = "Voorbeeld: concept"


def _run_action(client, action, items):
    model = type(items[0])._meta
    return client.post(
        reverse(f"admin:{model.app_label}_{model.model_name}_changelist"),
        {"action": action, "_selected_action": [item.pk for item in items]},
        follow=True,
    )


# Services -------------------------------------------------------------------------------------------------


def test_publish_makes_concept_items_public_and_records_who_did_it():
    redacteur = make_persona("Redacteur")
    concept = make_woonvorm(status=Status.CONCEPT)
    already = make_woonvorm(status=Status.GEPUBLICEERD)
    changed = services.publish(items=Woonvorm.objects.all(), user=redacteur)
    assert changed == [concept]
    concept.refresh_from_db()
    assert concept.status == Status.GEPUBLICEERD
    latest = concept.history.first()
    assert (latest.history_user, latest.history_change_reason) == (redacteur, "gepubliceerd")
    assert already.history.count() == 1, "an item that was already published gets no new history row"


def test_archive_takes_items_off_the_site():
    item = make_woonvorm()
    services.archive(items=[item], user=None)
    item.refresh_from_db()
    assert item.status == Status.GEARCHIVEERD
    assert not Woonvorm.objects.published().filter(pk=item.pk).exists()


def test_a_status_change_is_all_or_nothing():
    good = make_woonvorm(status=Status.CONCEPT)
    bad = make_woonvorm(status=Status.CONCEPT)
    Woonvorm.objects.filter(pk=bad.pk).update(slug="geen geldige slug")
    with pytest.raises(ValidationError):
        services.publish(items=Woonvorm.objects.order_by("pk"), user=None)
    good.refresh_from_db()
    assert good.status == Status.CONCEPT
    assert good.history.count() == 1


# Admin actions --------------------------------------------------------------------------------------------


def test_a_redacteur_publishes_and_archives_from_the_admin(client):
    client.force_login(make_persona("Redacteur"))
    items = [make_woonvorm(status=Status.CONCEPT), make_woonvorm(status=Status.CONCEPT)]
    response = _run_action(client, "publish", items)
    assert "2 items gepubliceerd." in response.content.decode()
    assert set(Woonvorm.objects.values_list("status", flat=True)) == {Status.GEPUBLICEERD}
    response = _run_action(client, "archive", items[:1])
    assert "1 item gearchiveerd." in response.content.decode()
    assert Woonvorm.objects.get(pk=items[0].pk).status == Status.GEARCHIVEERD
    assert Woonvorm.objects.get(pk=items[1].pk).status == Status.GEPUBLICEERD


def test_an_incomplete_item_is_reported_and_nothing_is_published(client):
    client.force_login(make_persona("Redacteur"))
    item = make_woonvorm(status=Status.CONCEPT)
    Woonvorm.objects.filter(pk=item.pk).update(slug="geen geldige slug")
    response = _run_action(client, "publish", [item])
    assert "Niets gewijzigd" in response.content.decode()
    assert Woonvorm.objects.get(pk=item.pk).status == Status.CONCEPT


def test_a_beoordelaar_is_not_offered_the_status_actions_and_cannot_run_them(client):
    client.force_login(make_persona("Beoordelaar"))
    item = make_woonvorm(status=Status.CONCEPT)
    changelist = client.get(reverse("admin:catalogue_woonvorm_changelist"))
    assert changelist.status_code == 200
    assert 'value="publish"' not in changelist.content.decode()
    _run_action(client, "publish", [item])
    assert Woonvorm.objects.get(pk=item.pk).status == Status.CONCEPT


# What the public site shows -------------------------------------------------------------------------------


def test_visitors_see_published_items_without_a_preview_banner(client):
    item = make_woonvorm(naam="Skaeve Huse")
    response = client.get(item.get_absolute_url())
    assert response.status_code == 200
    assert "Skaeve Huse" in response.content.decode()
    assert PREVIEW_BANNER not in response.content.decode()


def test_visitors_get_a_404_for_a_concept_item(client):
    item = make_woonvorm(status=Status.CONCEPT, naam="Nog niet klaar")
    response = client.get(item.get_absolute_url())
    assert response.status_code == 404
    assert "Nog niet klaar" not in response.content.decode()


@pytest.mark.parametrize("role", ["Redacteur", "Beoordelaar", "Beheerder"])
def test_staff_preview_a_concept_item_with_a_banner_and_no_caching(client, role):
    client.force_login(make_persona(role))
    item = make_succesversneller(status=Status.CONCEPT, naam="Nog niet klaar")
    response = client.get(item.get_absolute_url())
    assert response.status_code == 200
    body = response.content.decode()
    assert "Nog niet klaar" in body
    assert PREVIEW_BANNER in body
    assert "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"


def test_staff_without_view_permission_get_no_preview(client):
    client.force_login(make_user("zonder-rol", staff=True))
    item = make_woonvorm(status=Status.CONCEPT)
    assert client.get(item.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("persona", [None, "Redacteur"])
def test_an_archived_item_answers_410_gone_with_a_dutch_page(client, persona):
    if persona:
        client.force_login(make_persona(persona))
    item = make_woonvorm(status=Status.GEARCHIVEERD, naam="Oud project")
    response = client.get(item.get_absolute_url())
    assert response.status_code == 410
    body = response.content.decode()
    assert 'lang="nl"' in body
    assert "Oud project is gearchiveerd" in body
    assert f'href="{reverse("website:woonvorm-list")}"' in body
    assert PREVIEW_BANNER not in body


def test_an_unknown_slug_still_answers_404(client):
    assert client.get(reverse("website:woonvorm-detail", args=["bestaat-niet"])).status_code == 404
