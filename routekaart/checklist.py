"""The checklist of the routekaart without an account: the ticked items live in the URL as ?v=f1-1&v=f1-3.

One place reads that state, so the overview, the phase pages and the voortgang export agree on it.
"""

from dataclasses import dataclass

from django.db.models import Prefetch
from django.http import QueryDict
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from routekaart.models import ChecklistItem, Fase

PARAM = "v"
SHOWN_IGNORED = 5  # at most this many ignored values are named in the message


def phases_with_items():
    """Every phase in order with its checklist items: two queries, whatever the number of items."""
    items = ChecklistItem.objects.only("slug", "tekst", "volgorde", "fase_id").order_by("volgorde", "pk")
    return list(Fase.objects.prefetch_related(Prefetch("checklistitems", queryset=items)))


@dataclass(frozen=True)
class Voortgang:
    """How far one phase is: its items with their ticks and the counts shown as "4 van 6 afgevinkt"."""

    fase: Fase
    punten: list  # (ChecklistItem, ticked) pairs in checklist order

    @property
    def afgevinkt(self):
        return sum(ticked for _item, ticked in self.punten)

    @property
    def totaal(self):
        return len(self.punten)

    @property
    def compleet(self):
        return self.totaal > 0 and self.afgevinkt == self.totaal


@dataclass(frozen=True)
class Checklist:
    """The checklist state read from a URL: the ticked item slugs, and the values that were ignored."""

    fasen: list
    afgevinkt: frozenset
    genegeerd: tuple

    @classmethod
    def from_query(cls, query, fasen):
        """Read ?v= values; unknown or malformed ones are kept aside for a message, never an error."""
        known = {item.slug for fase in fasen for item in fase.checklistitems.all()}
        ticked, ignored = set(), []
        for value in query.getlist(PARAM):
            slug = value.strip().lower()
            if slug in known:
                ticked.add(slug)
            elif value not in ignored:
                ignored.append(value)
        return cls(fasen=fasen, afgevinkt=frozenset(ticked), genegeerd=tuple(ignored))

    @property
    def voortgang(self):
        """One Voortgang per phase, in phase order."""
        return [
            Voortgang(fase, [(item, item.slug in self.afgevinkt) for item in fase.checklistitems.all()])
            for fase in self.fasen
        ]

    @property
    def slugs(self):
        """The ticked slugs in checklist order (the order of the phases, then of their items)."""
        return [
            item.slug
            for fase in self.fasen
            for item in fase.checklistitems.all()
            if item.slug in self.afgevinkt
        ]

    @property
    def query(self):
        """The state as a query string without '?', in checklist order; empty when nothing is ticked."""
        query = QueryDict(mutable=True)
        query.setlist(PARAM, self.slugs)
        return query.urlencode()

    @property
    def aantal_afgevinkt(self):
        return len(self.afgevinkt)

    @property
    def aantal_punten(self):
        return sum(len(fase.checklistitems.all()) for fase in self.fasen)

    @property
    def melding(self):
        """A message in plain Dutch about the ignored values, or an empty string."""
        if not self.genegeerd:
            return ""
        named = ", ".join(f"“{Truncator(value).chars(30)}”" for value in self.genegeerd[:SHOWN_IGNORED])
        rest = len(self.genegeerd) - SHOWN_IGNORED
        if rest > 0:
            named += " " + _("en nog %(count)s andere") % {"count": rest}
        return ngettext(
            "Eén waarde in de link is geen checklistpunt en is genegeerd: %(values)s.",
            "Deze waarden in de link zijn geen checklistpunten en zijn genegeerd: %(values)s.",
            len(self.genegeerd),
        ) % {"values": named}
