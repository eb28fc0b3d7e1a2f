"""The items a public page shows, built the same way for the page, its spreadsheet export and any other
reader: plain functions over the catalogue's querysets, the FilterSets and the Wonen Eerst annotations."""

import hashlib

from django.db.models import Count, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce

from assessment.annotations import annotate_items
from catalogue import search
from catalogue.kinds import kind_of
from catalogue.models import Doelgroep, Succesversneller
from core.cache import cached
from website.filters import FILTERSETS


def published_items(model):
    """Published items of one kind with what a result row shows, annotated with their Wonen Eerst figures."""
    kind = kind_of(model)
    queryset = (
        model.objects.published()
        .select_related("bron")
        .prefetch_related(Prefetch("doelgroepen", queryset=Doelgroep.objects.only("slug", "naam", "soort")))
    )
    if kind.scored:
        queryset = annotate_items(queryset, kind.key).prefetch_related("contractvormen")
    if model is Succesversneller:
        queryset = queryset.prefetch_related("typen")
    return queryset


def item_links(model):
    """Published items of one kind with what a link to them shows (name, address, source), by name."""
    return model.objects.published().select_related("bron").order_by("naam")


def item_filterset(model, data):
    """The public list's FilterSet of a kind, bound to the query `data` (None or empty: no filters)."""
    return FILTERSETS[model](data or None, queryset=published_items(model))


def filtered_items(filterset):
    """Every item the FilterSet lets through, in the chosen order."""
    return filterset.ordered(filterset.qs)


def filter_errors(filterset):
    """What the list ignored of the query, in words: "Doelgroep: Kies een geldige optie …"."""
    if not filterset.is_bound:
        return []
    errors = []
    for name, messages in filterset.form.errors.items():
        label = filterset.filters[name].label if name in filterset.filters else name
        errors.extend(f"{label}: {message}" for message in messages)
    return errors


def search_querysets(text, models):
    """Per kind, the published items that match the search text, with their relevance."""
    return {model: search.filter_items(published_items(model), text) for model in models}


def search_counts(text, querysets):
    """{model: number of matches}, cached until the catalogue is next edited."""
    if not text:
        return {}
    return cached(_search_key("counts", text), lambda: {model: qs.count() for model, qs in querysets.items()})


def best_matches(queryset, text, end):
    """(relevance, name, pk) of the `end` best results of one kind, cached until the next edit: the ranking
    computes every matching item's search vector."""
    return cached(
        _search_key(f"best:{queryset.model._meta.label_lower}:{end}", text),
        lambda: list(
            queryset.order_by("-relevantie", "naam", "pk").values_list("relevantie", "naam", "pk")[:end]
        ),
    )


def all_matches(text, querysets):
    """Every result of the kinds searched, in the search page's order: relevance, then name."""
    results = []
    if text:
        for queryset in querysets:
            results += queryset.prefetch_related("plaatsen").order_by("-relevantie", "naam", "pk")
    results.sort(key=lambda item: (-float(item.relevantie), item.naam.lower()))
    return results


def _search_key(part, text):
    return f"search:{part}:{hashlib.sha256(text.encode()).hexdigest()}"


def published_count(model, item_field):
    """The number of published items of `model` that use the outer term through `item_field` (e.g.
    'doelgroepen'). A subquery per kind, so the counts of several kinds never multiply each other's rows."""
    counts = (
        model.objects.published()
        .filter(**{item_field: OuterRef("pk")})
        .order_by()
        .values(item_field)
        .annotate(aantal=Count("pk", distinct=True))
        .values("aantal")
    )
    return Coalesce(Subquery(counts), 0)
