"""Request helpers for the security settings."""

from django.conf import settings


def client_ip(request):
    """The client's address for login throttling.

    Without proxies (DJANGO_PROXY_COUNT=0) this is REMOTE_ADDR. Behind N trusted reverse proxies, each
    appends the address it saw to X-Forwarded-For, so the client is the N-th entry from the right;
    entries further left are whatever the client sent and are not trusted.
    """
    if settings.PROXY_COUNT:
        hops = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        hops = [hop for hop in hops if hop]
        if len(hops) >= settings.PROXY_COUNT:
            return hops[-settings.PROXY_COUNT]
    return request.META.get("REMOTE_ADDR")
