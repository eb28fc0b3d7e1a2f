"""REDIS_URL moves the cache (catalogue generation, cached values, API throttling) to Redis; without it the
single-machine file cache stays; tests keep theirs in memory whatever the environment says."""

import json
import os
import subprocess
import sys
from pathlib import Path

from config.release import release_digest

ROOT = Path(__file__).resolve().parents[2]
PRINT_CACHE = (
    "import django, json; django.setup(); from django.conf import settings; "
    "cache = settings.CACHES['default']; "
    "print(json.dumps([cache['BACKEND'], cache.get('LOCATION'), cache.get('KEY_PREFIX', '')]))"
)


def settings_with(env, script=PRINT_CACHE):
    """Run `script` in a fresh process with the settings that `env` (and nothing of this one's) gives."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "REDIS_"))}
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "config.settings", **env},
        capture_output=True,
        text=True,
    )
    return result


def test_without_redis_the_cache_is_a_directory_of_this_machine():
    result = settings_with({})
    backend, location, _prefix = json.loads(result.stdout)
    assert backend == "core.file_cache.FileCache"
    assert "wonen-eerst-cache" in location


# Fills the file cache far beyond its 1,000 entries, then says whether the catalogue's generation survived.
FILL_THE_FILE_CACHE = """
import json, os, django
django.setup()
from django.conf import settings
from django.core.cache import cache
from core.cache import generation
before = generation()
for n in range(10_000):
    cache.set(f"pagina-{n}", "x")
print(json.dumps([before, generation(), len(os.listdir(settings.CACHES["default"]["LOCATION"]))]))
"""


def test_without_redis_no_cull_of_kept_pages_takes_the_generation_along(tmp_path):
    """Django's file cache, once full, deletes a third of the files in its directory at random: the
    generation and table tokens are elsewhere, or a cull would make every page again."""
    result = settings_with({"TMPDIR": str(tmp_path)}, script=FILL_THE_FILE_CACHE)
    assert result.returncode == 0, result.stderr
    before, after, files = json.loads(result.stdout)
    assert files < 1100, "the pages were culled"
    assert after == before


def test_with_redis_the_cache_is_shared():
    result = settings_with({"REDIS_URL": "redis://10.0.0.5:6379/2"})
    backend, location, prefix = json.loads(result.stdout)
    assert backend == "django.core.cache.backends.redis.RedisCache"
    assert location == "redis://10.0.0.5:6379/2"
    assert prefix.startswith("wonen-eerst:")


def test_servers_of_one_database_share_a_key_prefix_whatever_host_name_they_use():
    def prefix(database_url):
        result = settings_with({"REDIS_URL": "redis://127.0.0.1:6379/0", "DATABASE_URL": database_url})
        return json.loads(result.stdout)[2]

    same = prefix("postgres://app@db.internal:5432/receptenbank")
    assert same == prefix("postgres://app@10.0.0.9:5432/receptenbank")
    assert same != prefix("postgres://app@db.internal:5432/andere_site")


def test_every_key_starts_with_the_release_so_a_deploy_serves_nothing_kept_before_it():
    release = release_digest(ROOT)
    for env in ({}, {"REDIS_URL": "redis://127.0.0.1:6379/0"}):
        prefix = json.loads(settings_with(env).stdout)[2]
        assert prefix.endswith(release), env


def test_tests_never_use_redis():
    result = settings_with({"REDIS_URL": "redis://127.0.0.1:6379/0", "DJANGO_TESTING": "1"})
    assert json.loads(result.stdout)[0] == "django.core.cache.backends.locmem.LocMemCache"


def test_a_malformed_redis_url_stops_the_start_with_a_message():
    result = settings_with({"REDIS_URL": "127.0.0.1:6379"})
    assert result.returncode != 0
    assert "REDIS_URL must start with redis://" in result.stderr
