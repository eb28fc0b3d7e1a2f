"""Breadcrumbs: the trail from the home page to the page a visitor is on."""

from django.utils.translation import pgettext_lazy

HOME = pgettext_lazy("hoofdmenu", "Home")


def crumb(label, url=None):
    """One step of the trail; the last step, the page itself, has no address."""
    return {"label": label, "url": url}
