"""The kansenkaart: for every doelgroep and contractvorm (or woonzorgconcept), how many published items have
both. The empty cells are the gaps that the lists' facets cannot show, since an option without items
disappears from them.

Rows and columns are the lists' own filters (website/filters.py): the same query parameters and the same
paths, so a cell's count is the count of the list it links to. The counts are one grouped query per kind,
whatever the size of the catalogue, cached until the catalogue is next edited.
"""

from dataclasses import dataclass

from django import forms
from django.db.models import Count
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from catalogue.kinds import BY_KEY, WOONKENMERKEN_KINDS
from catalogue.models import Plaats
from core.cache import cached
from website.facets import flat_choices
from website.filters import WoonkenmerkenFilterSet

ROW_FILTER = "doelgroep"
# The filters that can be the columns, the first by default.
COLUMN_FILTERS = ("contractvorm", "woonzorgconcept")
BOTH = ""  # the value of ?soort= that counts every kind with woonkenmerken


class KansenkaartForm(forms.Form):
    """What the kansenkaart shows, from its query: ?kolom=, ?soort= and ?provincie= (as on the lists)."""

    kolom = forms.ChoiceField(
        label=_("Kolommen"),
        required=False,
        choices=[(name, WoonkenmerkenFilterSet.base_filters[name].label) for name in COLUMN_FILTERS],
    )
    soort = forms.ChoiceField(
        label=_("Soort"),
        required=False,
        choices=[(BOTH, _("woonvormen en praktijkvoorbeelden"))]
        + [(kind.key, kind.label_plural) for kind in WOONKENMERKEN_KINDS],
    )
    provincie = forms.MultipleChoiceField(
        label=_("Provincie"), required=False, choices=Plaats.Provincie.choices
    )


@dataclass(frozen=True)
class Selection:
    """The valid choices of a kansenkaart query, with what was wrong in it."""

    column: str
    kinds: tuple
    soort: str
    provincies: tuple
    errors: tuple


def selection(query):
    """The kansenkaart's choices from a query; invalid values are reported in words and left out."""
    form = KansenkaartForm(query)
    form.is_valid()
    cleaned = form.cleaned_data
    soort = cleaned.get("soort") or BOTH
    errors = tuple(
        f"{form.fields[name].label}: {message}"
        for name, messages in form.errors.items()
        for message in messages
    )
    return Selection(
        column=cleaned.get("kolom") or COLUMN_FILTERS[0],
        kinds=(BY_KEY[soort],) if soort else WOONKENMERKEN_KINDS,
        soort=soort,
        provincies=tuple(sorted(cleaned.get("provincie") or ())),
        errors=errors,
    )


def terms(name):
    """(slug, name, group label) of the vocabulary a filter offers, in its order."""
    choices = WoonkenmerkenFilterSet.base_filters[name].extra["choices"]
    return list(flat_choices(choices() if callable(choices) else choices))


def pair_counts(kind, column, provincies):
    """{(doelgroep slug, column slug): number of published items of the kind with both}, in one query.

    An item is counted once per pair however many plaatsen it has; the provincie filter is the list's own.
    """
    filters = WoonkenmerkenFilterSet.base_filters
    items = kind.model.objects.published()
    if provincies:
        items = items.filter(filters["provincie"].matches(kind.model, list(provincies)))
    row_path, column_path = filters[ROW_FILTER].path, filters[column].path
    grouped = items.order_by().values(row_path, column_path).annotate(aantal=Count("pk", distinct=True))
    return {
        (group[row_path], group[column_path]): group["aantal"]
        for group in grouped
        if group[row_path] is not None and group[column_path] is not None
    }


def cached_pair_counts(kind, column, provincies):
    name = f"kansenkaart:{kind.key}:{column}:{','.join(provincies)}"
    return cached(name, lambda: pair_counts(kind, column, provincies))


def list_url(kind, **filters):
    """The kind's public list with these filters (a list value becomes a repeated parameter)."""
    return f"{reverse(kind.url_name('list'))}?{urlencode(filters, doseq=True)}"


def kansenkaart(chosen):
    """The table: per doelgroep group its rows, each with a cell per column term, and the empty cells."""
    counts = {kind: cached_pair_counts(kind, chosen.column, chosen.provincies) for kind in chosen.kinds}
    columns = terms(chosen.column)
    groups, gaps = [], []
    for doelgroep, doelgroep_naam, group in terms(ROW_FILTER):
        if not groups or groups[-1]["label"] != group:
            groups.append({"label": group, "rows": []})
        cells = [
            cell(chosen, counts, doelgroep, column, column_naam) for column, column_naam, _group in columns
        ]
        groups[-1]["rows"].append({"slug": doelgroep, "naam": doelgroep_naam, "cells": cells})
        missing = [c["naam"] for c in cells if not c["total"]]
        if missing:
            gaps.append({"doelgroep": doelgroep_naam, "missing": missing})
    return {
        "column_label": WoonkenmerkenFilterSet.base_filters[chosen.column].label,
        "columns": [{"slug": slug, "naam": naam} for slug, naam, _group in columns],
        "groups": groups,
        "gaps": gaps,
        "gap_count": sum(len(gap["missing"]) for gap in gaps),
    }


def cell(chosen, counts, doelgroep, column, column_naam):
    """One cell: the total, and per kind its count with a link to its list filtered the same way."""
    per_kind = []
    for kind, kind_counts in counts.items():
        aantal = kind_counts.get((doelgroep, column), 0)
        if aantal:
            filters = {ROW_FILTER: doelgroep, chosen.column: column}
            if chosen.provincies:
                filters["provincie"] = list(chosen.provincies)
            per_kind.append({"kind": kind, "aantal": aantal, "url": list_url(kind, **filters)})
    return {"naam": column_naam, "total": sum(k["aantal"] for k in per_kind), "per_kind": per_kind}


def subject_words(chosen):
    """The kansenkaart's choices in words, for a file's Toelichting and name."""
    kinds = f" {_('en')} ".join(str(kind.label_plural) for kind in chosen.kinds)
    provincies = dict(Plaats.Provincie.choices)
    return kinds, [str(provincies[p]) for p in chosen.provincies]
