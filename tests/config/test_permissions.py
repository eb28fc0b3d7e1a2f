"""What each persona (bezoeker, redacteur, beoordelaar, beheerder) may see and change, and what not."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.urls import reverse

from assessment.models import Beoordeling
from catalogue.models import Status, Woonvorm
from tests.factories import make_one_of_everything, make_persona, make_woonvorm

pytestmark = pytest.mark.django_db

PERSONAS = [None, "Redacteur", "Beoordelaar", "Beheerder"]
REGISTERED = sorted(admin.site._registry, key=lambda m: m._meta.label)
PAGES = ["changelist", "add", "change"]


def _own_models(app_label):
    return [
        m._meta.model_name
        for m in apps.get_app_config(app_label).get_models()
        if not m._meta.model_name.startswith("historical")
    ]


def _codenames(app_label, models, actions):
    return {f"{app_label}.{action}_{model}" for model in models for action in actions}


def _group_permissions(name):
    return {
        f"{app_label}.{codename}"
        for app_label, codename in Group.objects.get(name=name).permissions.values_list(
            "content_type__app_label", "codename"
        )
    }


def test_the_redacteur_edits_catalogue_and_routekaart_and_only_reads_assessments():
    expected = (
        _codenames("catalogue", _own_models("catalogue"), ["add", "change", "delete", "view"])
        | _codenames("routekaart", _own_models("routekaart"), ["add", "change", "delete", "view"])
        | _codenames("assessment", _own_models("assessment"), ["view"])
    )
    assert _group_permissions("Redacteur") == expected
    assert "assessment.change_beoordeling" not in _group_permissions("Redacteur")


def test_the_beoordelaar_edits_assessments_and_only_reads_the_catalogue():
    expected = (
        _codenames(
            "assessment", ["beoordeling", "score", "scoring", "scoringscore"], ["add", "change", "view"]
        )
        | _codenames("assessment", ["leidendprincipe", "toetspunt"], ["view"])
        | _codenames("catalogue", _own_models("catalogue"), ["view"])
    )
    assert _group_permissions("Beoordelaar") == expected
    assert "catalogue.change_woonvorm" not in _group_permissions("Beoordelaar")


def test_the_beheerder_holds_every_permission_including_users_and_groups():
    permissions = _group_permissions("Beheerder")
    assert len(permissions) == Permission.objects.count()
    assert {"auth.change_user", "auth.add_group", "assessment.delete_beoordeling"} <= permissions


def _expected_status(persona, model, page):
    """200 where the role may open the page, 403 where not; visitors are sent to the login page."""
    app_label, name = model._meta.app_label, model._meta.model_name
    if persona is None:
        return 302
    if name == "scoring" and page == "add":
        return 403  # a scoring is made from its beoordeling ("Zelf scoren"), for every role
    if name in {"wijziging", "linkcontrole"} and page == "add":
        return 403  # written by the services and the link check (catalogue.admin_changelog)
    if persona == "Beheerder":
        return 200
    if app_label == "auth":
        return 403
    if persona == "Redacteur":
        edits = app_label in {"catalogue", "routekaart"}
        reads = app_label == "assessment"
    else:
        edits = app_label == "assessment" and name in {"beoordeling", "score", "scoring"}
        reads = app_label in {"catalogue", "assessment"}
    if edits:
        return 200
    if reads:
        return 403 if page == "add" else 200
    return 403


@pytest.mark.parametrize("persona", PERSONAS, ids=lambda p: p or "bezoeker")
def test_each_persona_opens_exactly_the_admin_pages_its_role_allows(client, persona):
    make_one_of_everything()
    if persona:
        client.force_login(make_persona(persona))
    wrong = []
    for model in REGISTERED:
        opts = model._meta
        row = model._default_manager.first()
        for page in PAGES:
            args = [row.pk] if page == "change" else []
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_{page}", args=args)
            response = client.get(url)
            expected = _expected_status(persona, model, page)
            if response.status_code != expected:
                wrong.append((url, response.status_code, expected))
            if response.status_code == 302:
                assert response["Location"].startswith(reverse("admin:login"))
    assert wrong == []


def test_a_redacteur_cannot_change_an_assessment(client):
    woonvorm = make_one_of_everything()
    beoordeling = Beoordeling.objects.get(woonvorm=woonvorm)
    client.force_login(make_persona("Redacteur"))
    url = reverse("admin:assessment_beoordeling_change", args=[beoordeling.pk])
    response = client.post(url, {"samenvatting": "Overschreven", "status": "concept"})
    assert response.status_code == 403
    beoordeling.refresh_from_db()
    assert beoordeling.samenvatting != "Overschreven"
    delete_url = reverse("admin:assessment_beoordeling_delete", args=[beoordeling.pk])
    delete = client.post(delete_url, {"post": "yes"})
    assert delete.status_code == 403
    assert Beoordeling.objects.filter(pk=beoordeling.pk).exists()


def test_a_beoordelaar_cannot_change_or_delete_a_catalogue_item(client):
    woonvorm = make_one_of_everything()
    client.force_login(make_persona("Beoordelaar"))
    response = client.post(
        reverse("admin:catalogue_woonvorm_change", args=[woonvorm.pk]), {"naam": "Overschreven"}
    )
    assert response.status_code == 403
    delete = client.post(reverse("admin:catalogue_woonvorm_delete", args=[woonvorm.pk]), {"post": "yes"})
    assert delete.status_code == 403
    woonvorm.refresh_from_db()
    assert woonvorm.naam != "Overschreven"


@pytest.mark.parametrize("role", ["Redacteur", "Beoordelaar"])
def test_only_the_beheerder_manages_accounts(client, role):
    client.force_login(make_persona(role))
    assert client.get(reverse("admin:auth_user_changelist")).status_code == 403
    index = client.get(reverse("admin:index")).content.decode()
    assert reverse("admin:auth_user_changelist") not in index
    client.force_login(make_persona("Beheerder"))
    index = client.get(reverse("admin:index")).content.decode()
    assert reverse("admin:auth_user_changelist") in index


@pytest.mark.parametrize("persona", PERSONAS, ids=lambda p: p or "bezoeker")
def test_every_persona_reads_the_public_pages(client, persona):
    woonvorm = make_one_of_everything()
    if persona:
        client.force_login(make_persona(persona))
    for url in [
        reverse("website:home"),
        reverse("website:woonvorm-list"),
        woonvorm.get_absolute_url(),
        woonvorm.doelgroepen.first().get_absolute_url(),
        reverse("website:toetsingskader"),
        reverse("routekaart:overzicht"),
    ]:
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("persona", PERSONAS, ids=lambda p: p or "bezoeker")
def test_only_staff_with_a_role_see_concept_items_and_nobody_sees_archived_ones(client, persona):
    if persona:
        client.force_login(make_persona(persona))
    concept = make_woonvorm(status=Status.CONCEPT)
    archived = make_woonvorm(status=Status.GEARCHIVEERD)
    assert client.get(concept.get_absolute_url()).status_code == (404 if persona is None else 200)
    assert client.get(archived.get_absolute_url()).status_code == 410
    listing = client.get(reverse("website:woonvorm-list")).content.decode()
    assert concept.naam not in listing
    assert archived.naam not in listing


def test_demo_accounts_exist_for_every_role_and_a_second_run_changes_nothing(settings):
    settings.DEBUG = True
    call_command("maak_demo_accounts")
    call_command("maak_demo_accounts")
    users = {
        user.username: (user.is_staff, user.is_superuser, [g.name for g in user.groups.all()])
        for user in apps.get_model("auth", "User").objects.all()
    }
    assert users == {
        "redacteur": (True, False, ["Redacteur"]),
        "beoordelaar": (True, False, ["Beoordelaar"]),
        "beoordelaar2": (True, False, ["Beoordelaar"]),
        "beheerder": (True, False, ["Beheerder"]),
    }
    assert Woonvorm.objects.count() == 0
