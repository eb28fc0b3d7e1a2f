from django import template

from assessment import scoring

register = template.Library()


@register.filter
def niveau(item):
    """The Wonen Eerst level of an item annotated with its figures, in words; empty when not assessed."""
    level = scoring.item_level(item)
    return level.label if level else ""


@register.filter
def symbool(waarde):
    """The symbol that goes with a score value, shown beside its words (never instead of them)."""
    return scoring.SYMBOLS.get(waarde, "")
