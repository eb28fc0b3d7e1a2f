"""Optimistic locking in the beheeromgeving: a save based on a version of an item (or of its werkversie)
that someone else changed after the form was opened is refused, and overwrites nothing."""

import pytest
from django.contrib.auth.models import Group

from catalogue.models import Link, Werkversie, Woonvorm
from tests.catalogue.change_forms import change_url, inline_prefix, open_form
from tests.factories import make_persona, make_user, make_woonvorm

pytestmark = pytest.mark.django_db

REFUSED = "nadat u het opende. Uw wijzigingen zijn niet opgeslagen; open het item opnieuw."


@pytest.fixture
def item():
    woonvorm = make_woonvorm(naam="Skaeve Huse", samenvatting="Het begin.")
    Link.objects.create(woonvorm=woonvorm, url="https://example.org/", titel="Een link")
    return Woonvorm.objects.get(pk=woonvorm.pk)


@pytest.fixture
def redacteur(client):
    user = make_persona("Redacteur")
    client.force_login(user)
    return user


def someone_else_saves(item, **changes):
    """Another editor saves the item, as the admin would: a new version in its history, by them."""
    other = make_user("anna", staff=True, groups=[Group.objects.get(name="Redacteur")])
    other.first_name, other.last_name = "Anna", "de Vries"
    other.save()
    item = Woonvorm.objects.get(pk=item.pk)
    for name, value in changes.items():
        setattr(item, name, value)
    item._history_user = other
    item.save()
    return item


def test_a_save_of_an_unchanged_item_goes_through(client, redacteur, item):
    _response, data = open_form(client, item)
    response = client.post(change_url(item), {**data, "samenvatting": "Mijn wijziging.", "_save": "Opslaan"})
    assert response.status_code == 302
    assert Woonvorm.objects.get(pk=item.pk).samenvatting == "Mijn wijziging."


def test_a_stale_save_is_refused_and_changes_nothing(client, redacteur, item):
    response, data = open_form(client, item)
    links = inline_prefix(response, Link)
    theirs = someone_else_saves(item, samenvatting="Die van Anna.")
    history = theirs.history.count()
    data.update({"samenvatting": "Mijn wijziging.", f"{links}-0-titel": "Mijn link", "_save": "Opslaan"})
    response = client.post(change_url(item), data)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Dit item is gewijzigd door Anna de Vries om " in body
    assert REFUSED in body
    stored = Woonvorm.objects.get(pk=item.pk)
    assert (stored.samenvatting, stored.updated) == ("Die van Anna.", theirs.updated)
    assert stored.history.count() == history
    assert list(stored.links.values_list("titel", flat=True)) == ["Een link"]


def test_of_two_editors_who_opened_the_same_version_only_the_first_saves(client, redacteur, item):
    _response, first = open_form(client, item)
    _response, second = open_form(client, item)
    assert client.post(change_url(item), {**first, "samenvatting": "Eerste."}).status_code == 302
    response = client.post(change_url(item), {**second, "samenvatting": "Tweede."})
    assert response.status_code == 200
    assert REFUSED in response.content.decode()
    assert Woonvorm.objects.get(pk=item.pk).samenvatting == "Eerste."


def test_a_werkversie_started_on_a_stale_form_is_refused(client, redacteur, item):
    _response, data = open_form(client, item)
    someone_else_saves(item, samenvatting="Die van Anna.")
    response = client.post(change_url(item), {**data, "samenvatting": "Mijn versie.", "_werkversie": "1"})
    assert response.status_code == 200
    assert REFUSED in response.content.decode()
    assert not Werkversie.objects.exists()


def test_concurrent_saves_of_one_werkversie_keep_the_first(client, redacteur, item):
    _response, data = open_form(client, item)
    client.post(change_url(item), {**data, "samenvatting": "Begin van de werkversie.", "_werkversie": "1"})
    _response, first_tab = open_form(client, item)
    _response, second_tab = open_form(client, item)
    assert client.post(change_url(item), {**first_tab, "samenvatting": "Eerste tabblad."}).status_code == 302
    response = client.post(change_url(item), {**second_tab, "samenvatting": "Tweede tabblad."})
    assert response.status_code == 200
    assert "De werkversie is gewijzigd door redacteur om " in response.content.decode()
    assert Werkversie.objects.get().gegevens["velden"]["samenvatting"] == "Eerste tabblad."
    assert Woonvorm.objects.get(pk=item.pk).samenvatting == "Het begin."


def test_a_werkversie_started_by_someone_else_meanwhile_is_not_overwritten(client, item):
    tweede = make_user("tweede", staff=True, groups=[Group.objects.get(name="Redacteur")])
    client.force_login(tweede)
    _response, late = open_form(client, item)
    client.force_login(make_persona("Redacteur"))
    _response, data = open_form(client, item)
    client.post(change_url(item), {**data, "samenvatting": "Van de redacteur.", "_werkversie": "1"})
    client.force_login(tweede)
    response = client.post(change_url(item), {**late, "samenvatting": "Van de tweede.", "_werkversie": "1"})
    assert response.status_code == 200
    assert "Er is al een werkversie van redacteur, sinds " in response.content.decode()
    assert Werkversie.objects.get().gegevens["velden"]["samenvatting"] == "Van de redacteur."


def test_a_form_opened_on_a_werkversie_that_was_published_meanwhile_saves_nothing(client, redacteur, item):
    _response, data = open_form(client, item)
    client.post(change_url(item), {**data, "samenvatting": "Werkversie.", "_werkversie": "1"})
    _response, stale = open_form(client, item)
    Werkversie.objects.get().delete()
    response = client.post(change_url(item), {**stale, "samenvatting": "Te laat."})
    assert response.status_code == 200
    assert "De werkversie is gepubliceerd of weggegooid nadat u het item opende." in response.content.decode()
    assert not Werkversie.objects.exists()
    assert Woonvorm.objects.get(pk=item.pk).samenvatting == "Het begin."
