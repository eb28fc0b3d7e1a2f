"""Full-text search in Dutch: a weighted search vector on PostgreSQL, a word-stem fallback elsewhere.

An item is also found by the names and synonyms of the terms it is tagged with (doelgroepen, contractvormen,
woonzorgconcepten, plaatsen and the organisations with a role), weighted below its own name, summary and text.
Those words live in other tables, and an expression index can only read the item's own row, so each item keeps
them in its own column `zoektermen`: the search vector (and its GIN index) reads that column like any other,
a search stays one index scan, and the SQLite fallback matches the same text with icontains. A subquery or
EXISTS over five relations per search would find the same items, but could not use the index and gets slower
with every item; the price of the column is keeping it in step, which happens in one place, refresh_terms(),
called from catalogue.search_terms (signals on the tags, the terms and the organisations with a role, so the
beheeromgeving, the content loader, spreadsheet imports and a revert from the history all keep it right).
Code that writes relations in bulk (bulk_create, QuerySet.update) calls refresh_terms() itself.

On PostgreSQL each item's weighted vector is stored, not computed per search: a generated column `zoekvector`
(StoredSearchVector, migration 0009, which holds the weights), computed by the database whenever the row is
written, with a GIN index. A search then matches on the index and ranks from the stored column, so the first
search after an edit costs no more than a scan of the index, however long the texts. The column is the
database's own: the models do not declare it (Django never reads or writes it), so history, backups, exports
and the SQLite fallback are unaffected; vector() names it in a query.
"""

import re
from contextlib import contextmanager
from contextvars import ContextVar
from functools import reduce
from operator import and_, or_

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.operations import CreateExtension
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.core.exceptions import FieldDoesNotExist
from django.db import connection
from django.db.migrations.operations.base import Operation
from django.db.models import Case, Expression, IntegerField, Q, Value, When
from django.db.models.sql import Query

from core import cache

TITLE_FIELDS = ["naam"]
SUMMARY_FIELDS = ["samenvatting"]
BODY_FIELDS = [
    "beschrijving",
    "werkzame_elementen",
    "aandachtselementen",
    "ter_inspiratie",
    "financiele_context",
    "verhouding_wonen_eerst",
    "doelgroep_toelichting",
]
TERMS_FIELDS = ["zoektermen"]
CONFIG = "dutch"

# From an item to the terms whose words are in its `zoektermen`, and whether those terms have synonyms.
TERM_SOURCES = [
    ("doelgroepen", True),
    ("contractvormen", True),
    ("woonzorgconcepten", True),
    ("plaatsen", False),
    ("organisatierollen__organisatie", False),
]


VECTOR_COLUMN = "zoekvector"


class StoredVector(Expression):
    """The stored search vector of the items a query reads (the column of StoredSearchVector), in the query's
    own alias for their table, so it also works in a subquery."""

    output_field = SearchVectorField()

    def as_sql(self, compiler, connection):
        table = compiler.quote_name_unless_alias(compiler.query.get_initial_alias())
        return f"{table}.{connection.ops.quote_name(VECTOR_COLUMN)}", []


class StoredSearchVector(Operation):
    """Adds to an item table the generated column `zoekvector`, the weighted search vector of the row, with a
    GIN index, on PostgreSQL; a comment elsewhere. `vector` is the expression (a SearchVector over the item's
    columns), given by the migration, so it stays as it was when the migration was written."""

    reduces_to_sql = True
    reversible = True

    def __init__(self, model_name, vector):
        self.model_name = model_name
        self.vector = vector

    def state_forwards(self, app_label, state):
        pass  # the models do not declare the column

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor != "postgresql":
            return
        model = to_state.apps.get_model(app_label, self.model_name)
        table, column, index = self._names(model, schema_editor)
        query = Query(model, alias_cols=False)
        expression = self.vector.resolve_expression(query, allow_joins=False)
        sql, params = query.get_compiler(connection=schema_editor.connection).compile(expression)
        schema_editor.execute(
            f"ALTER TABLE {table} ADD COLUMN {column} tsvector GENERATED ALWAYS AS ({sql}) STORED", params
        )
        schema_editor.execute(f"CREATE INDEX {index} ON {table} USING gin ({column})")
        # Statistics of the new column at once: without them the planner takes every search to match one
        # item, and joins the facet counts in nested loops that take seconds on a large catalogue.
        schema_editor.execute(f"ANALYZE {table}")

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor != "postgresql":
            return
        model = from_state.apps.get_model(app_label, self.model_name)
        table, column, index = self._names(model, schema_editor)
        schema_editor.execute(f"DROP INDEX IF EXISTS {index}")
        schema_editor.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS {column}")

    def _names(self, model, schema_editor):
        quote = schema_editor.quote_name
        return (
            quote(model._meta.db_table),
            quote(VECTOR_COLUMN),
            quote(f"{self.model_name.lower()}_{VECTOR_COLUMN}"),
        )

    def describe(self):
        return f"Stored search vector with its index on {self.model_name} (PostgreSQL only)"

    def deconstruct(self):
        return self.__class__.__name__, [self.model_name, self.vector], {}


class SearchVectorIndex(GinIndex):
    """A GIN index over a search vector expression, PostgreSQL only: how migrations 0004 and 0008 indexed the
    search text before it was stored (StoredSearchVector); kept because those migrations name it."""

    def create_sql(self, model, schema_editor, using="", **kwargs):
        if schema_editor.connection.vendor != "postgresql":
            return f"-- {self.name}: full-text index on PostgreSQL only"
        return super().create_sql(model, schema_editor, using, **kwargs)

    def remove_sql(self, model, schema_editor, **kwargs):
        if schema_editor.connection.vendor != "postgresql":
            return f"-- {self.name}: full-text index on PostgreSQL only"
        return super().remove_sql(model, schema_editor, **kwargs)


