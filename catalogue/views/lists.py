"""Filtered lists of catalogue items and the search across all kinds."""

from django.views.generic import ListView

from catalogue.models import Praktijkvoorbeeld, Succesversneller, Woonvorm


class ItemListView(ListView):
    template_name = "catalogue/item_list.html"
    context_object_name = "items"
    paginate_by = 20

    def get_queryset(self):
        return self.model.objects.published()


class WoonvormListView(ItemListView):
    model = Woonvorm


class SuccesversnellerListView(ItemListView):
    model = Succesversneller


class PraktijkvoorbeeldListView(ItemListView):
    model = Praktijkvoorbeeld
