"""What a catalogue item's public page shows, depending on the item's status and who asks."""

from django.contrib import messages
from django.contrib.auth import get_permission_codename
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from catalogue.kinds import kind_of
from catalogue.models import Status


class ItemArchived(Exception):
    def __init__(self, item):
        super().__init__(item.slug)
        self.item = item


class PublicationMixin:
    """For the detail view of a catalogue item, whose queryset holds the published items.

    Visitors see published items only. Logged-in staff who may view the model in the beheeromgeving also
    see concept items, marked as a preview and never cached. An archived item answers 410 Gone with a page
    that says so, for everyone.
    """

    archived_template_name = "website/archived.html"
    preview = False

    def may_preview(self):
        user = self.request.user
        opts = self.model._meta
        return (
            user.is_active
            and user.is_staff
            and user.has_perm(f"{opts.app_label}.{get_permission_codename('view', opts)}")
        )

    def get_object(self, queryset=None):
        try:
            return super().get_object(queryset)
        except Http404:
            item = self.model._default_manager.filter(slug=self.kwargs.get(self.slug_url_kwarg)).first()
            if item is None:
                raise
            if item.status == Status.GEARCHIVEERD:
                raise ItemArchived(item) from None
            if not self.may_preview():
                raise
            self.preview = True
            return item

    def get(self, request, *args, **kwargs):
        try:
            response = super().get(request, *args, **kwargs)
        except ItemArchived as archived:
            return self.archived_response(archived.item)
        if self.preview:
            add_never_cache_headers(response)
            response["X-Robots-Tag"] = "noindex"
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["voorbeeld"] = self.preview
        if self.preview:
            messages.warning(
                self.request,
                _("Voorbeeld: concept. Bezoekers zien deze pagina pas als het item is gepubliceerd."),
            )
        return context

    def archived_response(self, item):
        opts = self.model._meta
        context = {
            "item": item,
            "soort": opts.verbose_name,
            "soort_meervoud": opts.verbose_name_plural,
            "lijst_url": kind_of(self.model).list_url(),
        }
        return TemplateResponse(self.request, self.archived_template_name, context, status=410)
