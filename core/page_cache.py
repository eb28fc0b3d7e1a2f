"""Whole pages for visitors, kept until the next edit of the catalogue.

Almost every request is an anonymous GET of a page that changes only when an editor saves. This middleware
keeps such a page, whole, under the catalogue's generation (core/cache.py), so an edit, publication, import or
revert shows on the very next request: the next request asks for a new generation and finds nothing.

What is kept and for whom:
- Only GET and HEAD requests of the public pages (the URL namespaces in PUBLIC_NAMESPACES, except views
  marked never_kept, such as the health check), from a client
  without a session or message cookie. Staff always have a session cookie, so they never get a kept page,
  and their pages (with edit links or a werkversie) are never kept.
- Only a 200 response that sets no cookie, is not private or no-store, varies on nothing but the headers in
  the key, and is not a stream or over MAX_BYTES.
- The key holds the generation, scheme, host, path, the query string with its parameters in a fixed order
  (repeated values keep their order: compare shows items in the order asked), the htmx headers (a
  partial page, and which control asked for it), and today's date (exports carry it in their name).

It sits inside the middleware that add security headers (SecurityMiddleware, X-Frame-Options, CSP), so a kept
page gets the same headers as a fresh one: those are added on the way out to both. A kept page is kept
compressed too, so a visitor whose browser accepts gzip gets it without compressing it again; a fresh page is
compressed by GZipMiddleware. Pages hold no inline
script and no CSRF token, so nothing in a kept page belongs to one request. Every public page answers a
matching If-None-Match with 304 Not Modified (core/http.py), kept or not.
"""

import gzip
import hashlib
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.cache import cc_delim_re, get_conditional_response, patch_vary_headers

from core.cache import TIMEOUT, generation
from core.compression import accepts_gzip
from core.http import catalogue_etag

PUBLIC_NAMESPACES = {"website", "routekaart"}
# Larger answers (a whole catalogue as a spreadsheet) are rare and cheap to rebuild relative to their size.
MAX_BYTES = 2 * 1024 * 1024
# A kept page may vary only on headers that are part of its key (or that the outer middleware handle).
HTMX_HEADERS = ("HX-Request", "HX-Trigger", "HX-Target", "HX-Trigger-Name", "HX-Boosted")
KEYED_VARY = {*(header.lower() for header in HTMX_HEADERS), "accept-encoding", "accept-language"}
KEPT_HEADERS_EXCLUDED = {"set-cookie", "vary", "content-length", "content-encoding"}
# Says on a kept page that it came from the cache (for the benchmarks and for whoever looks at the headers).
HIT_HEADER = "X-Cache"


def never_kept(view):
    """For a public view whose answer must be made every time (the health check reports the live state)."""
    view.never_kept = True
    return view


def _is_public(path):
    try:
        match = resolve(path)
    except Resolver404:
        return False
    return match.namespace in PUBLIC_NAMESPACES and not getattr(match.func, "never_kept", False)


def may_use(request):
    """Whether a kept page may answer this request (and its answer may be kept)."""
    if request.method not in ("GET", "HEAD"):
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or CookieStorage.cookie_name in cookies:
        return False
    return _is_public(request.path_info)


def normalised_query(query_string):
    """The query string with its parameters ordered by name; the values of one name keep their order."""
    pairs = parse_qsl(query_string, keep_blank_values=True)
    return urlencode(sorted(pairs, key=lambda pair: pair[0]))


def request_fingerprint(request):
    """What a public answer depends on besides the catalogue: the address, the normalised query, the htmx
    headers, and the date."""
    parts = [
        request.scheme,
        request.get_host(),
        request.path,
        normalised_query(request.META.get("QUERY_STRING", "")),
        # What htmx says about the request: a partial page, and which control asked (the filter panel stays
        # open while filtering from the form).
        *(request.headers.get(header, "") for header in HTMX_HEADERS),
        # Pages and file names carry today's date (an export's name, its Toelichting sheet).
        timezone.localdate().isoformat(),
    ]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def page_key(request, current_generation):
    return f"page:{current_generation}:{request_fingerprint(request)}"


def holds_request_state(request):
    """Whether rendering used something of this one request: its session, a CSRF token, a message added
    now, or a CSP nonce. Such a page is not kept."""
    session = getattr(request, "session", None)
    messages = getattr(request, "_messages", None)
    return bool(
        (session is not None and session.accessed)
        or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        or (messages is not None and messages.added_new)
        or isinstance(getattr(request, "_csp_nonce", None), str)
    )


def may_keep(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if holds_request_state(request):
        return False
    cache_control = response.get("Cache-Control", "")
    if "private" in cache_control or "no-store" in cache_control:
        return False
    vary = {header.strip().lower() for header in cc_delim_re.split(response.get("Vary", "")) if header}
    return vary <= KEYED_VARY and len(response.content) <= MAX_BYTES


def _kept(response):
    """What is kept of a page: its body, also compressed once (a kept page holds no secret, so compressing
    it gives nothing away), and its headers."""
    headers = [(k, v) for k, v in response.items() if k.lower() not in KEPT_HEADERS_EXCLUDED]
    content = response.content
    compressed = gzip.compress(content, compresslevel=6, mtime=0)
    return (
        content,
        compressed if len(compressed) < len(content) else None,
        headers,
        response.get("Vary", ""),
    )


def _from_kept(request, entry):
    content, compressed, headers, vary = entry
    compress = compressed is not None and accepts_gzip(request)
    response = HttpResponse(compressed if compress else content)
    for name, value in headers:
        response[name] = value
    if vary:
        response["Vary"] = vary
    if compress:
        # GZipMiddleware leaves a compressed answer alone, so it is said here what it would say.
        response["Content-Encoding"] = "gzip"
        patch_vary_headers(response, ["Accept-Encoding"])
    return response


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not may_use(request):
            return self.get_response(request)
        etag = catalogue_etag(request)
        if etag and (not_modified := get_conditional_response(request, etag=etag)):
            return not_modified
        key = page_key(request, generation())
        entry = cache.get(key)
        if entry is not None:
            response = _from_kept(request, entry)
            response[HIT_HEADER] = "hit"
            return response
        response = self.get_response(request)
        if may_keep(request, response):
            if etag:
                response.headers.setdefault("ETag", etag)
            cache.set(key, _kept(response), timeout=TIMEOUT)
        return response
