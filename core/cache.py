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

Every database table written also gets a new *table token*. A value that reads only some tables, such as
which items have which doelgroep, is kept under the tokens of those tables (cached_by_tables()), so an edit
elsewhere, such as an item's text, does not make it be read again. A write that names no table (a bulk write
calling invalidate() itself) renews every table's token. Table tokens change at once and at the commit by the
same rules as the generation.

The values, kept pages and fragments are kept per release (config/release.py), the tokens for every release:
after a deploy nothing made by the code before is served, and during a rolling deploy an edit on a server of
either release shows on the other.
"""

import hashlib
import threading
import uuid
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache, caches
from django.db import transaction
from django.db.models import Model
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.connection import ConnectionProxy

from core.content_apps import content_models

# What servers of every release share (CACHES in config/settings.py): the generation and the table tokens (and
# the progress of import jobs, spreadsheets/services.py), in the same place as the values but under keys that
# do not name the release.
shared_cache = ConnectionProxy(caches, "shared")
GENERATION_KEY = "website:generation"
TABLE_KEY = "website:table:"
# The token every table-keyed value also depends on: renewed by a write that names no table.
ANY_TABLE = "*"
# Values of old generations are never read again; they expire after a day.
TIMEOUT = 24 * 60 * 60

# Each process also keeps the values it used last of the current generation, so a request does not read and
# unpickle the same large values (choices, counts) from the shared cache again.
MEMO_ENTRIES = 256
# And the table-keyed values it used last (larger, and valid across generations).
TABLE_MEMO_ENTRIES = 64

# Per thread, as transactions are: which tokens (their cache keys) this thread read since they last changed,
# and which changes in its open transaction still wait for the commit.
_state = threading.local()
_memo = {"generation": None, "values": OrderedDict()}
_table_memo = OrderedDict()
_memo_lock = threading.Lock()


def generation():
    """The current generation: a token that changes with every edit of the catalogue."""
    token = shared_cache.get(GENERATION_KEY)
    if token is None:
        token = uuid.uuid4().hex
        if not shared_cache.add(GENERATION_KEY, token, timeout=None):
            token = shared_cache.get(GENERATION_KEY, token)
    _read_keys().add(GENERATION_KEY)
    return token


def served_version():
    """What a response made now is made from: the release (config/release.py) and the catalogue's generation.
    The ETag of the pages and the API, so a deploy, like an edit, makes the copy a visitor holds stale."""
    return f"{settings.RELEASE}-{generation()}"


def _read_keys():
    """The cache keys of the tokens this thread read since they last changed."""
    if not hasattr(_state, "read"):
        _state.read = set()
    return _state.read


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


def table_tokens(tables):
    """{table: its current token} of these tables and ANY_TABLE: a token changes with every write to it."""
    names = [ANY_TABLE, *sorted(tables)]
    keys = [f"{TABLE_KEY}{table}" for table in names]
    found = shared_cache.get_many(keys)
    tokens = {}
    for table, key in zip(names, keys, strict=True):
        token = found.get(key)
        if token is None:
            token = uuid.uuid4().hex
            if not shared_cache.add(key, token, timeout=None):
                token = shared_cache.get(key, token)
        tokens[table] = token
    _read_keys().update(keys)
    return tokens


def cached_by_tables(name, tables, compute):
    """The value of compute(), which reads only the database tables `tables`, computed once until one of them
    is written. Callers must not change the value they get."""
    tokens = ":".join(table_tokens(tables).values())
    key = f"catalogue-tables:{hashlib.sha256(f'{tokens}:{name}'.encode()).hexdigest()}"
    with _memo_lock:
        if key in _table_memo:
            _table_memo.move_to_end(key)
            return _table_memo[key]
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout=TIMEOUT)
    with _memo_lock:
        _table_memo[key] = value
        if len(_table_memo) > TABLE_MEMO_ENTRIES:
            _table_memo.popitem(last=False)
    return value


def tables_read(queryset):
    """The database tables a queryset reads: its own and every joined one. A query with a subquery is refused,
    as the tables the subquery reads are not known here."""
    query = queryset.query.clone()
    sql, _params = query.get_compiler(queryset.db).as_sql()
    if sql.count("SELECT") != 1:
        raise ValueError(f"The tables a subquery reads are not known: {sql}")
    # A join set up while resolving a lookup and then found unneeded stays in alias_map without references.
    return {join.table_name for alias, join in query.alias_map.items() if query.alias_refcount[alias]}


def _renew(keys):
    """New tokens for these cache keys (the generation's, tables')."""
    shared_cache.set_many({key: uuid.uuid4().hex for key in keys}, timeout=None)
    _read_keys().difference_update(keys)


def _renew_pending():
    keys = getattr(_state, "pending", None)
    if keys:
        _state.pending = set()
        _renew(keys)


def invalidate(sender=None, **_signal_arguments):
    """Start a new generation: everything cached before this change is recomputed when next asked for. The
    signal's sender names the table written (a model, or a many-to-many relation's table); without one, every
    table counts as written."""
    named = isinstance(sender, type) and issubclass(sender, Model)
    tables = {sender._meta.db_table} if named else {ANY_TABLE}
    keys = {GENERATION_KEY, *(f"{TABLE_KEY}{table}" for table in tables)}
    if not transaction.get_connection().in_atomic_block:
        _renew(keys)
        return
    # A token this thread read since it last changed changes at once, so a read later in this transaction
    # sees the change; the others wait for the commit (every token of the change changes again then).
    read_now = keys & _read_keys()
    if read_now:
        _renew(read_now)
    if not getattr(_state, "pending", None):
        _state.pending = set()
    _state.pending |= keys
    transaction.on_commit(_renew_pending)


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
