"""Every answer of the API carries the full version of the API it speaks (NLGov API Design Rules,
/core/version-header), whoever made it: a view, a problem, a redirect, a CORS preflight."""

from django.conf import settings

API_PREFIX = "/api/v1"


def is_api_path(path):
    """Whether an address belongs to the versioned API (the root /api/v1 included), not to the /api/ page."""
    return path == API_PREFIX or path.startswith(API_PREFIX + "/")


class ApiVersionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_api_path(request.path_info):
            response.headers["API-Version"] = settings.API_VERSION
        return response
