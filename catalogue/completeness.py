"""How complete a catalogue item is: which of the fields a full recipe card has are filled in.

REQUIRED_FIELDS names, per kind, the fields a complete card has: the texts the sources give for every item of
that kind and the vocabularies it is found by. A choice such as begeleiding may honestly be "onbekend" and
is not counted. `with_completeness()` adds one EXISTS per relation to a queryset, so a list of items needs no
query per row; `missing_fields()` works on any item, annotated or not.

    completeness(item)        -> Completeness(filled=7, total=10, missing=[…]), shown as "7 van 10"
    missing_fields(item)      -> ["ter inspiratie", …], the labels of the empty required fields
    with_completeness(qs)     -> the queryset with what missing_fields() needs, in the same query
    incomplete(qs)            -> only the items with a required field empty
"""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext as _

from catalogue.kinds import kind_of

_TEXTS = ["samenvatting", "beschrijving", "werkzame_elementen", "aandachtselementen"]

REQUIRED_FIELDS = {
    "woonvorm": (
        *_TEXTS,
        "ter_inspiratie",
        "financiele_context",
        "verhouding_wonen_eerst",
        "doelgroepen",
        "contractvormen",
        "woonsituaties",
        "woonzorgconcepten",
    ),
    "succesversneller": (
        *_TEXTS,
        "ter_inspiratie",
        "financiele_context",
        "verhouding_wonen_eerst",
        "doelgroepen",
        "typen",
        "bijdragen",
    ),
    "praktijkvoorbeeld": (
        "samenvatting",
        "beschrijving",
        "doel",
        "samenwerking",
        "lessen",
        "financiele_context",
        "doelgroepen",
        "plaatsen",
        "contractvormen",
        "woonzorgconcepten",
    ),
}


@dataclass(frozen=True)
class Completeness:
    filled: int
    total: int
    missing: list

    def __str__(self):
        return _("%(gevuld)d van %(totaal)d") % {"gevuld": self.filled, "totaal": self.total}

    @property
    def complete(self):
        return not self.missing


def required_fields(item_or_model):
    """The model fields a complete item of this kind has filled in."""
    model = kind_of(item_or_model).model
    return [model._meta.get_field(name) for name in REQUIRED_FIELDS[kind_of(item_or_model).key]]


def _annotation(field):
    return f"heeft_{field.name}"


def with_completeness(queryset):
    """Adds, per required relation, whether the item has any (an EXISTS, no join and no grouping)."""
    annotations = {}
    for field in required_fields(queryset.model):
        if field.many_to_many:
            through = field.remote_field.through
            rows = through.objects.filter(**{field.m2m_field_name(): OuterRef("pk")})
            annotations[_annotation(field)] = Exists(rows)
    return queryset.annotate(**annotations)


def incomplete(queryset):
    """The items of the queryset with at least one required field empty."""
    empty = Q()
    for field in required_fields(queryset.model):
        empty |= Q(**{_annotation(field): False}) if field.many_to_many else Q(**{field.name: ""})
    return with_completeness(queryset).filter(empty)


def _is_filled(item, field):
    if not field.many_to_many:
        return bool((getattr(item, field.name) or "").strip())
    annotated = getattr(item, _annotation(field), None)
    if annotated is not None:
        return annotated
    prefetched = getattr(item, "_prefetched_objects_cache", {}).get(field.name)
    if prefetched is not None:
        return bool(prefetched)
    return getattr(item, field.name).exists()


def completeness(item):
    fields = required_fields(item)
    missing = [str(field.verbose_name) for field in fields if not _is_filled(item, field)]
    return Completeness(filled=len(fields) - len(missing), total=len(fields), missing=missing)


def missing_fields(item):
    """The labels of the required fields the item leaves empty, in the order of REQUIRED_FIELDS."""
    return completeness(item).missing
