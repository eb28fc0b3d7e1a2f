"""Full-text search in Dutch: a weighted search vector on PostgreSQL, a word-stem fallback elsewhere."""

import re
from functools import reduce
from operator import and_, or_

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Case, IntegerField, Q, Value, When

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
CONFIG = "dutch"


def search_vector():
    """Name weighs most, then the summary, then the body. The GIN index on items uses this same expression."""
    return (
        SearchVector(*TITLE_FIELDS, weight="A", config=CONFIG)
        + SearchVector(*SUMMARY_FIELDS, weight="B", config=CONFIG)
        + SearchVector(*BODY_FIELDS, weight="C", config=CONFIG)
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
    fields = TITLE_FIELDS + SUMMARY_FIELDS + BODY_FIELDS
    matches_word = [reduce(or_, (Q(**{f"{f}__icontains": s}) for f in fields)) for s in stems]
    relevance = Case(
        When(reduce(and_, (Q(naam__icontains=s) for s in stems)), then=Value(3)),
        When(reduce(and_, (Q(samenvatting__icontains=s) for s in stems)), then=Value(2)),
        default=Value(1),
        output_field=IntegerField(),
    )
    return queryset.filter(reduce(and_, matches_word)).annotate(relevantie=relevance)
