import pytest
from django.core.cache import cache
from django.db import transaction
from hypothesis import HealthCheck, settings

from catalogue.content import load_content

# Property-based tests try the same examples on every run, locally and in CI: derandomized, with no example
# database in .hypothesis/. A test's own @settings (max_examples, deadline) still apply on top of this.
# `pytest --hypothesis-profile=default` explores fresh random examples instead.
settings.register_profile(
    "ci",
    derandomize=True,
    database=None,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile("ci")


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
