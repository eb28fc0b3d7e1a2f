"""Compressed answers: gzip for every client that accepts it, and never for one that refuses it."""

import re

from django.middleware.gzip import GZipMiddleware as DjangoGZipMiddleware
from django.utils.cache import patch_vary_headers

# Django's own middleware leaves smaller bodies alone too.
SMALLEST = 200


def accepts_gzip(request):
    """Whether the client accepts a gzip-compressed body (Accept-Encoding: gzip, not with q=0)."""
    for part in request.headers.get("Accept-Encoding", "").split(","):
        coding, _sep, params = part.strip().partition(";")
        if coding.strip().lower() in {"gzip", "x-gzip", "*"}:
            return not re.fullmatch(r"\s*q\s*=\s*0(\.0*)?\s*", params)
    return False


class GZipMiddleware(DjangoGZipMiddleware):
    """Django's GZipMiddleware (with its BREACH mitigation), which also honours "gzip;q=0": Django's looks
    only for the word gzip."""

    def process_response(self, request, response):
        if accepts_gzip(request):
            return super().process_response(request, response)
        could_compress = response.streaming or len(response.content) >= SMALLEST
        if could_compress and not response.has_header("Content-Encoding"):
            patch_vary_headers(response, ["Accept-Encoding"])
        return response
