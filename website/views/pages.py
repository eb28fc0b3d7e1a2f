"""Home, detail pages of catalogue items, vocabulary pages and their index pages."""

from itertools import groupby

from django.db.models import Count, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView, TemplateView

from catalogue.models import (
    Begeleiding,
    Bron,
    Contactpersoon,
    Contractvorm,
    Doelgroep,
    JaNeeOnbekend,
    Leeftijdsgroep,
    Link,
    Organisatie,
    OrganisatieRol,
    Plaats,
    Praktijkvoorbeeld,
    Status,
    Succesversneller,
    Woonsituatie,
    Woonvorm,
    Woonzorgconcept,
)
from catalogue.workflow import PublicationMixin
from core.cache import cached
from core.http import ConditionalGetMixin
from core.navigation import HOME, crumb
from routekaart.models import Hulpmiddel
from website.related import first_per_concept

ITEM_KINDS = (Woonvorm, Succesversneller, Praktijkvoorbeeld)
WOONKENMERKEN_KINDS = (Woonvorm, Praktijkvoorbeeld)
# How many items sharing a woonzorgconcept a detail page names before it links to the full list.
RELATED_SHOWN = 8


def list_url(model, **filters):
    """The public list of a kind of item, filtered on the given query parameters."""
    url = reverse(f"website:{model._meta.model_name}-list")
    return f"{url}?{urlencode(filters)}" if filters else url


def published_count(model, item_field):
    """The number of published items of `model` that use the outer term through `item_field` (e.g.
    'doelgroepen'). A subquery per kind, so the counts of several kinds never multiply each other's rows."""
    counts = (
        model.objects.published()
        .filter(**{item_field: OuterRef("pk")})
        .order_by()
        .values(item_field)
        .annotate(aantal=Count("pk", distinct=True))
        .values("aantal")
    )
    return Coalesce(Subquery(counts), 0)


def published_items(model):
    return model.objects.published().select_related("bron").order_by("naam")


def kind_count_label(model, aantal):
    """'1 woonvorm', '3 woonvormen': the kind's name in the singular or plural, to follow a number."""
    return model._meta.verbose_name if aantal == 1 else model._meta.verbose_name_plural


class HomeView(TemplateView):
    """What Wonen Eerst is, a search box, and entry points by kind, doelgroep and contractvorm."""

    template_name = "catalogue/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["aantallen"] = [
            (model._meta.verbose_name_plural, model.objects.published().count()) for model in ITEM_KINDS
        ]
        context["soorten"] = [
            {"label": label, "aantal": aantal, "url": list_url(model)}
            for model, (label, aantal) in zip(ITEM_KINDS, context["aantallen"], strict=True)
        ]
        doelgroepen = entry_points(Doelgroep.objects.all(), "doelgroepen", "doelgroep", ITEM_KINDS)
        context["doelgroep_groepen"] = [
            {"soort": label, "ingangen": [entry for entry in doelgroepen if entry["term"].soort == soort]}
            for soort, label in Doelgroep.Soort.choices
        ]
        context["contractvormen"] = entry_points(
            Contractvorm.objects.all(), "contractvormen", "contractvorm", WOONKENMERKEN_KINDS
        )
        return context


def entry_points(terms, item_field, param, kinds):
    """Vocabulary terms that published items use, each with its count per kind and filtered list links.

    One query: the counts are annotations on the terms.
    """
    names = {model: model._meta.model_name for model in kinds}
    terms = terms.annotate(
        **{f"aantal_{name}": published_count(model, item_field) for model, name in names.items()}
    )
    entries = []
    for term in terms:
        per_kind = [
            {
                "label": kind_count_label(model, getattr(term, f"aantal_{name}")),
                "aantal": getattr(term, f"aantal_{name}"),
                "url": list_url(model, **{param: term.slug}),
            }
            for model, name in names.items()
        ]
        total = sum(kind["aantal"] for kind in per_kind)
        if total:
            entries.append(
                {
                    "term": term,
                    "totaal": total,
                    "url": next(kind["url"] for kind in per_kind if kind["aantal"]),
                    "per_soort": [kind for kind in per_kind if kind["aantal"]],
                }
            )
    return entries


