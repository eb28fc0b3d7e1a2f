from django.views.generic import TemplateView

from assessment.models import LeidendPrincipe, Toetspunt


class ToetsingskaderView(TemplateView):
    template_name = "assessment/toetsingskader.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["principes"] = LeidendPrincipe.objects.all()
        context["toetspunten"] = Toetspunt.objects.prefetch_related("principes")
        return context
