"""Filtered lists of catalogue items and the search across all kinds."""

from django.core.paginator import Paginator
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView, TemplateView

from catalogue import search
from catalogue.kinds import BY_KEY, KINDS, kind_of
from core.htmx import HtmxPartialMixin
from website import selectors
from website.empty_results import explain_empty, search_suggestions

PAGE_SIZE = 20


class ItemListView(HtmxPartialMixin, ListView):
    template_name = "website/item_list.html"
    partial_template_name = "website/includes/_list_region.html"
    context_object_name = "items"
    paginate_by = PAGE_SIZE
    FILTER_CONTROLS = {"filters", "id_q"}  # what htmx names as the trigger when a visitor filters

    @cached_property
    def filterset(self):
        return selectors.item_filterset(self.model, self.request.GET)

    def get_queryset(self):
        return selectors.filtered_items(self.filterset)

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
        kind = kind_of(self.model)
        context.update(
            filterset=self.filterset,
            facets=self.filterset.facets(),
            chips=self.filterset.active_chips(),
            filter_errors=selectors.filter_errors(self.filterset),
            kind=kind.key,
            kind_label=kind.label,
            kind_label_plural=kind.label_plural,
            kind_uitleg=kind.uitleg,
            filters_open=self.filters_open(),
            scored=kind.scored,
            # Only an empty page is explained, so a page with results costs nothing more.
            empty_explanations=[] if context["page_obj"].paginator.count else explain_empty(self.filterset),
            search_suggestions=None if context["page_obj"].paginator.count else self.search_suggestions(kind),
        )
        return context

    def search_suggestions(self, kind):
        """For an empty list searched on a text: the names of this kind and the terms it may have meant."""
        text = search.clean_text(self.filterset.cleaned().get("q"))
        return search_suggestions(self.request.GET, text, 0, kinds=[kind])

    def filters_open(self):
        """The filters, folded away on a phone, stay open while a visitor is filtering (htmx redraws them)
        and after "Toon alle opties", which jumps into them."""
        filtering = self.is_htmx() and self.request.headers.get("HX-Trigger") in self.FILTER_CONTROLS
        return bool(filtering or self.filterset.expanded())


def search_selection(query):
    """The kinds a search is limited to (all when none is chosen) and the unknown ones it ignores."""
    asked = query.getlist("soort")
    chosen = [key for key in asked if key in BY_KEY] or list(BY_KEY)
    return [BY_KEY[key] for key in chosen], [key for key in asked if key not in BY_KEY]


class SearchView(HtmxPartialMixin, TemplateView):
    """One search across every kind of item, ordered by relevance, with counts per kind."""

    template_name = "website/search.html"
    partial_template_name = "website/includes/_search_results.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        text = search.clean_text(self.request.GET.get("q"))
        chosen, unknown = search_selection(self.request.GET)
        querysets = selectors.search_querysets(text, [kind.model for kind in KINDS])
        counts = selectors.search_counts(text, querysets)
        found = sum(counts.get(kind.model, 0) for kind in chosen)
        page = self.paginate(text, [querysets[kind.model] for kind in chosen], found)
        context.update(
            q=text,
            page_obj=page,
            results=page.object_list,
            kinds=[
                {
                    "name": kind.key,
                    "label": kind.label_plural,
                    "count": counts.get(kind.model, 0),
                    "chosen": kind in chosen and len(chosen) < len(KINDS),
                }
                for kind in KINDS
            ],
            filter_errors=[_("Onbekende soort genegeerd: %(soort)s") % {"soort": k} for k in unknown],
            search_suggestions=search_suggestions(self.request.GET, text, found, kinds=chosen),
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
            merged.extend((queryset.model, *best) for best in selectors.best_matches(queryset, text, end))
        merged.sort(key=lambda result: (-float(result[1]), result[2].lower()))
        shown = merged[end - PAGE_SIZE : end]
        found = {
            model: model.objects.in_bulk([pk for kind, _r, _n, pk in shown if kind is model])
            for model in {kind for kind, _r, _n, _pk in shown}
        }
        page.object_list = [found[model][pk] for model, _r, _n, pk in shown if pk in found[model]]
        return page