def organisations_with_roles(rollen):
    """Each organisation once, in the order of its first role, with all its roles in the item."""
    by_organisation = {}
    for rol in rollen:
        by_organisation.setdefault(rol.organisatie_id, {"organisatie": rol.organisatie, "rollen": []})
        by_organisation[rol.organisatie_id]["rollen"].append(rol)
    return list(by_organisation.values())


class ItemDetailView(ConditionalGetMixin, PublicationMixin, DetailView):
    """A catalogue item as a recipe card. Only published items; the mixin handles concept and archived.

    The card is the same for every visitor, so it is rendered once per catalogue generation
    (core/cache.py) and kept as HTML; a visitor's request then reads only the item itself. The page
    around it (CSP nonce, messages, the preview notice) is rendered for every request.
    """

    template_name = "catalogue/item_detail.html"
    card_template_name = "catalogue/includes/_item_card.html"
    context_object_name = "item"

    def prefetches(self):
        return [
            Prefetch("doelgroepen", queryset=Doelgroep.objects.all()),
            "plaatsen",
            Prefetch("organisatierollen", queryset=OrganisatieRol.objects.select_related("organisatie")),
            Prefetch("contactpersonen", queryset=Contactpersoon.objects.select_related("organisatie")),
            "links",
            Prefetch(
                "fase_verwijzingen",
                queryset=Hulpmiddel.objects.select_related("fase").order_by("fase__nummer", "volgorde", "pk"),
            ),
        ]

    def get_queryset(self):
        return self.model.objects.published()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        opts = self.model._meta
        context.update(kind=opts.model_name, kind_label=opts.verbose_name)
        context["kaart"] = self.card(context)
        return context

    def card(self, context):
        """The recipe card as HTML: from the cache for the published page, rendered anew for a preview."""

        def render():
            item = (
                self.model._default_manager.select_related("bron", "initiatief")
                .prefetch_related(*self.prefetches())
                .get(pk=self.object.pk)
            )
            return render_to_string(self.card_template_name, {**context, **self.card_context(item)})

        if self.preview:
            return mark_safe(render())
        return mark_safe(cached(f"kaart:{self.model._meta.label_lower}:{self.object.pk}", render))

    def card_context(self, item):
        """What the recipe card shows of the item, its relations fetched in advance."""
        opts = self.model._meta
        links = list(item.links.all())
        return {
            "item": item,
            "kind_label_plural": opts.verbose_name_plural,
            "lijst_url": list_url(self.model),
            "breadcrumbs": [
                crumb(HOME, reverse("website:home")),
                crumb(opts.verbose_name_plural.capitalize(), list_url(self.model)),
                crumb(item.naam),
            ],
            "in_het_kort": self.badges(item),
            "organisaties": organisations_with_roles(item.organisatierollen.all()),
            "audiofragmenten": [link for link in links if link.soort == Link.Soort.AUDIOFRAGMENT],
            "overige_links": [link for link in links if link.soort != Link.Soort.AUDIOFRAGMENT],
            "ook_beschreven_in": self.same_initiative(item),
            "routekaart": [
                {"fase": fase, "hulpmiddelen": list(hulpmiddelen)}
                for fase, hulpmiddelen in groupby(item.fase_verwijzingen.all(), key=lambda h: h.fase)
            ],
        }

    def badges(self, item):
        """The facts shown as badges under the title, in words."""
        return [plaats.naam for plaats in item.plaatsen.all()]

    def same_initiative(self, item):
        """Published items of any kind that describe the same initiative in another source."""
        if not item.initiatief_id:
            return []
        others = []
        for model in ITEM_KINDS:
            queryset = published_items(model).filter(initiatief_id=item.initiatief_id)
            if model is self.model:
                queryset = queryset.exclude(pk=item.pk)
            others.extend(queryset)
        return sorted(others, key=lambda other: other.naam.lower())


