"""The query of a list: the FilterSet's filters under lowerCamelCase names (NLGov API Design Rules), `page`
and `pageSize`. Unknown parameters and values a filter cannot use are refused with a problem response that
names each of them, where the pages would report and ignore them: a program should not get a silently
different list.

A filter of several values takes them as repeated parameters (`?doelgroep=a&doelgroep=b`, as the pages send
them) or separated by commas (`?doelgroep=a,b`). Within one filter an item needs one of the values (OR),
across filters it needs all of them (AND), as on the pages.
"""

import re
from dataclasses import dataclass

import django_filters
from django.http import QueryDict
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter

from api.problems import InvalidParams
from website.facets import flat_choices
from website.filters import RELEVANCE_SORT, ItemFilterSet

PAGE, PAGE_SIZE = "page", "pageSize"
DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE = 20, 100

# Filters whose values are the slugs (or codes) of another resource of the API.
VALUES_FROM = {
    "doelgroep": "doelgroepen",
    "plaats": "plaatsen",
    "organisatie": "organisaties",
    "contractvorm": "contractvormen",
    "woonsituatie": "woonsituaties",
    "woonzorgconcept": "woonzorgconcepten",
    "toetspunt": "toetspunten",
    "bron": "bronnen",
    "type": "succesversneller-typen",
    "bijdrage": "bijdragen",
}


def camel(name):
    """A filter name as a query key: 'benut_leegstand' → 'benutLeegstand'."""
    first, *rest = name.split("_")
    return first + "".join(part.capitalize() for part in rest)


def is_multiple(filter_):
    return isinstance(filter_, django_filters.MultipleChoiceFilter)


@dataclass(frozen=True)
class ListQuery:
    data: QueryDict  # the filter values under the FilterSet's own names
    page: int
    page_size: int


def _whole_number(request, key, default, maximum, invalid):
    raw = request.GET.getlist(key)
    if not raw:
        return default
    value = raw[-1].strip()
    if len(raw) > 1:
        invalid.append((key, _("Geef deze parameter maar één keer op.")))
    elif not re.fullmatch(r"[0-9]{1,9}", value) or int(value) < 1 or (maximum and int(value) > maximum):
        reason = (
            _("Geef een heel getal van 1 tot en met %(maximum)s.") % {"maximum": maximum}
            if maximum
            else _("Geef een heel getal vanaf 1.")
        )
        invalid.append((key, reason))
    else:
        return int(value)
    return default


def check_no_parameters(request):
    """A resource without parameters refuses every one (InvalidParams)."""
    _query, invalid = parse_list_query(request, paged=False)
    if invalid:
        raise InvalidParams(invalid)


def parse_list_query(request, filterset_class=None, extra=(), paged=True):
    """(the list's query, [(parameter, reason)] for every parameter it cannot use). `extra` are parameters
    the view reads itself; `paged` whether it takes page and pageSize."""
    pages = (PAGE, PAGE_SIZE) if paged else ()
    filters = filterset_class.base_filters if filterset_class else {}
    names = {camel(name): name for name in filters}
    invalid, data = [], QueryDict(mutable=True)
    for key, values in request.GET.lists():
        if key in pages or key in extra:
            continue
        if key not in names:
            known = ", ".join([*names, *extra, *pages])
            reason = (
                _("Onbekende parameter. Hier kunnen: %(known)s.") % {"known": known}
                if known
                else _("Onbekende parameter: dit adres neemt geen parameters.")
            )
            invalid.append((key, reason))
            continue
        if is_multiple(filters[names[key]]):
            values = [part.strip() for value in values for part in value.split(",") if part.strip()]
        elif len(values) > 1:
            invalid.append((key, _("Geef deze parameter maar één keer op.")))
            continue
        data.setlist(names[key], values)
    page = _whole_number(request, PAGE, 1, None, invalid) if paged else 1
    page_size = _whole_number(request, PAGE_SIZE, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, invalid) if paged else 0
    return ListQuery(data, page, page_size), invalid


def filterset_errors(filterset):
    """[(parameter, reason)] for every value the FilterSet cannot use, in its own words."""
    if not filterset.is_bound or filterset.is_valid():
        return []
    return [
        (camel(name) if name in filterset.filters else name, " ".join(str(m) for m in messages))
        for name, messages in filterset.form.errors.items()
    ]


def _static_values(filter_):
    """The values a filter takes when they are fixed in the code (not a vocabulary read from the database)."""
    choices = filter_.extra.get("choices")
    if isinstance(choices, list | tuple):
        return [str(value) for value, _label, _group in flat_choices(choices)]
    return None


def filter_parameters(filterset_class):
    """The OpenAPI query parameters of a FilterSet's filters."""
    parameters = []
    for name, filter_ in filterset_class.base_filters.items():
        description = str(filter_.label or name).rstrip(".") + "."
        values = _static_values(filter_)
        if name == "sort":
            values = list(filterset_class.sort_options)
            if issubclass(filterset_class, ItemFilterSet):
                values += list(RELEVANCE_SORT)
                description += " " + _(
                    "Zonder: de volgorde van de lijst op de site; relevantie alleen met q."
                )
        if name in VALUES_FROM:
            description += " " + _("Waarden: de slug uit /api/v1/%(bron)s.") % {"bron": VALUES_FROM[name]}
        schema = {"type": "string"}
        if values:
            schema["enum"] = values
        if filter_.extra.get("max_length"):
            schema["maxLength"] = filter_.extra["max_length"]
        if is_multiple(filter_):
            description += " " + _(
                "Meerdere waarden: herhaal de parameter of scheid ze met komma's; een item heeft er één van "
                "nodig."
            )
            schema = {"type": "array", "items": schema}
        parameters.append(
            OpenApiParameter(
                camel(name),
                type=schema,
                location=OpenApiParameter.QUERY,
                description=description,
                explode=True if is_multiple(filter_) else None,
                style="form" if is_multiple(filter_) else None,
            )
        )
    return parameters


def page_parameters():
    return [
        OpenApiParameter(
            PAGE,
            {"type": "integer", "minimum": 1},
            OpenApiParameter.QUERY,
            description=_("Het nummer van de pagina, vanaf 1. Standaard 1."),
        ),
        OpenApiParameter(
            PAGE_SIZE,
            {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE},
            OpenApiParameter.QUERY,
            description=_(
                "Het aantal resultaten per pagina, 1 tot en met %(maximum)s. Standaard %(default)s."
            )
            % {"maximum": MAX_PAGE_SIZE, "default": DEFAULT_PAGE_SIZE},
        ),
    ]
