"""More than one application server: two gunicorn servers on their own ports share one database and one
Redis, as N instances behind a reverse proxy would. An edit through the beheeromgeving of one shows on the
other at its next request, in the pages and in the API; and /gezond/ answers 503 naming the cache when Redis
cannot be reached.

The servers run with production settings (DJANGO_DEBUG=False, a secret key, allowed hosts, whitenoise with the
manifest of collected static files), on plain http on the loopback with the https redirect off, as behind a
proxy that ends TLS. They share the database the suite runs on: PostgreSQL with DATABASE_URL (a database of
their own beside the test database), otherwise a SQLite file. Redis must answer on 127.0.0.1:6379 (`make
redis`, which `make test` and CI run); its database 15 is used and emptied.
"""

import http.client
import json
import os
import re
import secrets
import socket
import subprocess
import sys
import tempfile
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
REDIS_HOST, REDIS_PORT = "127.0.0.1", 6379
REDIS_URL = f"redis://{REDIS_HOST}:{REDIS_PORT}/15"
PASSWORD = secrets.token_urlsafe(16)

SETUP = """
import json
from catalogue.models import Bron, Status, Woonvorm
from django.contrib.auth import get_user_model
get_user_model().objects.create_superuser("beheerder", "beheer@example.nl", {password!r})
bron = Bron.objects.create(slug="bron", naam="Bron")
shown = Woonvorm.objects.create(slug="zichtbaar", naam="Zichtbaar", bron=bron, status=Status.GEPUBLICEERD)
concept = Woonvorm.objects.create(slug="nog-concept", naam="Nog concept", bron=bron, status=Status.CONCEPT)
print(json.dumps({{"zichtbaar": shown.pk, "concept": concept.pk}}))
"""


def redis_answers():
    try:
        socket.create_connection((REDIS_HOST, REDIS_PORT), timeout=2).close()
    except OSError:
        return False
    return True


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class SharedDatabase:
    """A database of the servers' own, of the kind the suite runs on."""

    def __init__(self, tmp_path):
        database = settings.DATABASES["default"]
        self.postgres = database["ENGINE"] == "django.db.backends.postgresql"
        if self.postgres:
            self.name = f"{database['NAME']}_servers"
            user = quote(database["USER"] or "", safe="")
            password = f":{quote(database['PASSWORD'], safe='')}" if database["PASSWORD"] else ""
            self.server = (
                f"postgres://{user}{password}@{database['HOST'] or '127.0.0.1'}:{database['PORT'] or 5432}"
            )
            self.url = f"{self.server}/{self.name}"
            self._execute(f'DROP DATABASE IF EXISTS "{self.name}"', f'CREATE DATABASE "{self.name}"')
        else:
            self.url = f"sqlite:///{tmp_path / 'servers.sqlite3'}"

    def _execute(self, *statements):
        import psycopg

        with psycopg.connect(f"{self.server}/postgres", autocommit=True) as connection:
            for statement in statements:
                connection.execute(statement)

    def drop(self):
        if self.postgres:
            self._execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


def environment(database_url, redis_url, static_root):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "REDIS_"))}
    return {
        **clean,
        "DJANGO_SETTINGS_MODULE": "tests.api.server_settings",
        "TEST_STATIC_ROOT": str(static_root),
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "DJANGO_DEBUG": "False",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "False",
        "DJANGO_LOG_LEVEL": "ERROR",
        "API_THROTTLE_RATE": "10000/minute",
    }


def manage(env, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, f"manage.py {args[0]} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


class Server:
    """One gunicorn server, and a small HTTP client for it that keeps its own cookies."""

    def __init__(self, env, workers=2):
        self.port = free_port()
        # gunicorn's log goes to a file, which (unlike a pipe nobody reads) can never fill up and block it.
        self.log = tempfile.TemporaryFile()  # noqa: SIM115 (closed in stop())
        self.process = subprocess.Popen(
            [GUNICORN, "config.wsgi", "--bind", f"127.0.0.1:{self.port}", "--workers", str(workers)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=self.log,
        )
        self.cookies = SimpleCookie()

    def wait(self, seconds=60):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.log.seek(0)
                pytest.fail(f"gunicorn stopped while starting:\n{self.log.read().decode()}")
            try:
                self.request("GET", "/gezond/")
                return self
            except OSError:
                time.sleep(0.2)
        pytest.fail(f"gunicorn did not answer on port {self.port} within {seconds} s")

    def request(self, method, path, *, form=None, headers=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        sent = {"Host": f"127.0.0.1:{self.port}", **(headers or {})}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{name}={morsel.value}" for name, morsel in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form, doseq=True)
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body=body, headers=sent)
        response = connection.getresponse()
        content = response.read()
        for header in response.headers.get_all("Set-Cookie") or []:
            self.cookies.load(header)
        connection.close()
        return response.status, response.headers, content

    def get(self, path, **headers):
        return self.request("GET", path, headers=headers)

    def log_in(self, username, password):
        _status, _headers, page = self.get("/beheer/login/")
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1).decode()
        status, headers, _body = self.request(
            "POST",
            "/beheer/login/?next=/beheer/",
            form={
                "csrfmiddlewaretoken": token,
                "username": username,
                "password": password,
                "next": "/beheer/",
            },
        )
        assert status == 302 and headers["Location"] == "/beheer/", "the login did not succeed"

    def admin_action(self, changelist, action, pk):
        _status, _headers, page = self.get(changelist)
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1).decode()
        status, _headers, body = self.request(
            "POST",
            changelist,
            form={"csrfmiddlewaretoken": token, "action": action, "_selected_action": [pk], "index": 0},
        )
        assert status == 302, body.decode()[:2000]

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)
        self.log.close()


