"""Compare 2 to 4 catalogue items side by side; the selection lives in the URL (?items=kind:slug)."""

from django.http import QueryDict
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from assessment import scoring
from assessment.selectors import matrix_row, with_vastgestelde_scores
from catalogue.kinds import BY_KEY, kind_of
from catalogue.models import Succesversneller
from website.selectors import published_items

MIN_ITEMS, MAX_ITEMS = 2, 4


def _names(related):
    return ", ".join(row.naam for row in related.all())


def _text(field):
    return lambda item: getattr(item, field, "") or ""


def _display(field):
    return lambda item: getattr(item, f"get_{field}_display")() if hasattr(item, field) else ""


def _many(field):
    return lambda item: _names(getattr(item, field)) if hasattr(item, field) else ""


def _lines(field):
    return lambda item: getattr(item, f"{field}_lijst", [])


def _score(item):
    if not kind_of(item).scored:
        return ""
    summary = scoring.item_summary(item)
    return summary.tekst if summary else _("nog niet beoordeeld")


# What a toetspunt row compares for an item without a vastgestelde beoordeling, and for a kind without any.
NOT_ASSESSED, NOT_SCORED = "nog-niet-beoordeeld", "geen-beoordeling"


def load_scores(items):
    """Per item, in order, {toetspunt code: Score} of its vastgestelde beoordeling (None without one): three
    queries per kind with assessments (the items, their beoordeling, its scores), whatever the catalogue's
    size."""
    toetspunten = scoring.toetspunten()
    found = {}
    for kind in {kind_of(item) for item in items if kind_of(item).scored}:
        pks = [item.pk for item in items if kind_of(item) is kind]
        for assessed in with_vastgestelde_scores(kind.model.objects.filter(pk__in=pks)):
            cells = matrix_row(assessed, toetspunten)["cells"]
            found[(kind.key, assessed.pk)] = {c["toetspunt"].code: c["score"] for c in cells if c["score"]}
    return [found.get((kind_of(item).key, item.pk)) for item in items]


def toetspunt_section(items, only_differences):
    """The rows T1–T7, A1–A3: each item's score (symbol and words) with its reason. None when no item has a
    vastgestelde beoordeling. Under "alleen verschillen" a row is hidden when every item has the same score
    value; the reasons may differ."""
    scores = load_scores(items)
    if not any(scores):
        return None
    rows = []
    for toetspunt in scoring.toetspunten():
        cells, values = [], []
        for item, item_scores in zip(items, scores, strict=True):
            if not kind_of(item).scored:
                cell, value = {"text": "—"}, NOT_SCORED
            elif item_scores is None or toetspunt.code not in item_scores:
                cell, value = {"text": _("nog niet beoordeeld")}, NOT_ASSESSED
            else:
                score = item_scores[toetspunt.code]
                cell, value = {"score": score}, score.waarde
            cells.append({"naam": item.naam, **cell})
            values.append(value)
        differs = any(value != values[0] for value in values)
        if only_differences and not differs:
            continue
        rows.append(
            {
                "label": f"{toetspunt.code}. {toetspunt.korte_naam or toetspunt.naam}",
                "title": toetspunt.naam,
                "href": f"{reverse('website:toetsingskader')}#toetspunt-{toetspunt.code}",
                "cells": cells,
                "differs": differs,
            }
        )
    return {"title": _("Toetsingskader"), "rows": rows} if rows else None


