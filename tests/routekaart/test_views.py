"""The routekaart overview, the phase pages and the checklist whose state lives in the URL."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from catalogue.models import Status
from routekaart.models import FaseRol, Hulpmiddel
from tests.factories import make_fase, make_succesversneller, make_woonvorm

pytestmark = pytest.mark.django_db

OVERZICHT = reverse("routekaart:overzicht")


class ChecklistForm(HTMLParser):
    """What a browser sends when the checklist form is submitted: ticked boxes and hidden inputs, in order."""

    def __init__(self, html):
        super().__init__()
        self.in_form = False
        self.values, self.checkboxes = [], []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and "checklist-form" in (attrs.get("class") or ""):
            self.in_form = True
        elif tag == "input" and self.in_form and attrs.get("name") == "v":
            if attrs.get("type") == "checkbox":
                self.checkboxes.append(attrs["value"])
            if attrs.get("type") == "hidden" or "checked" in attrs:
                self.values.append(attrs["value"])

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_form = False


def submit(client, url, html, tick=(), untick=()):
    """Submit the checklist form of a page like a browser would, after ticking and unticking boxes."""
    form = ChecklistForm(html)
    values = [v for v in form.values if v not in untick]
    values += [v for v in tick if v not in values]
    return client.get(url, {"v": values})


@pytest.fixture
def fasen():
    return [make_fase(1, items=3, slug="orientatie"), make_fase(2, items=2, slug="initiatief")]


def test_the_overview_shows_the_phases_in_order_with_goal_level_duration_and_the_overlap_note(client):
    make_fase(2, slug="initiatief", naam="Initiatief", duur="3-6 maanden", niveau="regionaal")
    make_fase(1, slug="orientatie", naam="Oriëntatie", duur="3-9 maanden")
    response = client.get(OVERZICHT)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.index("Oriëntatie") < html.index("Initiatief")
    assert '<ol class="routekaart"' in html
    assert "Doel van fase 1." in html and "3-9 maanden" in html and "Regionaal" in html
    assert "hoeven niet na elkaar te komen" in html
    assert "zijn genegeerd" not in html


def test_the_overview_shows_progress_per_phase_in_words(client, fasen):
    html = client.get(OVERZICHT, {"v": ["f1-1", "f1-3", "f2-1"]}).content.decode()
    assert "2 van 3 afgevinkt" in html
    assert "1 van 2 afgevinkt" in html
    assert "In totaal 3 van 5 punten afgevinkt." in html
    assert "0 van 3 afgevinkt" not in html


def test_a_phase_page_shows_goal_obstacles_steps_roles_and_its_checklist(client):
    fase = make_fase(1, items=2, obstakels="Waar begin ik?\nHoe krijg ik draagvlak?", stappen="Verken\nDeel")
    FaseRol.objects.create(fase=fase, partij=FaseRol.Partij.WONINGCORPORATIE, taken="Kijkt naar de voorraad")
    response = client.get(fase.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    expected = [
        "Doel van fase 1.", "Waar loop je tegenaan?", "Hoe krijg ik draagvlak?", "Verken",
        "Woningcorporatie", "Kijkt naar de voorraad", "Punt 2 van fase 1.", "Voortgang bijwerken",
    ]  # fmt: skip
    for text in expected:
        assert text in html, text
    assert 'type="checkbox" name="v" value="f1-2"' in html
    assert "checked" not in html


def test_a_phase_page_links_to_its_neighbours_and_keeps_the_state_in_those_links(client, fasen):
    html = client.get(fasen[0].get_absolute_url(), {"v": "f2-1"}).content.decode()
    assert 'href="/routekaart/initiatief/?v=f2-1" rel="next"' in html
    assert 'href="/routekaart/?v=f2-1"' in html
    assert 'rel="prev"' not in html


def test_an_unknown_phase_is_not_found(client, fasen):
    assert client.get(reverse("routekaart:fase-detail", args=["fase-9"])).status_code == 404


def test_tools_link_to_published_catalogue_items_and_otherwise_show_their_publisher(client):
    fase = make_fase(1)
    woonvorm = make_woonvorm(naam="Wonen Eerst Den Bosch")
    concept = make_succesversneller(status=Status.CONCEPT)
    Hulpmiddel.objects.create(fase=fase, titel="Praktijk in Den Bosch", uitgever="Movisie", woonvorm=woonvorm)
    Hulpmiddel.objects.create(
        fase=fase, titel="Nog niet gepubliceerd", uitgever="Kansfonds", succesversneller=concept
    )
    Hulpmiddel.objects.create(
        fase=fase, titel="Leergang", uitgever="Hogeschool", url="https://example.org/leergang"
    )
    Hulpmiddel.objects.create(fase=fase, titel="Kennisbank", uitgever="Housing First")
    html = client.get(fase.get_absolute_url()).content.decode()
    assert f'<a class="utrecht-link" href="{woonvorm.get_absolute_url()}">Praktijk in Den Bosch</a>' in html
    assert "woonvorm in deze catalogus" in html
    assert concept.get_absolute_url() not in html
    assert "<cite>Nog niet gepubliceerd</cite>" in html and "— Kansfonds" in html
    assert '<a class="utrecht-link" href="https://example.org/leergang">Leergang</a>' in html
    assert "<cite>Kennisbank</cite>" in html and "— Housing First" in html


@pytest.mark.parametrize("page", ["overzicht", "fase"])
def test_the_checklist_url_round_trips(client, fasen, page):
    url = OVERZICHT if page == "overzicht" else fasen[0].get_absolute_url()
    first = client.get(url, {"v": ["f2-2", "f1-1"]})
    second = submit(client, url, first.content.decode(), tick=["f1-3"], untick=["f1-1"])
    assert second.status_code == 200
    assert second.context["checklist"].afgevinkt == {"f1-3", "f2-2"}
    reloaded = submit(client, url, second.content.decode())
    assert reloaded.context["checklist"].afgevinkt == {"f1-3", "f2-2"}
    assert ChecklistForm(reloaded.content.decode()).values == ["f1-3", "f2-2"]


def test_ticking_on_a_phase_page_keeps_the_other_phases_in_hidden_inputs(client, fasen):
    html = client.get(fasen[1].get_absolute_url(), {"v": ["f1-2", "f2-1"]}).content.decode()
    form = ChecklistForm(html)
    assert form.checkboxes == ["f2-1", "f2-2"]
    assert form.values == ["f1-2", "f2-1"]
    assert '<input type="hidden" name="v" value="f1-2">' in html
    assert 'type="hidden" name="v" value="f2-1"' not in html


@pytest.mark.parametrize("page", ["overzicht", "fase"])
def test_an_unknown_or_malformed_item_is_ignored_with_a_message(client, fasen, page):
    url = OVERZICHT if page == "overzicht" else fasen[0].get_absolute_url()
    response = client.get(url, {"v": ["f1-2", "f7-1", "<b>x</b>", "' OR 1=1"]})
    html = response.content.decode()
    assert response.status_code == 200
    assert "zijn genegeerd" in html
    assert "&lt;b&gt;x&lt;/b&gt;" in html and "<b>x</b>" not in html
    assert response.context["checklist"].afgevinkt == {"f1-2"}
    assert ChecklistForm(html).values == ["f1-2"]
    assert "f7-1" not in ChecklistForm(html).values


def test_the_download_links_carry_exactly_the_ticked_state(client, fasen):
    html = client.get(OVERZICHT, {"v": ["f2-1", "nee", "f1-1"]}).content.decode()
    assert 'href="/routekaart/export.xlsx?v=f1-1&amp;v=f2-1"' in html
    assert 'href="/routekaart/export.csv?v=f1-1&amp;v=f2-1"' in html
    assert "v=nee" not in html


def make_phases(items_per_phase):
    for nummer in range(1, 4):
        fase = make_fase(nummer, items=items_per_phase)
        FaseRol.objects.create(fase=fase, partij=FaseRol.Partij.GEMEENTE, taken="Regie")
        Hulpmiddel.objects.create(fase=fase, titel="Receptenboek", woonvorm=make_woonvorm())


@pytest.mark.parametrize("items_per_phase", [1, 12])
@pytest.mark.parametrize(("url", "queries"), [(OVERZICHT, 2), ("/routekaart/fase-2/", 4)])
def test_query_count_is_fixed_whatever_the_number_of_checklist_items(
    client, django_assert_num_queries, items_per_phase, url, queries
):
    make_phases(items_per_phase)
    ticked = [f"f{n}-1" for n in range(1, 4)]
    with django_assert_num_queries(queries):
        response = client.get(url, {"v": ticked})
    assert response.status_code == 200
    assert response.context["checklist"].aantal_punten == 3 * items_per_phase
