"""Filtered lists of catalogue items and the search across all kinds."""

import hashlib

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView, TemplateView

from assessment import scoring
from catalogue import search
from catalogue.models import Doelgroep, Praktijkvoorbeeld, Succesversneller, Woonvorm
from core.cache import cached
from core.htmx import HtmxPartialMixin
from website.filters import FILTERSETS

PAGE_SIZE = 20
SCORED_KINDS = {Woonvorm: "woonvorm", Praktijkvoorbeeld: "praktijkvoorbeeld"}


def published_items(model):
    """Published items of one kind with what a result row shows, annotated with their Wonen Eerst figures."""
    queryset = (
        model.objects.published()
        .select_related("bron")
        .prefetch_related(Prefetch("doelgroepen", queryset=Doelgroep.objects.only("slug", "naam", "soort")))
    )
    if model in SCORED_KINDS:
        queryset = scoring.annotate_items(queryset, SCORED_KINDS[model]).prefetch_related("contractvormen")
    if model is Succesversneller:
        queryset = queryset.prefetch_related("typen")
    return queryset


class ItemListView(HtmxPartialMixin, ListView):
    template_name = "catalogue/item_list.html"
    partial_template_name = "catalogue/includes/_list_region.html"
    context_object_name = "items"
    paginate_by = PAGE_SIZE

    @cached_property
    def filterset(self):
        return FILTERSETS[self.model](self.request.GET or None, queryset=published_items(self.model))

    def get_queryset(self):
        return self.filterset.ordered(self.filterset.qs)

    def paginate_queryset(self, queryset, page_size):
        """One page of the filtered items in the chosen order (`queryset` is that order, cached as pks)."""
        # A page number that is not a number or out of range shows the nearest page, never a 404.
        paginator = self.get_paginator(self.filterset.ordered_pks(), page_size)
        page = paginator.get_page(self.request.GET.get("page"))
        rows = self.filterset.queryset.filter(pk__in=page.object_list).in_bulk()
        page.object_list = [rows[pk] for pk in page.object_list if pk in rows]
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        meta = self.model._meta
        context.update(
            filterset=self.filterset,
            facets=self.filterset.facets(),
            chips=self.filterset.active_chips(),
            filter_errors=self.filter_errors(),
            kind=meta.model_name,
            kind_label=meta.verbose_name,
            kind_label_plural=meta.verbose_name_plural,
            scored=self.model in SCORED_KINDS,
        )
        return context

    def filter_errors(self):
        if not self.filterset.is_bound:
            return []
        errors = []
        for name, messages in self.filterset.form.errors.items():
            label = self.filterset.filters[name].label if name in self.filterset.filters else name
            errors.extend(f"{label}: {message}" for message in messages)
        return errors


class WoonvormListView(ItemListView):
    model = Woonvorm


class SuccesversnellerListView(ItemListView):
    model = Succesversneller


class PraktijkvoorbeeldListView(ItemListView):
    model = Praktijkvoorbeeld


SEARCH_KINDS = [Woonvorm, Succesversneller, Praktijkvoorbeeld]


class SearchView(HtmxPartialMixin, TemplateView):
    """One search across every kind of item, ordered by relevance, with counts per kind."""

    template_name = "catalogue/search.html"
    partial_template_name = "catalogue/includes/_search_results.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        text = search.clean_text(self.request.GET.get("q"))
        kinds = {m._meta.model_name: m for m in SEARCH_KINDS}
        chosen = [k for k in self.request.GET.getlist("soort") if k in kinds] or list(kinds)
        unknown = [k for k in self.request.GET.getlist("soort") if k not in kinds]
        results = {m._meta.model_name: search.filter_items(published_items(m), text) for m in SEARCH_KINDS}
        counts = {}
        if text:
            counts = cached(search_key("counts", text), lambda: {n: qs.count() for n, qs in results.items()})
        page = self.paginate(text, [results[name] for name in chosen], sum(counts.get(n, 0) for n in chosen))
        context.update(
            q=text,
            page_obj=page,
            results=page.object_list,
            kinds=[
                {
                    "name": name,
                    "label": model._meta.verbose_name_plural,
                    "count": counts.get(name, 0),
                    "chosen": name in chosen and len(chosen) < len(kinds),
                }
                for name, model in kinds.items()
            ],
            filter_errors=[_("Onbekende soort genegeerd: %(soort)s") % {"soort": k} for k in unknown],
        )
        return context

    def paginate(self, text, querysets, total):
        """Merge the best results of each kind into one page, ordered by relevance, then name."""
        paginator = Paginator(range(total), PAGE_SIZE)
        page = paginator.get_page(self.request.GET.get("page"))
        if not text or total == 0:
            page.object_list = []
            return page
        end = page.number * PAGE_SIZE
        merged = []
        for queryset in querysets:
            merged.extend((queryset.model, *best) for best in self.best(queryset, text, end))
        merged.sort(key=lambda result: (-float(result[1]), result[2].lower()))
        shown = merged[end - PAGE_SIZE : end]
        found = {
            model: model.objects.in_bulk([pk for kind, _r, _n, pk in shown if kind is model])
            for model in {kind for kind, _r, _n, _pk in shown}
        }
        page.object_list = [found[model][pk] for model, _r, _n, pk in shown if pk in found[model]]
        return page

    @staticmethod
    def best(queryset, text, end):
        """(relevance, name, pk) of the `end` best results of one kind, cached until the next edit: the
        ranking computes every matching item's search vector."""
        return cached(
            search_key(f"best:{queryset.model._meta.label_lower}:{end}", text),
            lambda: list(
                queryset.order_by("-relevantie", "naam", "pk").values_list("relevantie", "naam", "pk")[:end]
            ),
        )


def search_key(part, text):
    return f"search:{part}:{hashlib.sha256(text.encode()).hexdigest()}"
