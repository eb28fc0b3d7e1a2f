"""gunicorn's settings, for `make serve` and any production start: `gunicorn -c config/gunicorn.py`.

- Where and how many: HOST, PORT and WORKERS (sync workers), as in the Makefile.
- Time: a request may take GUNICORN_TIMEOUT seconds (60) before gunicorn stops its worker. Nothing a
  person can start takes that long: an admin import of more than DJANGO_IMPORT_JOB_ROWS rows runs as a
  background job, and reading an upload is bounded by the spreadsheet limits (README, "Production serving").
- Requests gunicorn refuses before Django sees them (a request line over 8,190 bytes, too many or too large
  headers, a malformed request) get a Dutch page instead of gunicorn's English one, and so does a request
  whose worker was stopped at the timeout.
- The background jobs: gunicorn starts `manage.py db_worker` when it starts and stops it when it stops, so
  `make serve` needs nothing else. JOB_WORKER=0 leaves it out (e.g. when it runs as its own service).
"""

import html
import os
import subprocess
import sys
from pathlib import Path

from gunicorn import util

ROOT = Path(__file__).resolve().parent.parent

wsgi_app = "config.wsgi"
bind = f"{os.environ.get('HOST') or '127.0.0.1'}:{os.environ.get('PORT') or '8000'}"
workers = int(os.environ.get("WORKERS") or 3)
timeout = int(os.environ.get("GUNICORN_TIMEOUT") or 60)
graceful_timeout = 30
accesslog = "-"
# gunicorn's control socket is one file per user ($HOME/.gunicorn/gunicorn.ctl), shared by every gunicorn
# that user starts; the site does not use it, so two servers on one machine do not take it from each other.
control_socket_disable = True
# The most gunicorn allows; the longest address the site makes (a list with every filter) stays far below.
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190

PAGES = {
    400: (
        "Verzoek niet begrepen",
        "De server begreep dit verzoek niet. Controleer het adres en probeer het opnieuw.",
    ),
    403: ("Geen toegang", "Dit verzoek wordt niet toegestaan."),
    414: (
        "Adres te lang",
        "Het adres van deze pagina is langer dan de server aanneemt (8.190 tekens). Kies minder "
        "filters of een kortere zoekterm en probeer het opnieuw.",
    ),
    431: (
        "Verzoek te groot",
        "Uw browser stuurt te veel of te grote gegevens mee (bijvoorbeeld cookies). Verwijder de cookies van "
        "deze site en probeer het opnieuw.",
    ),
    500: (
        "Er ging iets mis",
        "Er ging iets mis op de server. Probeer het over een paar minuten opnieuw; blijft het misgaan, "
        "neem dan contact op met de beheerder.",
    ),
}


def dutch_error_page(status, reason):
    """The bytes of a complete HTTP answer with a Dutch page for a request that never reached Django."""
    title, text = PAGES.get(status) or PAGES[500 if status >= 500 else 400]
    body = (
        '<!DOCTYPE html>\n<html lang="nl">\n<head><meta charset="utf-8"><title>'
        f"{html.escape(title)} · Wonen Eerst receptenbank</title></head>\n"
        f"<body>\n<h1>{html.escape(title)}</h1>\n<p>{html.escape(text)}</p>\n"
        '<p><a href="/">Naar de startpagina</a></p>\n'
        "</body>\n</html>\n"
    ).encode()
    head = (
        f"HTTP/1.1 {status} {reason}\r\nConnection: close\r\nContent-Type: text/html; charset=utf-8\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode("latin-1")
    return head + body


def _write_error(sock, status_int, reason, mesg):
    util.write_nonblock(sock, dutch_error_page(status_int, reason))


# gunicorn writes its own error pages with gunicorn.util.write_error; the workers are forked from this
# process, so they use the Dutch one.
util.write_error = _write_error


def on_starting(server):
    if os.environ.get("JOB_WORKER", "1") == "0":
        return
    command = [sys.executable, str(ROOT / "manage.py"), "db_worker", "--no-reload", "--no-startup-delay"]
    server.job_worker = subprocess.Popen(command, cwd=ROOT)
    server.log.info("Started the job worker (manage.py db_worker), pid %s", server.job_worker.pid)


def on_exit(server):
    worker = getattr(server, "job_worker", None)
    if worker is None or worker.poll() is not None:
        return
    worker.terminate()  # it finishes the job it is running, then stops
    try:
        worker.wait(timeout=graceful_timeout)
    except subprocess.TimeoutExpired:
        worker.kill()
