"""What goes into a spreadsheet: sheets of rows, and the Toelichting that says what a file holds.

Every file starts with a "Toelichting": the export date, the page it came from and the active filters in
words. Besides the sheet of a resource there are two sheets that are not a resource: the scoring matrix and
the search results.
"""

from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from spreadsheets.widgets import SEPARATOR


def notes_title():
    return _("Toelichting")


def exported_at_label():
    return _("Geëxporteerd op")


@dataclass
class Sheet:
    title: str
    headers: list
    rows: object  # an iterable of lists of cell values, read once
    widths: list = field(default_factory=list)
    autofilter: bool = True


def resource_sheet(resource, queryset=None):
    """A sheet of a resource's columns over a queryset (or the resource's own full, ordered queryset)."""
    return Sheet(
        title=resource.sheet_title(),
        headers=resource.get_export_headers(),
        rows=resource.export_rows(queryset),
        widths=resource.column_widths(),
    )


def notes(*, subject, source=None, filters=(), count=None, personal=None, extra=()):
    """The rows of the Toelichting: what the file holds, when and where it was made, and its filters.

    `filters` are the active filters in words; None leaves the filter rows out. `personal` says whether
    personal contact details are in the file; None (no contact details at all) leaves that row out.
    """
    rows = [
        (_("Inhoud"), subject),
        (exported_at_label(), timezone.localtime().strftime("%d-%m-%Y %H:%M")),
    ]
    if source:
        rows.append((_("Bron"), source))
    if count is not None:
        rows.append((_("Aantal rijen"), count))
    if filters is not None:
        rows += [(_("Filter"), text) for text in filters] or [(_("Filter"), _("geen"))]
    rows += list(extra)
    if personal is not None:
        rows.append(
            (
                _("Contactgegevens"),
                _("Inclusief persoonlijke contactgegevens: alleen voor intern gebruik.")
                if personal
                else _(
                    "Van personen staan alleen naam en rol erin; hun eigen e-mailadressen en "
                    "telefoonnummers zijn weggelaten."
                ),
            )
        )
    rows.append(
        (
            _("Lezen"),
            _("Meerdere waarden in één cel: gescheiden door “%(teken)s”; lijsten: op aparte regels.")
            % {"teken": SEPARATOR.strip()},
        )
    )
    return rows


def chip_words(chips):
    """Active filters in words, from FacetFilterSet.active_chips()."""
    return [f"{chip['facet']}: {chip['label']}" for chip in chips]


def sort_note(filterset):
    """The list's sort order in words, as its "Sorteer op" field shows it (the first option by default)."""
    labels = dict(filterset.form.fields["sort"].choices)
    chosen = filterset.cleaned().get("sort")
    return (_("Sortering"), labels.get(chosen) or next(iter(labels.values())))


def notes_sheet(note_rows):
    """The Toelichting as the first sheet of a file."""
    return Sheet(
        title=notes_title(),
        headers=[_("Onderwerp"), _("Waarde")],
        rows=[[label, value] for label, value in note_rows],
        widths=[22, 100],
        autofilter=False,
    )


def matrix_sheet(rows, toetspunten, request):
    """The scoring matrix: per item its score in words and the reason for every toetspunt, then the totals.

    `rows` are assessment.selectors.matrix_row() results, so the figures are the ones the page shows.
    """
    headers = [_("Soort"), _("Naam")]
    for toetspunt in toetspunten:
        headers += [
            f"{toetspunt.code}. {toetspunt.korte_naam or toetspunt.naam}",
            _("%(code)s: toelichting") % {"code": toetspunt.code},
        ]
    headers += [
        _("Totaal T1–T7 (%)"),
        _("Kernpunten bekend"),
        _("Niveau Wonen Eerst"),
        _("Aanvullend A1–A3 (%)"),
        _("Beoordeeld door"),
        _("Datum beoordeling"),
        _("Webadres"),
    ]
    widths = [16, 35, *([16, 40] * len(toetspunten)), 12, 14, 30, 12, 30, 14, 45]

    def cells():
        for row in rows:
            item, summary = row["item"], row["summary"]
            values = [item._meta.verbose_name, item.naam]
            for cell in row["cells"]:
                score = cell["score"]
                values += [cell["label"], score.toelichting] if score else ["", ""]
            values += [
                summary.percentage,
                summary.kernpunten_bekend,
                summary.niveau_tekst,
                summary.aanvullend_percentage,
                row["beoordeling"].beoordelaar,
                row["beoordeling"].datum,
                request.build_absolute_uri(item.get_absolute_url()),
            ]
            yield values

    return Sheet(title=_("Toetsingsmatrix"), headers=headers, rows=cells(), widths=widths)


def search_sheet(items, request):
    """Search results of every kind in the page's order: relevance, then name."""
    headers = [
        _("Soort"),
        _("Naam"),
        _("Samenvatting"),
        _("Doelgroepen"),
        _("Plaatsen"),
        _("Bron"),
        _("Webadres"),
    ]

    def names(manager):
        return SEPARATOR.join(sorted(obj.naam for obj in manager.all()))

    rows = (
        [
            item._meta.verbose_name,
            item.naam,
            item.samenvatting,
            names(item.doelgroepen),
            names(item.plaatsen),
            item.bron.naam,
            request.build_absolute_uri(item.get_absolute_url()),
        ]
        for item in items
    )
    return Sheet(title=_("Zoekresultaten"), headers=headers, rows=rows, widths=[18, 35, 50, 40, 30, 30, 45])
