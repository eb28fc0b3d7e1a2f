import os
import subprocess
import sys
from pathlib import Path

import hypothesis
import pytest
from django.core.exceptions import ImproperlyConfigured

from config.env import database_from_url, env_bool, env_int

ROOT = Path(__file__).resolve().parents[2]


def _start(env, code="import django; django.setup()"):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "config.settings", **env},
        capture_output=True,
        text=True,
    )


def test_production_mode_refuses_to_start_without_a_secret_key_and_hosts():
    result = _start({"DJANGO_DEBUG": "False"})
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY and DJANGO_ALLOWED_HOSTS" in result.stderr


def test_production_mode_starts_with_a_secret_key_and_hosts():
    result = _start(
        {"DJANGO_DEBUG": "False", "DJANGO_SECRET_KEY": "x" * 50, "DJANGO_ALLOWED_HOSTS": "example.nl"}
    )
    assert result.returncode == 0, result.stderr


def test_a_fresh_clone_needs_no_variables():
    result = _start({})
    assert result.returncode == 0, result.stderr


DEV_APP = "benchmarks.testcatalogus"
PRINT_SWITCHES = (
    "import django; django.setup(); from django.apps import apps; from django.conf import settings; "
    f"print(apps.is_installed({DEV_APP!r}), settings.TESTING)"
)


def test_production_mode_has_neither_the_development_apps_nor_the_test_settings():
    result = _start(
        {"DJANGO_DEBUG": "False", "DJANGO_SECRET_KEY": "x" * 50, "DJANGO_ALLOWED_HOSTS": "example.nl"},
        PRINT_SWITCHES,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "False"]


def test_a_fresh_clone_has_no_development_apps_until_asked():
    assert _start({}, PRINT_SWITCHES).stdout.split() == ["False", "False"]
    assert _start({"DJANGO_DEV_APPS": "1"}, PRINT_SWITCHES).stdout.split() == ["True", "False"]


def test_the_suite_runs_with_the_test_settings_and_the_development_apps(settings):
    """tests/environment.py sets both switches before Django reads the settings."""
    assert settings.TESTING
    assert settings.CACHES["default"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"
    storage = settings.STORAGES["staticfiles"]["BACKEND"]
    assert storage == "django.contrib.staticfiles.storage.StaticFilesStorage"
    assert DEV_APP in settings.INSTALLED_APPS


def test_property_based_tests_try_the_same_examples_on_every_run():
    """tests/conftest.py loads the derandomized Hypothesis profile, without an example database."""
    assert hypothesis.settings.default.derandomize
    assert hypothesis.settings.default.database is None


def test_malformed_values_are_rejected(monkeypatch):
    monkeypatch.setenv("DJANGO_DEBUG", "misschien")
    with pytest.raises(ImproperlyConfigured):
        env_bool("DJANGO_DEBUG", True)
    monkeypatch.setenv("DJANGO_HSTS_SECONDS", "een jaar")
    with pytest.raises(ImproperlyConfigured):
        env_int("DJANGO_HSTS_SECONDS", 0)
    with pytest.raises(ImproperlyConfigured):
        database_from_url("mysql://localhost/db", sqlite_default_path="x")


def test_database_urls():
    assert database_from_url("", sqlite_default_path="db.sqlite3")["ENGINE"].endswith("sqlite3")
    assert database_from_url("sqlite:////tmp/a.sqlite3", sqlite_default_path="x")["NAME"] == "/tmp/a.sqlite3"
    postgres = database_from_url("postgres://postgres:geheim@127.0.0.1:5432/test", sqlite_default_path="x")
    assert postgres["ENGINE"] == "django.db.backends.postgresql"
    assert (postgres["NAME"], postgres["USER"], postgres["PASSWORD"], postgres["HOST"], postgres["PORT"]) == (
        "test",
        "postgres",
        "geheim",
        "127.0.0.1",
        "5432",
    )
    # Statements are not compiled just in time: compiling the matrix's counts cost more than running them.
    assert "-c jit=off" in postgres["OPTIONS"]["options"]
