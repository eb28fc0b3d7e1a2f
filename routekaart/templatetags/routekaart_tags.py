from django import template

from catalogue.models.base import split_lines

register = template.Library()


@register.filter
def alineas(text):
    """A text with one paragraph per line, as a list of paragraphs."""
    return split_lines(text)
