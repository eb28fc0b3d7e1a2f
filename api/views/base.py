"""The API's views: read-only, conditional on the catalogue's generation, and described for the OpenAPI
document by their resource (api/schema.py reads the attributes below)."""

from django.conf import settings
from django.utils.cache import get_conditional_response
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter
from rest_framework.response import Response
from rest_framework.views import APIView

from api.pagination import Pagination
from api.params import filter_parameters, page_parameters, parse_list_query
from api.problems import InvalidParams
from core.cache import cached, served_version
from core.page_cache import request_fingerprint

# Clients may keep an answer, but must ask whether it is still current (a 304 costs no query).
CACHE_CONTROL = "no-cache"


def catalogue_etag(suffix=""):
    """Weak, like the pages' ETag (core/http.py): the release and the catalogue's generation, and the API's
    version."""
    return f'W/"{served_version()}-{settings.API_VERSION}{suffix}"'


class ApiView(APIView):
    """A GET (and HEAD) endpoint of the API."""

    http_method_names = ["get", "head", "options"]
    tag = None
    operation_id = None
    summary = ""
    description = ""

    def schema_parameters(self):
        """The query parameters the OpenAPI document lists."""
        return []

    def schema_response(self):
        """The serializer of a 200 answer, for the OpenAPI document."""
        return None

    def conditional(self, request, build, *, etag=None, headers=None):
        """304 Not Modified while the client's copy is current; otherwise the answer build() makes, with the
        ETag. Everything that can fail on bad input is checked before this, so a 304 never hides a 400.

        The API answers every client alike, so what build() makes is kept until the next edit of the
        catalogue, per address and query (core/page_cache.py). Throttling and the checks above still run
        for every request; only the reading and serialising is done once."""
        etag = etag or catalogue_etag()
        not_modified = get_conditional_response(request, etag=etag)
        if not_modified is not None:
            not_modified.headers["ETag"] = etag
            not_modified.headers["Cache-Control"] = CACHE_CONTROL
            return not_modified
        data = cached(f"api:{settings.API_VERSION}:{request_fingerprint(request)}", build)
        return Response(data, headers={"ETag": etag, "Cache-Control": CACHE_CONTROL, **(headers or {})})


class ResourceListView(ApiView):
    resource = None
    pagination_class = Pagination

    @property
    def tag(self):
        return self.resource.tag

    @property
    def operation_id(self):
        return "list" + "".join(part.capitalize() for part in self.resource.segment.split("-"))

    @property
    def description(self):
        return _(
            "Alle %(soort)s die een bezoeker van de site ziet, per pagina. Filters binnen één parameter "
            "zijn OF, tussen parameters EN."
        ) % {"soort": self.resource.label_plural}

    def schema_parameters(self):
        filters = filter_parameters(self.resource.filterset) if self.resource.filterset else []
        return [*filters, *page_parameters()]

    def schema_response(self):
        return self.resource.row_serializer(many=True)

    def get(self, request, *args, **kwargs):
        query, invalid = parse_list_query(request, self.resource.filterset)
        invalid += self.resource.query_errors(query)
        if invalid:
            raise InvalidParams(invalid)
        return self.conditional(
            request, lambda: self.resource.page(request, query, self.resource.bind(query))
        )

    @property
    def summary(self):
        return _("Lijst van %(soort)s") % {"soort": self.resource.label_plural}


class ResourceDetailView(ApiView):
    resource = None

    @property
    def tag(self):
        return self.resource.tag

    @property
    def operation_id(self):
        return "get" + "".join(part.capitalize() for part in self.resource.key.split("-"))

    @property
    def description(self):
        return _("Eén %(soort)s in zijn geheel, gevonden op zijn slug.") % {"soort": self.resource.label}

    def schema_parameters(self):
        return [
            OpenApiParameter(
                "slug",
                str,
                OpenApiParameter.PATH,
                description=_("De slug van de %(soort)s, zoals in het webadres van de pagina.")
                % {"soort": self.resource.label},
            )
        ]

    def schema_response(self):
        return self.resource.serializer()

    def get(self, request, *args, slug, **kwargs):
        return self.conditional(request, lambda: self.resource.detail(request, slug))

    @property
    def summary(self):
        return _("Eén %(soort)s") % {"soort": self.resource.label}


def resource_views(resource):
    """The list and detail view classes of one resource. `model` says which rows the detail's slug names."""
    name = "".join(part.capitalize() for part in resource.key.split("-"))
    attributes = {"resource": resource, "model": resource.model, "__module__": __name__}
    return (
        type(f"{name}ListView", (ResourceListView,), attributes),
        type(f"{name}DetailView", (ResourceDetailView,), attributes),
    )
