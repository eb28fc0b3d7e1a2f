"""The registry of the API's list and detail resources: per resource its address, model, representations,
filters and how it reads its rows. api/urls.py makes the addresses from it, api/schema.py their documentation,
and the download (api/dump.py) every published row of it."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import NotFound

from api import selectors
from api.filters import (
    TERM_FILTERS,
    BeoordelingFilterSet,
    ChecklistFilterSet,
    OrderedFilterSet,
    ToetspuntFilterSet,
    term_filterset,
)
from api.pagination import envelope, page_of
from api.params import filterset_errors
from api.problems import Gone
from api.serializers import assessment as assessment_serializers
from api.serializers import items, vocabularies
from api.serializers import routekaart as routekaart_serializers
from assessment.models import Beoordeling, LeidendPrincipe, Toetspunt
from catalogue.kinds import KINDS
from catalogue.models import (
    Bijdrage,
    Bron,
    Contractvorm,
    Doelgroep,
    Organisatie,
    Plaats,
    Status,
    SuccesversnellerType,
    Woonsituatie,
    Woonzorgconcept,
)
from routekaart.models import ChecklistItem, Fase
from website.filters import FILTERSETS


@dataclass(frozen=True)
class Resource:
    key: str  # URL names api:<key>-list and api:<key>-detail, operation ids
    segment: str  # the address: /api/v1/<segment> and /api/v1/<segment>/{slug}
    model: type
    serializer: type  # the full representation
    tag: str
    list_serializer: type = None  # a list row; the full representation when None
    filterset: type = None
    read: object = None  # () → the rows with what their full representation shows
    read_list: object = None  # () → the rows with what a list row shows, when that is less
    lowercase_slug: bool = False  # codes like T1 and F1-1 are also found in capitals

    @property
    def label(self):
        return self.model._meta.verbose_name

    @property
    def label_plural(self):
        return self.model._meta.verbose_name_plural

    @property
    def row_serializer(self):
        return self.list_serializer or self.serializer

    def context(self, request):
        return {"request": request}

    def rows(self):
        return self.read()

    @property
    def filterset_class(self):
        return self.filterset or OrderedFilterSet

    def query_errors(self, query):
        """[(parameter, reason)] for the query's filter values the FilterSet cannot use. Checking them needs
        no rows, so an answer that is kept costs no building of the list's queryset."""
        return filterset_errors(self.filterset_class(query.data, queryset=self.model.objects.none()))

    def bind(self, query):
        """The FilterSet bound to the query's filter values (checked by query_errors())."""
        rows = self.read_list() if self.read_list else self.rows()
        return self.filterset_class(query.data, queryset=rows)

    def page(self, request, query, filterset):
        queryset = filterset.ordered(filterset.qs)
        page = page_of(queryset.count(), query.page, query.page_size)
        rows = queryset[page.start : page.end]
        return envelope(
            request, page, self.row_serializer(rows, many=True, context=self.context(request)).data
        )

    def find(self, slug):
        slug = slug.lower() if self.lowercase_slug else slug
        found = self.read().filter(slug=slug).first()
        if found is None:
            raise NotFound(
                _("Er is geen %(soort)s met de slug “%(slug)s”.") % {"soort": self.label, "slug": slug}
            )
        return found

    def detail(self, request, slug):
        return self.serializer(self.find(slug), context=self.context(request)).data


@dataclass(frozen=True)
class ItemResource(Resource):
    """A kind of catalogue item: the public list's FilterSet, order and rows (website/selectors.py)."""

    def bind(self, query):
        return selectors.item_filterset(self.model, query.data)

    def page(self, request, query, filterset):
        # The order of every matching item is cached until the next edit, as on the list page; a page then
        # reads only its own rows.
        pks = filterset.ordered_pks()
        page = page_of(len(pks), query.page, query.page_size)
        wanted = pks[page.start : page.end]
        found = selectors.list_rows(filterset.queryset).filter(pk__in=wanted).in_bulk()
        rows = [found[pk] for pk in wanted if pk in found]
        return envelope(
            request, page, self.row_serializer(rows, many=True, context=self.context(request)).data
        )

    def find(self, slug):
        found = selectors.item_details(self.model).filter(slug=slug).first()
        if found is not None:
            return found
        if selectors.item_status(self.model, slug) == Status.GEARCHIVEERD:
            raise Gone(_("Deze %(soort)s is gearchiveerd en niet meer gepubliceerd.") % {"soort": self.label})
        raise NotFound(
            _("Er is geen gepubliceerde %(soort)s met de slug “%(slug)s”.")
            % {"soort": self.label, "slug": slug}
        )

    def rows(self):
        return selectors.item_details(self.model)


