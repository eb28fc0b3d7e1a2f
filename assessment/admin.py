from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from assessment import services
from assessment.models import Beoordeling, LeidendPrincipe, Score, Scoring, ScoringScore, Toetspunt
from assessment.review import comparison, submitted_scorings
from catalogue.kinds import SCORED_KINDS
from core.history import HistoryAdmin


@admin.register(LeidendPrincipe)
class LeidendPrincipeAdmin(HistoryAdmin):
    list_display = ["nummer", "naam"]
    search_fields = ["naam", "toelichting"]
    prepopulated_fields = {"slug": ["naam"]}


@admin.register(Toetspunt)
class ToetspuntAdmin(HistoryAdmin):
    list_display = ["code", "korte_naam", "soort"]
    list_filter = ["soort", "principes"]
    search_fields = ["code", "naam", "korte_naam"]
    filter_horizontal = ["principes"]
    prepopulated_fields = {"slug": ["code"]}


class ScoreInline(admin.TabularInline):
    """The consensus: per toetspunt the agreed score with its reason. Shown once both beoordelaars have
    submitted their scoring."""

    model = Score
    fields = ["toetspunt", "waarde", "toelichting", "vindplaats"]
    readonly_fields = ["toetspunt"]
    extra = 0
    can_delete = False
    verbose_name_plural = _("Consensus: de afgesproken score per toetspunt, met de reden")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Beoordeling)
class BeoordelingAdmin(HistoryAdmin):
    change_form_template = "admin/assessment/beoordeling/change_form.html"
    list_display = ["__str__", "status", "fase", "datum", "beoordelaar"]
    list_filter = ["status", "beoordelaar_soort", "datum"]
    search_fields = [*(f"{kind.key}__naam" for kind in SCORED_KINDS), "beoordelaar", "samenvatting"]
    autocomplete_fields = ["woonvorm", "praktijkvoorbeeld", "bronnen"]
    list_select_related = ["woonvorm", "praktijkvoorbeeld"]
    readonly_fields = ["status", "vorige", "vastgesteld_door", "vastgesteld_op"]
    fieldsets = [
        (None, {"fields": ["woonvorm", "praktijkvoorbeeld", "slug", "datum", "status", "vorige"]}),
        (
            _("Herkomst"),
            {
                "fields": [
                    "beoordelaar_soort",
                    "beoordelaar",
                    "bronnen",
                    "werkwijze",
                    "vastgesteld_door",
                    "vastgesteld_op",
                ]
            },
        ),
        (_("Oordeel"), {"fields": ["samenvatting", "ontwikkelpunten"]}),
    ]

    def get_queryset(self, request):
        # The list's "fase" column counts the submitted scorings in the same query, not one query per row.
        return (
            super()
            .get_queryset(request)
            .annotate(ingediend=Count("scorings", filter=Q(scorings__ingediend_op__isnull=False)))
        )

    @admin.display(description=_("fase"))
    def fase(self, obj):
        if obj.status != Beoordeling.Status.CONCEPT:
            return obj.get_status_display()
        if obj.ingediend < services.REVIEWERS:
            return _("onafhankelijk scoren (%(aantal)s van 2 ingediend)") % {"aantal": obj.ingediend}
        return _("consensus")

    def has_change_permission(self, request, obj=None):
        # A vastgestelde or vervallen version is never changed in place: a change is a new version.
        if obj is not None and obj.status != Beoordeling.Status.CONCEPT:
            return False
        return super().has_change_permission(request, obj)

    def get_inlines(self, request, obj):
        if obj is not None and obj.status == Beoordeling.Status.CONCEPT and comparison(obj) is not None:
            return [ScoreInline]
        return []

    def save_model(self, request, obj, form, change):
        if not change:
            # A beoordeling made here is a new version in progress; only adopt() makes one vastgesteld.
            obj.status = Beoordeling.Status.CONCEPT
            current = (
                Beoordeling.objects.vastgesteld().filter(**{obj.item._meta.model_name: obj.item}).first()
            )
            obj.vorige = current
        super().save_model(request, obj, form, change)

    def get_urls(self):
        own = [
            path(
                "<int:pk>/mijn-scoring/",
                self.admin_site.admin_view(self.my_scoring),
                name="assessment_beoordeling_mijn_scoring",
            ),
            path(
                "<int:pk>/vaststellen/",
                self.admin_site.admin_view(require_POST(self.adopt)),
                name="assessment_beoordeling_vaststellen",
            ),
            path(
                "<int:pk>/nieuwe-versie/",
                self.admin_site.admin_view(require_POST(self.new_version)),
                name="assessment_beoordeling_nieuwe_versie",
            ),
        ]
        return own + super().get_urls()

    def _change_url(self, obj):
        return reverse("admin:assessment_beoordeling_change", args=[obj.pk])

    def _run(self, request, step, success, back):
        try:
            result = step()
        except services.ReviewError as error:
            self.message_user(request, str(error), messages.ERROR)
            return HttpResponseRedirect(back)
        self.message_user(request, success, messages.SUCCESS)
        return result

    def my_scoring(self, request, pk):
        beoordeling = get_object_or_404(Beoordeling, pk=pk)
        if not request.user.has_perm("assessment.change_scoring"):
            raise PermissionDenied
        try:
            scoring = services.scoring_for(beoordeling=beoordeling, user=request.user)
        except services.ReviewError as error:
            self.message_user(request, str(error), messages.ERROR)
            return HttpResponseRedirect(self._change_url(beoordeling))
        return HttpResponseRedirect(reverse("admin:assessment_scoring_change", args=[scoring.pk]))

    def adopt(self, request, pk):
        beoordeling = get_object_or_404(Beoordeling, pk=pk)
        if not self.has_change_permission(request, beoordeling):
            raise PermissionDenied
        back = self._change_url(beoordeling)
        result = self._run(
            request,
            lambda: services.adopt(beoordeling=beoordeling, user=request.user),
            _("De beoordeling is vastgesteld; de vorige versie is vervallen."),
            back,
        )
        return result if isinstance(result, HttpResponseRedirect) else HttpResponseRedirect(back)

    def new_version(self, request, pk):
        beoordeling = get_object_or_404(Beoordeling, pk=pk)
        if not super().has_change_permission(request, beoordeling) or not self.has_add_permission(request):
            raise PermissionDenied
        result = self._run(
            request,
            lambda: services.start_version(item=beoordeling.item),
            _(
                "Een nieuwe versie is begonnen. De vastgestelde beoordeling blijft zichtbaar "
                "tot deze is vastgesteld."
            ),
            self._change_url(beoordeling),
        )
        if isinstance(result, Beoordeling):
            return HttpResponseRedirect(self._change_url(result))
        return result

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            found = comparison(obj) if obj.status == Beoordeling.Status.CONCEPT else None
            own = obj.scorings.filter(beoordelaar=request.user).first()
            context.update(
                vergelijking=found,
                eigen_scoring=own,
                ingediend=len(submitted_scorings(obj)) if obj.status == Beoordeling.Status.CONCEPT else None,
                bezwaren=services.adoption_problems(obj) if found else [],
                kan_scoren=request.user.has_perm("assessment.change_scoring"),
                kan_nieuwe_versie=(
                    obj.status == Beoordeling.Status.VASTGESTELD
                    and super().has_change_permission(request, obj)
                    and self.has_add_permission(request)
                ),
            )
        return super().render_change_form(request, context, add, change, form_url, obj)


