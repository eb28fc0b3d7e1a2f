import pytest


@pytest.fixture(autouse=True)
def generous_throttle(settings):
    """The tests of the API ask more per minute than a client may; the throttling test sets its own rate."""
    settings.API_THROTTLE_RATE = "100000/minute"
