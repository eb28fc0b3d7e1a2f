"""Items related to the item of a detail page, bounded however large the catalogue is."""

from django.db.models import Count, Window
from django.db.models.functions import Lower

from core.cache import cached


def first_of_concept(model, concept, shown):
    """The first `shown` + 1 published items of one kind with this woonzorgconcept, by name (one more, so
    the page's own item can be left out), and how many there are in all. One query, cached until the
    catalogue is next edited, so every detail page of the type shares it."""

    def compute():
        published = model.objects.published().filter(woonzorgconcepten=concept)
        first = list(
            published.annotate(total=Window(Count("pk")))
            .order_by(Lower("naam"), "pk")
            .only("naam", "slug")[: shown + 1]
        )
        return first, first[0].total if first else 0

    return cached(f"concept:{model._meta.label_lower}:{concept.pk}:{shown}", compute)


def first_per_concept(item, concepts, kinds, shown):
    """For every woonzorgconcept in `concepts`: the first `shown` other published items of `kinds` of that
    type, by name, and how many other items there are in all, as {concept pk: (items, total)}."""
    related = {}
    for concept in concepts:
        others, total = [], 0
        for model in kinds:
            first, number = first_of_concept(model, concept, shown)
            others.extend(other for other in first if other != item)
            # The item itself has the concept, so it is among the published ones when it is published.
            total += number - (1 if isinstance(item, model) and item.is_published else 0)
        related[concept.pk] = (sorted(others, key=lambda other: other.naam.lower())[:shown], total)
    return related
