"""Pages that htmx updates in place: the same address answers with the whole page or only its region."""

from django.utils.cache import patch_vary_headers


class HtmxPartialMixin:
    """With htmx, answer with the results partial only; the URL stays the same for both."""

    partial_template_name = None

    def is_htmx(self):
        return self.request.headers.get("HX-Request") == "true"

    def get_template_names(self):
        if self.is_htmx() and self.partial_template_name:
            return [self.partial_template_name]
        return super().get_template_names()

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        patch_vary_headers(response, ["HX-Request"])
        return response
