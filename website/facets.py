"""Facet filters: OR within one facet, AND across facets, with counts per option.

A facet filters items on a path from the item to a value (a many-to-many slug, a choice field, a field of a
related row) through a semi-join, so an item never appears twice. Its counts are computed over the items that
match every OTHER active facet, so they stay correct for many-to-many fields and do not depend on the items
shown.

Counts are sets counted in Python. One query reads the items that pass the filters that are not facets (the
search text), with the columns of the facets that are fields of the item itself or of a row it points to (its
bron). For every other facet, which items have which value is read from the tables that hold the values (the
many-to-many table, the related rows) and kept until one of those tables is written
(core/cache.cached_by_tables()): editing an item's text does not read them again. Each facet's counts are then
the sizes of its values' item sets within the items that match all the other chosen facets. The result is
cached until the catalogue is next edited (core/cache.py), so a repeated combination of filters costs no
query.
"""

import hashlib
import json
from array import array
from collections import defaultdict
from functools import cached_property

import django_filters
from django import forms
from django.db.models import F, Q
from django.utils.choices import BaseChoiceIterator
from django.utils.text import slugify

from core.cache import cached, cached_by_tables, tables_read


def flat_choices(choices):
    """(value, label, group label) for flat and grouped choices alike."""
    for value, label in choices:
        if isinstance(label, list | tuple):
            for inner_value, inner_label in label:
                yield inner_value, inner_label, value
        elif value != "":
            yield value, label, None


class ChoicesReadOnce(BaseChoiceIterator):
    """A facet's choices, read once per request: at the first use, from the list or callable the facet was
    given (vocabularies are cached lists of (value, label) pairs, catalogue/filters.py). A form field does not
    normalize an iterator like this one again at every use, which for a vocabulary of thousands of
    organisations would cost more than the rest of the request."""

    def __init__(self, choices):
        self.source = choices
        self.choices = None

    def __iter__(self):
        if self.choices is None:
            self.choices = list(self.source() if callable(self.source) else self.source)
        return iter(self.choices)


class FacetFilter(django_filters.MultipleChoiceFilter):
    """A multiple-choice facet over `path`, optionally limited by `condition` on the same related rows."""

    widget_class = forms.CheckboxSelectMultiple

    def __init__(self, *, path, choices, condition=None, shown=None, **kwargs):
        """`shown`: for a vocabulary that grows with the catalogue (places, organisations), how many options
        the list shows (those with the most items, and every chosen one) until the visitor asks for all."""
        kwargs.setdefault("widget", forms.CheckboxSelectMultiple)
        super().__init__(choices=choices, **kwargs)
        self.path = path
        self.condition = condition or Q()
        self.shown = shown

    def is_local(self, model):
        """Whether the facet is a field of the item itself or of a row it points to (its bron): such a value
        is one per item, read with the items in the same query."""
        if self.condition:
            return False
        opts = model._meta
        for step in self.path.split("__")[:-1]:
            relation = opts.get_field(step)
            if not relation.many_to_one:
                return False
            opts = relation.related_model._meta
        return True

    def matches(self, model, value):
        """A condition on items: they have one of the values. A value of the item itself (or of a row it
        points to) is compared directly; any other related value through a semi-join, so an item never
        appears twice."""
        if self.is_local(model):
            return Q(**{f"{self.path}__in": value})
        matching = model._default_manager.filter(self.condition, **{f"{self.path}__in": value})
        return Q(pk__in=matching.values("pk"))

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.filter(self.matches(qs.model, value))

    def pairs(self, model):
        """Every (facet_item, facet_value) pair. They are read from the table that holds the values (the
        many-to-many table, the related rows), so the items' own wide rows are not read."""
        first, _sep, rest = self.path.partition("__")
        relation = model._meta.get_field(first)
        if relation.many_to_many and not relation.auto_created and not self.condition:
            target = relation.m2m_reverse_field_name()
            rows, item = relation.remote_field.through.objects.all(), relation.m2m_field_name()
            value = f"{target}__{rest}" if rest else target
        elif relation.one_to_many and is_relative(self.condition, first):
            item, value = relation.field.name, rest
            rows = relation.related_model._default_manager.filter(
                relative(self.condition, first), **{f"{item}__isnull": False}
            )
        else:
            rows, item, value = model._default_manager.filter(self.condition), "pk", self.path
        return rows.order_by().values_list(F(item), F(value))

    def value_items(self, model):
        """{value: the pks of the items of `model` that have it}, kept until a table it reads changes."""
        return items_per_value(self.pairs(model), f"{model._meta.label}:{self.path}:{self.condition}")

    def chosen_items(self, value_items, value):
        """The items that match the chosen values."""
        return frozenset().union(*(value_items.get(str(v), ()) for v in value))

    def counts(self, rows):
        """{value: number of items} from the (value, number) pairs."""
        return dict(rows)


