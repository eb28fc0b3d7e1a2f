"""The registry of item kinds: every place that treats woonvormen, succesversnellers and praktijkvoorbeelden
alike (lists, search, compare, the matrix, exports, the admin's search) reads them from here.

A kind knows its model, its words, its public addresses (URL names in the `website` namespace) and what it
carries: a Wonen Eerst beoordeling (`scored`) and the woonkenmerken (contractvormen, woonsituaties,
woonzorgconcepten, leeftijdsgroep, begeleiding).
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from catalogue.models import Praktijkvoorbeeld, Succesversneller, Woonvorm


@dataclass(frozen=True)
class ItemKind:
    model: type
    segment: str  # the first part of the kind's addresses: /woonvormen/…
    scored: bool
    woonkenmerken: bool
    uitleg: str = ""  # what this kind is, in plain Dutch after the sources: on the home page and its list

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
    ItemKind(
        Woonvorm,
        "woonvormen",
        scored=True,
        woonkenmerken=True,
        uitleg=_(
            "Een woonvorm is een manier van wonen voor mensen die dakloos zijn of dreigen te worden. Het "
            "receptenboek Van nu naar Wonen Eerst beschrijft elke woonvorm als een recept: wat het "
            "inhoudt, voor wie het bedoeld is, waarom het werkt en bij wie je terechtkunt. Bij elke "
            "woonvorm staat hoe ver die aansluit bij de leidende principes van Wonen Eerst."
        ),
    ),
    ItemKind(
        Succesversneller,
        "succesversnellers",
        scored=False,
        woonkenmerken=False,
        uitleg=_(
            "Een succesversneller is geen woonvorm, maar een initiatief of programma, zoals preventie, "
            "een training, een fonds of afspraken tussen organisaties. Het helpt een of meer leidende "
            "principes van Wonen Eerst te versterken, te borgen of in te voeren, en zo Wonen Eerst in de "
            "praktijk sneller toe te passen."
        ),
    ),
    ItemKind(
        Praktijkvoorbeeld,
        "praktijkvoorbeelden",
        scored=True,
        woonkenmerken=True,
        uitleg=_(
            "Een praktijkvoorbeeld is een bestaand project of een aanpak in een bepaalde plaats, "
            "beschreven in bronnen als de Amsterdamse waaier van woonzorgconcepten, de VNG-bundel over "
            "woon-huurconstructies en het onderzoek naar flexwonen. Je leest hoe het daar is opgezet, "
            "met wie er wordt samengewerkt en wat het oplevert."
        ),
    ),
)
BY_KEY = {kind.key: kind for kind in KINDS}
BY_MODEL = {kind.model: kind for kind in KINDS}
SCORED_KINDS = tuple(kind for kind in KINDS if kind.scored)
WOONKENMERKEN_KINDS = tuple(kind for kind in KINDS if kind.woonkenmerken)


def kind_of(item_or_model):
    """The kind of an item or of an item model."""
    model = item_or_model if isinstance(item_or_model, type) else type(item_or_model)
    return BY_MODEL[model._meta.concrete_model]
