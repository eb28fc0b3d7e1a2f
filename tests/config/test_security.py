"""Security headers, production settings, login throttling, CSRF, upload limits, error pages, escaping."""

import os
import re
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from axes.models import AccessAttempt
from csp.middleware import CSPMiddleware
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone
from django.views.defaults import server_error

from catalogue.models import Link
from config.security import client_ip
from tests.factories import make_persona, make_user, make_woonvorm

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "geheim-wachtwoord-123"
PRODUCTION = {
    "DJANGO_DEBUG": "False",
    "DJANGO_SECRET_KEY": "k3Y-" + "x7Qz!p2Lm9" * 6,
    "DJANGO_ALLOWED_HOSTS": "example.nl",
}


def _policy(response):
    directives = [part.strip().split() for part in response["Content-Security-Policy"].split(";")]
    return {name: values for name, *values in directives}


def _manage(*args, env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
    )


# Headers --------------------------------------------------------------------------------------------------


def test_pages_send_a_policy_that_allows_only_the_sites_own_assets(client):
    policy = _policy(client.get(reverse("website:home")))
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"][0] == "'self'"
    assert policy["style-src"] == ["'self'"]
    assert policy["img-src"] == ["'self'", "data:"]
    assert policy["media-src"] == ["'self'", "https:"], "audio fragments on the sources' own sites must play"
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["base-uri"] == ["'self'"]
    assert "'unsafe-inline'" not in str(policy)
    assert "'unsafe-eval'" not in str(policy)


def test_an_inline_script_runs_only_with_the_nonce_of_its_own_request():
    request = RequestFactory().get("/")

    def view(request):
        return HttpResponse(f'<script nonce="{request.csp_nonce}"></script>')

    response = CSPMiddleware(view)(request)
    nonce = re.search(r'nonce="([^"]+)"', response.content.decode()).group(1)
    assert f"'nonce-{nonce}'" in _policy(response)["script-src"]
    other = CSPMiddleware(view)(RequestFactory().get("/"))
    assert f"'nonce-{nonce}'" not in _policy(other)["script-src"]


def test_pages_forbid_framing_sniffing_and_leaking_the_referrer(client):
    response = client.get(reverse("website:home"))
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def _inline_scripts(html):
    """<script> tags that neither load a file nor carry a nonce: the policy would block them. A data block
    (JSON-LD) is never run, so the policy does not apply to it."""
    return [
        tag
        for tag in re.findall(r"<script\b[^>]*>", html)
        if "src=" not in tag and "nonce=" not in tag and 'type="application/ld+json"' not in tag
    ]


