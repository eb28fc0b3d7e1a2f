"""Writing the log of changes visitors can follow (catalogue.models.Wijziging).

The services that make such a change call record_change(): publishing an item for the first time
(catalogue.services.publish), adopting a beoordeling (assessment.services.adopt) and publishing a werkversie
marked as an important change. The content loader writes no entries: the log starts with the first change
made after the catalogue was loaded, since the content files carry no dates to date older entries by.
"""

from django.utils.translation import gettext_lazy as _

from catalogue.kinds import kind_of
from catalogue.models import Status, Wijziging

TITLES = {
    Wijziging.Soort.NIEUW: _("Nieuw in de catalogus: %(naam)s"),
    Wijziging.Soort.BEOORDELING: _("Nieuwe beoordeling: %(naam)s"),
    Wijziging.Soort.WIJZIGING: _("Gewijzigd: %(naam)s"),
}


def record_change(item, *, soort, omschrijving="", user=None):
    """Log a change of the item; returns the new Wijziging. Without an omschrijving a new item is described
    by its samenvatting. Shown publicly once the item is published (Wijziging.objects.published())."""
    soort = Wijziging.Soort(soort)
    if not omschrijving and soort == Wijziging.Soort.NIEUW:
        omschrijving = item.samenvatting
    wijziging = Wijziging(
        **{kind_of(item).key: item},
        soort=soort,
        titel=TITLES[soort] % {"naam": item.naam},
        omschrijving=omschrijving,
        door=user if getattr(user, "is_authenticated", False) else None,
    )
    wijziging.full_clean()
    wijziging.save()
    return wijziging


def never_published(items):
    """The items that are not published and no version of which, in their history, ever was: published now,
    they are new. Back from the archive is not new. One query per kind. Both ways to publish ask this
    (catalogue.services.publish and the change form in the admin), so an item is logged as new only once."""
    unpublished = {}
    for item in items:
        if item.status != Status.GEPUBLICEERD:
            unpublished.setdefault(type(item), []).append(item)
    never = []
    for model, group in unpublished.items():
        versions = model.history.filter(id__in=[item.pk for item in group], status=Status.GEPUBLICEERD)
        published_before = set(versions.values_list("id", flat=True))
        never.extend(item for item in group if item.pk not in published_before)
    return never
