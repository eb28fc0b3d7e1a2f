"""Every admin page answers for a superuser and is closed to anonymous visitors."""

import pytest
from django.contrib import admin
from django.urls import reverse

from assessment.models import Score
from catalogue.models import OrganisatieRol
from tests.factories import make_one_of_everything, make_organisatie, make_user, make_woonvorm

pytestmark = pytest.mark.django_db

REGISTERED = sorted(admin.site._registry, key=lambda m: m._meta.label)


@pytest.fixture
def one_of_everything():
    make_one_of_everything()


def _urls(model):
    name = f"admin:{model._meta.app_label}_{model._meta.model_name}"
    row = model._default_manager.first()
    assert row is not None, f"no {model.__name__} to open"
    return [
        reverse(f"{name}_changelist"),
        reverse(f"{name}_add"),
        reverse(f"{name}_change", args=[row.pk]),
    ]


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


def test_a_new_beoordeling_offers_a_row_for_every_toetspunt(client, one_of_everything):
    client.force_login(make_user(superuser=True))
    response = client.get(reverse("admin:assessment_beoordeling_add"))
    formset = next(f for f in response.context["inline_admin_formsets"] if f.formset.model is Score)
    assert len(formset.formset.forms) == 10
