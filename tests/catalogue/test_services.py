"""sync_children: the one way the content loader and the spreadsheet import replace an item's child rows."""

import pytest

from catalogue.models import Link
from catalogue.services import sync_children
from tests.factories import make_woonvorm

pytestmark = pytest.mark.django_db

OWNER = Link._meta.get_field("woonvorm")


def links(woonvorm, *urls):
    return [Link(woonvorm=woonvorm, url=url, titel=f"Over {url}", volgorde=n) for n, url in enumerate(urls)]


def history_rows():
    return Link.history.count()


def test_the_same_rows_change_nothing_and_record_no_history():
    woonvorm = make_woonvorm()
    sync_children(
        owner_field=OWNER, rows_by_owner={woonvorm.pk: links(woonvorm, "https://a.nl", "https://b.nl")}
    )
    before = (list(Link.objects.values_list("pk", flat=True)), history_rows())

    rewritten = sync_children(
        owner_field=OWNER, rows_by_owner={woonvorm.pk: links(woonvorm, "https://a.nl", "https://b.nl")}
    )

    assert rewritten == set()
    assert (list(Link.objects.values_list("pk", flat=True)), history_rows()) == before


def test_a_changed_row_replaces_that_items_rows_and_leaves_other_items_alone():
    first, second = make_woonvorm(), make_woonvorm()
    sync_children(
        owner_field=OWNER,
        rows_by_owner={first.pk: links(first, "https://a.nl"), second.pk: links(second, "https://c.nl")},
    )
    untouched = list(second.links.values_list("pk", flat=True))

    rewritten = sync_children(
        owner_field=OWNER,
        rows_by_owner={first.pk: links(first, "https://b.nl"), second.pk: links(second, "https://c.nl")},
    )

    assert rewritten == {first.pk}
    assert list(first.links.values_list("url", flat=True)) == ["https://b.nl"]
    assert list(second.links.values_list("pk", flat=True)) == untouched


def test_a_new_order_is_a_change_and_an_empty_list_removes_every_row():
    woonvorm = make_woonvorm()
    sync_children(
        owner_field=OWNER, rows_by_owner={woonvorm.pk: links(woonvorm, "https://a.nl", "https://b.nl")}
    )

    assert sync_children(
        owner_field=OWNER, rows_by_owner={woonvorm.pk: links(woonvorm, "https://b.nl", "https://a.nl")}
    ) == {woonvorm.pk}
    assert list(woonvorm.links.order_by("volgorde").values_list("url", flat=True)) == [
        "https://b.nl",
        "https://a.nl",
    ]

    assert sync_children(owner_field=OWNER, rows_by_owner={woonvorm.pk: []}) == {woonvorm.pk}
    assert not woonvorm.links.exists()
    assert Link.history.filter(history_type="-").count() == 4
