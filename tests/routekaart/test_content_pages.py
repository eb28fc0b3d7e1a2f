"""The routekaart pages with the real content of fixtures/60_fasen.yaml."""

import pytest
from django.urls import reverse

from routekaart.models import Fase, Hulpmiddel

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("loaded_content")]


def test_the_overview_shows_all_six_phases_and_the_35_items_of_the_checklist(client):
    response = client.get(reverse("routekaart:overzicht"), {"v": ["f1-1", "f6-6"]})
    html = response.content.decode()
    assert [v.fase.slug for v in response.context["voortgang"]] == [
        "orientatie", "initiatief", "coalitievorming", "concretisering", "uitvoering", "ontwikkeling"
    ]  # fmt: skip
    assert html.count('type="checkbox" name="v"') == 35
    assert "In totaal 2 van 35 punten afgevinkt." in html
    assert "1 van 6 afgevinkt" in html and "0 van 5 afgevinkt" in html


@pytest.mark.parametrize(
    "slug", ["orientatie", "initiatief", "coalitievorming", "concretisering", "uitvoering", "ontwikkeling"]
)
def test_every_phase_page_shows_its_obstacles_roles_tools_and_checklist(client, slug):
    fase = Fase.objects.get(slug=slug)
    html = client.get(fase.get_absolute_url()).content.decode()
    assert fase.obstakels_lijst[0] in html
    assert "Gemeente" in html and "Woningcorporatie" in html
    for hulpmiddel in fase.hulpmiddelen.all():
        assert hulpmiddel.titel.replace("'", "&#x27;") in html, hulpmiddel.titel
    for item in fase.checklistitems.all():
        assert f'value="{item.slug}"' in html


def test_a_tool_the_catalogue_holds_links_to_its_page(client):
    hulpmiddel = Hulpmiddel.objects.select_related("woonvorm").get(
        fase__slug="orientatie", woonvorm__slug="wonen-eerst-den-bosch"
    )
    html = client.get(hulpmiddel.fase.get_absolute_url()).content.decode()
    assert f'href="{hulpmiddel.woonvorm.get_absolute_url()}">{hulpmiddel.titel}</a>' in html
    assert "<cite>Receptenboek Wonen Eerst</cite>" in html
