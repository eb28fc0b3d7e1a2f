"""manage.py controleer_links: every external address the catalogue holds is checked and its outcome kept.

The addresses point at a small web server on this machine; the tests never go out to the internet.
"""

import socket
import threading
import time
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import models
from django.utils import timezone

from catalogue import linkcheck
from catalogue.models import Link, LinkControle
from tests.factories import make_bron, make_organisatie, make_woonvorm

pytestmark = pytest.mark.django_db

SLOW = 1.0  # seconds the slow address takes to answer: longer than the tests' timeout


class Handler(BaseHTTPRequestHandler):
    """/ok, /weg (404), /geen-head (405 on HEAD), /oud (301 to /ok), /traag (answers too late),
    /wankel (drops the first connection), /even (takes a moment)."""

    def do_HEAD(self):
        self.answer()

    def do_GET(self):
        self.answer()

    def answer(self):
        server = self.server
        with server.lock:
            server.seen.append((self.command, self.path, self.headers.get("User-Agent", "")))
            server.active += 1
            server.most_active = max(server.most_active, server.active)
        try:
            self.respond()
        finally:
            with server.lock:
                server.active -= 1

    def respond(self):
        path = self.path
        if path == "/traag":
            time.sleep(SLOW)
        if path == "/even":
            time.sleep(0.1)
        if path == "/wankel" and [p for _m, p, _u in self.server.seen].count("/wankel") == 1:
            self.close_connection = True
            return
        if path == "/weg":
            self.send_error(404, "Not Found")
        elif path == "/geen-head" and self.command == "HEAD":
            self.send_error(405, "Method Not Allowed")
        elif path == "/oud":
            self.send_response(301)
            self.send_header("Location", "/ok")
            self.send_header("Content-Length", "0")
            self.end_headers()
        else:
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

    def log_message(self, *args):
        """Keep the test output clean."""


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    httpd.seen, httpd.lock, httpd.active, httpd.most_active = [], threading.Lock(), 0, 0
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    httpd.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    yield httpd
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def closed_port():
    """An address where nothing listens."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{sock.getsockname()[1]}/"


def add_links(*urls):
    woonvorm = make_woonvorm()
    for url in urls:
        Link.objects.create(woonvorm=woonvorm, url=url)
    return woonvorm


def run(*arguments):
    out = StringIO()
    call_command("controleer_links", "--timeout", "0.3", *arguments, stdout=out)
    return out.getvalue()


def outcome(url):
    return LinkControle.objects.get(url=url)


def test_each_address_gets_its_outcome(server, closed_port):
    base = server.base
    add_links(f"{base}/ok", f"{base}/weg", f"{base}/oud", f"{base}/traag", closed_port)

    run()

    assert (outcome(f"{base}/ok").status, outcome(f"{base}/ok").http_code) == ("ok", 200)
    weg = outcome(f"{base}/weg")
    assert (weg.status, weg.http_code) == ("kapot", 404) and "404" in weg.melding
    oud = outcome(f"{base}/oud")
    assert oud.status == "omgeleid" and oud.melding == f"Stuurt door naar {base}/ok."
    traag = outcome(f"{base}/traag")
    assert (traag.status, traag.http_code) == ("onbereikbaar", None)
    assert traag.melding == "Geen antwoord binnen 0.3 seconden."
    assert outcome(closed_port).melding == "De server weigert de verbinding."
    assert LinkControle.objects.count() == 5
    assert all(c.gecontroleerd_op for c in LinkControle.objects.all())


def test_a_redirect_is_followed_with_head(server):
    add_links(f"{server.base}/oud")
    run()
    assert [(method, path) for method, path, _ua in server.seen] == [("HEAD", "/oud"), ("HEAD", "/ok")]


def test_a_server_that_refuses_head_is_asked_with_get(server):
    add_links(f"{server.base}/geen-head")

    run()

    assert outcome(f"{server.base}/geen-head").status == "ok"
    assert [(method, path) for method, path, _ua in server.seen] == [
        ("HEAD", "/geen-head"),
        ("GET", "/geen-head"),
    ]


def test_a_broken_address_is_not_asked_again_with_get(server):
    add_links(f"{server.base}/weg")
    run()
    assert [method for method, _path, _ua in server.seen] == ["HEAD"]


def test_a_dropped_connection_is_tried_once_more(server):
    add_links(f"{server.base}/wankel")

    run()

    assert outcome(f"{server.base}/wankel").status == "ok"
    assert [path for _method, path, _ua in server.seen] == ["/wankel", "/wankel"]


def test_an_address_that_does_not_answer_in_time_is_tried_twice_then_unreachable(server):
    add_links(f"{server.base}/traag")
    run()
    assert [path for _method, path, _ua in server.seen] == ["/traag", "/traag"]


def test_the_requests_say_who_asks(server):
    add_links(f"{server.base}/ok")
    run()
    user_agent = server.seen[0][2]
    assert user_agent.startswith("Mozilla/5.0") and "Wonen-Eerst-receptenbank" in user_agent


def test_no_more_addresses_than_asked_are_checked_at_the_same_time(server):
    urls = [f"{server.base}/even?{n}" for n in range(6)]
    add_links(*urls)

    run("--gelijktijdig", "2")

    assert server.most_active <= 2
    assert LinkControle.objects.filter(status="ok").count() == 6


def test_websites_of_organisations_and_sources_are_checked_too(server):
    make_organisatie(website=f"{server.base}/ok")
    make_bron(url=f"{server.base}/weg")
    make_organisatie(website="")  # no address: nothing to check

    run()

    assert dict(LinkControle.objects.values_list("url", "status")) == {
        f"{server.base}/ok": "ok",
        f"{server.base}/weg": "kapot",
    }


def test_every_web_address_field_of_the_catalogue_is_checked():
    fields = {
        (model, field.name)
        for model in apps.get_app_config("catalogue").get_models()
        if model is not LinkControle and not model._meta.model_name.startswith("historical")
        for field in model._meta.fields
        if isinstance(field, models.URLField)
    }
    assert fields == set(linkcheck.LINK_FIELDS)


def test_alleen_oud_checks_only_what_was_not_checked_recently(server):
    recent, old, never = f"{server.base}/ok?recent", f"{server.base}/ok?oud", f"{server.base}/ok?nooit"
    add_links(recent, old, never)
    now = timezone.now()
    for url, days in ((recent, 2), (old, 10)):
        LinkControle.objects.create(
            url=url, status="kapot", http_code=500, gecontroleerd_op=now - timedelta(days=days)
        )

    run("--alleen-oud", "7")

    assert sorted(path for _method, path, _ua in server.seen) == ["/ok?nooit", "/ok?oud"]
    assert outcome(recent).status == "kapot"
    assert outcome(old).status == "ok" and outcome(old).gecontroleerd_op > now - timedelta(minutes=1)


def test_a_new_check_replaces_the_last_and_addresses_no_longer_held_are_forgotten(server):
    url = f"{server.base}/ok"
    add_links(url)
    LinkControle.objects.create(url=url, status="kapot", http_code=500, gecontroleerd_op=timezone.now())
    LinkControle.objects.create(url="https://weg.example/", status="kapot", gecontroleerd_op=timezone.now())

    run()

    assert list(LinkControle.objects.values_list("url", "status", "http_code")) == [(url, "ok", 200)]


def test_the_command_names_the_broken_addresses_and_counts_the_outcomes(server):
    add_links(f"{server.base}/ok", f"{server.base}/weg")

    out = run()

    assert f"kapot\t404\t{server.base}/weg\t" in out
    assert f"{server.base}/ok" not in out
    assert "2 webadressen gecontroleerd: werkt 1, omgeleid 0, kapot 1, onbereikbaar 0." in out


@pytest.mark.parametrize("arguments", [["--timeout", "0"], ["--alleen-oud", "-1"], ["--gelijktijdig", "x"]])
def test_wrong_options_are_refused(arguments):
    with pytest.raises(Exception, match="invalid"):
        call_command("controleer_links", *arguments)


def test_the_rows_holding_an_address_are_found_in_one_query_per_field(django_assert_num_queries):
    url = "https://voorbeeld.example/"
    woonvorm = add_links(url)
    organisatie = make_organisatie(website=url)
    with django_assert_num_queries(len(linkcheck.LINK_FIELDS)):
        found = linkcheck.holders([url, "https://ander.example/"])
    assert found == {url: [woonvorm, organisatie], "https://ander.example/": []}
