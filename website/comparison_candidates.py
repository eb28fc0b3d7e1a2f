"""Items a visitor can add to a comparison: search results across every kind, and suggestions of the first
item's kind that share the most terms with it. Each costs a fixed number of queries, whatever the size of the
catalogue."""

from dataclasses import dataclass

from django.db.models import Count, F, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from assessment.scoring import and_list
from catalogue.kinds import KINDS, kind_of
from website import selectors

SEARCH_RESULTS = 8
SUGGESTIONS = 5
# The vocabularies a suggestion must share with the first item, where its kind has them.
SHARED_TERMS = ("doelgroepen", "contractvormen", "typen")


@dataclass(frozen=True)
class Candidate:
    """An item that can be added: its kind, slug, name, and why it is suggested."""

    kind: object
    slug: str
    naam: str
    reden: str = ""

    @property
    def key(self):
        return f"{self.kind.key}:{self.slug}"


def search_candidates(text, chosen_keys):
    """The best matches of the search text over every kind (one query per kind), by relevance then name,
    without the items already chosen."""
    if not text:
        return []
    querysets = selectors.search_querysets(text, [kind.model for kind in KINDS])
    found = []
    for kind in KINDS:
        best = (
            querysets[kind.model]
            .order_by("-relevantie", "naam", "pk")
            .values_list("relevantie", "slug", "naam")
        )
        found += [
            (float(relevance), Candidate(kind, slug, naam))
            for relevance, slug, naam in best[: SEARCH_RESULTS + len(chosen_keys)]
        ]
    found.sort(key=lambda pair: (-pair[0], pair[1].naam.lower()))
    return [candidate for _r, candidate in found if candidate.key not in chosen_keys][:SEARCH_RESULTS]


def _terms(item, attribute):
    """The pks of the item's terms in one vocabulary, read from its prefetched relation."""
    return [term.pk for term in getattr(item, attribute).all()]


def _shared(model, attribute, pks):
    """How many of the terms `pks` an item of `model` has in `attribute`: a subquery, so several
    vocabularies never multiply each other's rows."""
    if not pks:
        return Value(0, output_field=IntegerField())
    counts = (
        model.objects.filter(pk=OuterRef("pk"), **{f"{attribute}__in": pks})
        .order_by()
        .values("pk")
        .annotate(aantal=Count(attribute))
        .values("aantal")
    )
    return Coalesce(Subquery(counts, output_field=IntegerField()), 0)


def suggestions(items):
    """Published items of the first item's kind that share the most doelgroepen and contractvormen (typen
    for a succesversneller) with it, in one query; the items already chosen left out."""
    if not items:
        return []
    first = items[0]
    kind = kind_of(first)
    model = kind.model
    attributes = [attribute for attribute in SHARED_TERMS if hasattr(model, attribute)]
    shared = {
        f"gedeeld_{attribute}": _shared(model, attribute, _terms(first, attribute))
        for attribute in attributes
    }
    rows = (
        model.objects.published()
        .exclude(pk__in=[item.pk for item in items if kind_of(item) is kind])
        .annotate(**shared)
        .annotate(gedeeld=sum((F(name) for name in shared), Value(0)))
        .filter(gedeeld__gt=0)
        .order_by("-gedeeld", "naam", "pk")
        .values_list("slug", "naam", *shared)[:SUGGESTIONS]
    )
    return [Candidate(kind, slug, naam, _reason(model, attributes, counts)) for slug, naam, *counts in rows]


def _reason(model, attributes, counts):
    """'2 doelgroepen en 1 contractvorm gemeen'"""
    parts = []
    for attribute, count in zip(attributes, counts, strict=True):
        if count:
            meta = model._meta.get_field(attribute).related_model._meta
            term = meta.verbose_name if count == 1 else meta.verbose_name_plural
            parts.append(f"{count} {term}")
    return _("%(termen)s gemeen") % {"termen": and_list(parts)}
