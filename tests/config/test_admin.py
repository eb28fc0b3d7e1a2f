"""Every admin page answers for a superuser and is closed to anonymous visitors."""

import pytest
from django.contrib import admin
from django.urls import reverse

from assessment.models import Beoordeling, Score, Scoring
from catalogue.models import LinkControle, OrganisatieRol, Wijziging
from tests.factories import make_one_of_everything, make_organisatie, make_user, make_woonvorm

pytestmark = pytest.mark.django_db

REGISTERED = sorted(admin.site._registry, key=lambda m: m._meta.label)


@pytest.fixture
def one_of_everything():
    make_one_of_everything()


# Made from a beoordeling ("Zelf scoren"), or written by the services and the link check (catalogue
# .admin_changelog): never on an add page of their own.
NO_ADD_PAGE = {Scoring, Wijziging, LinkControle}


def _urls(model):
    name = f"admin:{model._meta.app_label}_{model._meta.model_name}"
    row = model._default_manager.first()
    assert row is not None, f"no {model.__name__} to open"
    return [
        reverse(f"{name}_changelist"),
        *([] if model in NO_ADD_PAGE else [reverse(f"{name}_add")]),
        reverse(f"{name}_change", args=[row.pk]),
    ]


def test_scorings_have_no_add_page_of_their_own(client, one_of_everything):
    client.force_login(make_user(superuser=True))
    assert client.get(reverse("admin:assessment_scoring_add")).status_code == 403


@pytest.mark.parametrize("model", REGISTERED, ids=lambda m: m._meta.label)
def test_every_admin_page_opens_for_a_superuser(client, one_of_everything, model):
    client.force_login(make_user(superuser=True))
    for url in _urls(model):
        response = client.get(url)
        assert response.status_code == 200, url


@pytest.mark.parametrize("model", REGISTERED, ids=lambda m: m._meta.label)
def test_every_admin_page_sends_anonymous_visitors_to_login(client, one_of_everything, model):
    for url in _urls(model):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("admin:login"))


def test_the_admin_search_finds_items_by_related_names(client, one_of_everything):
    client.force_login(make_user(superuser=True))
    woonvorm = make_woonvorm(naam="Zoekbaar")
    OrganisatieRol.objects.create(
        woonvorm=woonvorm, organisatie=make_organisatie(naam="De Tussenvoorziening"), rol="begeleiding"
    )
    response = client.get(reverse("admin:catalogue_woonvorm_changelist"), {"q": "Tussenvoorziening"})
    assert response.status_code == 200
    assert "Zoekbaar" in response.content.decode()
    assert response.context["cl"].result_count == 1


def test_a_beoordeling_made_in_the_admin_is_a_new_version_of_the_vastgestelde_one(client, one_of_everything):
    client.force_login(make_user(superuser=True))
    woonvorm = Beoordeling.objects.vastgesteld().get(woonvorm__isnull=False).woonvorm
    response = client.get(reverse("admin:assessment_beoordeling_add"))
    assert not [f for f in response.context["inline_admin_formsets"] if f.formset.model is Score]
    data = {
        "woonvorm": woonvorm.pk,
        "slug": "nieuwe-versie",
        "datum": "2026-11-01",
        "beoordelaar_soort": "beoordelaars",
        "beoordelaar": "Werkgroep",
        "status": "vastgesteld",  # not a field of the form: a new version starts as concept
    }
    response = client.post(reverse("admin:assessment_beoordeling_add"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    new = Beoordeling.objects.get(slug="nieuwe-versie")
    assert new.status == Beoordeling.Status.CONCEPT
    assert new.vorige == Beoordeling.objects.vastgesteld().get(woonvorm=woonvorm)
