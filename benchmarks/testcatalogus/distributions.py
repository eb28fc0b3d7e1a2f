"""Weighted draws, and the distributions the real (non-synthetic) content gives for them."""

from collections import Counter
from itertools import accumulate

from django.db.models import Count

from benchmarks.testcatalogus.tables import PREFIX
from catalogue.models import Status


class Weights:
    """Keys to draw in proportion to their weight ({key: weight})."""

    def __init__(self, weights):
        self.keys = list(weights)
        self.cumulative = list(accumulate(weights.values()))

    def one(self, rng):
        return rng.choices(self.keys, cum_weights=self.cumulative)[0]

    def some(self, rng, k):
        """k distinct keys (all of them when there are no more than k)."""
        chosen = []
        while len(chosen) < min(k, len(self.keys)):
            key = self.one(rng)
            if key not in chosen:
                chosen.append(key)
        return chosen


STATUS = Weights({Status.GEPUBLICEERD: 90, Status.CONCEPT: 7, Status.GEARCHIVEERD: 3})


def zipf(keys, exponent=0.8):
    """Weights that make the first keys far more common than the last, like big cities and large providers."""
    return Weights({key: 1 / (rank**exponent) for rank, key in enumerate(keys, start=1)})


class RealContent:
    """How the real (non-synthetic) items of one kind use their fields: the distributions to draw from."""

    def __init__(self, model):
        self.model = model
        self.real = model.objects.exclude(slug__startswith=PREFIX)

    def term_weights(self, field):
        """How often real items use each term of a many-to-many field, plus one, over every term."""
        related = self.model._meta.get_field(field).related_model
        used = Counter(self.real.exclude(**{f"{field}__isnull": True}).values_list(field, flat=True))
        return Weights({pk: used[pk] + 1 for pk in related.objects.values_list("pk", flat=True)})

    def sizes(self, field):
        """How many values real items have in a many-to-many field or reverse relation, to draw from."""
        return list(self.real.annotate(n=Count(field, distinct=True)).values_list("n", flat=True)) or [1, 2]

    def values(self, field):
        """The values real items have in a field, with repeats, to draw from."""
        return list(self.real.values_list(field, flat=True))

    def choice_weights(self, field):
        """How often real items have each choice of a choice field, plus one."""
        used = Counter(self.real.values_list(field, flat=True))
        return Weights(
            {value: used[value] + 1 for value, _label in self.model._meta.get_field(field).choices}
        )


def counted(values, default):
    """Weights from how often each value occurs, or only `default` when there are none."""
    return Weights(Counter(values) or {default: 1})
