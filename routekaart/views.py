from django.views.generic import DetailView, ListView

from routekaart.models import Fase


class RoutekaartView(ListView):
    model = Fase
    template_name = "routekaart/overzicht.html"
    context_object_name = "fasen"


class FaseDetailView(DetailView):
    model = Fase
    template_name = "routekaart/fase_detail.html"
    context_object_name = "fase"

    def get_queryset(self):
        return Fase.objects.prefetch_related("rollen", "hulpmiddelen", "checklistitems")
