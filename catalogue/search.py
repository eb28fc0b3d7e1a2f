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
"""

import re
from contextlib import contextmanager
from contextvars import ContextVar
from functools import reduce
from operator import and_, or_

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.operations import CreateExtension
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.core.exceptions import FieldDoesNotExist
from django.db import connection
from django.db.models import Case, IntegerField, Q, Value, When

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


def search_vector():
    """Name weighs most, then the summary, then the body, then the item's terms. The GIN index on items uses
    this same expression."""
    return (
        SearchVector(*TITLE_FIELDS, weight="A", config=CONFIG)
        + SearchVector(*SUMMARY_FIELDS, weight="B", config=CONFIG)
        + SearchVector(*BODY_FIELDS, weight="C", config=CONFIG)
        + SearchVector(*TERMS_FIELDS, weight="D", config=CONFIG)
    )


class SearchVectorIndex(GinIndex):
    """A GIN index for search_vector(), the expression filter_items() matches on, so a search reads the index
    instead of building every item's vector: SearchVectorIndex(search_vector(), name=...). PostgreSQL only:
    other databases search with the fallback below, without an index, so there it is a comment."""

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
        vector = search_vector()
        return (
            queryset.annotate(zoekvector=vector)
            .filter(zoekvector=query)
            .annotate(relevantie=SearchRank(vector, query))
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
    if sum(refresh_model_terms(model, pks) for model, pks in pks_by_model.items() if pks):
        cache.invalidate()  # bulk_update sends no signal


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
