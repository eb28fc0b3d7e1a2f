"""Downloads of what a visitor sees: every public list, the search results and the scoring matrix.

Each export reads the same selector as its page, with the page's query string: the same filters and sort,
but every page of it in one file (`page` is ignored).
"""

from django.http import QueryDict
from django.utils.translation import gettext as _
from django.views import View

from assessment import scoring
from catalogue import search
from catalogue.kinds import KINDS
from catalogue.models import Bron, Contractvorm, Doelgroep
from spreadsheets.resources.public import PUBLIC_RESOURCES
from spreadsheets.sheets import chip_words, matrix_sheet, notes, resource_sheet, search_sheet, sort_note
from spreadsheets.writers import spreadsheet_response
from website import matrix, selectors
from website.export_names import export_filename
from website.views.lists import search_selection


def include_personal(request):
    """Only staff who may see contact persons get their names, e-mail addresses and phone numbers."""
    return request.user.has_perm("catalogue.view_contactpersoon")


def source_page(request):
    """The absolute address of the page an export came from: the export's address without its last part
    (export.xlsx), with the same query but without `page`."""
    path = request.path.rsplit("/", 1)[0] + "/"
    query = request.GET.copy()
    query.pop("page", None)
    return request.build_absolute_uri(f"{path}?{query.urlencode()}" if query else path)


def chosen_values(filterset):
    """The filter values a visitor chose (not the sort order), for the file's name."""
    values = []
    for name, value in filterset.cleaned().items():
        if value and name in filterset.form.fields and name not in filterset.not_filters:
            values += value if isinstance(value, list | tuple) else [value]
    return values


def ignored_filters(filterset):
    """Filter values the list ignored (and said so on the page), for the Toelichting."""
    return [(_("Genegeerd filter"), error) for error in selectors.filter_errors(filterset)]


class ItemExportView(View):
    """The whole filtered, sorted list of one kind as a spreadsheet."""

    model = None

    def get(self, request, *args, fmt, **kwargs):
        resource = PUBLIC_RESOURCES[self.model](request=request, include_personal=include_personal(request))
        filterset = selectors.item_filterset(self.model, request.GET)
        queryset = selectors.filtered_items(filterset)
        plural = self.model._meta.verbose_name_plural
        note_rows = notes(
            subject=_("Gepubliceerde %(soort)s") % {"soort": plural},
            source=source_page(request),
            filters=chip_words(filterset.active_chips()),
            count=queryset.count(),
            personal=resource.include_personal,
            extra=[sort_note(filterset), *ignored_filters(filterset)],
        )
        sheet = resource_sheet(resource, queryset)
        return spreadsheet_response(
            fmt, export_filename(plural, chosen_values(filterset)), [sheet], note_rows
        )


class SearchExportView(View):
    """Every search result, of the kinds chosen, in the page's order."""

    def get(self, request, *args, fmt, **kwargs):
        text = search.clean_text(request.GET.get("q"))
        chosen, unknown = search_selection(request.GET)
        querysets = selectors.search_querysets(text, [kind.model for kind in chosen])
        results = selectors.all_matches(text, querysets.values())
        filters = [f"{_('Zoekterm')}: {text}"] if text else []
        if len(chosen) < len(KINDS):
            filters += [f"{_('Soort')}: {kind.label_plural}" for kind in chosen]
        note_rows = notes(
            subject=_("Zoekresultaten"),
            source=source_page(request),
            filters=filters,
            count=len(results),
            extra=[
                (_("Genegeerd filter"), _("Onbekende soort genegeerd: %(soort)s") % {"soort": key})
                for key in unknown
            ],
        )
        sheet = search_sheet(results, request)
        return spreadsheet_response(fmt, export_filename("zoekresultaten", [text]), [sheet], note_rows)


class MatrixExportView(View):
    """The scoring matrix as the page shows it, all pages: scores in words with their reasons, and totals."""

    def get(self, request, *args, fmt, **kwargs):
        kind = matrix.matrix_kind(request.GET)
        filterset = matrix.matrix_filterset(kind, request.GET)
        rows = matrix.matrix_rows(filterset.ordered(filterset.qs))
        note_rows = notes(
            subject=_("Toetsingsmatrix: vastgestelde beoordelingen van gepubliceerde %(soort)s")
            % {"soort": kind.label_plural},
            source=source_page(request),
            filters=chip_words(filterset.active_chips()),
            count=len(rows),
            extra=[
                sort_note(filterset),
                (
                    _("Scores"),
                    _("Per toetspunt de score in woorden, met in de kolom ernaast de toelichting."),
                ),
                *ignored_filters(filterset),
            ],
        )
        sheet = matrix_sheet(rows, scoring.toetspunten(), request)
        filename = export_filename(f"toetsingsmatrix-{kind.label_plural}", chosen_values(filterset))
        return spreadsheet_response(fmt, filename, [sheet], note_rows)


class WorkgroupWorkbookView(View):
    """One workbook for a workgroup meeting: every published item, the matrix and the vocabularies.

    It holds everything, in each list's default order, whatever the address's query string says.
    """

    def get(self, request, *args, **kwargs):
        personal = include_personal(request)
        no_filters = QueryDict()
        sheets = [
            resource_sheet(
                PUBLIC_RESOURCES[kind.model](request=request, include_personal=personal),
                selectors.filtered_items(selectors.item_filterset(kind.model, no_filters)),
            )
            for kind in KINDS
        ]
        sheets.append(matrix_sheet(matrix.all_matrix_rows(no_filters), scoring.toetspunten(), request))
        for model in (Contractvorm, Doelgroep, Bron):
            sheets.append(resource_sheet(PUBLIC_RESOURCES[model](request=request)))
        note_rows = notes(
            subject=_(
                "Werkgroepmap: gepubliceerde woonvormen, succesversnellers en praktijkvoorbeelden, "
                "de toetsingsmatrix, contractvormen, doelgroepen en bronnen"
            ),
            source=request.build_absolute_uri("/"),
            filters=None,
            personal=personal,
        )
        return spreadsheet_response("xlsx", export_filename("werkgroepmap"), sheets, note_rows)
