"""The site as `make serve` runs it: gunicorn with config/gunicorn.py, which starts the job worker.

A fresh database (a SQLite file, or a PostgreSQL database beside the test database when the suite runs on
PostgreSQL) is migrated, a small catalogue and an editor are made, and gunicorn is started on a free port
with nothing else. Through HTTP an editor uploads a file above the job threshold, follows the job's page,
confirms, and the import completes with the same result as the same file imported below the threshold.
Requests gunicorn refuses itself get a Dutch page.
"""

import io
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import psycopg
import pytest
from django.db import connection

from tests.spreadsheets.files import HEADERS, xlsx
from tests.spreadsheets.test_import_jobs import ROWS, state

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "geheim-wachtwoord-123"
SETUP = (
    f"PASSWORD = {PASSWORD!r}\n"
    """
from django.contrib.auth.models import Group, User
from catalogue.models import Bron, Doelgroep, Status, Woonvorm
bron = Bron.objects.create(slug="receptenboek", naam="Van nu naar Wonen Eerst")
jongeren = Doelgroep.objects.create(slug="jongeren", naam="Jongeren", soort=Doelgroep.Soort.PROFIEL)
kamers = Woonvorm.objects.create(
    slug="kamers", naam="Kamers met Aandacht", samenvatting="Oud.", bron=bron, status=Status.GEPUBLICEERD
)
kamers.doelgroepen.set([jongeren])
Woonvorm.objects.create(
    slug="hofje", naam="Hofje", samenvatting="Blijft.", bron=bron, status=Status.GEPUBLICEERD
)
user = User.objects.create_user("redacteur", password=PASSWORD, is_staff=True)
user.groups.add(Group.objects.get(name="Redacteur"))
"""
)
STATE = """
import json
from catalogue.models import Woonvorm
rows = [
    [w.slug, w.naam, w.samenvatting, w.status, w.bron.slug, sorted(d.slug for d in w.doelgroepen.all())]
    for w in Woonvorm.objects.order_by("slug")
]
history = sorted(
    [slug, kind, user or ""]
    for slug, kind, user in Woonvorm.history.values_list("slug", "history_type", "history_user__username")
)
print(json.dumps([rows, history]))
"""


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _database_url(tmp_path):
    """A fresh, empty database for the server, of the kind the suite runs on."""
    if connection.vendor != "postgresql":
        return f"sqlite:///{tmp_path / 'serve.sqlite3'}"
    settings = connection.settings_dict
    name = f"{settings['NAME']}_serve"[:63]
    with _maintenance() as db:
        db.execute(f'DROP DATABASE IF EXISTS "{name}"')
        db.execute(f'CREATE DATABASE "{name}"')
    password = f":{settings['PASSWORD']}" if settings["PASSWORD"] else ""
    host = f"{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}"
    return f"postgres://{settings['USER']}{password}@{host}/{name}"


def _maintenance():
    settings = connection.settings_dict
    return psycopg.connect(
        dbname="postgres",
        host=settings["HOST"] or None,
        port=settings["PORT"] or None,
        user=settings["USER"],
        password=settings["PASSWORD"] or None,
        autocommit=True,
    )


def _drop_database(name):
    with _maintenance() as db:
        db.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _environment(database_url, port):
    clean = {
        key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DATABASE_URL"))
    }
    return {
        **clean,
        "DATABASE_URL": database_url,
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "WORKERS": "2",
        "DJANGO_IMPORT_JOB_ROWS": "2",
    }


def _manage(env, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def server(tmp_path_factory, django_db_blocker):
    with django_db_blocker.unblock():
        port = _free_port()
        env = _environment(_database_url(tmp_path_factory.mktemp("serve")), port)
    _manage(env, "migrate", "--no-input", "--verbosity", "0")
    _manage(env, "shell", "--no-imports", "-c", SETUP)
    # As `make serve` starts it (after setup and collectstatic), with nothing else started by hand.
    process = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "--config", "config/gunicorn.py"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _attempt in range(150):
            try:
                urllib.request.urlopen(f"{base}/beheer/login/", timeout=10)
                break
            except (urllib.error.URLError, OSError):
                time.sleep(0.2)
        yield {"base": base, "port": port, "env": env}
    finally:
        process.terminate()
        process.wait(timeout=60)
        if connection.vendor == "postgresql":
            with django_db_blocker.unblock():
                _drop_database(env["DATABASE_URL"].rsplit("/", 1)[1])


class Browser:
    """Just enough of a browser: cookies (also secure ones), CSRF tokens, forms and file uploads."""

    def __init__(self, base):
        self.base, self.cookies, self.path = base, {}, None
        self.opener = urllib.request.build_opener(_NoRedirect)

    def request(self, path, data=None, content_type=None):
        self.path = path
        request = urllib.request.Request(self.base + path, data=data)
        if self.cookies:
            request.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        if content_type:
            request.add_header("Content-Type", content_type)
        try:
            response = self.opener.open(request, timeout=60)
        except urllib.error.HTTPError as error:
            response = error
        for header in response.headers.get_all("Set-Cookie") or []:
            name, value = header.split(";", 1)[0].split("=", 1)
            self.cookies[name] = value
        body = response.read().decode()
        location = response.headers.get("Location")
        if response.status in (301, 302) and location:
            return self.request(location.removeprefix(self.base))
        return response.status, body

    def post(self, path, fields, files=None):
        boundary = uuid.uuid4().hex
        parts = []
        for name, value in {"csrfmiddlewaretoken": self.cookies["csrftoken"], **fields}.items():
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
            )
        for name, (filename, content) in (files or {}).items():
            head = (
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                "Content-Type: application/octet-stream\r\n\r\n"
            )
            parts.append(head.encode() + content + b"\r\n")
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        return self.request(path, body, f"multipart/form-data; boundary={boundary}")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _wait_for(browser, path, status_text):
    for _attempt in range(300):
        status, body = browser.request(path)
        if status_text in body:
            return body
        time.sleep(0.2)
    raise AssertionError(f"{status_text!r} did not appear on {path}:\n{body[-2000:]}")


