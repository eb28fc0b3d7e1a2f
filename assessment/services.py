"""Writes that span several assessment rows."""

from django.db import transaction

from assessment.models import Beoordeling


@transaction.atomic
def retire_previous_vastgesteld(*, beoordeling):
    """Before a beoordeling becomes vastgesteld, the item's current vastgestelde one becomes vervallen.

    Runs in the caller's transaction, so the item never has two vastgestelde beoordelingen and never
    loses its history. Each retired beoordeling is saved on its own, so its change is in its history and
    the catalogue starts a new cache generation.
    """
    if beoordeling.status != Beoordeling.Status.VASTGESTELD:
        return 0
    target = (
        {"woonvorm": beoordeling.woonvorm}
        if beoordeling.woonvorm_id
        else {"praktijkvoorbeeld": beoordeling.praktijkvoorbeeld}
    )
    previous = list(Beoordeling.objects.vastgesteld().filter(**target).exclude(pk=beoordeling.pk))
    for old in previous:
        old.status = Beoordeling.Status.VERVALLEN
        old.save(update_fields=["status"])
    return len(previous)
