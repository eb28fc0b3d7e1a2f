"""/gezond/ says separately whether the database and the cache answer, for a load balancer's health check."""

import socket

import pytest
from django.db import DatabaseError

from core import health

pytestmark = pytest.mark.django_db


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_both_answer(client):
    response = client.get("/gezond/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_an_unreachable_redis_is_named_with_503(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/15",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    response = client.get("/gezond/")
    assert response.status_code == 503
    assert response.json() == {"status": "fout", "database": "ok", "cache": "onbereikbaar"}


def test_an_unreachable_database_is_named_with_503(client, monkeypatch):
    def refuse(*args, **kwargs):
        raise DatabaseError("connection refused")

    monkeypatch.setattr(health.connection, "cursor", refuse)
    response = client.get("/gezond/")
    assert response.status_code == 503
    assert response.json() == {"status": "fout", "database": "onbereikbaar", "cache": "ok"}