class TrigramExtension(CreateExtension):
    """pg_trgm, for the suggestions of catalogue.suggestions, on PostgreSQL; nothing on other databases, in
    both directions (Django's own looks the extension up on SQLite when migrating back)."""

    def __init__(self):
        super().__init__("pg_trgm")

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


def uses_postgres():
    return connection.vendor == "postgresql"


MAX_LENGTH = 200


def clean_text(text):
    """The search text as the database can take it: no NUL or other control characters, at most 200 long."""
    return "".join(ch for ch in (text or "") if ch.isprintable() or ch.isspace()).strip()[:MAX_LENGTH]


def filter_items(queryset, text):
    """Items that match the search text, annotated with `relevantie` (higher is better)."""
    text = clean_text(text)
    if not text:
        return queryset
    if uses_postgres():
        query = SearchQuery(text, config=CONFIG, search_type="websearch")
        return (
            queryset.alias(zoekvector=StoredVector())
            .filter(zoekvector=query)
            .annotate(relevantie=SearchRank(StoredVector(), query))
        )
    return _fallback(queryset, text)


def stem(word):
    """A rough Dutch stem for the fallback: 'jongeren' and 'jongere' both give 'jonger'."""
    for suffix in ("en", "e", "s"):
        if len(word) > 4 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def _fallback(queryset, text):
    stems = [stem(word) for word in re.findall(r"\w+", text.lower()) if len(word) > 1]
    if not stems:
        # Nothing to search for; still annotated, so sorting on relevance works.
        return queryset.annotate(relevantie=Value(0)).none()
    fields = TITLE_FIELDS + SUMMARY_FIELDS + BODY_FIELDS + TERMS_FIELDS
    matches_word = [reduce(or_, (Q(**{f"{f}__icontains": s}) for f in fields)) for s in stems]
    relevance = Case(
        When(reduce(and_, (Q(naam__icontains=s) for s in stems)), then=Value(3)),
        When(reduce(and_, (Q(samenvatting__icontains=s) for s in stems)), then=Value(2)),
        default=Value(1),
        output_field=IntegerField(),
    )
    return queryset.filter(reduce(and_, matches_word)).annotate(relevantie=relevance)


# The item's terms in its own row ---------------------------------------------------------------------------

BATCH = 1000
_deferred = ContextVar("deferred_search_terms", default=None)


def has_relation(model, path):
    try:
        model._meta.get_field(path.split("__")[0])
    except FieldDoesNotExist:
        return False
    return True


def _lines(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def terms_text(model, pks):
    """{pk: the names and synonyms of the item's terms, one per line}, for the items of `model` with these
    pks: one query per kind of term. `model` may be a migration's historical model."""
    words = {pk: [] for pk in pks}
    for path, synonyms in TERM_SOURCES:
        if not has_relation(model, path):
            continue
        columns = [f"{path}__naam", *([f"{path}__synoniemen"] if synonyms else [])]
        rows = (
            model._default_manager.filter(pk__in=pks, **{f"{path}__isnull": False})
            .order_by()
            .values_list("pk", *columns)
            .distinct()
        )
        for pk, naam, *synonym_text in sorted(rows, key=lambda row: (row[1].lower(), row[1])):
            words[pk].append(naam)
            words[pk].extend(_lines(synonym_text[0]) if synonym_text else [])
    return {pk: "\n".join(dict.fromkeys(found)) for pk, found in words.items()}


def refresh_model_terms(model, pks):
    """Bring `zoektermen` of the items of `model` with these pks up to date; returns how many changed. Only
    the column is written (no history row, `updated` untouched): it is derived, not an edit of the item."""
    pks = list(pks)
    changed = 0
    for start in range(0, len(pks), BATCH):
        batch = pks[start : start + BATCH]
        texts = terms_text(model, batch)
        current = model._default_manager.filter(pk__in=batch).values_list("pk", "zoektermen")
        stale = [model(pk=pk, zoektermen=texts[pk]) for pk, old in current if old != texts[pk]]
        model._default_manager.bulk_update(stale, ["zoektermen"], batch_size=BATCH)
        changed += len(stale)
    return changed


def refresh_terms(items):
    """Bring the search text of these items (of any kinds) up to date with their terms. The one way
    `zoektermen` is written; inside deferred_refresh() it waits until the block ends."""
    pks_by_model = {}
    for item in items:
        pks_by_model.setdefault(item._meta.concrete_model, set()).add(item.pk)
    refresh_pks(pks_by_model)


def refresh_pks(pks_by_model):
    """refresh_terms() for {item model: pks}, for callers that know the pks but hold no items."""
    waiting = _deferred.get()
    if waiting is not None:
        for model, pks in pks_by_model.items():
            waiting.setdefault(model, set()).update(pks)
        return
    for model, pks in pks_by_model.items():
        if pks and refresh_model_terms(model, pks):
            cache.invalidate(sender=model)  # bulk_update sends no signal


@contextmanager
def deferred_refresh():
    """Refresh each item touched inside the block once, when it ends, instead of after every relation."""
    if _deferred.get() is not None:
        yield
        return
    token = _deferred.set({})
    try:
        yield
        waiting = _deferred.get()
    finally:
        _deferred.reset(token)
    refresh_pks(waiting)
