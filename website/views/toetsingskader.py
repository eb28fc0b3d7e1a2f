"""The toetsingskader page and the scoring matrix."""

from django.utils.functional import cached_property
from django.views.generic import TemplateView

from assessment import scoring
from assessment.models import Beoordeling, LeidendPrincipe, Score, Toetspunt
from assessment.selectors import item_assessment
from catalogue.kinds import SCORED_KINDS
from catalogue.models import Woonvorm
from core.cache import TIMEOUT, cached
from website import matrix
from website.views.lists import ItemListView


class ToetsingskaderView(TemplateView):
    template_name = "website/toetsingskader.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            principes=LeidendPrincipe.objects.prefetch_related("toetspunten"),
            toetspunten=Toetspunt.objects.prefetch_related("principes"),
            punten=[(Score.Waarde(w).label, p) for w, p in scoring.POINTS.items()],
            niet_meegeteld=[Score.Waarde.ONBEKEND.label, Score.Waarde.NVT.label],
            drempels=scoring.LEVEL_THRESHOLDS,
            min_gescoord=scoring.MIN_SCORED,
            kern_aantal=scoring.CORE_COUNT,
            symbolen=[(Score.Waarde(w).label, s) for w, s in scoring.SYMBOLS.items()],
            alles_bekend=scoring.NEED_ALL_KNOWN,
            te_weinig=scoring.Niveau.ONBEKEND.label,
            voorbeeld=cached("toetsingskader:voorbeeld", worked_example),
        )
        return context


# The woonvorm whose assessment the toetsingskader page works out step by step; any other assessed one
# when it is not there.
EXAMPLE_SLUG = "project-010"


def worked_example():
    """An assessed published woonvorm's core scores with their points and its summary, computed by the same
    code as every page."""
    assessed = Woonvorm.objects.published().filter(beoordelingen__status=Beoordeling.Status.VASTGESTELD)
    item = assessed.filter(slug=EXAMPLE_SLUG).first() or assessed.order_by("naam").first()
    if item is None:
        return None
    assessment = item_assessment(item)
    core = [score for score in assessment["scores"] if score.toetspunt.soort == Toetspunt.Soort.KERN]
    return {
        "item": item,
        "rijen": [{"score": score, "punten": scoring.POINTS.get(score.waarde)} for score in core],
        "summary": assessment["summary"],
    }


class MatrixView(ItemListView):
    """Items × toetspunten: every score as text and symbol, with total, coverage and level."""

    template_name = "website/matrix.html"
    partial_template_name = "website/includes/_matrix_region.html"
    paginate_by = 50

    @cached_property
    def kind(self):
        return matrix.matrix_kind(self.request.GET)

    @property
    def model(self):
        return self.kind.model

    @cached_property
    def filterset(self):
        return matrix.matrix_filterset(self.kind, self.request.GET)

    # An htmx request from the filter form or its search box keeps the folded filters open after the swap.
    FILTER_CONTROLS = {"filters", "id_q"}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        toetspunten = scoring.toetspunten()
        context["toetspunten"] = toetspunten
        context["first_aanvullend"] = next(
            (t.code for t in toetspunten if t.soort == Toetspunt.Soort.AANVULLEND), None
        )
        context["wijzigingen"] = matrix.shows_changes(self.request.GET)
        context["rows"] = matrix.matrix_rows(context["items"], with_previous=context["wijzigingen"])
        context["row_tokens"], context["row_timeout"] = matrix.row_tokens(), TIMEOUT
        context["kinds"] = [(kind.key, kind.label_plural) for kind in SCORED_KINDS]
        context["current_kind"] = self.kind.key
        context["current_sort"] = self.filterset.form["sort"].value() or matrix.DEFAULT_SORT
        context["symbolen"] = [(w, Score.Waarde(w).label, s) for w, s in scoring.SYMBOLS.items()]
        context["filters_open"] = bool(
            (self.is_htmx() and self.request.headers.get("HX-Trigger") in self.FILTER_CONTROLS)
            or self.filterset.expanded()
        )
        context["niet_beoordeeld"], context["niet_beoordeeld_aantal"] = cached(
            self.filterset.cache_name("unassessed"), lambda: matrix.unassessed(self.filterset)
        )
        return context
