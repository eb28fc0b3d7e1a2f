"""Persoonsgegevens: what a visitor sees of a contact point, one rule for every public output.

The rule (README, "Persoonsgegevens"; fixtures/README.md):

- A contact point is a person's when it names a person or is marked `persoonlijk` (an address or number of
  one person, also where the source gives no name). Otherwise it is an organisation's general contact point.
- Visitors (every page, every download of the site, the API and its catalogue download, the JSON-LD) see of a
  person's contact point the name, the role and the organisation, never the person's e-mail address or phone
  number; one without a name shows nothing. An organisation's general contact point is shown in full.
- Staff see everything in the beheeromgeving and in the editors' workbook; staff who may view contact persons
  also get them in their own downloads of the site's lists, which then say "alleen voor intern gebruik".
- A backup keeps everything, because it exists to restore the database; it is made and restored from the
  server's shell only (core/backup.py), never offered for download.

Pages, exports and the API read contact points through this module, so the rule cannot differ between them.
"""

from dataclasses import dataclass

from catalogue.models import Contactpersoon, Organisatie


@dataclass(frozen=True)
class Contactpunt:
    """A contact point as one reader may see it; e-mail and phone are empty where they are a person's."""

    naam: str
    rol: str
    organisatie: Organisatie | None
    email: str
    telefoon: str

    @property
    def is_persoon(self):
        return bool(self.naam)


def visible_contacts(*, personal=False):
    """The contact points to read for an output, with their organisation, for a Prefetch.

    Without `personal`, a person's contact point without a name is not even read: nothing of it is shown.
    """
    queryset = Contactpersoon.objects.select_related("organisatie")
    if not personal:
        queryset = queryset.exclude(naam="", persoonlijk=True)
    return queryset


def contactpunt(contact, *, personal=False):
    """One contact point as a visitor sees it (with `personal`: as staff see it); None if nothing shows."""
    own = contact.is_persoon and not personal
    if own and not contact.naam:
        return None
    return Contactpunt(
        naam=contact.naam,
        rol=contact.rol,
        organisatie=contact.organisatie,
        email="" if own else contact.email,
        telefoon="" if own else contact.telefoon,
    )


def contactpunten(contacts, *, personal=False):
    """The contact points of an item as the reader may see them, in their order."""
    views = (contactpunt(contact, personal=personal) for contact in contacts)
    return [view for view in views if view is not None]
