"""The preview of an item's werkversie at the item's own address, with `?werkversie=1`.

Only staff who may change the item get it; for everyone else the parameter is ignored and the published
page answers. The preview is built from an unsaved copy of the item (catalogue.werkversies.werkversie_item),
rendered through the same card as the public page, marked at the top, and never stored by any cache.
"""

from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_cache_control

from catalogue import werkversies


class WerkversiePreviewMixin:
    """For an item's detail view: sets `werkversie` when its preview is asked for and allowed."""

    werkversie = None

    def get_object(self, queryset=None):
        item = super().get_object(queryset)
        asked = self.request.GET.get("werkversie") == "1"
        if asked and werkversies.may_change_items(self.request.user, self.model):
            self.werkversie = werkversies.werkversie_of(item)
        return item

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if self.werkversie is not None:
            add_never_cache_headers(response)
            patch_cache_control(response, private=True, no_store=True)
            response["X-Robots-Tag"] = "noindex"
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.werkversie is not None:
            opts = self.model._meta
            admin = f"admin:{opts.app_label}_{opts.model_name}"
            # The page's title and description too, not only the card, show the werkversie.
            shown = werkversies.werkversie_item(
                self.werkversie, self.model._default_manager.get(pk=self.object.pk)
            )
            context["item"] = context["object"] = shown
            context["werkversie_voorbeeld"] = {
                "door": werkversies.person(self.werkversie.aangemaakt_door),
                "sinds": werkversies.moment(self.werkversie.bijgewerkt_op),
                "publiceren_url": f"{reverse(f'{admin}_werkversie', args=[self.object.pk])}#publiceren",
                "beheer_url": reverse(f"{admin}_change", args=[self.object.pk]),
            }
        return context