class ScoringScoreInline(admin.TabularInline):
    model = ScoringScore
    fields = ["toetspunt", "waarde", "toelichting", "vindplaats"]
    readonly_fields = ["toetspunt"]
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class ScoringForm(forms.ModelForm):
    class Meta:
        model = Scoring
        fields = []


@admin.register(Scoring)
class ScoringAdmin(HistoryAdmin):
    """One beoordelaar's own scoring. Each sees only their own until both are submitted."""

    change_form_template = "admin/assessment/scoring/change_form.html"
    form = ScoringForm
    list_display = ["__str__", "ingediend_op"]
    list_select_related = ["beoordeling__woonvorm", "beoordeling__praktijkvoorbeeld", "beoordelaar"]
    inlines = [ScoringScoreInline]
    readonly_fields = ["beoordeling", "beoordelaar", "ingediend_op"]
    fields = ["beoordeling", "beoordelaar", "ingediend_op"]

    def get_queryset(self, request):
        """The user's own scorings, and the scorings of versions whose two scorings are both submitted."""
        both_in = Beoordeling.objects.annotate(
            ingediend=Count("scorings", filter=Q(scorings__ingediend_op__isnull=False))
        ).filter(ingediend__gte=services.REVIEWERS)
        own_or_open = Q(beoordelaar=request.user) | Q(beoordeling__in=both_in.values("pk"))
        return super().get_queryset(request).filter(own_or_open)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        if obj is not None and (obj.ingediend or obj.beoordelaar_id != request.user.pk):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        own = [
            path(
                "<int:pk>/indienen/",
                self.admin_site.admin_view(require_POST(self.submit)),
                name="assessment_scoring_indienen",
            )
        ]
        return own + super().get_urls()

    def submit(self, request, pk):
        scoring = get_object_or_404(self.get_queryset(request), pk=pk)
        beoordeling_url = reverse("admin:assessment_beoordeling_change", args=[scoring.beoordeling_id])
        try:
            services.submit_scoring(scoring=scoring, user=request.user)
        except services.ReviewError as error:
            self.message_user(request, str(error), messages.ERROR)
            return HttpResponseRedirect(reverse("admin:assessment_scoring_change", args=[scoring.pk]))
        self.message_user(request, _("Uw scoring is ingediend."), messages.SUCCESS)
        return HttpResponseRedirect(beoordeling_url)


@admin.register(Score)
class ScoreAdmin(HistoryAdmin):
    list_display = ["beoordeling", "toetspunt", "waarde"]
    list_filter = ["waarde", "toetspunt"]
    search_fields = [*(f"beoordeling__{kind.key}__naam" for kind in SCORED_KINDS), "toelichting"]
    autocomplete_fields = ["beoordeling"]
    list_select_related = ["beoordeling__woonvorm", "beoordeling__praktijkvoorbeeld", "toetspunt"]

    def has_change_permission(self, request, obj=None):
        # Scores of a vastgestelde or vervallen version do not change in place.
        if obj is not None and obj.beoordeling.status != Beoordeling.Status.CONCEPT:
            return False
        return super().has_change_permission(request, obj)
