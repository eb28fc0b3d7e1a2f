"""Reading the checklist state from the URL (?v=f1-1&v=f1-3)."""

import pytest
from django.http import QueryDict

from routekaart.checklist import Checklist, phases_with_items
from tests.factories import make_fase

pytestmark = pytest.mark.django_db


@pytest.fixture
def fasen():
    make_fase(1, items=3)
    make_fase(2, items=2)
    return phases_with_items()


def read(query, fasen):
    return Checklist.from_query(QueryDict(query), fasen)


def test_known_codes_are_ticked_and_counted_per_phase(fasen):
    checklist = read("v=f1-1&v=f1-3&v=f2-2", fasen)
    assert checklist.afgevinkt == {"f1-1", "f1-3", "f2-2"}
    assert [(v.fase.nummer, v.afgevinkt, v.totaal) for v in checklist.voortgang] == [(1, 2, 3), (2, 1, 2)]
    assert [ticked for _item, ticked in checklist.voortgang[0].punten] == [True, False, True]
    assert checklist.genegeerd == ()
    assert checklist.melding == ""


def test_codes_are_read_case_insensitively_and_duplicates_count_once(fasen):
    checklist = read("v=F1-2&v=f1-2&v=%20f2-1%20", fasen)
    assert checklist.afgevinkt == {"f1-2", "f2-1"}
    assert checklist.aantal_afgevinkt == 2
    assert checklist.genegeerd == ()


def test_unknown_and_malformed_values_are_ignored_with_a_dutch_message(fasen):
    checklist = read("v=f1-1&v=f9-9&v=%3Cscript%3E&v=&v=f9-9", fasen)
    assert checklist.afgevinkt == {"f1-1"}
    assert checklist.genegeerd == ("f9-9", "<script>", "")
    assert "zijn genegeerd" in checklist.melding
    assert "“f9-9”" in checklist.melding
    assert "f1-1" not in checklist.melding


def test_a_long_list_of_ignored_values_is_shortened_in_the_message(fasen):
    query = "&".join(f"v=onbekend-{n}" for n in range(8)) + "&v=" + "x" * 500
    checklist = read(query, fasen)
    assert checklist.afgevinkt == frozenset()
    assert "en nog 4 andere" in checklist.melding
    assert "onbekend-5" not in checklist.melding
    assert "x" * 40 not in checklist.melding


def test_the_query_lists_the_ticks_in_checklist_order_whatever_the_order_in_the_url(fasen):
    checklist = read("v=f2-1&v=F1-3&v=rommel&v=f1-1", fasen)
    assert checklist.slugs == ["f1-1", "f1-3", "f2-1"]
    assert checklist.query == "v=f1-1&v=f1-3&v=f2-1"
    assert read("", fasen).query == ""


def test_a_phase_is_complete_only_when_every_item_is_ticked(fasen):
    voortgang = read("v=f2-1&v=f2-2&v=f1-1", fasen).voortgang
    assert [v.compleet for v in voortgang] == [False, True]
