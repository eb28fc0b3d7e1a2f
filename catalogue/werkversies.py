"""Werkversies: prepare a change of a published item, preview it, compare it and publish it in one step.

A werkversie holds the whole edit form of an item (fields, many-to-many relations and the child rows) as
plain values, so the published item is not touched until `publish()`. Who may do what with someone's
werkversie is decided here (`may_edit`), and so is the optimistic lock that refuses a save based on a
version of the item, or of its werkversie, that someone else has changed since the form was opened.
"""

from django.contrib.auth import get_permission_codename
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from catalogue import changelog
from catalogue.kinds import kind_of
from catalogue.models import Contactpersoon, Link, OrganisatieRol, Werkversie
from catalogue.models.children import ITEM_FIELDS
from catalogue.services import in_shown_order, sync_children

CHILD_MODELS = (OrganisatieRol, Contactpersoon, Link)
CHILD_MODELS_BY_KEY = {model._meta.model_name: model for model in CHILD_MODELS}
MANAGE_OTHERS = "catalogue.beheer_werkversies"


class WerkversieError(Exception):
    """A werkversie cannot be published as it stands; the message says why, in Dutch."""


# Who and when -----------------------------------------------------------------------------------------------


def person(user):
    """A user's name as other editors read it."""
    if user is None:
        return _("onbekend")
    return user.get_full_name() or user.get_username()


def moment(value):
    """'14:05 op 4 december 2026', in the site's time zone."""
    local = timezone.localtime(value)
    return _("%(tijd)s op %(datum)s") % {
        "tijd": date_format(local, "H:i"),
        "datum": date_format(local, "j F Y"),
    }


def lock_token(value):
    """The form's hidden copy of a timestamp; empty for none."""
    return value.isoformat() if value else ""


def werkversie_of(item):
    return Werkversie.objects.filter(soort=kind_of(item).key, item_pk=item.pk).first()


def may_edit(user, werkversie):
    """Only the werkversie's author edits, publishes or discards it, or whoever may manage everyone's
    werkversies (the Beheerder). Others may look at it: its preview and its differences."""
    return werkversie.aangemaakt_door_id == user.pk or user.has_perm(MANAGE_OTHERS)


def may_change_items(user, model):
    opts = model._meta
    return (
        user.is_active
        and user.is_staff
        and user.has_perm(f"{opts.app_label}.{get_permission_codename('change', opts)}")
    )


# The form as plain values ---------------------------------------------------------------------------------


def item_fields(model):
    """The fields an edit can change: every stored field but the id and the timestamps."""
    return [
        field
        for field in model._meta.concrete_fields
        if field.editable
        and not field.primary_key
        and not getattr(field, "auto_now", False)
        and not getattr(field, "auto_now_add", False)
    ]


def child_fields(model):
    """A child row's fields, without the id and the owner it belongs to."""
    return [
        field
        for field in model._meta.concrete_fields
        if not field.primary_key and field.name not in ITEM_FIELDS
    ]


def _plain(value):
    return value.pk if isinstance(value, models.Model) else value


def _child_values(child):
    return {field.name: field.value_from_object(child) for field in child_fields(type(child))}


def current_gegevens(item):
    """The published item as a werkversie would hold it: what a werkversie is compared against."""
    key = kind_of(item).key
    return {
        "velden": {field.name: field.value_from_object(item) for field in item_fields(type(item))},
        "relaties": {
            field.name: sorted(getattr(item, field.name).values_list("pk", flat=True))
            for field in type(item)._meta.many_to_many
        },
        "kinderen": {
            name: [
                _child_values(child) for child in in_shown_order(model._default_manager.filter(**{key: item}))
            ]
            for name, model in CHILD_MODELS_BY_KEY.items()
        },
    }


def gegevens_from_form(form, formsets):
    """What the submitted change form holds, validated: fields, relations and the child rows it keeps."""
    item, cleaned = form.instance, form.cleaned_data
    gegevens = current_gegevens(item)
    for field in item_fields(type(item)):
        if field.name in cleaned:
            gegevens["velden"][field.name] = _plain(cleaned[field.name])
    for field in type(item)._meta.many_to_many:
        if field.name in cleaned:
            gegevens["relaties"][field.name] = sorted(related.pk for related in cleaned[field.name])
    for formset in formsets:
        name = formset.model._meta.model_name
        if name in CHILD_MODELS_BY_KEY:
            gegevens["kinderen"][name] = _rows_from_formset(formset)
    return gegevens


