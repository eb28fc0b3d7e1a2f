"""Downloads of what a visitor sees: every public list, the search results and the scoring matrix.

Each export view is its list view with another response: the same FilterSet, the same sort, but every page
of it in one file. The page's query string carries over; `page` is ignored.
"""

import copy

from django.http import QueryDict
from django.utils.translation import gettext as _
from django.views import View

from assessment.models import Toetspunt
from catalogue import exports
from catalogue.models import Bron, Contractvorm, Doelgroep
from catalogue.resources import PUBLIC_RESOURCES
from website.views import lists
from website.views.toetsingskader import MatrixView

# The format in the URL: …/export.xlsx, …/export.csv or …/export.ods
FORMAT_PATTERN = r"(?P<fmt>xlsx|csv|ods)"


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


def ignored_filters(view):
    """Filter values the list ignored (and said so on the page), for the Toelichting."""
    return [(_("Genegeerd filter"), error) for error in view.filter_errors()]


class ItemExportMixin:
    """Answers a list view's URL with the whole filtered, sorted list as a spreadsheet."""

    def get(self, request, *args, fmt, **kwargs):
        resource = PUBLIC_RESOURCES[self.model](request=request, include_personal=include_personal(request))
        queryset = self.get_queryset()
        plural = self.model._meta.verbose_name_plural
        sheet = exports.resource_sheet(resource, queryset)
        note_rows = exports.notes(
            subject=_("Gepubliceerde %(soort)s") % {"soort": plural},
            source=source_page(request),
            filters=exports.chip_words(self.filterset.active_chips()),
            count=queryset.count(),
            personal=resource.include_personal,
            extra=[exports.sort_note(self.filterset), *ignored_filters(self)],
        )
        return exports.spreadsheet_response(fmt, exports.export_filename(plural), [sheet], note_rows)


class WoonvormExportView(ItemExportMixin, lists.WoonvormListView):
    pass


class SuccesversnellerExportView(ItemExportMixin, lists.SuccesversnellerListView):
    pass


class PraktijkvoorbeeldExportView(ItemExportMixin, lists.PraktijkvoorbeeldListView):
    pass


class SearchExportView(lists.SearchView):
    """Every search result, of the kinds chosen, in the page's order."""

    def paginate(self, text, querysets, total):
        results = []
        if text and total:  # as SearchView: text without searchable words finds nothing
            for queryset in querysets:
                results += queryset.prefetch_related("plaatsen").order_by("-relevantie", "naam", "pk")
        # The order of SearchView.paginate: relevance, then name.
        results.sort(key=lambda item: (-float(item.relevantie), item.naam.lower()))
        return _AllResults(results)

    def get(self, request, *args, fmt, **kwargs):
        context = self.get_context_data()
        chosen = [kind["label"] for kind in context["kinds"] if kind["chosen"]]
        filters = [f"{_('Zoekterm')}: {context['q']}"] if context["q"] else []
        filters += [f"{_('Soort')}: {label}" for label in chosen]
        note_rows = exports.notes(
            subject=_("Zoekresultaten"),
            source=source_page(request),
            filters=filters,
            count=len(context["results"]),
            extra=[(_("Genegeerd filter"), error) for error in context["filter_errors"]],
        )
        sheet = exports.search_sheet(context["results"], request)
        return exports.spreadsheet_response(
            fmt, exports.export_filename("zoekresultaten"), [sheet], note_rows
        )


class _AllResults:
    """Stands in for SearchView's page: all results at once."""

    def __init__(self, results):
        self.object_list = results


class MatrixExportView(MatrixView):
    """The scoring matrix as the page shows it, all pages: scores in words with their reasons, and totals."""

    def get(self, request, *args, fmt, **kwargs):
        toetspunten = list(Toetspunt.objects.all())
        items = self.get_queryset()
        rows = [self.row(item, toetspunten) for item in items]
        plural = self.model._meta.verbose_name_plural
        note_rows = exports.notes(
            subject=_("Toetsingsmatrix: vastgestelde beoordelingen van gepubliceerde %(soort)s")
            % {"soort": plural},
            source=source_page(request),
            filters=exports.chip_words(self.filterset.active_chips()),
            count=len(rows),
            extra=[
                exports.sort_note(self.filterset),
                (
                    _("Scores"),
                    _("Per toetspunt de score in woorden, met in de kolom ernaast de toelichting."),
                ),
                *ignored_filters(self),
            ],
        )
        sheet = exports.matrix_sheet(rows, toetspunten, request)
        filename = exports.export_filename(f"toetsingsmatrix-{plural}")
        return exports.spreadsheet_response(fmt, filename, [sheet], note_rows)


class WorkgroupWorkbookView(View):
    """One workbook for a workgroup meeting: every published item, the matrix and the vocabularies.

    It holds everything, in each list's default order, whatever the address's query string says.
    """

    def get(self, request, *args, **kwargs):
        personal = include_personal(request)
        plain = without_query(request)
        sheets = []
        for view_class in (
            lists.WoonvormListView,
            lists.SuccesversnellerListView,
            lists.PraktijkvoorbeeldListView,
        ):
            view = view_class()
            view.setup(plain)
            resource = PUBLIC_RESOURCES[view.model](request=request, include_personal=personal)
            sheets.append(exports.resource_sheet(resource, view.get_queryset()))
        toetspunten = list(Toetspunt.objects.all())
        sheets.append(exports.matrix_sheet(matrix_rows(plain, toetspunten), toetspunten, request))
        for model in (Contractvorm, Doelgroep, Bron):
            sheets.append(exports.resource_sheet(PUBLIC_RESOURCES[model](request=request)))
        note_rows = exports.notes(
            subject=_(
                "Werkgroepmap: gepubliceerde woonvormen, succesversnellers en praktijkvoorbeelden, "
                "de toetsingsmatrix, contractvormen, doelgroepen en bronnen"
            ),
            source=request.build_absolute_uri("/"),
            filters=None,
            personal=personal,
        )
        return exports.spreadsheet_response(
            "xlsx", exports.export_filename("werkgroepmap"), sheets, note_rows
        )


def without_query(request):
    """The same request without a query string, for list views whose defaults are wanted."""
    plain = copy.copy(request)
    plain.GET = QueryDict()
    return plain


def matrix_rows(request, toetspunten):
    """The matrix rows of both assessed kinds, woonvormen first, each in the matrix page's order."""
    rows = []
    for kind in ("woonvorm", "praktijkvoorbeeld"):
        view = MatrixView(kind=kind)
        view.setup(request)
        rows += [view.row(item, toetspunten) for item in view.get_queryset()]
    return rows
