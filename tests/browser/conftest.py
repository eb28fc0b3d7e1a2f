"""Browser tests: Playwright drives Debian's Chromium against a live server holding the real catalogue.

Loading the real content takes several seconds, and pytest-django's `live_server` fixture empties the
database after every test (it always comes with `transactional_db`). So `live_site` starts the same server
class that fixture uses, loads `catalogue.content.load_content()` once for this package and commits it, and
removes it again after the last browser test. Browser test modules carry `pytest.mark.django_db`: that makes
pytest-django create the test database, and keeps each test's own writes in a transaction that is rolled
back. The content is committed, so the server sees it on every database (on SQLite it shares the test's
in-memory connection; on PostgreSQL it has its own).
"""

import os
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management.color import no_style
from django.db import connection
from django.test.utils import modify_settings
from playwright.sync_api import sync_playwright
from pytest_django.live_server_helper import LiveServer

from catalogue.content import load_content

# Playwright's sync API runs an event loop in this thread; Django refuses database calls from a thread with
# a running loop unless told that this is safe (it is: the calls are plain, sequential test code).
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
DESKTOP = {"width": 1280, "height": 900}
CONTENT_APPS = ("catalogue", "assessment", "routekaart")


@pytest.fixture(scope="session")
def browser():
    """One Chromium for the whole session; never a downloaded browser."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _is_test_database():
    name = str(connection.settings_dict["NAME"])
    return "memorydb" in name or Path(name).name.startswith("test_")


def _remove_content():
    """Empties the content apps' tables and nothing else (groups and permissions from migrations stay)."""
    tables = [
        model._meta.db_table
        for label in CONTENT_APPS
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
    ]
    connection.ops.execute_sql_flush(connection.ops.sql_flush(no_style(), tables, allow_cascade=True))


@pytest.fixture(scope="package")
def live_site(django_db_setup, django_db_blocker):
    """A live server on the test database with the real catalogue content in it; yields the server."""
    with django_db_blocker.unblock(), modify_settings(ALLOWED_HOSTS={"append": "localhost"}):
        if not _is_test_database():
            pytest.fail("Browser tests need pytest.mark.django_db, so that they run on a test database.")
        load_content()
        # The server's request threads then close their database connection after every request, so none
        # is left open when the test database is dropped at the end.
        max_age, connection.settings_dict["CONN_MAX_AGE"] = connection.settings_dict["CONN_MAX_AGE"], 0
        server = LiveServer("localhost")
        yield server
        server.stop()
        connection.settings_dict["CONN_MAX_AGE"] = max_age
        _remove_content()


def _new_page(browser, **options):
    context = browser.new_context(viewport=DESKTOP, locale="nl-NL", **options)
    page = context.new_page()
    page.set_default_timeout(10_000)
    return context, page


@pytest.fixture
def page(browser, live_site):
    """A fresh page with JavaScript on."""
    context, page = _new_page(browser)
    yield page
    context.close()


@pytest.fixture
def page_without_js(browser, live_site):
    """A fresh page with JavaScript off: every journey must work without it."""
    context, page = _new_page(browser, java_script_enabled=False)
    yield page
    context.close()
