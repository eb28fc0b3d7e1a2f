"""/api/: the API explained in Dutch, with examples, and its OpenAPI document rendered as a page of the
site (no scripts or styles from another host, nor any of its own: the Content-Security-Policy stays as is)."""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from api.params import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE
from api.problems import TYPES
from api.views.other import document_for
from catalogue.models import Woonvorm
from core.navigation import HOME, crumb

METHOD_ORDER = ("get", "head", "options")


def operations(document):
    """The operations of the document per tag, in the order of its tags, with their parameters, responses and
    the name of the schema of their 200 answer."""
    by_tag = {tag["name"]: {"tag": tag, "operations": []} for tag in document.get("tags", [])}
    for path, methods in document["paths"].items():
        for method in METHOD_ORDER:
            operation = methods.get(method)
            if operation is None:
                continue
            tag = (operation.get("tags") or ["Overzicht"])[0]
            group = by_tag.setdefault(tag, {"tag": {"name": tag}, "operations": []})
            group["operations"].append(
                {
                    "method": method.upper(),
                    "path": document["servers"][0]["url"] + (path if path != "/" else ""),
                    "id": operation["operationId"],
                    "summary": operation.get("summary", ""),
                    "description": operation.get("description", ""),
                    "parameters": [
                        {**parameter, "type": type_of(parameter.get("schema", {}))}
                        for parameter in operation.get("parameters", [])
                    ],
                    "responses": [
                        {
                            "code": code,
                            "description": response.get("description", ""),
                            "schema": schema_of(response),
                        }
                        for code, response in sorted(operation["responses"].items())
                    ],
                }
            )
    return [group for group in by_tag.values() if group["operations"]]


def type_of(schema):
    """A schema in a few words: 'string', 'lijst van string', 'één van: a, b'."""
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    if schema.get("type") == "array":
        return "lijst van " + type_of(schema.get("items", {}))
    if schema.get("enum"):
        return "één van: " + ", ".join(str(value) for value in schema["enum"] if value)
    kind = schema.get("type", "object")
    return f"{kind} ({schema['format']})" if schema.get("format") else kind


def schema_of(response):
    for content in response.get("content", {}).values():
        schema = content.get("schema", {})
        if "$ref" in schema:
            return schema["$ref"].rsplit("/", 1)[-1]
    return ""


def schemas(document):
    """Every schema of the document with its properties: name, type, description, required."""
    result = []
    for name, schema in sorted(document.get("components", {}).get("schemas", {}).items()):
        required = set(schema.get("required", []))
        properties = [
            {
                "name": prop,
                "type": type_of(definition),
                "description": definition.get("description", ""),
                "required": prop in required,
                "nullable": definition.get("nullable", False),
            }
            for prop, definition in schema.get("properties", {}).items()
        ]
        result.append({"name": name, "description": schema.get("description", ""), "properties": properties})
    return result


class DocumentationView(TemplateView):
    template_name = "api/index.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        document = document_for(self.request)
        base = self.request.build_absolute_uri(reverse("api:root"))
        context.update(
            document=document,
            info=document["info"],
            groepen=operations(document),
            schemas=schemas(document),
            base=base,
            openapi_url=self.request.build_absolute_uri(reverse("api:openapi")),
            download_url=self.request.build_absolute_uri(reverse("api:download")),
            problemen=[
                {"anchor": anchor, "status": status, "title": title}
                for status, (anchor, title) in TYPES.items()
            ],
            page_size=DEFAULT_PAGE_SIZE,
            max_page_size=MAX_PAGE_SIZE,
            throttle=settings.API_THROTTLE_RATE,
            versie=settings.API_VERSION,
            licentie=settings.API_LICENSE,
            voorbeeld_slug=Woonvorm.objects.published()
            .order_by("naam")
            .values_list("slug", flat=True)
            .first()
            or "buur",
            breadcrumbs=[crumb(HOME, reverse("website:home")), crumb(_("Open data: de API"))],
        )
        return context
