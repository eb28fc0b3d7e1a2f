"""What changes only when the catalogue is edited, kept in Django's cache until the next edit.

Every save or delete of a row in the content apps (core/content_apps.py), and every change to their
many-to-many relations, starts a new *generation* of the catalogue. Cached values are stored under the
generation they were computed in, so an edit or a publication shows on the next request, in every process
that shares the cache (CACHES in config/settings.py). The generation is also the ETag of the detail pages
(core/http.py).

Invalidation follows every way of writing (the beheeromgeving, spreadsheet imports, the content loader, a
revert from the history), so it hangs on model signals, connected in CoreConfig.ready(); the receivers
only invalidate, they never write data. Bulk writes that bypass signals (QuerySet.update(), bulk_create())
call invalidate() themselves.

A new generation starts at once when this process has read the current one since the last change (so a read
later in the same transaction sees the change), and again when the transaction commits: a request elsewhere
may have read the old rows just before the commit and cached them under the first new generation.
"""

import threading
import uuid
from collections import OrderedDict

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from core.content_apps import content_models

GENERATION_KEY = "website:generation"
# Values of old generations are never read again; they expire after a day.
TIMEOUT = 24 * 60 * 60

# Each process also keeps the values it used last of the current generation, so a request does not read and
# unpickle the same large values (choices, counts) from the shared cache again.
MEMO_ENTRIES = 256

# Per thread, as transactions are: whether this thread read the generation since its last change, and whether
# a change in its open transaction still waits for the commit.
_state = threading.local()
_memo = {"generation": None, "values": OrderedDict()}
_memo_lock = threading.Lock()


def generation():
    """The current generation: a token that changes with every edit of the catalogue."""
    token = cache.get(GENERATION_KEY)
    if token is None:
        token = uuid.uuid4().hex
        if not cache.add(GENERATION_KEY, token, timeout=None):
            token = cache.get(GENERATION_KEY, token)
    _state.read = True
    return token


def cached(name, compute):
    """The value of compute() for the current generation, computed once per generation. Callers must not
    change the value they get."""
    current = generation()
    with _memo_lock:
        if _memo["generation"] != current:
            _memo["generation"], _memo["values"] = current, OrderedDict()
        if name in _memo["values"]:
            _memo["values"].move_to_end(name)
            return _memo["values"][name]
    key = f"catalogue:{current}:{name}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout=TIMEOUT)
    with _memo_lock:
        if _memo["generation"] == current:
            _memo["values"][name] = value
            if len(_memo["values"]) > MEMO_ENTRIES:
                _memo["values"].popitem(last=False)
    return value


def _new_generation():
    cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
    _state.read = False


def _new_generation_if_pending():
    if getattr(_state, "pending", False):
        _state.pending = False
        _new_generation()


def invalidate(**_signal_arguments):
    """Start a new generation: everything cached before this change is recomputed when next asked for."""
    if not transaction.get_connection().in_atomic_block:
        _new_generation()
        return
    if getattr(_state, "read", False):
        _new_generation()
    _state.pending = True
    transaction.on_commit(_new_generation_if_pending)


def connect_signals():
    """Invalidate on every write to a model of the content apps (core/content_apps.py)."""
    for model in content_models():
        uid = f"catalogue-cache-{model._meta.label_lower}"
        post_save.connect(invalidate, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(invalidate, sender=model, dispatch_uid=f"{uid}-delete")
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(
                invalidate, sender=field.remote_field.through, dispatch_uid=f"{uid}-{field.name}"
            )
