"""Conditional GET: a page the visitor already holds is answered with 304 Not Modified while it is current.

The ETag is the catalogue's generation (core/cache.py), which changes with every edit of an item and of
everything its page shows (its beoordeling, organisations, related items), where the item's own `updated`
would miss those. Checking it costs no query, so a 304 costs none either. It is weak, since every response
carries a fresh CSP nonce.
"""

from django.contrib.messages import get_messages
from django.utils.cache import get_conditional_response

from core.cache import generation


def catalogue_etag(request):
    """The ETag of a catalogue page; none while messages wait to be shown (they are on the page once)."""
    if len(get_messages(request)):
        return None
    return f'W/"{generation()}"'


class ConditionalGetMixin:
    """For a view of catalogue content: an ETag on every 200 response that may be stored, and 304 Not
    Modified when the request's If-None-Match still matches it."""

    def dispatch(self, request, *args, **kwargs):
        etag = catalogue_etag(request) if request.method in ("GET", "HEAD") else None
        if etag and (not_modified := get_conditional_response(request, etag=etag)):
            return not_modified
        response = super().dispatch(request, *args, **kwargs)
        if etag and response.status_code == 200 and "no-store" not in response.get("Cache-Control", ""):
            response.headers.setdefault("ETag", etag)
        return response