class WoonkenmerkenDetailView(ItemDetailView):
    def prefetches(self):
        return [
            *super().prefetches(),
            "contractvormen",
            "woonsituaties",
            "woonzorgconcepten",
        ]

    def badges(self, item):
        badges = []
        if item.leeftijdsgroep != Leeftijdsgroep.ONBEKEND:
            badges.append(item.get_leeftijdsgroep_display())
        badges.extend(contractvorm.naam for contractvorm in item.contractvormen.all())
        if item.begeleiding != Begeleiding.ONBEKEND:
            badges.append(_("begeleiding: %(begeleiding)s") % {"begeleiding": item.get_begeleiding_display()})
        if item.benut_leegstand == JaNeeOnbekend.JA:
            badges.append(_("benut leegstand"))
        return badges + super().badges(item)

    def card_context(self, item):
        return {**super().card_context(item), "zelfde_woonzorgconcept": self.same_concept(item)}

    def same_concept(self, item):
        """Per woonzorgconcept of the item, the other published items of that type (the first few)."""
        groups = []
        concepts = list(item.woonzorgconcepten.all())
        related = first_per_concept(item, concepts, WOONKENMERKEN_KINDS, RELATED_SHOWN) if concepts else {}
        for concept in concepts:
            others, total = related[concept.pk]
            if others:
                groups.append(
                    {
                        "concept": concept,
                        "items": others,
                        "meer": total - RELATED_SHOWN,
                        "lijsten": [
                            {
                                "label": model._meta.verbose_name_plural,
                                "url": list_url(model, woonzorgconcept=concept.slug),
                            }
                            for model in WOONKENMERKEN_KINDS
                        ],
                    }
                )
        return groups


class WoonvormDetailView(WoonkenmerkenDetailView):
    model = Woonvorm


class SuccesversnellerDetailView(ItemDetailView):
    model = Succesversneller

    def prefetches(self):
        return [*super().prefetches(), "typen", "bijdragen"]

    def badges(self, item):
        return [type.naam for type in item.typen.all()] + super().badges(item)


class PraktijkvoorbeeldDetailView(WoonkenmerkenDetailView):
    model = Praktijkvoorbeeld


