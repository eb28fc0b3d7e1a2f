"""The file cache of one machine (core/file_cache.py) stays within its size without listing its directory at
every write."""

from unittest import mock

from core.file_cache import CULL_EVERY, FileCache


def test_the_directory_is_listed_once_every_cull_every_writes_and_stays_near_its_size(tmp_path):
    cache = FileCache(str(tmp_path), {"OPTIONS": {"MAX_ENTRIES": 200}})
    writes = 8 * CULL_EVERY
    with mock.patch.object(FileCache, "_list_cache_files", wraps=cache._list_cache_files) as listing:
        for n in range(writes):
            cache.set(f"sleutel-{n}", n)
    assert listing.call_count == writes // CULL_EVERY
    assert len(list(tmp_path.glob("*.djcache"))) <= 200 + CULL_EVERY
    assert len(list(tmp_path.glob("*.djcache"))) > 200 - 200 // 3 - CULL_EVERY, "culled, not cleared"
    assert cache.get(f"sleutel-{writes - 1}") == writes - 1
