"""Downloads are named after what they hold: the kind, the chosen filters and the date in Amsterdam."""

import datetime
import re
from unittest import mock

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.factories import make_doelgroep, make_toetsingskader, make_woonvorm
from website.export_names import FILTERS_LENGTH, export_filename

pytestmark = pytest.mark.django_db

SAFE_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]*-\d{4}-\d{2}-\d{2}$")
# 23:30 UTC on 4 December is already 5 December in Amsterdam.
LATE_EVENING_UTC = datetime.datetime(2026, 12, 4, 23, 30, tzinfo=datetime.UTC)


def at(moment):
    return mock.patch("django.utils.timezone.now", return_value=moment)


def attachment_name(response):
    assert response.status_code == 200
    disposition = response["Content-Disposition"]
    match = re.fullmatch(r'attachment; filename="([^"]+)"', disposition)
    assert match, disposition
    return match.group(1)


def test_a_list_export_carries_its_filters_and_the_date_in_amsterdam(client):
    make_doelgroep(slug="jongeren", naam="Jongeren")
    make_woonvorm(naam="Buur")
    with at(LATE_EVENING_UTC):
        response = client.get("/woonvormen/export.xlsx?doelgroep=jongeren&sort=naam")
    assert attachment_name(response) == "woonvormen-jongeren-2026-12-05.xlsx"


def test_without_filters_the_name_is_the_kind_and_the_date(client):
    with at(LATE_EVENING_UTC):
        response = client.get("/succesversnellers/export.csv")
    assert attachment_name(response) == "succesversnellers-2026-12-05.csv"


def test_the_same_filters_in_another_order_give_the_same_name_and_other_filters_another(client):
    make_doelgroep(slug="jongeren", naam="Jongeren")
    make_doelgroep(slug="gezinnen", naam="Gezinnen")
    with at(LATE_EVENING_UTC):
        one = attachment_name(client.get("/woonvormen/export.ods?doelgroep=jongeren&doelgroep=gezinnen"))
        other = attachment_name(client.get("/woonvormen/export.ods?doelgroep=gezinnen&doelgroep=jongeren"))
        fewer = attachment_name(client.get("/woonvormen/export.ods?doelgroep=gezinnen"))
    assert one == other == "woonvormen-gezinnen-jongeren-2026-12-05.ods"
    assert fewer == "woonvormen-gezinnen-2026-12-05.ods"


def test_the_sort_order_and_ignored_values_do_not_end_up_in_the_name(client):
    with at(LATE_EVENING_UTC):
        response = client.get("/woonvormen/export.xlsx?doelgroep=bestaat-niet&sort=-score")
    assert attachment_name(response) == "woonvormen-2026-12-05.xlsx"


def test_a_search_export_is_named_after_the_search_text_made_safe(client):
    with at(LATE_EVENING_UTC):
        response = client.get('/zoeken/export.xlsx?q==HYPERLINK("x")/../Tiny Houses')
    name = attachment_name(response)
    assert name == "zoekresultaten-hyperlinkxtiny-houses-2026-12-05.xlsx"


def test_the_matrix_export_carries_its_filters(client):
    make_toetsingskader()
    make_doelgroep(slug="jongeren", naam="Jongeren")
    with at(LATE_EVENING_UTC):
        response = client.get("/toetsingskader/matrix/export.csv?doelgroep=jongeren")
    assert attachment_name(response) == "toetsingsmatrix-woonvormen-jongeren-2026-12-05.csv"


def test_many_filter_values_are_trimmed_at_a_whole_value():
    values = [f"waarde-nummer-{number:02}" for number in range(20)]
    with at(LATE_EVENING_UTC):
        name = export_filename("woonvormen", values)
    assert name == "woonvormen-waarde-nummer-00-waarde-nummer-01-waarde-nummer-02-2026-12-05"
    assert len(name) <= len("woonvormen-") + FILTERS_LENGTH + len("-2026-12-05")


def test_an_extension_gives_the_whole_name():
    with at(LATE_EVENING_UTC):
        assert (
            export_filename("vergelijking", ["woonvorm:buur"], "xlsx")
            == "vergelijking-woonvormbuur-2026-12-05.xlsx"
        )


@given(values=st.lists(st.text(max_size=200), max_size=8))
def test_every_name_has_only_safe_characters_and_a_sane_length(values):
    with at(LATE_EVENING_UTC):
        name = export_filename("woonvormen", values)
    assert SAFE_NAME.match(name), name
    assert name.startswith("woonvormen")
    assert name.endswith("-2026-12-05")
    assert len(name) <= len("woonvormen-") + FILTERS_LENGTH + len("-2026-12-05")
