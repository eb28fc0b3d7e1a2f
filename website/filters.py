"""The filters of the public lists. Query parameter names are the filter names below."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from assessment import scoring
from assessment.annotations import level_ranks, score_order
from assessment.models import Beoordeling, Score
from catalogue import search
from catalogue.models import (
    Begeleiding,
    Bijdrage,
    Bron,
    Contractvorm,
    Doelgroep,
    JaNeeOnbekend,
    Leeftijdsgroep,
    Organisatie,
    Plaats,
    Praktijkvoorbeeld,
    Succesversneller,
    SuccesversnellerType,
    Woonsituatie,
    Woonvorm,
    Woonzorgconcept,
)
from core.cache import cached, cached_by_tables, tables_read
from website.facets import CumulativeFacetFilter, FacetFilter, FacetFilterSet


def vocabulary_rows(name, rows):
    """The rows of a query of a vocabulary, kept until its table is written: an edit of an item does not
    read the vocabularies of the filters again."""
    return cached_by_tables(f"choices:{name}", tables_read(rows), lambda: list(rows))


def vocabulary(model):
    """Choices (slug, name) of a vocabulary (vocabulary_rows())."""
    return lambda: vocabulary_rows(model._meta.label_lower, model.objects.values_list("slug", "naam"))


def doelgroep_choices():
    """The doelgroepen grouped by soort, in one query (vocabulary_rows())."""
    rows = vocabulary_rows("doelgroep", Doelgroep.objects.values_list("soort", "slug", "naam"))
    return [
        (soort_label, [(slug, naam) for row_soort, slug, naam in rows if row_soort == soort])
        for soort, soort_label in Doelgroep.Soort.choices
    ]


def toetspunt_choices():
    return [(t.code, f"{t.code}. {t.korte_naam or t.naam}") for t in scoring.toetspunten()]


# Places and organisations grow with the catalogue: their facets show this many options until expanded.
LONG_FACET_SHOWN = 12

SORT_CHOICES = {
    "naam": (_("naam (A-Z)"), ["naam"]),
    "-naam": (_("naam (Z-A)"), ["-naam"]),
    "-bijgewerkt": (_("laatst bijgewerkt"), ["-updated", "naam"]),
}
# Items without a vastgestelde beoordeling come last on every database.
SCORE_SORT = {
    "-score": (_("Wonen Eerst: niveau, dan score en dekking (hoog-laag)"), [*score_order(), "naam"]),
}
RELEVANCE_SORT = {"relevantie": (_("relevantie"), ["-relevantie", "naam"])}


class ItemFilterSet(FacetFilterSet):
    """Filters every kind of catalogue item shares."""

    q = django_filters.CharFilter(label=_("Zoekterm"), method="filter_search", max_length=200)
    doelgroep = FacetFilter(label=_("Doelgroep"), path="doelgroepen__slug", choices=doelgroep_choices)
    provincie = FacetFilter(
        label=_("Provincie"), path="plaatsen__provincie", choices=Plaats.Provincie.choices
    )
    plaats = FacetFilter(
        label=_("Plaats"), path="plaatsen__slug", choices=vocabulary(Plaats), shown=LONG_FACET_SHOWN
    )
    organisatie = FacetFilter(
        label=_("Organisatie"),
        path="organisatierollen__organisatie__slug",
        choices=vocabulary(Organisatie),
        shown=LONG_FACET_SHOWN,
    )
    bron = FacetFilter(label=_("Bron"), path="bron__slug", choices=vocabulary(Bron))
    sort = django_filters.ChoiceFilter(label=_("Sorteer op"), method="filter_sort", empty_label=None)

    sort_options = SORT_CHOICES

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        options = dict(self.sort_options)
        if data and data.get("q"):
            options = {**RELEVANCE_SORT, **options}
        self.filters["sort"].extra["choices"] = [(key, label) for key, (label, _order) in options.items()]
        self.form.fields["sort"].choices = self.filters["sort"].extra["choices"]
        self.sort_orders = {key: order for key, (_label, order) in options.items()}

    def filter_search(self, qs, name, value):
        return search.filter_items(qs, value)

    def filter_sort(self, qs, name, value):
        return qs  # applied last, in ordered()

    def sort_key(self):
        """The chosen sort order, or the default one. Relevance exists only when a valid search text was
        applied (an invalid one is reported and ignored)."""
        cleaned = self.cleaned()
        searched = search.clean_text(cleaned.get("q"))
        keys = [key for key in self.sort_orders if searched or key not in RELEVANCE_SORT]
        return cleaned.get("sort") if cleaned.get("sort") in keys else keys[0]

    def ordered(self, qs):
        """Apply the chosen (or default) sort order; ties are broken by name and pk so pages are stable."""
        return qs.order_by(*self.sort_orders[self.sort_key()], "pk")

    def ordered_pks(self):
        """The pks of every matching item in the chosen order, cached until the catalogue is next edited: a
        page then reads only its own rows."""
        return cached(
            self.cache_name("order"), lambda: list(self.ordered(self.qs).values_list("pk", flat=True))
        )


class WoonkenmerkenFilterSet(ItemFilterSet):
    """Filters for woonvormen and praktijkvoorbeelden: housing, contract, support and the score."""

    item_field = None  # the Beoordeling field pointing to this kind

    leeftijdsgroep = FacetFilter(
        label=_("Leeftijdsgroep"), path="leeftijdsgroep", choices=Leeftijdsgroep.choices
    )
    contractvorm = FacetFilter(
        label=_("Contractvorm"), path="contractvormen__slug", choices=vocabulary(Contractvorm)
    )
    looptijd = FacetFilter(
        label=_("Looptijd van het contract"),
        path="contractvormen__looptijd",
        choices=Contractvorm.Looptijd.choices,
    )
    contracthouder = FacetFilter(
        label=_("Contracthouder"),
        path="contractvormen__contracthouder",
        choices=Contractvorm.Contracthouder.choices,
    )
    zorgkoppeling = FacetFilter(
        label=_("Begeleiding is voorwaarde voor het wonen"),
        path="contractvormen__zorgkoppeling",
        choices=JaNeeOnbekend.choices,
    )
    woonsituatie = FacetFilter(
        label=_("Woonsituatie"), path="woonsituaties__slug", choices=vocabulary(Woonsituatie)
    )
    begeleiding = FacetFilter(label=_("Begeleiding"), path="begeleiding", choices=Begeleiding.choices)
    woonzorgconcept = FacetFilter(
        label=_("Woonzorgconcept"), path="woonzorgconcepten__slug", choices=vocabulary(Woonzorgconcept)
    )
    leegstand = FacetFilter(label=_("Benut leegstand"), path="benut_leegstand", choices=JaNeeOnbekend.choices)
    toetspunt = FacetFilter(
        label=_("Voldoet aan toetspunt"),
        path="beoordelingen__scores__toetspunt__code",
        condition=Q(
            beoordelingen__status=Beoordeling.Status.VASTGESTELD,
            beoordelingen__scores__waarde=Score.Waarde.VOLDOET,
        ),
        choices=toetspunt_choices,
    )

    sort_options = {**SORT_CHOICES, **SCORE_SORT}

    @classmethod
    def level_filter(cls, item_field):
        return CumulativeFacetFilter(
            label=_("Minimaal niveau Wonen Eerst"),
            choices=[(level.value, level.label) for level in scoring.RANKED_LEVELS],
            ranks=lambda: level_ranks(item_field),
            empty_label=_("alle niveaus"),
        )


class WoonvormFilterSet(WoonkenmerkenFilterSet):
    niveau = WoonkenmerkenFilterSet.level_filter("woonvorm")

    class Meta:
        model = Woonvorm
        fields = []


class PraktijkvoorbeeldFilterSet(WoonkenmerkenFilterSet):
    niveau = WoonkenmerkenFilterSet.level_filter("praktijkvoorbeeld")

    class Meta:
        model = Praktijkvoorbeeld
        fields = []


class SuccesversnellerFilterSet(ItemFilterSet):
    type = FacetFilter(label=_("Type"), path="typen__slug", choices=vocabulary(SuccesversnellerType))
    bijdrage = FacetFilter(
        label=_("Bijdrage aan Wonen Eerst"), path="bijdragen__slug", choices=vocabulary(Bijdrage)
    )

    class Meta:
        model = Succesversneller
        fields = []


FILTERSETS = {
    Woonvorm: WoonvormFilterSet,
    Succesversneller: SuccesversnellerFilterSet,
    Praktijkvoorbeeld: PraktijkvoorbeeldFilterSet,
}