# The pairs are read in chunks and stored as they come, so the pairs of every item are never all in memory
# as Python objects at once.
PAIRS_PER_READ = 5000


def items_per_value(pairs, name):
    """{str(value): the items that have it} of a query of (item, value) rows, cached under the tables it
    reads. The items of a value are a sorted array of pks: a few bytes each, in the cache and in every
    process's memory, where a set would take some sixty."""

    def group():
        grouped = defaultdict(lambda: array("q"))
        for item, value in pairs.iterator(chunk_size=PAIRS_PER_READ):
            grouped[value].append(item)
        return {
            str(value): array("q", sorted(set(items)))
            for value, items in grouped.items()
            if value is not None
        }

    return cached_by_tables(name, tables_read(pairs), group)


def is_relative(condition, prefix):
    """Whether every lookup of the condition goes through the relation `prefix`."""
    return all(
        is_relative(child, prefix) if isinstance(child, Q) else child[0].startswith(f"{prefix}__")
        for child in condition.children
    )


def relative(condition, prefix):
    """The condition on the related rows: `prefix__` taken off every lookup."""
    return Q.create(
        [
            relative(child, prefix)
            if isinstance(child, Q)
            else (child[0].removeprefix(f"{prefix}__"), child[1])
            for child in condition.children
        ],
        connector=condition.connector,
        negated=condition.negated,
    )


class CumulativeFacetFilter(django_filters.ChoiceFilter):
    """A single-choice facet whose options are nested: an item that reaches an option also reaches every
    later one (e.g. 'at least this level'). `ranks()` gives, per item (`item`), the position (`rank`) of the
    first option it reaches; items without a position reach none."""

    shown = None

    def __init__(self, *, ranks, choices, **kwargs):
        kwargs.setdefault("widget", forms.RadioSelect)
        super().__init__(choices=choices, **kwargs)
        self.ranks = ranks

    def is_local(self, model):
        return False

    def position(self, value):
        return [str(v) for v, _label, _group in flat_choices(self.extra["choices"])].index(str(value))

    def matches(self, model, value):
        return Q(pk__in=self.ranks().filter(rank__lte=self.position(value)).values("item"))

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.filter(self.matches(qs.model, value))

    def value_items(self, model):
        """{str(position): the pks of the items whose first option is at that position}."""
        return items_per_value(
            self.ranks().values_list("item", "rank"), f"{model._meta.label}:{self.field_name}"
        )

    def chosen_items(self, value_items, value):
        """The items that reach the chosen option: their first option is at its position or before."""
        position = self.position(value)
        return frozenset().union(*(items for rank, items in value_items.items() if int(rank) <= position))

    def counts(self, rows):
        """{value: number of items that reach it}: an item counts for its first option and every later one."""
        per_position = {int(position): n for position, n in rows}
        values = [str(v) for v, _label, _group in flat_choices(self.extra["choices"])]
        return {
            value: sum(n for position, n in per_position.items() if position <= index)
            for index, value in enumerate(values)
        }


FACET_TYPES = (FacetFilter, CumulativeFacetFilter)


