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


@register.inclusion_tag("assessment/includes/_beoordeling.html")
def beoordeling_section(item):
    """The score section of a woonvorm or praktijkvoorbeeld page: its vastgestelde beoordeling with every
    score and reason, a chart, the ontwikkelpunten and the dates of earlier beoordelingen."""
    return scoring.item_assessment(item)
