import pytest

from assessment.models import Beoordeling
from assessment.services import retire_previous_vastgesteld
from core import cache
from tests.factories import make_beoordeling, make_toetsingskader, make_woonvorm

pytestmark = pytest.mark.django_db


def test_adopting_a_beoordeling_retires_the_previous_one_with_history_and_a_new_generation():
    make_toetsingskader()
    woonvorm = make_woonvorm()
    previous = make_beoordeling(woonvorm=woonvorm)
    new = make_beoordeling(woonvorm=woonvorm, status=Beoordeling.Status.CONCEPT)
    versions_before = previous.history.count()
    generation = cache.generation()

    new.status = Beoordeling.Status.VASTGESTELD
    assert retire_previous_vastgesteld(beoordeling=new) == 1

    previous.refresh_from_db()
    assert previous.status == Beoordeling.Status.VERVALLEN
    assert previous.history.count() == versions_before + 1
    assert previous.history.first().status == Beoordeling.Status.VERVALLEN
    assert cache.generation() != generation


def test_a_beoordeling_that_is_not_adopted_retires_nothing():
    make_toetsingskader()
    woonvorm = make_woonvorm()
    current = make_beoordeling(woonvorm=woonvorm)
    concept = make_beoordeling(woonvorm=woonvorm, status=Beoordeling.Status.CONCEPT)
    assert retire_previous_vastgesteld(beoordeling=concept) == 0
    current.refresh_from_db()
    assert current.status == Beoordeling.Status.VASTGESTELD
