"""The registry of item kinds: every place that treats woonvormen, succesversnellers and praktijkvoorbeelden
alike (lists, search, compare, the matrix, exports, the admin's search) reads them from here.

A kind knows its model, its words, its public addresses (URL names in the `website` namespace) and what it
carries: a Wonen Eerst beoordeling (`scored`) and the woonkenmerken (contractvormen, woonsituaties,
woonzorgconcepten, leeftijdsgroep, begeleiding).
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.http import urlencode

from catalogue.models import Praktijkvoorbeeld, Succesversneller, Woonvorm


@dataclass(frozen=True)
class ItemKind:
    model: type
    segment: str  # the first part of the kind's addresses: /woonvormen/…
    scored: bool
    woonkenmerken: bool

    @property
    def key(self):
        """'woonvorm': in addresses (?items=woonvorm:buur), URL names and cache keys."""
        return self.model._meta.model_name

    @property
    def label(self):
        return self.model._meta.verbose_name

    @property
    def label_plural(self):
        return self.model._meta.verbose_name_plural

    def count_label(self, number):
        """'1 woonvorm', '3 woonvormen': the kind's name to follow a number."""
        return self.label if number == 1 else self.label_plural

    def url_name(self, page):
        """The URL name of one of the kind's pages: 'list', 'detail' or 'export'."""
        return f"website:{self.key}-{page}"

    def list_url(self, **filters):
        """The public list of the kind, filtered on the given query parameters."""
        url = reverse(self.url_name("list"))
        return f"{url}?{urlencode(filters)}" if filters else url


KINDS = (
    ItemKind(Woonvorm, "woonvormen", scored=True, woonkenmerken=True),
    ItemKind(Succesversneller, "succesversnellers", scored=False, woonkenmerken=False),
    ItemKind(Praktijkvoorbeeld, "praktijkvoorbeelden", scored=True, woonkenmerken=True),
)
BY_KEY = {kind.key: kind for kind in KINDS}
BY_MODEL = {kind.model: kind for kind in KINDS}
SCORED_KINDS = tuple(kind for kind in KINDS if kind.scored)
WOONKENMERKEN_KINDS = tuple(kind for kind in KINDS if kind.woonkenmerken)


def kind_of(item_or_model):
    """The kind of an item or of an item model."""
    model = item_or_model if isinstance(item_or_model, type) else type(item_or_model)
    return BY_MODEL[model._meta.concrete_model]
