import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.env import database_from_url, env_bool, env_int

ROOT = Path(__file__).resolve().parents[2]


def _start(env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
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
