"""Writes across catalogue items: the publication workflow concept → gepubliceerd → gearchiveerd."""

from django.db import transaction
from django.utils.translation import gettext as _

from catalogue.models import Status


def _set_status(*, items, status, user, reason):
    """Give every item the status; returns the items that changed. Each change is a history row."""
    changed = []
    for item in items:
        if item.status == status:
            continue
        item.status = status
        item.full_clean()
        item._history_user = user
        item._change_reason = reason
        item.save()
        changed.append(item)
    return changed


@transaction.atomic
def publish(*, items, user):
    """Make the items visible to visitors (from concept, or back from the archive)."""
    return _set_status(items=items, status=Status.GEPUBLICEERD, user=user, reason=_("gepubliceerd"))


@transaction.atomic
def archive(*, items, user):
    """Take the items off the public site; their address answers that they are archived."""
    return _set_status(items=items, status=Status.GEARCHIVEERD, user=user, reason=_("gearchiveerd"))
