"""Conditional GET: a page the visitor already holds is answered with 304 Not Modified while it is current.

The ETag is the release and the catalogue's generation (core/cache.served_version()): it changes with a
deploy and with every edit of an item and of everything a page shows (its beoordeling, organisations,
related items), where an item's own `updated` would miss those. Checking it costs no query, so a 304 costs
none either. The page cache (core/page_cache.py) answers and sets it for every public page. It is weak: the
same page may be sent compressed or not.
"""

from django.contrib.messages import get_messages

from core.cache import served_version


def catalogue_etag(request):
    """The ETag of a catalogue page; none while messages wait to be shown (they are on the page once)."""
    if len(get_messages(request)):
        return None
    return f'W/"{served_version()}"'
