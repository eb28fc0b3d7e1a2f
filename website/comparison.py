"""What a comparison of 2 to 4 catalogue items shows, row by row: the compare page and its spreadsheet export
read the same rows, so "alleen verschillen" hides the same rows in both.

A row compares one field. Items of different kinds are compared on the fields they share: an item whose kind
lacks the field shows "niet van toepassing", and only the items that have the field decide whether the row
differs. Under "alleen verschillen" every row whose values are the same for those items is hidden.
"""

from dataclasses import dataclass, field

from django.http import QueryDict
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from assessment import scoring
from assessment.selectors import matrix_row, with_vastgestelde_scores
from catalogue.kinds import BY_KEY, kind_of
from catalogue.models import Succesversneller
from website.selectors import published_items

MIN_ITEMS, MAX_ITEMS = 2, 4
NOT_APPLICABLE = _("niet van toepassing")
# What a toetspunt row compares for an item without a vastgestelde beoordeling.
NOT_ASSESSED = "nog-niet-beoordeeld"


@dataclass(frozen=True)
class Field:
    """One compared field: its label, how to read an item's value, and the kinds that have it."""

    label: str
    value_of: object  # item -> str or list of lines
    applies: object = None  # ItemKind -> bool; None: every kind has the field

    def applies_to(self, kind):
        return self.applies is None or self.applies(kind)


def _has(attribute):
    return lambda kind: hasattr(kind.model, attribute)


def text(label, attribute):
    return Field(label, lambda item: getattr(item, attribute) or "", _has(attribute))


def number(label, attribute):
    """A count the source may not give: empty when unknown, never 0 in its place."""
    return Field(
        label,
        lambda item: "" if getattr(item, attribute) is None else str(getattr(item, attribute)),
        _has(attribute),
    )


def choice(label, attribute):
    return Field(label, lambda item: getattr(item, f"get_{attribute}_display")(), _has(attribute))


def names(label, attribute):
    """A vocabulary list: the names of the terms, in the vocabulary's own order."""
    return Field(
        label, lambda item: ", ".join(term.naam for term in getattr(item, attribute).all()), _has(attribute)
    )


def lines(label, attribute):
    return Field(label, lambda item: getattr(item, f"{attribute}_lijst"))


def _score_text(item):
    """The level with percentage and coverage, worded by ScoreSummary as on every other page."""
    summary = scoring.item_summary(item)
    return summary.tekst if summary else str(_("nog niet beoordeeld"))


def _bron(item):
    return f"{item.bron.naam}, {item.bron_vindplaats}".strip(", ")


KENMERKEN = [
    Field(_("Soort"), lambda item: str(item._meta.verbose_name)),
    names(_("Doelgroepen"), "doelgroepen"),
    choice(_("Leeftijdsgroep"), "leeftijdsgroep"),
    names(_("Woonsituatie"), "woonsituaties"),
    names(_("Contractvormen"), "contractvormen"),
    text(_("Toelichting contract"), "contract_toelichting"),
    choice(_("Begeleiding"), "begeleiding"),
    text(_("Toelichting begeleiding"), "begeleiding_toelichting"),
    choice(_("Benut leegstand"), "benut_leegstand"),
    number(_("Aantal woningen"), "aantal_woningen"),
    number(_("Plekken voor de doelgroep"), "aantal_plekken_doelgroep"),
    text(_("Toelichting aantal"), "aantal_toelichting"),
    names(_("Woonzorgconcepten"), "woonzorgconcepten"),
    names(_("Type"), "typen"),
    names(_("Bijdragen aan Wonen Eerst"), "bijdragen"),
    names(_("Plaatsen"), "plaatsen"),
    Field(_("Wonen Eerst"), _score_text, lambda kind: kind.scored),
]
RECEPT = [
    text(_("Wat is het?"), "beschrijving"),
    lines(_("Werkzame elementen"), "werkzame_elementen"),
    lines(_("Aandachtselementen"), "aandachtselementen"),
    text(_("Financiële context"), "financiele_context"),
    text(_("Verhouding tot Wonen Eerst"), "verhouding_wonen_eerst"),
]
BRON = [Field(_("Bron"), _bron)]


@dataclass
class Row:
    """One row: per item a cell, and the values that decide whether the row differs (None: not applicable)."""

    label: str
    cells: list
    values: list
    href: str = ""
    title: str = ""

    @property
    def differs(self):
        """Whether the items that have this field differ in it (a field only one item has: in nothing)."""
        return len({value for value in self.values if value is not None}) > 1

    def as_context(self):
        """The row as a template (and the tests of the page) read it."""
        return {
            "label": self.label,
            "cells": self.cells,
            "differs": self.differs,
            "href": self.href,
            "title": self.title,
        }


def _comparable(value):
    return tuple(value) if isinstance(value, list) else value


