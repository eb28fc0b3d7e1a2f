"""Facet filters: OR within one facet, AND across facets, with counts per option.

A facet filters items on a path from the item to a value (a many-to-many slug, a choice field, a field of a
related row) through a semi-join, so an item never appears twice. Its counts are computed over the items that
match every OTHER active facet, in one grouped query per facet, so they stay correct for many-to-many fields
and do not grow with the number of items shown.
"""

import django_filters
from django import forms
from django.db.models import Count, Q


def flat_choices(choices):
    """(value, label, group label) for flat and grouped choices alike."""
    for value, label in choices:
        if isinstance(label, list | tuple):
            for inner_value, inner_label in label:
                yield inner_value, inner_label, value
        elif value != "":
            yield value, label, None


class FacetFilter(django_filters.MultipleChoiceFilter):
    """A multiple-choice facet over `path`, optionally limited by `condition` on the same related rows."""

    widget_class = forms.CheckboxSelectMultiple

    def __init__(self, *, path, choices, condition=None, **kwargs):
        kwargs.setdefault("widget", forms.CheckboxSelectMultiple)
        super().__init__(choices=choices, **kwargs)
        self.path = path
        self.condition = condition or Q()

    def filter(self, qs, value):
        if not value:
            return qs
        matching = qs.model._default_manager.filter(self.condition, **{f"{self.path}__in": value})
        return qs.filter(pk__in=matching.values("pk"))

    def counts(self, base):
        """{value: number of items in `base` that have it}."""
        rows = (
            base.model._default_manager.filter(self.condition, pk__in=base.values("pk"))
            .values(self.path)
            .annotate(n=Count("pk", distinct=True))
            .values_list(self.path, "n")
        )
        return {str(value): n for value, n in rows if value is not None}


class FacetFilterSet(django_filters.FilterSet):
    """A FilterSet that can say, for every facet, how many items each option would give."""

    def cleaned(self):
        """The valid filter values; invalid ones are left out (the form shows their errors)."""
        if not self.is_bound:
            return {}
        self.form.is_valid()
        return self.form.cleaned_data

    def queryset_without(self, excluded):
        """The queryset filtered by every valid filter except `excluded`."""
        qs = self.queryset.all()
        for name, value in self.cleaned().items():
            if name != excluded and name in self.filters:
                qs = self.filters[name].filter(qs, value)
        return qs

    def facets(self):
        """Every facet with its options, their counts and whether they are chosen."""
        chosen_all = self.cleaned()
        result = []
        for name, facet in self.filters.items():
            if not isinstance(facet, FacetFilter | CumulativeFacetFilter):
                continue
            counts = facet.counts(self.queryset_without(name))
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
            ]
            result.append({"name": name, "label": facet.label, "options": options, "field": self.form[name]})
        return result

    def active_chips(self):
        """The chosen values as (facet label, option label, parameter, value) to show as removable chips."""
        chips = []
        for name, value in self.cleaned().items():
            if not value or name not in self.form.fields:
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

    def query_without(self, name, value):
        """The current query string with one chosen value taken out (and back to the first page)."""
        query = self.data.copy()
        query.setlist(name, [v for v in query.getlist(name) if v != value])
        query.pop("page", None)
        return query.urlencode()


class CumulativeFacetFilter(django_filters.ChoiceFilter):
    """A single-choice facet whose options are nested (e.g. 'at least this level'); counts per option."""

    def __init__(self, *, conditions, annotate, choices, **kwargs):
        kwargs.setdefault("widget", forms.RadioSelect)
        super().__init__(choices=choices, **kwargs)
        self.conditions = conditions  # {value: Q on the annotated queryset}
        self.annotate = annotate

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.filter(
            pk__in=self.annotate(qs.model._default_manager.all()).filter(self.conditions[value]).values("pk")
        )

    def counts(self, base):
        annotated = self.annotate(base.model._default_manager.filter(pk__in=base.values("pk")))
        figures = annotated.aggregate(**{f"c_{v}": Count("pk", filter=q) for v, q in self.conditions.items()})
        return {str(v): figures[f"c_{v}"] for v in self.conditions}
