"""Counting the queries a page needs: the first request after an edit, and the next one."""

from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext


def queries_per_url(urls):
    """{url: (status, queries after an edit, queries once cached)}."""
    client = Client()
    counts = {}
    for url in urls:
        cache.clear()
        with CaptureQueriesContext(connection) as after_edit:
            response = client.get(url)
        with CaptureQueriesContext(connection) as cached:
            client.get(url)
        counts[url] = (response.status_code, len(after_edit), len(cached))
    return counts
