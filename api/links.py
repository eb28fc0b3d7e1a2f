"""Absolute addresses of API resources and of the site's pages, as every representation links them."""

from django.urls import reverse

SLUG_PLACEHOLDER = "slug-placeholder"


def absolute(request, path):
    return request.build_absolute_uri(path) if request is not None else path


def detail_url(context, view_name, slug):
    """The API address of one resource (`api:<name>-detail`); the URL pattern is reversed once per request."""
    templates = context.setdefault("_url_templates", {})
    if view_name not in templates:
        path = reverse(view_name, kwargs={"slug": SLUG_PLACEHOLDER})
        templates[view_name] = absolute(context.get("request"), path)
    return templates[view_name].replace(SLUG_PLACEHOLDER, slug)


def api_url(request, view_name, query=None):
    path = reverse(view_name)
    return absolute(request, f"{path}?{query}" if query else path)


def page_url(request, obj):
    """The address of an object's page on the site, or None when it has none."""
    get_url = getattr(obj, "get_absolute_url", None)
    return absolute(request, get_url()) if get_url else None