def flush_redis():
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """Two servers sharing a database and Redis, with one published and one concept woonvorm."""
    if not redis_answers():
        pytest.fail(
            f"Redis does not answer on {REDIS_HOST}:{REDIS_PORT}: this test starts two servers that share "
            "it. Start it with `make redis` (make test and CI do)."
        )
    flush_redis()
    tmp_path = tmp_path_factory.mktemp("servers")
    database = SharedDatabase(tmp_path)
    env = environment(database.url, REDIS_URL, tmp_path / "static")
    servers = []
    try:
        manage(env, "migrate", "--no-input", "--verbosity", "0")
        pks = json.loads(manage(env, "shell", "--no-imports", "-c", SETUP.format(password=PASSWORD)))
        manage(env, "collectstatic", "--no-input", "--verbosity", "0")
        servers = [Server(env), Server(env)]
        yield {"one": servers[0].wait(), "other": servers[1].wait(), "pks": pks, "env": env}
    finally:
        for server in servers:
            server.stop()
        database.drop()
        flush_redis()


def test_an_edit_through_one_server_shows_on_the_other_at_its_next_request(site):
    one, other, pks = site["one"], site["other"], site["pks"]
    assert one.port != other.port

    # The other server has read, and cached, the catalogue as it is.
    assert other.get("/api/v1/woonvormen/nog-concept")[0] == 404
    assert other.get("/woonvormen/nog-concept/")[0] == 404
    status, headers, body = other.get("/api/v1/woonvormen")
    assert status == 200
    before = headers["ETag"]
    assert [row["slug"] for row in json.loads(body)["results"]] == ["zichtbaar"]
    assert other.get("/woonvormen/zichtbaar/")[0] == 200
    assert b"Nog concept" not in other.get("/woonvormen/")[2]

    # Through the beheeromgeving of the first server: publish the concept, archive the published one.
    one.log_in("beheerder", PASSWORD)
    one.admin_action("/beheer/catalogue/woonvorm/", "publish", pks["concept"])
    one.admin_action("/beheer/catalogue/woonvorm/", "archive", pks["zichtbaar"])

    # The other server's next requests show both changes, in the API and on the pages.
    status, headers, body = other.get("/api/v1/woonvormen", **{"If-None-Match": before})
    assert status == 200, "the old ETag is no longer current"
    assert [row["slug"] for row in json.loads(body)["results"]] == ["nog-concept"]
    assert other.get("/api/v1/woonvormen/nog-concept")[0] == 200
    assert other.get("/woonvormen/nog-concept/")[0] == 200
    assert b"Nog concept" in other.get("/woonvormen/")[2]
    assert other.get("/api/v1/woonvormen/zichtbaar")[0] == 410
    assert other.get("/woonvormen/zichtbaar/")[0] == 410


def test_both_servers_answer_healthy_and_with_the_same_catalogue(site):
    answers = [server.get("/gezond/") for server in (site["one"], site["other"])]
    for status, _headers, body in answers:
        assert status == 200
        assert json.loads(body) == {"status": "ok", "database": "ok", "cache": "ok"}
    etags = {server.get("/api/v1/woonvormen")[1]["ETag"] for server in (site["one"], site["other"])}
    assert len(etags) == 1, "one catalogue generation, shared through Redis"


def test_a_server_that_cannot_reach_redis_answers_503_naming_the_cache(site):
    closed = free_port()
    env = {**site["env"], "REDIS_URL": f"redis://127.0.0.1:{closed}/15", "REDIS_TIMEOUT": "1"}
    server = Server(env, workers=1)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                status, headers, body = server.get("/gezond/")
                break
            except OSError:
                assert server.process.poll() is None and time.monotonic() < deadline, "gunicorn did not start"
                time.sleep(0.2)
        assert status == 503
        assert json.loads(body) == {"status": "fout", "database": "ok", "cache": "onbereikbaar"}
        assert headers["Content-Type"] == "application/json"
    finally:
        server.stop()
