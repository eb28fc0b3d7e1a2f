"""Compare 2 to 4 catalogue items side by side, and download the comparison; the selection lives in the URL
(?items=kind:slug&verschillen=1), so a comparison can be bookmarked, shared and exported as it is shown."""

from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from catalogue import search
from spreadsheets.sheets import Sheet, notes
from spreadsheets.writers import spreadsheet_response
from website.comparison import MAX_ITEMS, NOT_APPLICABLE, comparison_from
from website.comparison_candidates import search_candidates, suggestions
from website.export_names import export_filename
from website.views.exports import source_page


class CompareView(TemplateView):
    template_name = "website/compare.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        comparison = comparison_from(self.request.GET)
        text = search.clean_text(self.request.GET.get("q"))
        chosen = set(comparison.selection)
        can_add = not comparison.full
        context.update(
            comparison=comparison,
            items=[
                {
                    "item": item,
                    "remove_query": comparison.query(
                        [key for key in comparison.selection if key != own], q=text
                    ),
                }
                for item, own in zip(comparison.items, comparison.selection, strict=True)
            ],
            sections=[
                {"title": title, "rows": [row.as_context() for row in rows]}
                for title, rows in comparison.shown_sections
            ],
            only_differences=comparison.only_differences,
            notes=comparison.notes,
            too_few=not comparison.enough,
            selection=comparison.selection,
            max_items=MAX_ITEMS,
            q=text,
            export_query=comparison.query(),
            search_results=self.addable(comparison, search_candidates(text, chosen), text) if can_add else [],
            suggestions=self.addable(comparison, suggestions(comparison.items), text) if can_add else [],
        )
        return context

    @staticmethod
    def addable(comparison, candidates, text):
        """Each candidate with the query string that adds it to the comparison (keeping the search)."""
        return [
            {
                "candidate": candidate,
                "add_query": comparison.query([*comparison.selection, candidate.key], q=text),
            }
            for candidate in candidates
        ]


def cell_text(cell):
    """A cell of the comparison as a spreadsheet holds it: the same words as the page."""
    if cell.get("na"):
        return str(NOT_APPLICABLE)
    if "score" in cell:
        score = cell["score"]
        return "\n".join(part for part in (score.get_waarde_display(), score.toelichting) if part)
    if "lines" in cell:
        return "\n".join(cell["lines"])
    return str(cell.get("text", ""))


def comparison_sheet(comparison):
    """One row per compared field, one column per item: the rows the page shows."""
    headers = [_("Onderdeel"), _("Kenmerk"), *(item.naam for item in comparison.items)]
    rows = [
        [title, row.label, *(cell_text(cell) for cell in row.cells)]
        for title, section_rows in comparison.shown_sections
        for row in section_rows
    ]
    widths = [16, 30, *([45] * len(comparison.items))]
    return Sheet(title=_("Vergelijking"), headers=headers, rows=rows, widths=widths)


class CompareExportView(View):
    """The comparison as the page shows it (with "alleen verschillen" when chosen) as xlsx, csv or ods."""

    def get(self, request, *args, fmt, **kwargs):
        comparison = comparison_from(request.GET)
        sheet = comparison_sheet(comparison)
        note_rows = notes(
            subject=_("Vergelijking van %(namen)s")
            % {"namen": ", ".join(item.naam for item in comparison.items)},
            source=source_page(request),
            filters=[_("alleen verschillen")] if comparison.only_differences else [],
            count=len(sheet.rows),
            extra=[(_("Genegeerd"), str(note)) for note in comparison.notes],
        )
        slugs = [item.slug for item in comparison.items]
        return spreadsheet_response(
            fmt, export_filename("-".join(["vergelijking", *slugs])), [sheet], note_rows
        )