def test_neither_the_site_nor_the_admin_relies_on_inline_scripts(client):
    woonvorm = make_woonvorm()
    client.force_login(make_persona("Redacteur"))
    for url in [
        reverse("website:home"),
        woonvorm.get_absolute_url(),
        reverse("admin:index"),
        reverse("admin:catalogue_woonvorm_change", args=[woonvorm.pk]),
        reverse("admin:catalogue_woonvorm_history", args=[woonvorm.pk]),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Content-Security-Policy" in response
        assert _inline_scripts(response.content.decode()) == [], url


# Production settings ---------------------------------------------------------------------------------------


def test_check_deploy_reports_nothing_with_production_settings():
    result = _manage("check", "--deploy", "--fail-level", "DEBUG", env=PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
    assert "WARNING" not in result.stdout + result.stderr


def test_production_cookies_are_secure_and_http_only_and_https_is_enforced():
    code = (
        "from django.conf import settings as s; "
        "print(s.SESSION_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, s.CSRF_COOKIE_SECURE, "
        "s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS >= 31536000, s.SECURE_HSTS_INCLUDE_SUBDOMAINS)"
    )
    result = _manage("shell", "--no-imports", "-c", code, env=PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True"] * 6


# Login throttling ------------------------------------------------------------------------------------------


def _login(client, username, password, address="10.0.0.1"):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": reverse("admin:index")},
        REMOTE_ADDR=address,
    )


def test_four_failures_do_not_lock_anyone_out(client):
    make_user("redacteur", staff=True)
    for _ in range(4):
        assert _login(client, "redacteur", "fout").status_code == 200
    assert _login(client, "redacteur", PASSWORD).status_code == 302


def test_five_failures_lock_that_username_from_that_address_with_a_dutch_message(client):
    make_user("redacteur", staff=True)
    for _ in range(5):
        _login(client, "redacteur", "fout")
    locked = _login(client, "redacteur", PASSWORD)
    assert locked.status_code == 429
    body = locked.content.decode()
    assert 'lang="nl"' in body
    assert "Inloggen tijdelijk geblokkeerd" in body
    assert "15 minuten" in body
    assert "_auth_user_id" not in client.session
    assert _login(Client(), "redacteur", PASSWORD, address="10.0.0.2").status_code == 302, "other address"


def test_the_lockout_ends_after_fifteen_minutes(client):
    make_user("redacteur", staff=True)
    for _ in range(5):
        _login(client, "redacteur", "fout")
    assert _login(client, "redacteur", PASSWORD).status_code == 429
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    assert _login(client, "redacteur", PASSWORD).status_code == 302


def test_behind_a_proxy_the_client_address_comes_from_the_proxys_header(settings):
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.9", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7")
    settings.PROXY_COUNT = 0
    assert client_ip(request) == "10.0.0.9", "without a proxy the header is the client's own and ignored"
    settings.PROXY_COUNT = 1
    assert client_ip(request) == "203.0.113.7", "the left entry was sent by the client and is not trusted"
    settings.PROXY_COUNT = 3
    assert client_ip(request) == "10.0.0.9"


# CSRF and uploads ------------------------------------------------------------------------------------------


def test_a_form_without_its_csrf_token_is_refused_with_a_dutch_page():
    make_user("redacteur", staff=True)
    response = _login(Client(enforce_csrf_checks=True), "redacteur", PASSWORD)
    assert response.status_code == 403
    body = response.content.decode()
    assert 'lang="nl"' in body
    assert "Formulier verlopen" in body


def test_a_request_larger_than_the_upload_limit_is_refused(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    client.force_login(make_persona("Redacteur"))
    response = client.post(reverse("admin:catalogue_woonvorm_add"), {"naam": "x" * 2000})
    assert response.status_code == 400
    assert "Verzoek niet begrepen" in response.content.decode()


# Error pages -----------------------------------------------------------------------------------------------


def test_a_missing_page_answers_with_a_dutch_404(client):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    body = response.content.decode()
    assert 'lang="nl"' in body
    assert "Pagina niet gevonden" in body


def test_a_server_error_answers_with_a_dutch_page_that_needs_no_request_context():
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    body = response.content.decode()
    assert 'lang="nl"' in body
    assert "Er ging iets mis" in body
    assert "Traceback" not in body


# Escaping --------------------------------------------------------------------------------------------------


def test_markup_in_a_name_or_description_is_shown_as_text(client):
    attack = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    woonvorm = make_woonvorm(naam=attack, samenvatting=attack, beschrijving=attack)
    client.force_login(make_persona("Redacteur"))
    for url in [woonvorm.get_absolute_url(), reverse("admin:catalogue_woonvorm_changelist")]:
        body = client.get(url).content.decode()
        assert attack not in body, url
        assert "&lt;script&gt;alert(" in body, url


def test_a_link_cannot_carry_a_script_address():
    link = Link(woonvorm=make_woonvorm(), url="javascript:alert(1)")
    with pytest.raises(ValidationError) as error:
        link.full_clean()
    assert "url" in error.value.message_dict


# Proxies and redirects after login --------------------------------------------------------------------------

PRINT_PROXY_HEADER = (
    "from django.conf import settings as s; print(getattr(s, 'SECURE_PROXY_SSL_HEADER', None))"
)


def test_without_a_proxy_a_clients_x_forwarded_proto_is_not_trusted():
    result = _manage("shell", "--no-imports", "-c", PRINT_PROXY_HEADER, env=PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "None"
    behind_proxy = _manage(
        "shell", "--no-imports", "-c", PRINT_PROXY_HEADER, env={**PRODUCTION, "DJANGO_PROXY_COUNT": "1"}
    )
    assert behind_proxy.stdout.strip() == "('HTTP_X_FORWARDED_PROTO', 'https')"


def test_a_client_cannot_skip_the_https_redirect_by_claiming_https(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_PROXY_SSL_HEADER = None  # what production has without DJANGO_PROXY_COUNT
    response = client.get("/", HTTP_X_FORWARDED_PROTO="https")
    assert response.status_code == 301
    assert response["Location"].startswith("https://")


@pytest.mark.parametrize(
    "unsafe", ["https://evil.example/", "//evil.example/", "http:\\\\evil.example", "javascript:alert(1)", ""]
)
def test_a_login_with_an_unsafe_next_lands_in_the_beheeromgeving(client, unsafe):
    make_user("redacteur", staff=True)
    response = client.post(
        reverse("admin:login"),
        {"username": "redacteur", "password": PASSWORD, "next": unsafe},
        REMOTE_ADDR="10.0.0.3",
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")
    assert client.get(response["Location"]).status_code == 200


def test_a_login_with_a_safe_next_goes_there(client):
    make_user("redacteur", staff=True)
    target = reverse("admin:catalogue_woonvorm_changelist")
    response = client.post(
        reverse("admin:login"), {"username": "redacteur", "password": PASSWORD, "next": target}
    )
    assert response["Location"] == target