@dataclass(frozen=True)
class TermResource(Resource):
    """A vocabulary, each term with the number of published items that use it and their lists."""

    item_field: str = ""  # the lookup from an item to its terms
    related: tuple = field(default=())  # select_related of the representation

    def kinds(self):
        """(kind, filter parameter of its list or None) for the kinds that use the vocabulary."""
        first = self.item_field.split("__")[0]
        found = []
        for kind in KINDS:
            if first not in {f.name for f in kind.model._meta.get_fields()}:
                continue
            filters = FILTERSETS[kind.model].base_filters.items()
            parameter = next(
                (n for n, f in filters if getattr(f, "path", None) == f"{self.item_field}__slug"), None
            )
            found.append((kind, parameter))
        return found

    def context(self, request):
        return {"request": request, "usage": [(kind.key, parameter) for kind, parameter in self.kinds()]}

    def read_terms(self):
        kinds = [kind for kind, _parameter in self.kinds()]
        return selectors.term_counts(self.model, self.item_field, kinds).select_related(*self.related)

    def rows(self):
        return self.read_terms()

    def find(self, slug):
        found = self.read_terms().filter(slug=slug).first()
        if found is None:
            raise NotFound(
                _("Er is geen %(soort)s met de slug “%(slug)s”.") % {"soort": self.label, "slug": slug}
            )
        return found


def _term(key, segment, model, serializer, item_field, related=()):
    return TermResource(
        key=key,
        segment=segment,
        model=model,
        serializer=serializer,
        tag="Begrippen",
        filterset=term_filterset(model, **TERM_FILTERS.get(model, {})),
        item_field=item_field,
        related=related,
    )


ITEM_SERIALIZERS = {
    "woonvorm": (items.WoonvormSerializer, items.WoonvormListSerializer),
    "succesversneller": (items.SuccesversnellerSerializer, items.SuccesversnellerListSerializer),
    "praktijkvoorbeeld": (items.PraktijkvoorbeeldSerializer, items.PraktijkvoorbeeldListSerializer),
}

ITEMS = tuple(
    ItemResource(
        key=kind.key,
        segment=kind.segment,
        model=kind.model,
        serializer=ITEM_SERIALIZERS[kind.key][0],
        list_serializer=ITEM_SERIALIZERS[kind.key][1],
        filterset=FILTERSETS[kind.model],
        tag="Catalogus",
    )
    for kind in KINDS
)

TERMS = (
    _term("doelgroep", "doelgroepen", Doelgroep, vocabularies.DoelgroepSerializer, "doelgroepen"),
    _term(
        "contractvorm",
        "contractvormen",
        Contractvorm,
        vocabularies.ContractvormSerializer,
        "contractvormen",
        ("bron",),
    ),
    _term(
        "woonsituatie", "woonsituaties", Woonsituatie, vocabularies.WoonsituatieSerializer, "woonsituaties"
    ),
    _term(
        "woonzorgconcept",
        "woonzorgconcepten",
        Woonzorgconcept,
        vocabularies.WoonzorgconceptSerializer,
        "woonzorgconcepten",
        ("bron",),
    ),
    _term("plaats", "plaatsen", Plaats, vocabularies.PlaatsSerializer, "plaatsen"),
    _term(
        "organisatie",
        "organisaties",
        Organisatie,
        vocabularies.OrganisatieSerializer,
        "organisatierollen__organisatie",
        ("plaats",),
    ),
    _term("bron", "bronnen", Bron, vocabularies.BronSerializer, "bron"),
    _term(
        "succesversneller-type",
        "succesversneller-typen",
        SuccesversnellerType,
        vocabularies.SuccesversnellerTypeSerializer,
        "typen",
    ),
    _term("bijdrage", "bijdragen", Bijdrage, vocabularies.BijdrageSerializer, "bijdragen"),
)

OTHERS = (
    Resource(
        key="beoordeling",
        segment="beoordelingen",
        model=Beoordeling,
        serializer=assessment_serializers.BeoordelingSerializer,
        tag="Toetsingskader",
        filterset=BeoordelingFilterSet,
        read=selectors.public_beoordelingen,
    ),
    Resource(
        key="toetspunt",
        segment="toetspunten",
        model=Toetspunt,
        serializer=assessment_serializers.ToetspuntSerializer,
        tag="Toetsingskader",
        filterset=ToetspuntFilterSet,
        read=selectors.toetspunten,
        lowercase_slug=True,
    ),
    Resource(
        key="leidend-principe",
        segment="leidende-principes",
        model=LeidendPrincipe,
        serializer=assessment_serializers.PrincipeSerializer,
        tag="Toetsingskader",
        read=selectors.principes,
    ),
    Resource(
        key="fase",
        segment="fasen",
        model=Fase,
        serializer=routekaart_serializers.FaseSerializer,
        list_serializer=routekaart_serializers.FaseListSerializer,
        tag="Routekaart",
        read=selectors.fase_details,
        read_list=selectors.fasen,
    ),
    Resource(
        key="checklistpunt",
        segment="checklistpunten",
        model=ChecklistItem,
        serializer=routekaart_serializers.ChecklistpuntSerializer,
        tag="Routekaart",
        filterset=ChecklistFilterSet,
        read=selectors.checklistpunten,
        lowercase_slug=True,
    ),
)

RESOURCES = (*ITEMS, *TERMS, *OTHERS)
BY_KEY = {resource.key: resource for resource in RESOURCES}
