"""The cache of one machine's workers when there is no Redis (CACHES in config/settings.py): Django's file
cache, culled now and then instead of at every write."""

import itertools

from django.core.cache.backends.filebased import FileBasedCache

# Django's file cache lists its whole directory at every write to see whether it is full: about 2 ms a write
# at 1,000 entries, and a page after an edit writes about ten values. This one looks once every CULL_EVERY
# writes of a worker thread, so the directory holds at most that many entries per thread more than
# MAX_ENTRIES.
CULL_EVERY = 50


class FileCache(FileBasedCache):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._writes = itertools.count()

    def _cull(self):
        if next(self._writes) % CULL_EVERY == 0:
            super()._cull()