def _rows_from_formset(formset):
    rows = []
    for child_form in formset.forms:
        cleaned = getattr(child_form, "cleaned_data", None)
        if not cleaned or cleaned.get("DELETE"):
            continue
        rows.append(
            {
                field.name: _plain(cleaned[field.name])
                if field.name in cleaned
                else field.value_from_object(child_form.instance)
                for field in child_fields(formset.model)
            }
        )
    return rows


def form_initial(werkversie):
    """The change form's starting values from a werkversie: its fields and relations."""
    return {**werkversie.gegevens["velden"], **werkversie.gegevens["relaties"]}


def child_initial(werkversie, model):
    """The rows of one child inline from a werkversie, as the inline's starting values."""
    return list(werkversie.gegevens["kinderen"].get(model._meta.model_name, []))


# Building the item from a werkversie ------------------------------------------------------------------------


def _apply_fields(item, gegevens):
    for field in item_fields(type(item)):
        if field.name in gegevens["velden"]:
            setattr(item, field.attname, field.to_python(gegevens["velden"][field.name]))


def _children(item, gegevens):
    """The werkversie's child rows as unsaved rows of the item, in the order they are to be saved."""
    owner = kind_of(item).key
    found = {}
    for name, model in CHILD_MODELS_BY_KEY.items():
        rows = []
        for values in gegevens["kinderen"].get(name, []):
            row = model(**{owner: item})
            for field in child_fields(model):
                if field.name in values:
                    setattr(row, field.attname, field.to_python(values[field.name]))
            rows.append(row)
        found[model] = rows
    return found


def _loaded(model, rows):
    """A queryset that holds the given rows without asking the database: for a related manager's cache."""
    queryset = model._default_manager.none()
    queryset._result_cache = list(rows)
    queryset._prefetch_done = True
    return queryset


def werkversie_item(werkversie, item):
    """An unsaved copy of the item as the werkversie would make it, its relations and child rows in place of
    the published ones, for the preview. It is never saved: the published item stays as it is."""
    gegevens = werkversie.gegevens
    _apply_fields(item, gegevens)
    cache = getattr(item, "_prefetched_objects_cache", None) or {}
    for field in type(item)._meta.many_to_many:
        if field.name in gegevens["relaties"]:
            related = field.related_model._default_manager.filter(pk__in=gegevens["relaties"][field.name])
            cache[field.name] = _loaded(field.related_model, related)
    owner = kind_of(item).key
    for model, rows in _children(item, gegevens).items():
        accessor = model._meta.get_field(owner).remote_field.get_accessor_name()
        cache[accessor] = _loaded(model, in_shown_order(rows))
    item._prefetched_objects_cache = cache
    return item


# The lock ---------------------------------------------------------------------------------------------------


def lock_problem(*, item, opened, werkversie_opened, for_werkversie, user):
    """Why a save of the change form must be refused, or None. Call it inside the transaction that saves.

    `opened` is the item's `updated` when the form was opened, `werkversie_opened` its werkversie's
    `bijgewerkt_op` then (empty: none). The item's row is locked until the transaction ends, so of two
    saves at the same moment the second sees the first one's change and is refused. A form without the
    hidden `opened` (not the change form) is not checked.
    """
    model = type(item)
    rows = model._default_manager.select_for_update().filter(pk=item.pk)
    updated = rows.values_list("updated", flat=True).first()
    if opened and updated is not None and lock_token(updated) != opened:
        latest = item.history.select_related("history_user").first()
        return CHANGED_SINCE_OPENED % {
            "wat": _("Dit item"),
            "naam": person(latest.history_user if latest else None),
            "tijd": moment(updated),
        }
    return _werkversie_problem(item, werkversie_opened or "", user) if for_werkversie else None


CHANGED_SINCE_OPENED = gettext_lazy(
    "%(wat)s is gewijzigd door %(naam)s om %(tijd)s nadat u het opende. "
    "Uw wijzigingen zijn niet opgeslagen; open het item opnieuw."
)


