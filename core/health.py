"""/gezond/: whether this server can do its work, for a load balancer's health check.

It answers 200 when both the database and the cache answer, and 503 naming the one that does not. With
several servers the cache (Redis) is shared: a server that cannot reach it would serve stale pages after an
edit elsewhere, so it must leave the pool as surely as one without a database.
"""

import logging
import uuid

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from core.page_cache import never_kept

logger = logging.getLogger(__name__)


def database_answers():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.warning("Health check: the database does not answer.", exc_info=True)
        return False
    return True


def cache_answers():
    """Whether a value written to the cache can be read back. Any error of the backend (a refused or timed
    out connection to Redis, an unwritable cache directory) counts as not answering."""
    key, token = f"core:health:{uuid.uuid4().hex}", uuid.uuid4().hex
    try:
        cache.set(key, token, timeout=10)
        answered = cache.get(key) == token
        cache.delete(key)
    except Exception:  # the backends raise their own errors (redis.ConnectionError, OSError …)
        logger.warning("Health check: the cache does not answer.", exc_info=True)
        return False
    return answered


@never_kept
@never_cache
def health(request):
    """200 with {"status": "ok", "database": "ok", "cache": "ok"}; 503 with "fout" and "onbereikbaar" for
    what does not answer."""
    checks = {"database": database_answers(), "cache": cache_answers()}
    healthy = all(checks.values())
    body = {"status": "ok" if healthy else "fout"}
    body.update({name: "ok" if answered else "onbereikbaar" for name, answered in checks.items()})
    return JsonResponse(body, status=200 if healthy else 503)
