"""Detail pages of catalogue items: the recipe card."""

from itertools import groupby

from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView

from catalogue.kinds import KINDS, WOONKENMERKEN_KINDS, kind_of
from catalogue.models import (
    Begeleiding,
    Doelgroep,
    JaNeeOnbekend,
    Leeftijdsgroep,
    Link,
    OrganisatieRol,
    Praktijkvoorbeeld,
    Succesversneller,
    Woonvorm,
)
from catalogue.personal_data import contactpunten, visible_contacts
from catalogue.werkversies import werkversie_item
from core.cache import cached
from core.navigation import HOME, crumb
from routekaart.models import Hulpmiddel
from website.related import first_per_concept
from website.selectors import item_links
from website.views.publication import PublicationMixin
from website.views.werkversie_preview import WerkversiePreviewMixin

# How many items sharing a woonzorgconcept a detail page names before it links to the full list.
RELATED_SHOWN = 8


def organisations_with_roles(rollen):
    """Each organisation once, in the order of its first role, with all its roles in the item."""
    by_organisation = {}
    for rol in rollen:
        by_organisation.setdefault(rol.organisatie_id, {"organisatie": rol.organisatie, "rollen": []})
        by_organisation[rol.organisatie_id]["rollen"].append(rol)
    return list(by_organisation.values())


class ItemDetailView(WerkversiePreviewMixin, PublicationMixin, DetailView):
    """A catalogue item as a recipe card. Only published items; the mixin handles concept and archived.

    The card is the same for every visitor, so it is rendered once per catalogue generation
    (core/cache.py) and kept as HTML; a visitor's request then reads only the item itself. The page
    around it (messages, the preview notice) is rendered for every request that the page cache
    (core/page_cache.py) does not answer.
    """

    template_name = "website/item_detail.html"
    card_template_name = "website/includes/_item_card.html"
    context_object_name = "item"

    def prefetches(self):
        return [
            Prefetch("doelgroepen", queryset=Doelgroep.objects.all()),
            "plaatsen",
            Prefetch("organisatierollen", queryset=OrganisatieRol.objects.select_related("organisatie")),
            Prefetch("contactpersonen", queryset=visible_contacts()),
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
            if self.werkversie is not None:
                item = werkversie_item(self.werkversie, item)
            return render_to_string(self.card_template_name, {**context, **self.card_context(item)})

        if self.preview or self.werkversie is not None:
            return mark_safe(render())
        return mark_safe(cached(f"kaart:{self.model._meta.label_lower}:{self.object.pk}", render))

    def card_context(self, item):
        """What the recipe card shows of the item, its relations fetched in advance."""
        opts = self.model._meta
        links = list(item.links.all())
        return {
            "item": item,
            "kind_label_plural": opts.verbose_name_plural,
            "lijst_url": kind_of(self.model).list_url(),
            "breadcrumbs": [
                crumb(HOME, reverse("website:home")),
                crumb(opts.verbose_name_plural.capitalize(), kind_of(self.model).list_url()),
                crumb(item.naam),
            ],
            "in_het_kort": self.badges(item),
            "organisaties": organisations_with_roles(item.organisatierollen.all()),
            "contactpunten": contactpunten(item.contactpersonen.all()),
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
        for model in (kind.model for kind in KINDS):
            queryset = item_links(model).filter(initiatief_id=item.initiatief_id)
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
            badges.append(
                _("begeleiding: %(begeleiding)s") % {"begeleiding": item.get_begeleiding_display().lower()}
            )
        if item.benut_leegstand == JaNeeOnbekend.JA:
            badges.append(_("benut leegstand"))
        return badges + super().badges(item)

    def card_context(self, item):
        return {**super().card_context(item), "zelfde_woonzorgconcept": self.same_concept(item)}

    def same_concept(self, item):
        """Per woonzorgconcept of the item, the other published items of that type (the first few)."""
        groups = []
        concepts = list(item.woonzorgconcepten.all())
        related = (
            first_per_concept(item, concepts, [kind.model for kind in WOONKENMERKEN_KINDS], RELATED_SHOWN)
            if concepts
            else {}
        )
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
                                "label": kind.label_plural,
                                "url": kind.list_url(woonzorgconcept=concept.slug),
                            }
                            for kind in WOONKENMERKEN_KINDS
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


DETAIL_VIEWS = {
    Woonvorm: WoonvormDetailView,
    Succesversneller: SuccesversnellerDetailView,
    Praktijkvoorbeeld: PraktijkvoorbeeldDetailView,
}
