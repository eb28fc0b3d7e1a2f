"""The routekaart: the six phases, a page per phase and the checklist whose state lives in the URL."""

from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from catalogue.kinds import KINDS
from core.navigation import HOME, crumb
from routekaart.checklist import Checklist, phases_with_items
from routekaart.exports import voortgang_sheet
from spreadsheets.sheets import notes
from spreadsheets.writers import export_filename, spreadsheet_response


def with_state(url, checklist):
    """The URL with the checklist state, so the ticks go along with the link."""
    return f"{url}?{checklist.query}" if checklist.query else url


class ChecklistMixin:
    """Reads the checklist state from the URL; every page of the routekaart shows and keeps it."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        checklist = Checklist.from_query(self.request.GET, phases_with_items())
        context.update(
            checklist=checklist,
            voortgang=checklist.voortgang,
            state_query=checklist.query,
            datum=timezone.localdate(),
        )
        return context


class RoutekaartView(ChecklistMixin, TemplateView):
    template_name = "routekaart/overzicht.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["breadcrumbs"] = [crumb(HOME, reverse("website:home")), crumb(_("Routekaart"))]
        return context


class FaseDetailView(ChecklistMixin, TemplateView):
    template_name = "routekaart/fase_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        voortgang = context["voortgang"]
        index = next((i for i, v in enumerate(voortgang) if v.fase.slug == self.kwargs["slug"]), None)
        if index is None:
            raise Http404
        fase = voortgang[index].fase
        context.update(
            fase=fase,
            deze_fase=voortgang[index],
            eerdere_fasen=voortgang[:index],
            latere_fasen=voortgang[index + 1 :],
            vorige=voortgang[index - 1].fase if index > 0 else None,
            volgende=voortgang[index + 1].fase if index + 1 < len(voortgang) else None,
            breadcrumbs=[
                crumb(HOME, reverse("website:home")),
                crumb(_("Routekaart"), with_state(reverse("routekaart:overzicht"), context["checklist"])),
                crumb(_("Fase %(nummer)s: %(naam)s") % {"nummer": fase.nummer, "naam": fase.naam}),
            ],
            rollen=fase.rollen.all(),
            hulpmiddelen=fase.hulpmiddelen.select_related(*(kind.key for kind in KINDS)),
        )
        return context


@require_GET
def voortgang_export(request, fmt):
    """The voortgang sheet for the ticks in the URL; ignored values are simply left out."""
    checklist = Checklist.from_query(request.GET, phases_with_items())
    note_rows = notes(
        subject=gettext("Voortgang op de checklist van de Routekaart Wonen Eerst"),
        source=request.build_absolute_uri(with_state(reverse("routekaart:overzicht"), checklist)),
        filters=None,
        count=checklist.aantal_punten,
        extra=[
            (
                gettext("Afgevinkt"),
                gettext("%(afgevinkt)s van %(totaal)s punten")
                % {"afgevinkt": checklist.aantal_afgevinkt, "totaal": checklist.aantal_punten},
            )
        ],
    )
    sheet = voortgang_sheet(checklist, timezone.localdate())
    filename = export_filename("routekaart-voortgang")
    return spreadsheet_response(fmt, filename, [sheet], note_rows)
