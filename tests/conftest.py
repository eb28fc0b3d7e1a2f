import pytest
from django.core.cache import cache
from django.db import transaction

from catalogue.content import load_content


@pytest.fixture(autouse=True)
def empty_cache():
    """Every test starts without cached catalogue values: the cache outlives the rolled-back rows of the
    test before."""
    cache.clear()


@pytest.fixture(scope="module")
def loaded_content(django_db_setup, django_db_blocker):
    """The real catalogue content, loaded once per test module and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        report = load_content()
        yield report
        transaction.set_rollback(True)
