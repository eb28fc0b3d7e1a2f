"""Every public URL survives random and hostile querystrings: a known status, a Dutch page, nothing reflected.

The URLs come from the URLconf itself, so a new public page is covered (or this test says what it needs).
"""

from html.parser import HTMLParser
from urllib.parse import urlencode

import pytest
from django.urls import URLResolver, get_resolver, reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalogue.kinds import BY_MODEL
from catalogue.models import Status
from routekaart.models import Fase
from tests.factories import make_one_of_everything, make_woonvorm

pytestmark = pytest.mark.django_db

ALLOWED_STATUSES = {200, 302, 400, 404, 410}

MARKUP = [
    '<script>alert("xss")</script>',
    '"><img src=x onerror=alert(1)>',
    "'><svg onload=alert(1)>",
    '<a href="javascript:alert(1)">klik</a>',
]
HOSTILE = [
    *MARKUP,
    "' OR '1'='1' --",
    "1; DROP TABLE catalogue_woonvorm;--",
    "%27%22%3C",
    "\\",
    "../../etc/passwd",
    "{{ 7|add:7 }}",
    "{% debug %}",
    "\x00",
    "9" * 400,
    "-1",
    "0",
    "1e309",
    "NaN",
    "-9223372036854775809",
    "\u202eDakloos\u200b",
    "🏠",
    "a" * 3000,
]
KEYS = [
    "q",
    "page",
    "sort",
    "o",
    "doelgroep",
    "contractvorm",
    "woonsituatie",
    "woonzorgconcept",
    "plaats",
    "provincie",
    "begeleiding",
    "leeftijdsgroep",
    "bron",
    "status",
    "type",
    "bijdrage",
    "items",
    "format",
]

text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30)
values = st.one_of(
    st.sampled_from(HOSTILE),
    text,
    st.integers().map(str),
    st.builds(lambda before, bad, after: before + bad + after, text, st.sampled_from(HOSTILE), text),
)
keys = st.one_of(st.sampled_from(KEYS), text.filter(bool), st.sampled_from(MARKUP))
querystrings = st.one_of(
    st.lists(st.tuples(keys, values), max_size=6),
    # the same key repeated, as a multi-select sends it
    st.builds(
        lambda key, repeated: [(key, v) for v in repeated],
        st.sampled_from(KEYS),
        st.lists(values, min_size=2, max_size=5),
    ),
)


def public_url_names():
    """The name of every URL outside the beheeromgeving."""
    names = []

    def walk(patterns, prefix):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if pattern.app_name != "admin":
                    namespace = f"{pattern.namespace}:" if pattern.namespace else ""
                    walk(pattern.url_patterns, prefix + namespace)
            else:
                assert pattern.name, f"every public URL needs a name: {pattern.pattern}"
                names.append((prefix + pattern.name, pattern))

    walk(get_resolver().url_patterns, "")
    return names


PUBLIC_URLS = public_url_names()


# Views whose slug names a row without a `model` attribute saying which.
SLUG_MODELS = {"routekaart:fase-detail": Fase}
# Other URL arguments, by name.
EXAMPLE_ARGUMENTS = {"fmt": "csv"}


def _arguments(pattern):
    regex = getattr(pattern.pattern, "regex", None)
    converters = getattr(pattern.pattern, "converters", {})
    return list(converters) or list(regex.groupindex if regex is not None else [])


def _example_url(name, pattern):
    """The URL with real values for its arguments: a published row of the view's model for a slug."""
    kwargs = {}
    for argument in _arguments(pattern):
        if argument in EXAMPLE_ARGUMENTS:
            kwargs[argument] = EXAMPLE_ARGUMENTS[argument]
            continue
        model = getattr(getattr(pattern.callback, "view_class", None), "model", None) or SLUG_MODELS.get(name)
        assert argument == "slug" and model is not None, f"no example value for {argument} in {name}"
        rows = model.objects.published() if model in BY_MODEL else model._default_manager.all()
        kwargs["slug"] = rows.first().slug
    return reverse(name, kwargs=kwargs)


@pytest.fixture
def urls():
    make_one_of_everything()
    examples = {name: _example_url(name, pattern) for name, pattern in PUBLIC_URLS}
    examples["gearchiveerd item"] = make_woonvorm(status=Status.GEARCHIVEERD).get_absolute_url()
    examples["concept item"] = make_woonvorm(status=Status.CONCEPT).get_absolute_url()
    return examples


class _ActiveMarkup(HTMLParser):
    """Collects what a browser would run: event-handler attributes, script addresses, alerting scripts."""

    def __init__(self):
        super().__init__()
        self.found, self._in_script = [], False

    def handle_starttag(self, tag, attrs):
        self._in_script = tag == "script"
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=…>")
            if name in {"href", "src", "action", "formaction"} and (value or "").strip().lower().startswith(
                "javascript:"
            ):
                self.found.append(f"<{tag} {name}={value}>")

    def handle_data(self, data):
        if self._in_script and "alert(" in data:
            self.found.append(f"<script>{data}")

    def handle_endtag(self, tag):
        self._in_script = False


def _reflected(pairs, body):
    """Markup that was sent in and comes back unescaped, or anything a browser would run because of it."""
    sent = [part for pair in pairs for part in pair]
    found = [bad for bad in MARKUP if any(bad in part for part in sent) and bad in body]
    parser = _ActiveMarkup()
    parser.feed(body)
    return found + parser.found


@pytest.mark.parametrize("name", [name for name, _ in PUBLIC_URLS] + ["gearchiveerd item", "concept item"])
def test_a_public_url_survives_hostile_querystrings(client, urls, name):
    @settings(
        max_examples=30,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(pairs=querystrings)
    def check(pairs):
        response = client.get(f"{urls[name]}?{urlencode(pairs)}")
        assert response.status_code in ALLOWED_STATUSES, (urls[name], pairs, response.status_code)
        if response.status_code != 302 and response["Content-Type"].startswith("text/html"):
            body = response.content.decode()
            assert 'lang="nl"' in body, (urls[name], pairs)
            assert _reflected(pairs, body) == [], (urls[name], pairs)

    check()


def test_the_url_list_covers_the_pages_the_site_promises():
    names = {name for name, _ in PUBLIC_URLS}
    assert {
        "website:home",
        "website:health",
        "website:woonvorm-list",
        "website:woonvorm-detail",
        "website:doelgroep-detail",
        "website:toetsingskader",
        "routekaart:overzicht",
        "routekaart:fase-detail",
    } <= names
    assert not any(name.startswith("admin:") for name in names)
