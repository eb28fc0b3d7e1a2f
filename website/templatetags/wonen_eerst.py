from django import template

from assessment import scoring
from assessment.selectors import item_assessment

register = template.Library()


@register.filter
def score_summary(item):
    """The ScoreSummary of an item annotated with its Wonen Eerst figures; None when not assessed."""
    return scoring.item_summary(item)


@register.filter
def symbool(waarde):
    """The symbol that goes with a score value, shown beside its words (never instead of them)."""
    return scoring.SYMBOLS.get(waarde, "")


@register.inclusion_tag("website/includes/_beoordeling.html")
def beoordeling_section(item):
    """The score section of a woonvorm or praktijkvoorbeeld page: its vastgestelde beoordeling with every
    score and reason, its provenance, a chart, the ontwikkelpunten and the timeline of earlier versions."""
    return {**item_assessment(item), "minimum_gescoord": scoring.MIN_SCORED}