SECTIONS = [
    (
        _("Kenmerken"),
        [
            (_("Soort"), lambda item: str(item._meta.verbose_name)),
            (_("Doelgroepen"), _many("doelgroepen")),
            (_("Leeftijdsgroep"), _display("leeftijdsgroep")),
            (_("Woonsituatie"), _many("woonsituaties")),
            (_("Contractvormen"), _many("contractvormen")),
            (_("Toelichting contract"), _text("contract_toelichting")),
            (_("Begeleiding"), _display("begeleiding")),
            (_("Toelichting begeleiding"), _text("begeleiding_toelichting")),
            (_("Benut leegstand"), _display("benut_leegstand")),
            (_("Aantal plekken"), _text("aantal_toelichting")),
            (_("Woonzorgconcepten"), _many("woonzorgconcepten")),
            (_("Type"), _many("typen")),
            (_("Bijdragen aan Wonen Eerst"), _many("bijdragen")),
            (_("Plaatsen"), _many("plaatsen")),
            (_("Wonen Eerst"), _score),
        ],
    ),
    (_("Toetsingskader"), toetspunt_section),
    (
        _("Recept"),
        [
            (_("Wat is het?"), _text("beschrijving")),
            (_("Werkzame elementen"), _lines("werkzame_elementen")),
            (_("Aandachtselementen"), _lines("aandachtselementen")),
            (_("Financiële context"), _text("financiele_context")),
            (_("Verhouding tot Wonen Eerst"), _text("verhouding_wonen_eerst")),
        ],
    ),
    (_("Bron"), [(_("Bron"), lambda item: f"{item.bron.naam}, {item.bron_vindplaats}".strip(", "))]),
]


def parse_selection(values):
    """(kind, slug) pairs from ?items=kind:slug, in order, without duplicates; and what was not understood."""
    chosen, unknown = [], []
    for value in values:
        kind, _sep, slug = value.partition(":")
        if kind in BY_KEY and slug and (kind, slug) not in chosen:
            chosen.append((kind, slug))
        elif (kind, slug) not in chosen:
            unknown.append(value)
    return chosen, unknown


def load_items(chosen):
    """The published items for the selection, in the order chosen, in one query per kind."""
    found = {}
    for kind in {kind for kind, _slug in chosen}:
        model = BY_KEY[kind].model
        queryset = published_items(model).prefetch_related("plaatsen", *_extra_prefetch(model))
        for item in queryset.filter(slug__in=[slug for k, slug in chosen if k == kind]):
            found[(kind, item.slug)] = item
    return [found[key] for key in chosen if key in found], [key for key in chosen if key not in found]


def _extra_prefetch(model):
    if model is Succesversneller:
        return ["bijdragen"]
    return ["woonsituaties", "woonzorgconcepten"]


class CompareView(TemplateView):
    template_name = "website/compare.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        chosen, unknown = parse_selection(self.request.GET.getlist("items"))
        notes = [_("Niet begrepen en genegeerd: %(value)s") % {"value": value} for value in unknown]
        if len(chosen) > MAX_ITEMS:
            notes.append(
                _("Je kunt hoogstens %(max)s items vergelijken; de eerste %(max)s zijn getoond.")
                % {"max": MAX_ITEMS}
            )
            chosen = chosen[:MAX_ITEMS]
        items, missing = load_items(chosen)
        notes.extend(_("Niet gevonden: %(slug)s") % {"slug": slug} for _kind, slug in missing)
        only_differences = self.request.GET.get("verschillen") == "1"
        selection = [f"{item._meta.model_name}:{item.slug}" for item in items]
        context.update(
            items=[
                {
                    "item": item,
                    "remove_query": self.query([s for s in selection if s != key], only_differences),
                }
                for item, key in zip(items, selection, strict=True)
            ],
            sections=self.rows(items, only_differences) if len(items) >= MIN_ITEMS else [],
            only_differences=only_differences,
            notes=notes,
            too_few=len(items) < MIN_ITEMS,
            selection=selection,
        )
        return context

    @staticmethod
    def query(selection, only_differences):
        query = QueryDict(mutable=True)
        query.setlist("items", selection)
        if only_differences:
            query["verschillen"] = "1"
        return query.urlencode()

    @staticmethod
    def rows(items, only_differences):
        sections = []
        for title, attributes in SECTIONS:
            if callable(attributes):  # a section that reads its own rows
                sections.append(attributes(items, only_differences))
                continue
            rows = []
            for label, value_of in attributes:
                values = [value_of(item) for item in items]
                if not any(values):
                    continue
                differs = any(v != values[0] for v in values)
                if only_differences and not differs:
                    continue
                cells = [
                    {"naam": item.naam, "lines": v} if isinstance(v, list) else {"naam": item.naam, "text": v}
                    for item, v in zip(items, values, strict=True)
                ]
                rows.append({"label": label, "cells": cells, "differs": differs})
            if rows:
                sections.append({"title": title, "rows": rows})
        return [section for section in sections if section]
