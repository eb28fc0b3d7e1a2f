"""Vocabulary pages (doelgroepen, contractvormen, …) and their index pages, with the published items that
use each term."""

from django.db.models import Prefetch
from django.urls import reverse
from django.views.generic import DetailView, ListView

from catalogue.kinds import KINDS, WOONKENMERKEN_KINDS, kind_of
from catalogue.models import (
    Bron,
    Contractvorm,
    Doelgroep,
    Organisatie,
    OrganisatieRol,
    Plaats,
    Woonsituatie,
    Woonzorgconcept,
)
from core.navigation import HOME, crumb
from website.selectors import item_links, published_count

ITEM_MODELS = tuple(kind.model for kind in KINDS)
# A term's page shows at most this many items of a kind, by name, and links to the kind's list filtered on the
# term for all of them: a doelgroep of a large catalogue has thousands.
ITEMS_SHOWN = 20
WOONKENMERKEN_MODELS = tuple(kind.model for kind in WOONKENMERKEN_KINDS)


class VocabularyMixin:
    """A vocabulary and the published items that use it.

    `kinds` are the kinds of item that use the vocabulary, `item_field` the lookup from such an item to its
    terms, and `filter_param` the filter of their lists that selects a term.
    """

    kinds = ()
    item_field = None
    filter_param = None
    index_url_name = None

    def list_link(self, model, term, found):
        """The list of `model` filtered on the term, when it finds something."""
        return kind_of(model).list_url(**{self.filter_param: term.slug}) if found else None

    def terms(self):
        """The terms with their counts (annotate_counts())."""
        return self.annotate_counts(self.model.objects.select_related(*self.select_related))

    def annotate_counts(self, queryset):
        return queryset.annotate(
            **{
                f"aantal_{model._meta.model_name}": published_count(model, self.item_field)
                for model in self.kinds
            }
        )

    def counts_of(self, term):
        """The counts annotated by annotate_counts, per kind, with the filtered list where there is one."""
        counts = []
        for model in self.kinds:
            aantal = getattr(term, f"aantal_{model._meta.model_name}")
            counts.append(
                {
                    "label": model._meta.verbose_name_plural,
                    "aantal": aantal,
                    "url": self.list_link(model, term, aantal),
                }
            )
        return counts

    def index_crumbs(self):
        opts = self.model._meta
        return [
            crumb(HOME, reverse("website:home")),
            crumb(opts.verbose_name_plural.capitalize(), reverse(self.index_url_name)),
        ]


