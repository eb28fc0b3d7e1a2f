import pytest
from django.urls import reverse

from catalogue.models import Status
from tests.factories import make_praktijkvoorbeeld, make_woonvorm

pytestmark = pytest.mark.django_db


def test_health_checks_the_database(client):
    response = client.get(reverse("website:health"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}


def test_home_shows_the_number_of_published_items_per_kind(client):
    make_woonvorm()
    make_woonvorm()
    make_woonvorm(status=Status.CONCEPT)
    make_praktijkvoorbeeld()
    response = client.get(reverse("website:home"))
    assert response.status_code == 200
    assert ("woonvormen", 2) in [(str(naam), aantal) for naam, aantal in response.context["aantallen"]]
    assert ("praktijkvoorbeelden", 1) in [
        (str(naam), aantal) for naam, aantal in response.context["aantallen"]
    ]
    assert "Wonen Eerst receptenbank" in response.content.decode()
