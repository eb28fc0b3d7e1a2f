from django import template

from website.jsonld import item_json_ld

register = template.Library()


@register.simple_tag(takes_context=True)
def json_ld(context, item):
    """The schema.org JSON-LD of a published item (website/jsonld.py); nothing for a preview of a concept."""
    if not item.is_published:
        return ""
    return item_json_ld(item, context["request"])
