"""Throttling per client address, with the counts in Django's cache: shared by every server when REDIS_URL is
set. The rate is read per request (API_THROTTLE_RATE), so a changed setting needs no new class."""

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle


class ClientAddressThrottle(SimpleRateThrottle):
    """At most API_THROTTLE_RATE requests (e.g. "120/minute") per client address. The address is REMOTE_ADDR,
    or behind DJANGO_PROXY_COUNT reverse proxies the address they saw (REST_FRAMEWORK["NUM_PROXIES"])."""

    scope = "api"
    cache_format = "api:throttle:%(ident)s"

    def get_rate(self):
        return settings.API_THROTTLE_RATE

    def get_cache_key(self, request, view):
        return self.cache_format % {"ident": self.get_ident(request)}
