"""Home, detail pages of catalogue items and vocabulary pages."""

from django.views.generic import DetailView, TemplateView

from catalogue.models import (
    Bron,
    Contractvorm,
    Doelgroep,
    Organisatie,
    Plaats,
    Praktijkvoorbeeld,
    Succesversneller,
    Woonsituatie,
    Woonvorm,
    Woonzorgconcept,
)


class HomeView(TemplateView):
    template_name = "catalogue/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["aantallen"] = [
            (model._meta.verbose_name_plural, model.objects.published().count())
            for model in (Woonvorm, Succesversneller, Praktijkvoorbeeld)
        ]
        return context


class ItemDetailView(DetailView):
    template_name = "catalogue/item_detail.html"
    context_object_name = "item"

    def get_queryset(self):
        return self.model.objects.published()


class WoonvormDetailView(ItemDetailView):
    model = Woonvorm


class SuccesversnellerDetailView(ItemDetailView):
    model = Succesversneller


class PraktijkvoorbeeldDetailView(ItemDetailView):
    model = Praktijkvoorbeeld


class VocabularyDetailView(DetailView):
    template_name = "catalogue/vocabulary_detail.html"
    context_object_name = "term"


class DoelgroepDetailView(VocabularyDetailView):
    model = Doelgroep


class ContractvormDetailView(VocabularyDetailView):
    model = Contractvorm


class WoonsituatieDetailView(VocabularyDetailView):
    model = Woonsituatie


class WoonzorgconceptDetailView(VocabularyDetailView):
    model = Woonzorgconcept


class OrganisatieDetailView(VocabularyDetailView):
    model = Organisatie


class PlaatsDetailView(VocabularyDetailView):
    model = Plaats


class BronDetailView(VocabularyDetailView):
    model = Bron
