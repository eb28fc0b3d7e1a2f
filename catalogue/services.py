"""Writes across catalogue rows: the publication workflow concept → gepubliceerd → gearchiveerd, and
replacing the child rows an item (or any owner) holds, only when they differ."""

from django.db import transaction
from django.utils.translation import gettext as _

from catalogue.changelog import never_published, record_change
from catalogue.models import Status, Wijziging


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
    """Make the items visible to visitors (from concept, or back from the archive). An item published for
    the first time is logged as new (Recent gewijzigd)."""
    items = list(items)
    first_time = never_published(items)
    changed = _set_status(items=items, status=Status.GEPUBLICEERD, user=user, reason=_("gepubliceerd"))
    for item in first_time:
        record_change(item, soort=Wijziging.Soort.NIEUW, user=user)
    return changed


@transaction.atomic
def archive(*, items, user):
    """Take the items off the public site; their address answers that they are archived."""
    return _set_status(items=items, status=Status.GEARCHIVEERD, user=user, reason=_("gearchiveerd"))


# Child rows -----------------------------------------------------------------------------------------------


def written_values(child):
    """What a child row holds: every stored field but its id and the timestamps the database keeps."""
    return tuple(getattr(child, field.attname) for field in child._meta.concrete_fields if _is_written(field))


def _is_written(field):
    automatic = getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
    return not field.primary_key and not automatic


def in_shown_order(children):
    """The rows in the order a page shows them: by volgorde where the model has one; rows with the same
    volgorde (or without one) in the order given, which is their order in the database once saved."""
    children = list(children)
    if children and any(field.name == "volgorde" for field in children[0]._meta.concrete_fields):
        return sorted(children, key=lambda child: child.volgorde)
    return children


@transaction.atomic
def sync_children(*, owner_field, rows_by_owner):
    """Make each owner's child rows the given rows, and rewrite an owner's rows only when they differ.

    `owner_field` is the child model's foreign key to its owner (e.g. Link.woonvorm); `rows_by_owner` maps
    an owner's pk to its new child rows: unsaved, validated, with the owner set, in the order they are to be
    saved. An owner's rows differ when, in the order they are shown (in_shown_order), their written_values
    differ. Rows are replaced through delete() and save(), so every change is a history row. Returns the
    pks of the owners whose rows were rewritten.
    """
    model = owner_field.model
    current = {pk: [] for pk in rows_by_owner}
    existing = model._default_manager.filter(**{f"{owner_field.attname}__in": list(rows_by_owner)})
    for child in existing.order_by("pk"):
        current[getattr(child, owner_field.attname)].append(child)
    rewritten = set()
    for pk, rows in rows_by_owner.items():
        before, after = in_shown_order(current[pk]), in_shown_order(rows)
        if [written_values(c) for c in before] == [written_values(c) for c in after]:
            continue
        for child in current[pk]:
            child.delete()
        for child in rows:
            child.save()
        rewritten.add(pk)
    return rewritten
