"""Filters of the API's own lists (vocabularies, beoordelingen, the toetsingskader, the routekaart). The item
lists use the public lists' FilterSets (website/filters.py) as they are."""

import django_filters
from django.utils.translation import gettext_lazy as _

from assessment.models import Beoordeling, Toetspunt
from catalogue.kinds import SCORED_KINDS
from catalogue.models import Contractvorm, Doelgroep, Organisatie, Plaats
from routekaart.models import ChecklistItem

NAME_SORT = {
    "naam": (_("naam (A-Z)"), ["naam"]),
    "-naam": (_("naam (Z-A)"), ["-naam"]),
}


class OrderedFilterSet(django_filters.FilterSet):
    """A list without filters, in the model's own order; ties are broken by pk, so pages are stable."""

    sort_options = {}

    def ordered(self, qs):
        key = self.form.cleaned_data.get("sort") if self.is_bound and self.form.is_valid() else None
        if key in self.sort_options:
            return qs.order_by(*self.sort_options[key][1], "pk")
        return qs.order_by(*(qs.model._meta.ordering or ["pk"]), "pk")


class SortedFilterSet(OrderedFilterSet):
    """A FilterSet with `sort` from a whitelist (`sort_options`: key → (label, order)); without it, the
    model's own order."""

    sort = django_filters.ChoiceFilter(label=_("Sorteer op"), method="filter_sort")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["sort"].extra["choices"] = [(k, label) for k, (label, _o) in self.sort_options.items()]
        self.form.fields["sort"].choices = [("", "---------"), *self.filters["sort"].extra["choices"]]

    def filter_sort(self, qs, name, value):
        return qs  # applied in ordered()


class TermFilterSet(SortedFilterSet):
    """Every vocabulary: search in the name, sort by name."""

    q = django_filters.CharFilter(
        label=_("Zoekterm in de naam"), field_name="naam", lookup_expr="icontains", max_length=200
    )
    sort_options = NAME_SORT


def term_filterset(model, **filters):
    """A TermFilterSet for `model` with extra filters."""
    meta = type("Meta", (), {"model": model, "fields": []})
    return type(f"{model.__name__}FilterSet", (TermFilterSet,), {**filters, "Meta": meta})


def choice(label, field, choices):
    return django_filters.MultipleChoiceFilter(label=label, field_name=field, choices=choices)


TERM_FILTERS = {
    Doelgroep: {"soort": choice(_("Soort"), "soort", Doelgroep.Soort.choices)},
    Contractvorm: {
        "looptijd": choice(_("Looptijd"), "looptijd", Contractvorm.Looptijd.choices),
        "contracthouder": choice(_("Contracthouder"), "contracthouder", Contractvorm.Contracthouder.choices),
    },
    Plaats: {"provincie": choice(_("Provincie"), "provincie", Plaats.Provincie.choices)},
    Organisatie: {
        "soort": choice(_("Soort"), "soort", Organisatie.Soort.choices),
        "plaats": django_filters.CharFilter(
            label=_("Vestigingsplaats (slug)"), field_name="plaats__slug", max_length=200
        ),
    },
}


class BeoordelingFilterSet(SortedFilterSet):
    soort = django_filters.ChoiceFilter(
        label=_("Soort item"),
        choices=[(kind.key, kind.label) for kind in SCORED_KINDS],
        method="filter_soort",
    )
    woonvorm = django_filters.CharFilter(
        label=_("Woonvorm (slug)"), field_name="woonvorm__slug", max_length=200
    )
    praktijkvoorbeeld = django_filters.CharFilter(
        label=_("Praktijkvoorbeeld (slug)"), field_name="praktijkvoorbeeld__slug", max_length=200
    )
    sort_options = {
        "-datum": (_("datum (nieuwste eerst)"), ["-datum"]),
        "datum": (_("datum (oudste eerst)"), ["datum"]),
    }

    class Meta:
        model = Beoordeling
        fields = []

    def filter_soort(self, qs, name, value):
        return qs.filter(**{f"{value}__isnull": False}) if value else qs


class ToetspuntFilterSet(SortedFilterSet):
    soort = django_filters.ChoiceFilter(label=_("Soort"), choices=Toetspunt.Soort.choices)

    class Meta:
        model = Toetspunt
        fields = []


class ChecklistFilterSet(SortedFilterSet):
    fase = django_filters.CharFilter(label=_("Fase (slug)"), field_name="fase__slug", max_length=200)

    class Meta:
        model = ChecklistItem
        fields = []