def field_row(spec, items):
    """The row of one field, or None when no item has a value for it."""
    cells, values = [], []
    for item in items:
        if spec.applies_to(kind_of(item)):
            value = spec.value_of(item)
            key = "lines" if isinstance(value, list) else "text"
            cells.append({"naam": item.naam, key: value})
            values.append(_comparable(value))
        else:
            cells.append({"naam": item.naam, "text": "—", "na": True})
            values.append(None)
    if not any(values):
        return None
    return Row(label=spec.label, cells=cells, values=values)


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


def toetspunt_rows(items):
    """The rows T1–T7, A1–A3: each item's score (symbol and words) with its reason, compared on the score's
    value (the reasons may differ). None when no item has a vastgestelde beoordeling."""
    scores = load_scores(items)
    if not any(scores):
        return None
    rows = []
    for toetspunt in scoring.toetspunten():
        cells, values = [], []
        for item, item_scores in zip(items, scores, strict=True):
            if not kind_of(item).scored:
                cell, value = {"text": "—", "na": True}, None
            elif item_scores is None or toetspunt.code not in item_scores:
                cell, value = {"text": _("nog niet beoordeeld")}, NOT_ASSESSED
            else:
                score = item_scores[toetspunt.code]
                cell, value = {"score": score}, score.waarde
            cells.append({"naam": item.naam, **cell})
            values.append(value)
        rows.append(
            Row(
                label=f"{toetspunt.code}. {toetspunt.korte_naam or toetspunt.naam}",
                title=toetspunt.naam,
                href=f"{reverse('website:toetsingskader')}#toetspunt-{toetspunt.code}",
                cells=cells,
                values=values,
            )
        )
    return rows


def sections(items):
    """Every section with every row that has a value, in the page's order: [(title, [Row, …])]."""
    found = [
        (_("Kenmerken"), [field_row(spec, items) for spec in KENMERKEN]),
        (_("Toetsingskader"), toetspunt_rows(items) or []),
        (_("Recept"), [field_row(spec, items) for spec in RECEPT]),
        (_("Bron"), [field_row(spec, items) for spec in BRON]),
    ]
    return [(title, [row for row in rows if row]) for title, rows in found if any(rows)]


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
    """The published items for the selection, in the order chosen, in one query per kind (and its
    prefetches); and the (kind, slug) pairs not found."""
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


def selection_key(item):
    """'woonvorm:buur': how an item is named in ?items=."""
    return f"{kind_of(item).key}:{item.slug}"


@dataclass
class Comparison:
    """The items a query string asks to compare, what was ignored of it, and the rows they show."""

    items: list
    only_differences: bool
    notes: list = field(default_factory=list)

    @property
    def selection(self):
        return [selection_key(item) for item in self.items]

    @property
    def enough(self):
        return len(self.items) >= MIN_ITEMS

    @property
    def full(self):
        return len(self.items) >= MAX_ITEMS

    @cached_property
    def all_sections(self):
        return sections(self.items) if self.enough else []

    @cached_property
    def shown_sections(self):
        """The sections and rows the page and the export show: under "alleen verschillen" only the rows that
        differ, and only the sections that keep a row."""
        if not self.only_differences:
            return self.all_sections
        shown = [(title, [row for row in rows if row.differs]) for title, rows in self.all_sections]
        return [(title, rows) for title, rows in shown if rows]

    @property
    def hidden_rows(self):
        """How many rows "alleen verschillen" hides."""
        return sum(len(rows) for _title, rows in self.all_sections) - sum(
            len(rows) for _title, rows in self.shown_sections
        )

    def query(self, selection=None, *, only_differences=None, **extra):
        """The query string of this comparison with another selection or "alleen verschillen" setting."""
        query = QueryDict(mutable=True)
        query.setlist("items", self.selection if selection is None else selection)
        if self.only_differences if only_differences is None else only_differences:
            query["verschillen"] = "1"
        for name, value in extra.items():
            if value:
                query[name] = value
        return query.urlencode()


def comparison_from(query):
    """The comparison a query string asks for: ?items=kind:slug (at most MAX_ITEMS) and ?verschillen=1."""
    chosen, unknown = parse_selection(query.getlist("items"))
    notes = [_("Niet begrepen en genegeerd: %(value)s") % {"value": value} for value in unknown]
    if len(chosen) > MAX_ITEMS:
        notes.append(
            _("Je kunt hoogstens %(max)s items vergelijken; de eerste %(max)s zijn getoond.")
            % {"max": MAX_ITEMS}
        )
        chosen = chosen[:MAX_ITEMS]
    items, missing = load_items(chosen)
    notes.extend(_("Niet gevonden: %(slug)s") % {"slug": slug} for _kind, slug in missing)
    return Comparison(items=items, only_differences=query.get("verschillen") == "1", notes=notes)
