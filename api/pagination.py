"""Pages of a list: the envelope every list answers with, and its description in the OpenAPI document.

{"count": 21, "page": 1, "pageSize": 20, "pageCount": 2,
 "links": {"self": …, "first": …, "previous": null, "next": …, "last": …},
 "results": [...]}
"""

import math
from dataclasses import dataclass

from django.utils.translation import gettext as _
from rest_framework.exceptions import NotFound

from api.params import PAGE


@dataclass(frozen=True)
class Page:
    number: int
    size: int
    count: int

    @property
    def pages(self):
        return max(1, math.ceil(self.count / self.size))

    @property
    def start(self):
        return (self.number - 1) * self.size

    @property
    def end(self):
        return self.start + self.size


def page_of(count, number, size):
    """The page, or a 404 problem that says how many pages there are."""
    page = Page(number, size, count)
    if number > page.pages:
        raise NotFound(
            _("Pagina %(page)s bestaat niet: deze lijst heeft %(pages)s pagina('s) van %(size)s.")
            % {"page": number, "pages": page.pages, "size": size}
        )
    return page


def _link(request, number):
    query = request.GET.copy()
    if number == 1:
        query.pop(PAGE, None)
    else:
        query[PAGE] = str(number)
    encoded = query.urlencode()
    return request.build_absolute_uri(request.path + (f"?{encoded}" if encoded else ""))


def envelope(request, page, results):
    return {
        "count": page.count,
        "page": page.number,
        "pageSize": page.size,
        "pageCount": page.pages,
        "links": {
            "self": _link(request, page.number),
            "first": _link(request, 1),
            "previous": _link(request, page.number - 1) if page.number > 1 else None,
            "next": _link(request, page.number + 1) if page.number < page.pages else None,
            "last": _link(request, page.pages),
        },
        "results": results,
    }


class Pagination:
    """What drf-spectacular asks a list view's pagination_class: the envelope around the results."""

    def get_paginated_response_schema(self, schema):
        link = {"type": "string", "format": "uri"}
        nullable_link = {**link, "nullable": True}
        return {
            "type": "object",
            "required": ["count", "page", "pageSize", "pageCount", "links", "results"],
            "properties": {
                "count": {"type": "integer", "description": _("Het aantal resultaten op alle pagina's.")},
                "page": {"type": "integer", "description": _("Het nummer van deze pagina.")},
                "pageSize": {"type": "integer", "description": _("Resultaten per pagina.")},
                "pageCount": {"type": "integer", "description": _("Het aantal pagina's.")},
                "links": {
                    "type": "object",
                    "properties": {
                        "self": link,
                        "first": link,
                        "previous": nullable_link,
                        "next": nullable_link,
                        "last": link,
                    },
                },
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view):
        return []  # the view lists page and pageSize with its filters (api/params.py)