class FacetFilterSet(django_filters.FilterSet):
    """A FilterSet that can say, for every facet, how many items each option would give.

    Counts are cached per FilterSet class, model and filter values: a class is used with one base queryset.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, facet in self.facet_filters().items():
            self.form.fields[name].choices = ChoicesReadOnce(facet.extra["choices"])

    not_filters = {"sort"}  # form fields that order the list rather than narrow it

    def cleaned(self):
        """The valid filter values; invalid ones are left out (the form shows their errors)."""
        if not self.is_bound:
            return {}
        self.form.is_valid()
        return self.form.cleaned_data

    def facet_filters(self):
        return {name: f for name, f in self.filters.items() if isinstance(f, FACET_TYPES)}

    def cache_name(self, part):
        """A cache name for `part` of what this FilterSet class, its model and these filter values give."""
        chosen = {name: sorted(v) if isinstance(v, list) else v for name, v in self.cleaned().items() if v}
        key = json.dumps([type(self).__qualname__, self.queryset.model._meta.label, chosen], default=str)
        return f"{part}:{hashlib.sha256(key.encode()).hexdigest()}"

    def facet_counts(self):
        """{facet name: {value: number of items}}, cached until the catalogue is next edited."""
        return cached(self.cache_name("facets"), self.count_facets)

    @cached_property
    def facet_sets(self):
        """What the counts are made of (see the module docstring), read once per FilterSet: the items that
        pass the filters that are not facets, {facet name: {value: its items}} and {chosen facet: the items
        that match it}."""
        facets = self.facet_filters()
        model = self.queryset.model
        cleaned = self.cleaned()
        base = self.queryset.all()
        for name, value in cleaned.items():
            if name in self.filters and name not in facets:
                base = self.filters[name].filter(base, value)
        # A value of the item itself (or of a row it points to) is read with the items that pass the other
        # filters.
        local = [name for name, facet in facets.items() if facet.is_local(model)]
        rows = list(base.order_by().values_list("pk", *(facets[name].path for name in local)))
        value_items = {name: facet.value_items(model) for name, facet in facets.items() if name not in local}
        for column, name in enumerate(local, start=1):
            grouped = defaultdict(list)
            for row in rows:
                grouped[row[column]].append(row[0])
            value_items[name] = {str(value): items for value, items in grouped.items() if value is not None}
        chosen = {
            name: facets[name].chosen_items(value_items[name], value)
            for name, value in cleaned.items()
            if name in facets and value
        }
        return frozenset(row[0] for row in rows), value_items, chosen

    def matching_items(self):
        """The pks of the items that pass every filter: the items of `qs`, as a set."""
        items, _value_items, chosen = self.facet_sets
        return items.intersection(*chosen.values())

    def count_facets(self):
        """The counts of every facet (see the module docstring)."""
        if not self.facet_filters():
            return {}
        items, value_items, chosen = self.facet_sets
        counts = {}
        for name, facet in self.facet_filters().items():
            within = items.intersection(*(matched for other, matched in chosen.items() if other != name))
            counts[name] = facet.counts(
                (value, n)
                for value, matching in value_items[name].items()
                if (n := len(within.intersection(matching)))
            )
        return counts

    # ?alle=organisatie shows every option of a facet that otherwise shows only its largest ones.
    expand_parameter = "alle"

    def expanded(self):
        """The facets whose every option the visitor asked to see."""
        getlist = getattr(self.data, "getlist", None)
        return set(getlist(self.expand_parameter)) & set(self.facet_filters()) if getlist else set()

    def facets(self):
        """Every facet with the options that give items (or are chosen), their counts and whether they are
        chosen. A long facet shows its `shown` largest options and every chosen one, unless expanded."""
        chosen_all = self.cleaned()
        all_counts = self.facet_counts()
        expanded = self.expanded()
        result = []
        for name, facet in self.facet_filters().items():
            counts = all_counts[name]
            chosen = {str(v) for v in (chosen_all.get(name) or [])}
            if isinstance(facet, CumulativeFacetFilter) and chosen_all.get(name):
                chosen = {str(chosen_all[name])}
            options = [
                {
                    "value": str(value),
                    "label": label,
                    "group": group,
                    "count": counts.get(str(value), 0),
                    "chosen": str(value) in chosen,
                }
                for value, label, group in flat_choices(self.form.fields[name].choices)
                if counts.get(str(value)) or str(value) in chosen
            ]
            total, hidden = len(options), 0
            if facet.shown and name not in expanded and total > facet.shown:
                largest = sorted(options, key=lambda option: -option["count"])[: facet.shown]
                kept = {option["value"] for option in largest} | chosen
                options = [option for option in options if option["value"] in kept]
                hidden = total - len(options)
            for option in options:
                option["id"] = f"f-{name}-{slugify(option['value'])}"
            result.append(
                {
                    "name": name,
                    "label": facet.label,
                    "options": options,
                    "field": self.form[name],
                    "input_type": "radio" if isinstance(facet, CumulativeFacetFilter) else "checkbox",
                    "total": total,
                    "hidden": hidden,
                    "expanded": name in expanded,
                    "expand_query": self.query_with(self.expand_parameter, name) if hidden else "",
                }
            )
        return result

    def active_chips(self):
        """The chosen filter values (not the sort order) as removable chips, with the query without each."""
        chips = []
        for name, value in self.cleaned().items():
            if not value or name not in self.form.fields or name in self.not_filters:
                continue
            choices = {
                v: label for v, label, _group in flat_choices(getattr(self.form.fields[name], "choices", []))
            }
            values = value if isinstance(value, list | tuple) else [value]
            for single in values:
                chips.append(
                    {
                        "facet": self.filters[name].label,
                        "label": choices.get(single, single),
                        "query": self.query_without(name, str(single)),
                    }
                )
        return chips

    def query_with(self, name, value):
        """The current query string with one more value."""
        query = self.data.copy()
        query.appendlist(name, value)
        return query.urlencode()

    def query_without(self, name, value):
        """The current query string with one chosen value taken out (and back to the first page)."""
        query = self.data.copy()
        query.setlist(name, [v for v in query.getlist(name) if v != value])
        query.pop("page", None)
        return query.urlencode()