class VocabularyMixin:
    """A vocabulary and the published items that use it.

    `kinds` are the kinds of item that use the vocabulary, `item_field` the lookup from such an item to its
    terms, and `filter_param` the list filter that selects a term (None where the lists have no such filter).
    """

    kinds = ()
    item_field = None
    filter_param = None
    index_url_name = None

    def filter_param_for(self, model):
        return self.filter_param

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
            param = self.filter_param_for(model)
            counts.append(
                {
                    "label": model._meta.verbose_name_plural,
                    "aantal": aantal,
                    "url": list_url(model, **{param: term.slug}) if param and aantal else None,
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
    template_name = "catalogue/vocabulary_detail.html"
    context_object_name = "term"
    select_related = ()

    def get_template_names(self):
        return [f"catalogue/vocabulary/{self.model._meta.model_name}_detail.html", self.template_name]

    def get_queryset(self):
        return (
            self.model.objects.select_related(*self.select_related)
            .prefetch_related(
                *(
                    # Every item's relation to a vocabulary has the related name '<kind>_set'.
                    Prefetch(
                        f"{model._meta.model_name}_set",
                        queryset=published_items(model),
                        to_attr=f"gepubliceerde_{model._meta.model_name}",
                    )
                    for model in self.kinds
                )
            )
            .all()
        )

    def item_groups(self, term):
        """The published items that use the term, grouped by kind, with the list filtered on it."""
        groups = []
        for model in self.kinds:
            items = getattr(term, f"gepubliceerde_{model._meta.model_name}")
            param = self.filter_param_for(model)
            groups.append(
                {
                    "label": model._meta.verbose_name_plural,
                    "kind": model._meta.model_name,
                    "items": items,
                    "url": list_url(model, **{param: term.slug}) if param and items else None,
                }
            )
        return groups

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        groups = self.item_groups(self.object)
        context.update(
            kind=self.model._meta.model_name,
            kind_label=self.model._meta.verbose_name,
            groepen=groups,
            aantal_items=sum(len(group["items"]) for group in groups),
            breadcrumbs=[*self.index_crumbs(), crumb(str(self.object))],
        )
        return context


class VocabularyIndexView(VocabularyMixin, ListView):
    """Every term of a vocabulary with the number of published items that use it."""

    context_object_name = "terms"
    select_related = ()

    def get_template_names(self):
        return [f"catalogue/vocabulary/{self.model._meta.model_name}_index.html"]

    def get_queryset(self):
        return self.annotate_counts(self.model.objects.select_related(*self.select_related))

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
    kinds = ITEM_KINDS
    item_field = "doelgroepen"
    filter_param = "doelgroep"
    index_url_name = "website:doelgroep-index"


class ContractvormMixin:
    model = Contractvorm
    kinds = WOONKENMERKEN_KINDS
    item_field = "contractvormen"
    filter_param = "contractvorm"
    index_url_name = "website:contractvorm-index"
    select_related = ("bron",)


class WoonsituatieMixin:
    model = Woonsituatie
    kinds = WOONKENMERKEN_KINDS
    item_field = "woonsituaties"
    filter_param = "woonsituatie"
    index_url_name = "website:woonsituatie-index"


class WoonzorgconceptMixin:
    model = Woonzorgconcept
    kinds = WOONKENMERKEN_KINDS
    item_field = "woonzorgconcepten"
    filter_param = "woonzorgconcept"
    index_url_name = "website:woonzorgconcept-index"
    select_related = ("bron",)


class PlaatsMixin:
    model = Plaats
    kinds = ITEM_KINDS
    item_field = "plaatsen"
    filter_param = "plaats"
    index_url_name = "website:plaats-index"


class BronMixin:
    model = Bron
    kinds = ITEM_KINDS
    item_field = "bron"
    index_url_name = "website:bron-index"

    def filter_param_for(self, model):
        # Only the praktijkvoorbeelden come from several sources, so only their list filters on bron.
        return "bron" if model is Praktijkvoorbeeld else None


class OrganisatieMixin:
    model = Organisatie
    kinds = ITEM_KINDS
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
    """An organisation and the published items it has a role in, with that role."""

    def get_queryset(self):
        published = Q()
        for model in ITEM_KINDS:
            published |= Q(**{f"{model._meta.model_name}__status": Status.GEPUBLICEERD})
        rollen = OrganisatieRol.objects.filter(published).select_related(
            *(f"{model._meta.model_name}__bron" for model in ITEM_KINDS)
        )
        return Organisatie.objects.select_related("plaats").prefetch_related(
            Prefetch("rollen", queryset=rollen, to_attr="gepubliceerde_rollen")
        )

    def item_groups(self, term):
        """Per kind, each item once, with every role the organisation has in it."""
        groups = []
        for model in ITEM_KINDS:
            name = model._meta.model_name
            roles = {}
            for rol in term.gepubliceerde_rollen:
                item = getattr(rol, name)
                if item is not None:
                    roles.setdefault(item, []).append(rol)
            items = sorted(roles, key=lambda item: item.naam.lower())
            for item in items:
                item.rollen_hier = roles[item]
            groups.append(
                {
                    "label": model._meta.verbose_name_plural,
                    "kind": name,
                    "items": items,
                    "url": list_url(model, organisatie=term.slug) if items else None,
                }
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
