"""Facet filters: OR within one facet, AND across facets, with counts per option.

A facet filters items on a path from the item to a value (a many-to-many slug, a choice field, a field of a
related row) through a semi-join, so an item never appears twice. Its counts are computed over the items that
match every OTHER active facet, so they stay correct for many-to-many fields and do not depend on the items
shown.

All counts come from one SQL statement: it marks, once, for every item that passes the filters that are not
facets (the search text), which chosen facets it matches, and then groups each facet's values over the items
that match all the other chosen facets. The result is cached until the catalogue is next edited
(core/cache.py), so a repeated combination of filters costs no query.
"""

import hashlib
import json

import django_filters
from django import forms
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import BooleanField, ExpressionWrapper, F, Q
from django.db.models.expressions import RawSQL
from django.utils.choices import BaseChoiceIterator
from django.utils.text import slugify

from core.cache import cached


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
    # Its pairs are rows of a table, to be joined to the marked items (see count_facets).
    aggregated = False

    def __init__(self, *, path, choices, condition=None, shown=None, **kwargs):
        """`shown`: for a vocabulary that grows with the catalogue (places, organisations), how many options
        the list shows (those with the most items, and every chosen one) until the visitor asks for all."""
        kwargs.setdefault("widget", forms.CheckboxSelectMultiple)
        super().__init__(choices=choices, **kwargs)
        self.path = path
        self.condition = condition or Q()
        self.shown = shown

    @property
    def local(self):
        """Whether the facet is a field of the item itself."""
        return "__" not in self.path and not self.condition

    def matches(self, model, value):
        """A condition on items: they have one of the values. A field of the item itself is compared
        directly; a related value through a semi-join, so an item never appears twice."""
        if self.local:
            return Q(**{f"{self.path}__in": value})
        matching = model._default_manager.filter(self.condition, **{f"{self.path}__in": value})
        return Q(pk__in=matching.values("pk"))

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.filter(self.matches(qs.model, value))

    def pairs(self, model, within=None):
        """Every (facet_item, facet_value) pair, of the items in the subquery `within` if given: what counts
        group. They are read from the table that holds the values (the many-to-many table, the related rows),
        so the items' own wide rows are not read once per facet.
        """
        first, _sep, rest = self.path.partition("__")
        relation = model._meta.get_field(first)
        if relation.many_to_many and not relation.auto_created and not self.condition:
            target = relation.m2m_reverse_field_name()
            rows, item = relation.remote_field.through.objects.all(), relation.m2m_field_name()
            value = f"{target}__{rest}" if rest else target
        elif relation.one_to_many and is_relative(self.condition, first):
            rows = relation.related_model._default_manager.filter(relative(self.condition, first))
            item, value = relation.field.name, rest
        else:
            rows, item, value = model._default_manager.filter(self.condition), "pk", self.path
        if within is not None:
            rows = rows.filter(**{f"{item}__in": within})
        return rows.order_by().values(facet_item=F(item), facet_value=F(value))

    def counts(self, rows):
        """{value: number of items} from the grouped (value, number) rows."""
        return {value: n for value, n in rows if value is not None}


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

    local = False
    # The positions are aggregated from every score, so only the items asked for are ranked.
    aggregated = True
    shown = None

    def __init__(self, *, ranks, choices, **kwargs):
        kwargs.setdefault("widget", forms.RadioSelect)
        super().__init__(choices=choices, **kwargs)
        self.ranks = ranks

    def position(self, value):
        return [str(v) for v, _label, _group in flat_choices(self.extra["choices"])].index(str(value))

    def matches(self, model, value):
        return Q(pk__in=self.ranks().filter(rank__lte=self.position(value)).values("item"))

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.filter(self.matches(qs.model, value))

    def pairs(self, model, within=None):
        return self.ranks().filter(item__in=within).values(facet_item=F("item"), facet_value=F("rank"))

    def counts(self, rows):
        """{value: number of items that reach it}: an item counts for its first option and every later one."""
        per_position = {int(position): n for position, n in rows if position is not None}
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

    def count_facets(self):
        """The counts of every facet in one statement (see the module docstring)."""
        model = self.queryset.model
        facets = self.facet_filters()
        if not facets:
            return {}
        base = self.queryset.all()
        flags = {}
        for name, value in self.cleaned().items():
            if name in facets and value:
                flag = ExpressionWrapper(facets[name].matches(model, value), BooleanField())
                flags[f"chosen_{len(flags)}"] = (name, flag)
            elif name in self.filters and name not in facets:
                base = self.filters[name].filter(base, value)
        # A field of the item itself is counted from the marked items' own column.
        local = {name: f"local_{index}" for index, (name, facet) in enumerate(facets.items()) if facet.local}
        base = base.order_by().values(
            facet_item=F("pk"),
            **{alias: flag for alias, (_n, flag) in flags.items()},
            **{alias: F(facets[name].path) for name, alias in local.items()},
        )

        def where(excluded):
            conditions = [alias for alias, (name, _f) in flags.items() if name != excluded]
            return " AND ".join(conditions) or "1 = 1"

        try:
            base_sql, params = base.query.sql_with_params()
        except EmptyResultSet:  # a search that cannot match anything
            return {name: {} for name in facets}
        parts, params = [], list(params)
        for index, (name, facet) in enumerate(facets.items(), start=1):
            if name in local:
                column = local[name]
                parts.append(
                    f"SELECT {index}, CAST({column} AS TEXT), COUNT(*) FROM facet_base "
                    f"WHERE {where(name)} GROUP BY {column}"
                )
                continue
            within = RawSQL(f"SELECT facet_item FROM facet_base WHERE {where(name)}", [])
            # Restricting the pairs to the marked items first pays when a facet is chosen; without one they
            # are all the published items, and a join is cheaper (except for what is aggregated per item).
            pairs = facet.pairs(model, within if flags or facet.aggregated else None)
            pairs_sql, pairs_params = pairs.query.sql_with_params()
            parts.append(
                f"SELECT {index}, CAST(pairs.facet_value AS TEXT), COUNT(DISTINCT pairs.facet_item) "
                f"FROM ({pairs_sql}) pairs INNER JOIN facet_base ON facet_base.facet_item = pairs.facet_item "
                f"WHERE {where(name)} GROUP BY pairs.facet_value"
            )
            params.extend(pairs_params)
        statement = f"WITH facet_base AS ({base_sql}) " + " UNION ALL ".join(parts)
        with connection.cursor() as cursor:
            cursor.execute(statement, params)
            rows = cursor.fetchall()
        grouped = {index: [] for index in range(1, len(facets) + 1)}
        for index, value, n in rows:
            grouped[index].append((value, n))
        return {
            name: facet.counts(grouped[index]) for index, (name, facet) in enumerate(facets.items(), start=1)
        }

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
