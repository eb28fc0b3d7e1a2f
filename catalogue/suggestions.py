"""The names closest to a search text that found nothing or little, for "Bedoelde u …?": published items'
names and vocabulary terms.

On PostgreSQL the pg_trgm extension (migration 0008, catalogue.search.TrigramExtension) compares the text
with every published item's name and every term's name and synonyms by trigram word similarity, so "jongre"
finds "Jongeren" and "omklap" "Omklapconstructie". Elsewhere difflib does the same over the names (a few
hundred), less finely. The suggestions are cached per catalogue generation, like the search results they go
with.
"""

import difflib
import hashlib
import re
from dataclasses import dataclass

from django.contrib.postgres.search import TrigramSimilarity, TrigramWordSimilarity
from django.db.models import F, Value
from django.db.models.functions import Greatest

from catalogue.kinds import KINDS
from catalogue.models import Contractvorm, Doelgroep, Organisatie, Plaats, Woonzorgconcept
from catalogue.search import clean_text, uses_postgres
from core.cache import cached

# The terms whose names are in an item's search text (catalogue.search.TERM_SOURCES), with a page each.
TERM_MODELS = (Doelgroep, Contractvorm, Woonzorgconcept, Plaats, Organisatie)
# Word similarity from which a name counts as meant: "jongre" is 0.57 like "Jongeren", unrelated words < 0.3.
THRESHOLD = 0.5
# The same for difflib's ratio, which is higher for the same pair of words ("jongre"/"jongeren": 0.86).
FALLBACK_THRESHOLD = 0.75
LIMIT = 5


@dataclass(frozen=True)
class Suggestion:
    """A name close to the search text: an item's or a term's (then with the address of its page)."""

    naam: str
    soort: str
    url: str | None
    gelijkenis: float


def suggest(text, kinds=KINDS):
    """The names closest to the text, best first: of the published items of these kinds and of the terms;
    at most LIMIT, none equal to the text itself."""
    text = clean_text(text)
    if not re.search(r"\w", text):
        return []
    key = f"suggest:{','.join(kind.key for kind in kinds)}:{hashlib.sha256(text.encode()).hexdigest()}"
    candidates = list(_candidates(kinds))
    return cached(
        key,
        lambda: _best(_postgres(text, candidates) if uses_postgres() else _fallback(text, candidates), text),
    )


def _best(found, text):
    seen = {text.casefold()}
    best = []
    for suggestion in sorted(found, key=lambda s: (-s.gelijkenis, s.url is None, s.naam.casefold())):
        if suggestion.naam.casefold() not in seen:
            seen.add(suggestion.naam.casefold())
            best.append(suggestion)
    return best[:LIMIT]


def _candidates(kinds):
    """(queryset, kind label, whether it is a term with a page) of every name that may be suggested."""
    for kind in kinds:
        yield kind.model.objects.published(), kind.label, False
    for model in TERM_MODELS:
        yield model.objects.all(), model._meta.verbose_name, True


def _postgres(text, candidates):
    found = []
    for queryset, label, term in candidates:
        synonyms = F("synoniemen") if _has_synonyms(queryset.model) else Value("")
        rows = (
            queryset.annotate(
                gelijkenis=Greatest(
                    TrigramWordSimilarity(text, "naam"), TrigramWordSimilarity(text, synonyms)
                ),
                heel=TrigramSimilarity("naam", text),
            )
            .filter(gelijkenis__gte=THRESHOLD)
            .order_by("-gelijkenis", "-heel", "naam")[:LIMIT]
        )
        found += [_suggestion(row, label, term, row.gelijkenis + row.heel / 100) for row in rows]
    return found


def _fallback(text, candidates):
    words = text.casefold().split()
    found = []
    for queryset, label, term in candidates:
        fields = ["pk", "slug", "naam", *(["synoniemen"] if _has_synonyms(queryset.model) else [])]
        for row in queryset.only(*fields):
            names = [row.naam, *getattr(row, "synoniemen", "").splitlines()]
            score = max(_closeness(words, name) for name in names)
            if score >= FALLBACK_THRESHOLD:
                found.append(_suggestion(row, label, term, score))
    return found


def _closeness(words, name):
    """How close the words are to the best run of as many words in the name (or to the whole name)."""
    parts = re.findall(r"\w+", name.casefold())
    runs = [" ".join(parts[i : i + len(words)]) for i in range(max(1, len(parts) - len(words) + 1))]
    query = " ".join(words)
    return max(difflib.SequenceMatcher(None, query, run).ratio() for run in [*runs, name.casefold()])


def _has_synonyms(model):
    return any(field.name == "synoniemen" for field in model._meta.concrete_fields)


def _suggestion(row, label, term, score):
    return Suggestion(
        naam=row.naam, soort=str(label), url=row.get_absolute_url() if term else None, gelijkenis=score
    )