def _werkversie_problem(item, opened, user):
    werkversie = werkversie_of(item)
    if werkversie is None:
        if not opened:
            return None
        return _(
            "De werkversie is gepubliceerd of weggegooid nadat u het item opende. "
            "Uw wijzigingen zijn niet opgeslagen; open het item opnieuw."
        )
    naam = person(werkversie.aangemaakt_door)
    if not may_edit(user, werkversie):
        return _(
            "Er is al een werkversie van %(naam)s, sinds %(tijd)s. Alleen %(naam)s of een beheerder kan die "
            "wijzigen."
        ) % {"naam": naam, "tijd": moment(werkversie.aangemaakt_op)}
    if lock_token(werkversie.bijgewerkt_op) != opened:
        changed = moment(werkversie.bijgewerkt_op)
        return CHANGED_SINCE_OPENED % {"wat": _("De werkversie"), "naam": naam, "tijd": changed}
    return None


# Writes -----------------------------------------------------------------------------------------------------


@transaction.atomic
def save_werkversie(*, item, gegevens, user):
    """Store the form as the item's werkversie: start one, or update the one there is."""
    werkversie = werkversie_of(item)
    if werkversie is None:
        updated = type(item)._default_manager.filter(pk=item.pk).values_list("updated", flat=True).get()
        werkversie = Werkversie(
            soort=kind_of(item).key, item_pk=item.pk, aangemaakt_door=user, item_bijgewerkt_op=updated
        )
    werkversie.gegevens = gegevens
    werkversie.full_clean()
    werkversie.save()
    return werkversie


def is_stale(werkversie, item):
    """Whether the published item changed after the werkversie was started."""
    return item.updated != werkversie.item_bijgewerkt_op


@transaction.atomic
def publish(*, werkversie, user, reason, belangrijk=False):
    """Make the werkversie the published item: fields, relations and child rows, all or nothing, as one
    version in the item's history with the editor's reason; then the werkversie is gone.

    Refused (WerkversieError) when the published item changed after the werkversie was started, or when
    the werkversie no longer holds a valid item (a slug taken since, a child row that is not complete).
    """
    werkversie = Werkversie.objects.select_for_update().filter(pk=werkversie.pk).first()
    if werkversie is None:
        raise WerkversieError(_("Deze werkversie bestaat niet meer: ze is al gepubliceerd of weggegooid."))
    item = werkversie.item_model._default_manager.select_for_update().get(pk=werkversie.item_pk)
    if is_stale(werkversie, item):
        raise WerkversieError(
            _(
                "Het gepubliceerde item is gewijzigd nadat deze werkversie begon. Bekijk de verschillen en "
                "begin opnieuw, of gooi de werkversie weg. Er is niets gepubliceerd."
            )
        )
    gegevens = werkversie.gegevens
    _apply_fields(item, gegevens)
    children = _children(item, gegevens)
    try:
        item.full_clean()
        for rows in children.values():
            for row in rows:
                row.full_clean()
    except ValidationError as error:
        raise WerkversieError(
            _("De werkversie is niet volledig: %(fouten)s Er is niets gepubliceerd.")
            % {"fouten": " ".join(error.messages)}
        ) from error
    _write(item, gegevens, children, user=user, reason=reason)
    werkversie.delete()
    if belangrijk:
        changelog.record_change(item, soort="wijziging", omschrijving=reason, user=user)
    return item


def _write(item, gegevens, children, *, user, reason):
    """Save the item with its relations as one history version, then replace its child rows."""
    # The relations first, without a history row of their own: the item's save records them with it.
    item.skip_history_when_saving = True
    for field in type(item)._meta.many_to_many:
        if field.name in gegevens["relaties"]:
            getattr(item, field.name).set(gegevens["relaties"][field.name])
    del item.skip_history_when_saving
    item._history_user = user
    item._change_reason = reason
    item.save()
    owner = kind_of(item).key
    for model, rows in children.items():
        sync_children(owner_field=model._meta.get_field(owner), rows_by_owner={item.pk: rows})


def discard(*, werkversie):
    """Throw the werkversie away; the published item stays as it is."""
    werkversie.delete()


def discard_for_items(*, model, pks):
    """Throw away the werkversies of items that are being deleted, so none is left without its item."""
    Werkversie.objects.filter(soort=model._meta.model_name, item_pk__in=pks).delete()
