"""Settings of the application servers that tests/api/test_two_servers.py starts: production's own
(config/settings.py, from the same environment variables), with the static files collected into the test's
own directory instead of the checkout's staticfiles/."""

import os

from config.settings import *  # noqa: F403

STATIC_ROOT = os.environ["TEST_STATIC_ROOT"]
