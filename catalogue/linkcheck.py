"""Checking the external web addresses the catalogue holds, for manage.py controleer_links.

Every address is asked for with HEAD, and with GET where a server refuses HEAD; each request waits at most
`timeout` seconds for the server, a failed connection is tried once more, and a few addresses are checked
at the same time. The outcome per address is kept in LinkControle, which the editors' dashboard reads.
"""

import socket
import ssl
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import timedelta
from http.client import HTTPException
from urllib.error import HTTPError
from urllib.request import HTTPRedirectHandler, Request, build_opener

from django.utils import timezone
from django.utils.translation import gettext as _

from catalogue.models import Bron, Link, LinkControle, Organisatie
from catalogue.models.children import ITEM_FIELDS

# Every field that holds an external web address, with the model it is on.
LINK_FIELDS = ((Link, "url"), (Organisatie, "website"), (Bron, "url"))

TIMEOUT = 10
WORKERS = 8
ATTEMPTS = 2  # a connection that fails is tried once more before the address counts as unreachable
REFUSED_HEAD = {403, 405, 501}  # servers that answer these to HEAD often answer GET
HEADERS = {
    "User-Agent": "Mozilla/5.0 (compatible; Wonen-Eerst-receptenbank-linkcontrole/1.0)",
    "Accept": "text/html,application/xhtml+xml,application/pdf,*/*;q=0.8",
}
MESSAGE_LENGTH = LinkControle._meta.get_field("melding").max_length


@dataclass(frozen=True)
class Outcome:
    status: str
    http_code: int | None = None
    melding: str = ""


class _KeepMethod(HTTPRedirectHandler):
    """Follows a redirect with the same method, so a HEAD stays a HEAD (urllib would make it a GET)."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        if new is not None:
            new.method = req.get_method()
        return new


_opener = build_opener(_KeepMethod)


def held_urls():
    """Every distinct external address in the catalogue."""
    urls = set()
    for model, field in LINK_FIELDS:
        urls.update(model._default_manager.exclude(**{field: ""}).values_list(field, flat=True))
    return urls


def due_urls(urls, *, older_than_days):
    """The addresses never checked, or last checked more than the given number of days ago."""
    recent = LinkControle.objects.filter(
        url__in=urls, gecontroleerd_op__gte=timezone.now() - timedelta(days=older_than_days)
    ).values_list("url", flat=True)
    return set(urls) - set(recent)


def _request(url, method, timeout):
    """(HTTP code, final address) of one request; a failed connection is tried again. An error answer
    raises HTTPError, no answer at all another OSError or HTTPException."""
    for _attempt in range(ATTEMPTS - 1):
        try:
            return _open(url, method, timeout)
        except HTTPError:
            raise
        except (OSError, HTTPException):
            continue
    return _open(url, method, timeout)


def _open(url, method, timeout):
    with _opener.open(Request(url, method=method, headers=HEADERS), timeout=timeout) as response:
        return response.status, response.url


def check_url(url, *, timeout=TIMEOUT):
    """The Outcome of asking for one address; never raises for what a server or the network does."""
    try:
        try:
            code, final_url = _request(url, "HEAD", timeout)
        except HTTPError as error:
            error.close()
            if error.code not in REFUSED_HEAD:
                raise
            code, final_url = _request(url, "GET", timeout)
    except HTTPError as error:
        error.close()
        melding = _("Het webadres antwoordt met fout %(code)s (%(reden)s).") % {
            "code": error.code,
            "reden": error.reason,
        }
        return Outcome(LinkControle.Status.KAPOT, error.code, melding[:MESSAGE_LENGTH])
    except (OSError, HTTPException, ValueError) as error:
        return Outcome(LinkControle.Status.ONBEREIKBAAR, None, _unreachable(error, timeout)[:MESSAGE_LENGTH])
    if final_url != url:
        melding = _("Stuurt door naar %(adres)s.") % {"adres": final_url}
        return Outcome(LinkControle.Status.OMGELEID, code, melding[:MESSAGE_LENGTH])
    return Outcome(LinkControle.Status.OK, code)


def _unreachable(error, timeout):
    """Why no answer came, in Dutch."""
    reason = getattr(error, "reason", error)
    if isinstance(reason, TimeoutError):
        return _("Geen antwoord binnen %(seconden)s seconden.") % {"seconden": f"{timeout:g}"}
    if isinstance(reason, socket.gaierror):
        return _("De servernaam is niet gevonden.")
    if isinstance(reason, ConnectionRefusedError):
        return _("De server weigert de verbinding.")
    if isinstance(reason, ssl.SSLError):
        return _("De beveiligde verbinding lukt niet (certificaat).")
    return _("Niet bereikbaar: %(fout)s") % {"fout": reason}


def check_urls(urls, *, timeout=TIMEOUT, workers=WORKERS):
    """{address: Outcome}, checking `workers` addresses at the same time."""
    urls = sorted(urls)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        outcomes = pool.map(lambda url: check_url(url, timeout=timeout), urls)
        return dict(zip(urls, outcomes, strict=True))


def record(outcomes, *, checked_at=None):
    """Keep the outcome per address, replacing the last one, in one statement. The public site shows no
    check, so this does not start a new cache generation (bulk_create sends no signals)."""
    checked_at = checked_at or timezone.now()
    LinkControle.objects.bulk_create(
        [
            LinkControle(
                url=url,
                status=outcome.status,
                http_code=outcome.http_code,
                melding=outcome.melding,
                gecontroleerd_op=checked_at,
            )
            for url, outcome in outcomes.items()
        ],
        update_conflicts=True,
        unique_fields=["url"],
        update_fields=["status", "http_code", "melding", "gecontroleerd_op"],
    )


def forget_unheld(held):
    """Drop the outcomes of addresses the catalogue no longer holds."""
    return LinkControle.objects.exclude(url__in=held).delete()[0]


def holders(urls):
    """{address: [the rows that hold it]}: for a link the item it belongs to. One query per field."""
    found = {url: [] for url in urls}
    for model, field in LINK_FIELDS:
        rows = model._default_manager.filter(**{f"{field}__in": list(urls)})
        if model is Link:
            rows = rows.select_related(*ITEM_FIELDS)
        for row in rows.order_by("pk"):
            holder = row.item if model is Link else row
            if holder not in found[getattr(row, field)]:
                found[getattr(row, field)].append(holder)
    return found


def broken():
    """The checks whose address an editor has to repair, the longest-known first."""
    return LinkControle.objects.filter(status__in=LinkControle.BROKEN).order_by("gecontroleerd_op", "url")