class VocabularyDetailView(VocabularyMixin, DetailView):
    template_name = "website/vocabulary_detail.html"
    context_object_name = "term"
    select_related = ()

    def get_template_names(self):
        return [f"website/vocabulary/{self.model._meta.model_name}_detail.html", self.template_name]

    def get_queryset(self):
        return self.terms().prefetch_related(
            *(
                # Every item's relation to a vocabulary has the related name '<kind>_set'.
                Prefetch(
                    f"{model._meta.model_name}_set",
                    queryset=item_links(model)[:ITEMS_SHOWN],
                    to_attr=f"gepubliceerde_{model._meta.model_name}",
                )
                for model in self.kinds
            )
        )

    def item_groups(self, term):
        """The published items that use the term, grouped by kind, with their number and the list filtered
        on it (counts_of())."""
        return [
            {
                **count,
                "kind": model._meta.model_name,
                "items": getattr(term, f"gepubliceerde_{model._meta.model_name}"),
            }
            for model, count in zip(self.kinds, self.counts_of(term), strict=True)
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        groups = self.item_groups(self.object)
        context.update(
            kind=self.model._meta.model_name,
            kind_label=self.model._meta.verbose_name,
            groepen=groups,
            aantal_items=sum(group["aantal"] for group in groups),
            breadcrumbs=[*self.index_crumbs(), crumb(str(self.object))],
        )
        return context


class VocabularyIndexView(VocabularyMixin, ListView):
    """Every term of a vocabulary with the number of published items that use it."""

    context_object_name = "terms"
    select_related = ()

    def get_template_names(self):
        return [f"website/vocabulary/{self.model._meta.model_name}_index.html"]

    def get_queryset(self):
        return self.terms()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        for term in context["terms"]:
            term.aantallen = self.counts_of(term)
            term.totaal = sum(count["aantal"] for count in term.aantallen)
        opts = self.model._meta
        context.update(
            kind_label_plural=opts.verbose_name_plural,
            soorten=[model._meta.verbose_name_plural for model in self.kinds],
            breadcrumbs=[
                crumb(HOME, reverse("website:home")),
                crumb(opts.verbose_name_plural.capitalize()),
            ],
        )
        return context


class DoelgroepMixin:
    model = Doelgroep
    kinds = ITEM_MODELS
    item_field = "doelgroepen"
    filter_param = "doelgroep"
    index_url_name = "website:doelgroep-index"


class ContractvormMixin:
    model = Contractvorm
    kinds = WOONKENMERKEN_MODELS
    item_field = "contractvormen"
    filter_param = "contractvorm"
    index_url_name = "website:contractvorm-index"
    select_related = ("bron",)


class WoonsituatieMixin:
    model = Woonsituatie
    kinds = WOONKENMERKEN_MODELS
    item_field = "woonsituaties"
    filter_param = "woonsituatie"
    index_url_name = "website:woonsituatie-index"


class WoonzorgconceptMixin:
    model = Woonzorgconcept
    kinds = WOONKENMERKEN_MODELS
    item_field = "woonzorgconcepten"
    filter_param = "woonzorgconcept"
    index_url_name = "website:woonzorgconcept-index"
    select_related = ("bron",)


class PlaatsMixin:
    model = Plaats
    kinds = ITEM_MODELS
    item_field = "plaatsen"
    filter_param = "plaats"
    index_url_name = "website:plaats-index"


class BronMixin:
    model = Bron
    kinds = ITEM_MODELS
    item_field = "bron"
    filter_param = "bron"
    index_url_name = "website:bron-index"


class OrganisatieMixin:
    model = Organisatie
    kinds = ITEM_MODELS
    item_field = "organisatierollen__organisatie"
    filter_param = "organisatie"
    index_url_name = "website:organisatie-index"
    select_related = ("plaats",)


class DoelgroepDetailView(DoelgroepMixin, VocabularyDetailView):
    pass


class ContractvormDetailView(ContractvormMixin, VocabularyDetailView):
    pass


class WoonsituatieDetailView(WoonsituatieMixin, VocabularyDetailView):
    pass


class WoonzorgconceptDetailView(WoonzorgconceptMixin, VocabularyDetailView):
    pass


class PlaatsDetailView(PlaatsMixin, VocabularyDetailView):
    def get_queryset(self):
        return super().get_queryset().prefetch_related("organisaties")


class BronDetailView(BronMixin, VocabularyDetailView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["contractvormen"] = Contractvorm.objects.filter(bron=self.object)
        context["woonzorgconcepten"] = Woonzorgconcept.objects.filter(bron=self.object)
        return context


class OrganisatieDetailView(OrganisatieMixin, VocabularyDetailView):
    """An organisation and the published items it has a role in, each with every role it has there."""

    def get_queryset(self):
        return self.terms()

    def item_groups(self, term):
        """Per kind the first ITEMS_SHOWN items by name, with their number and the list filtered on the
        organisation (counts_of()); a kind it has no role in costs no query."""
        roles = OrganisatieRol.objects.filter(organisatie=term)
        groups = []
        for model, count in zip(self.kinds, self.counts_of(term), strict=True):
            name = model._meta.model_name
            items = (
                item_links(model)
                .filter(pk__in=roles.values(name))
                .prefetch_related(Prefetch("organisatierollen", queryset=roles, to_attr="rollen_hier"))
            )
            groups.append(
                {**count, "kind": name, "items": list(items[:ITEMS_SHOWN]) if count["aantal"] else []}
            )
        return groups


class DoelgroepIndexView(DoelgroepMixin, VocabularyIndexView):
    pass


class ContractvormIndexView(ContractvormMixin, VocabularyIndexView):
    pass


class WoonsituatieIndexView(WoonsituatieMixin, VocabularyIndexView):
    pass


class WoonzorgconceptIndexView(WoonzorgconceptMixin, VocabularyIndexView):
    pass


class PlaatsIndexView(PlaatsMixin, VocabularyIndexView):
    def get_queryset(self):
        return super().get_queryset().order_by("provincie", "naam")


class BronIndexView(BronMixin, VocabularyIndexView):
    pass


class OrganisatieIndexView(OrganisatieMixin, VocabularyIndexView):
    def get_queryset(self):
        return super().get_queryset().order_by("soort", "naam")
