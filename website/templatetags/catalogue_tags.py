from django import template

register = template.Library()


@register.filter
def kind_label(item):
    """The kind of a catalogue item in words, e.g. 'woonvorm'."""
    return item._meta.verbose_name
