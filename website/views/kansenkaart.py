"""The kansenkaart page and its spreadsheet: which doelgroep has no concept yet with which contractvorm or
woonzorgconcept."""

from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from catalogue.models import Plaats
from spreadsheets.sheets import Sheet, notes
from spreadsheets.writers import spreadsheet_response
from website import kansenkaart
from website.export_names import export_filename
from website.views.exports import source_page


class KansenkaartView(TemplateView):
    template_name = "website/kansenkaart.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        chosen = kansenkaart.selection(self.request.GET)
        context.update(
            kaart=kansenkaart.kansenkaart(chosen),
            chosen=chosen,
            filter_errors=chosen.errors,
            kolommen=kansenkaart.KansenkaartForm.base_fields["kolom"].choices,
            soorten=kansenkaart.KansenkaartForm.base_fields["soort"].choices,
            provincies=[
                {"value": value, "label": label, "chosen": value in chosen.provincies}
                for value, label in Plaats.Provincie.choices
            ],
            provincie_namen=", ".join(
                str(label) for value, label in Plaats.Provincie.choices if value in chosen.provincies
            ),
            both=len(chosen.kinds) > 1,
        )
        return context


class KansenkaartExportView(View):
    """The kansenkaart as a spreadsheet: a row per doelgroep, a column per term, the count in each cell."""

    def get(self, request, *args, fmt, **kwargs):
        chosen = kansenkaart.selection(request.GET)
        kaart = kansenkaart.kansenkaart(chosen)
        kinds, provincies = kansenkaart.subject_words(chosen)
        note_rows = notes(
            subject=_("Kansenkaart: gepubliceerde %(soort)s per doelgroep en %(kolom)s")
            % {"soort": kinds, "kolom": str(kaart["column_label"]).lower()},
            source=source_page(request),
            filters=[f"{_('Provincie')}: {provincie}" for provincie in provincies],
            count=sum(len(group["rows"]) for group in kaart["groups"]),
            extra=[
                (
                    _("Cellen"),
                    _(
                        "Het aantal gepubliceerde %(soort)s met zowel de doelgroep als de %(kolom)s; "
                        "0 betekent: nog geen concept."
                    )
                    % {"soort": kinds, "kolom": str(kaart["column_label"]).lower()},
                ),
                (_("Combinaties zonder concept"), kaart["gap_count"]),
                *[(_("Genegeerd filter"), error) for error in chosen.errors],
            ],
        )
        return spreadsheet_response(
            fmt, export_filename(file_subject(chosen), chosen.provincies), [sheet(kaart)], note_rows
        )


def sheet(kaart):
    columns = kaart["columns"]

    def rows():
        for group in kaart["groups"]:
            for row in group["rows"]:
                yield [row["naam"], group["label"], *(cell["total"] for cell in row["cells"])]

    return Sheet(
        title=_("Kansenkaart"),
        headers=[_("Doelgroep"), _("Soort doelgroep"), *(column["naam"] for column in columns)],
        rows=rows(),
        widths=[30, 14, *([14] * len(columns))],
    )


def file_subject(chosen):
    """kansenkaart-doelgroep-contractvorm-woonvormen: what the file holds; provincies and date follow."""
    kinds = "-".join(str(kind.label_plural) for kind in chosen.kinds)
    return "-".join(["kansenkaart", kansenkaart.ROW_FILTER, chosen.column, kinds])
