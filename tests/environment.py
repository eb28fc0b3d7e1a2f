"""The environment the test suite runs in, set before Django reads config/settings.py.

pyproject.toml loads this module as a pytest plugin (`-p tests.environment` in addopts). pytest imports such
plugins before pytest-django loads the settings in its `pytest_load_initial_conftests` hook; conftest.py
files, even one at the root, are imported only after that hook, too late to change a setting.
"""

import os

# The cache in memory and static files without a manifest (config/settings.py).
os.environ["DJANGO_TESTING"] = "1"
# The development-only apps, whose commands the suite tests (benchmarks/testcatalogus).
os.environ["DJANGO_DEV_APPS"] = "1"