def test_an_import_above_the_threshold_completes_as_a_job_under_make_serve(server, client, django_db_blocker):
    # What the same file gives below the threshold, imported within the request (in the test database).
    from tests.factories import make_bron, make_doelgroep, make_persona, make_woonvorm

    bron = make_bron(slug="receptenboek", naam="Van nu naar Wonen Eerst")
    jongeren = make_doelgroep(slug="jongeren", naam="Jongeren")
    make_woonvorm(
        slug="kamers", naam="Kamers met Aandacht", samenvatting="Oud.", bron=bron, doelgroepen=[jongeren]
    )
    make_woonvorm(slug="hofje", naam="Hofje", samenvatting="Blijft.", bron=bron)
    client.force_login(make_persona("Redacteur"))
    upload = io.BytesIO(xlsx(HEADERS, ROWS))
    upload.name = "woonvormen.xlsx"
    response = client.post("/beheer/catalogue/woonvorm/import/", {"import_file": upload}, follow=True)
    assert not response.context["batch"].as_job
    client.post("/beheer/catalogue/woonvorm/process_import/", {"token": response.context["batch"].token})
    small = json.loads(json.dumps(state()))

    browser = Browser(server["base"])
    browser.request("/beheer/login/")
    status, body = browser.post(
        "/beheer/login/", {"username": "redacteur", "password": PASSWORD, "next": "/beheer/"}
    )
    assert status == 200 and "Catalogus beheren" in body

    browser.request("/beheer/catalogue/woonvorm/import/")
    status, body = browser.post(
        "/beheer/catalogue/woonvorm/import/", {}, {"import_file": ("woonvormen.xlsx", xlsx(HEADERS, ROWS))}
    )
    assert status == 200
    path = browser.path
    assert re.fullmatch(r"/beheer/catalogue/woonvorm/import/[0-9a-f-]{36}/", path), body[-2000:]
    body = _wait_for(browser, path, "Status: klaar om te bevestigen")
    assert "1 nieuw, 1 gewijzigd, 1 ongewijzigd, 0 mislukt." in body, re.sub(r"\s+", " ", body)[-3000:]
    token = re.search(r'name="token" value="([0-9a-f-]{36})"', body).group(1)

    status, body = browser.post("/beheer/catalogue/woonvorm/process_import/", {"token": token})
    assert status == 200
    body = _wait_for(browser, path, "Status: geïmporteerd")
    assert "Opgeslagen op" in body

    served = json.loads(_manage(server["env"], "shell", "--no-imports", "-c", STATE))
    assert served == small


def _raw(port, request):
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(request)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks).decode("utf-8", "replace")


def test_a_request_line_gunicorn_refuses_gets_a_dutch_page(server):
    answer = _raw(server["port"], b"GET /zoeken/?q=" + b"a" * 9000 + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    assert answer.startswith("HTTP/1.1 414 ")
    assert '<html lang="nl">' in answer
    assert "Adres te lang" in answer
    assert "URI Too Long</h1>" not in answer


def test_too_many_headers_get_a_dutch_page(server):
    headers = b"".join(b"X-Extra-%d: x\r\n" % n for n in range(120))
    answer = _raw(server["port"], b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + b"\r\n")
    assert answer.startswith("HTTP/1.1 431 ")
    assert "Verzoek te groot" in answer


def test_a_malformed_request_gets_a_dutch_page(server):
    answer = _raw(server["port"], b"NONSENSE\r\n\r\n")
    assert answer.startswith("HTTP/1.1 400 ")
    assert "Verzoek niet begrepen" in answer
