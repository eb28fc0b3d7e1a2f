from django import template
from django.urls import reverse
from django.utils.http import urlencode

from catalogue.kinds import kind_of
from website.kansenkaart import COLUMN_FILTERS

register = template.Library()


@register.simple_tag
def kansenkaart_url(filterset, column):
    """The kansenkaart of a list's kind with the list's provincie filter, opened on `column`: where the facets
    cannot show it, the combinations without items."""
    query = {"soort": kind_of(filterset.queryset.model).key}
    if column != COLUMN_FILTERS[0]:
        query["kolom"] = column
    provincies = filterset.cleaned().get("provincie")
    if provincies:
        query["provincie"] = provincies
    return f"{reverse('website:kansenkaart')}?{urlencode(query, doseq=True)}"
