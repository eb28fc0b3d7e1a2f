"""What an import preview costs in queries, and the guarantees that survive its shortcuts
(spreadsheets.resources.importing): a row the database refuses leaves the other rows their own result, a
confirmed import is all or nothing and records the history and the search text a preview does not."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from catalogue.models import Doelgroep, Woonvorm
from spreadsheets.admin import XLSXFormat
from spreadsheets.resources.editors import WoonvormResource
from tests.factories import make_bron, make_doelgroep, make_persona, make_plaats, make_woonvorm
from tests.spreadsheets.files import HEADERS, xlsx

pytestmark = pytest.mark.django_db

IMPORT_URL = reverse("admin:catalogue_woonvorm_import")
CONFIRM_URL = reverse("admin:catalogue_woonvorm_process_import")
CLASH = "Deze rij botst met een andere rij in de catalogus (bijvoorbeeld een slug die al bestaat)."
SAMENVATTING = WoonvormResource.fields["samenvatting"].column_name


@pytest.fixture
def editor(client):
    client.force_login(make_persona("Redacteur"))
    return client


@pytest.fixture
def many():
    """Fifty woonvormen with doelgroepen and places, as an export reads them back."""
    bron = make_bron(slug="receptenboek", naam="Van nu naar Wonen Eerst")
    doelgroepen = [make_doelgroep(slug=f"doelgroep-{n}", naam=f"Doelgroep {n}") for n in range(3)]
    plaatsen = [make_plaats(slug=f"plaats-{n}", naam=f"Plaats {n}") for n in range(3)]
    for n in range(50):
        make_woonvorm(
            slug=f"woonvorm-{n:02}",
            naam=f"Woonvorm {n}",
            bron=bron,
            doelgroepen=doelgroepen[: n % 3 + 1],
            plaatsen=plaatsen[n % 3 :],
        )


def preview(client, data):
    stream = io.BytesIO(data)
    stream.name = "woonvormen.xlsx"
    return client.post(IMPORT_URL, {"import_file": stream}, follow=True)


def export(rows, changed=0):
    """The admin's export of the first `rows` woonvormen, with the summary of the first `changed` altered."""
    dataset = WoonvormResource().export(queryset=Woonvorm.objects.order_by("slug")[:rows])
    column = dataset.headers.index(SAMENVATTING)
    for index in range(changed):
        row = list(dataset[index])
        row[column] = f"{row[column]} Bijgewerkt."
        dataset[index] = row
    return XLSXFormat.bound(WoonvormResource)().export_data(dataset)


def preview_queries(client, data):
    with CaptureQueriesContext(connection) as context:
        response = preview(client, data)
    assert response.status_code == 200
    return response.context["summary"]["counts"], [query["sql"] for query in context.captured_queries]


def test_a_preview_of_unchanged_rows_costs_as_many_queries_for_fifty_rows_as_for_five(editor, many):
    preview(editor, export(1))  # what is cached after one request (the content type) is not counted
    small_counts, small = preview_queries(editor, export(5))
    large_counts, large = preview_queries(editor, export(50))

    assert small_counts == {"nieuw": 0, "gewijzigd": 0, "ongewijzigd": 5, "mislukt": 0}
    assert large_counts == {"nieuw": 0, "gewijzigd": 0, "ongewijzigd": 50, "mislukt": 0}
    assert len(large) == len(small)  # savepoints included: a row that writes nothing needs none


def test_a_changed_row_costs_a_few_queries_and_a_preview_writes_no_history(editor, many):
    history = Woonvorm.history.count()
    preview(editor, export(1))
    small_counts, small = preview_queries(editor, export(50, changed=5))
    large_counts, large = preview_queries(editor, export(50, changed=45))

    assert small_counts == {"nieuw": 0, "gewijzigd": 5, "ongewijzigd": 45, "mislukt": 0}
    assert large_counts == {"nieuw": 0, "gewijzigd": 45, "ongewijzigd": 5, "mislukt": 0}
    # Per changed row: its savepoint and release, the checks of full_clean (slug, bron) and the update; a
    # preview records no version, so it need not ask whether the save changes anything. Its many-to-many
    # cells name what it has: not written again.
    assert (len(large) - len(small)) / 40 == 5
    assert not [sql for sql in large if "historical" in sql]
    assert Woonvorm.history.count() == history
    assert Woonvorm.objects.filter(samenvatting__endswith="Bijgewerkt.").count() == 0


def confirm(client, response):
    return client.post(CONFIRM_URL, {"token": response.context["batch"].token}, follow=True)


@pytest.fixture
def catalogue():
    bron = make_bron(slug="receptenboek", naam="Van nu naar Wonen Eerst")
    jongeren = make_doelgroep(slug="jongeren", naam="Jongeren")
    make_doelgroep(slug="ouderen", naam="Ouderen")
    make_woonvorm(
        slug="kamers", naam="Kamers met Aandacht", samenvatting="Oud.", bron=bron, doelgroepen=[jongeren]
    )
    make_woonvorm(slug="hofje", naam="Hofje", samenvatting="Blijft.", bron=bron, doelgroepen=[jongeren])


ROWS = [
    ["kamers", "Kamers met Aandacht", "gepubliceerd", "Nieuw.", "Jongeren", "receptenboek"],
    ["tuinhuis", "Tuinhuis", "concept", "Nieuw item.", "Ouderen", "receptenboek"],
    ["hofje", "Hofje", "gepubliceerd", "Blijft.", "jongeren", "receptenboek"],
]


def state():
    rows = [
        (w.slug, w.samenvatting, sorted(d.slug for d in w.doelgroepen.all()))
        for w in Woonvorm.objects.order_by("slug")
    ]
    return rows, Woonvorm.history.count(), Doelgroep.objects.count()


def refuse_kamers(monkeypatch):
    """The database refuses the row of "kamers" when it is saved: a doelgroep with a slug that exists."""

    def before_save_instance(self, instance, row, **kwargs):
        if instance.slug == "kamers":
            Doelgroep.objects.create(slug="jongeren", naam="Nog eens jongeren")

    monkeypatch.setattr(WoonvormResource, "before_save_instance", before_save_instance, raising=False)


def test_a_row_the_database_refuses_leaves_the_other_rows_their_own_result(editor, catalogue, monkeypatch):
    refuse_kamers(monkeypatch)
    before = state()

    response = preview(editor, xlsx(HEADERS, ROWS))

    summary = response.context["summary"]
    assert summary["counts"] == {"nieuw": 1, "gewijzigd": 0, "ongewijzigd": 1, "mislukt": 1}
    assert summary["failures"] == [
        {
            "row": 2,
            "errors": [["", CLASH]],
        }
    ]
    assert [change["name"] for change in summary["changes"]] == ["Tuinhuis"]
    assert state() == before


def test_a_row_the_database_refuses_at_confirmation_undoes_every_row(editor, catalogue, monkeypatch):
    response = preview(editor, xlsx(HEADERS, ROWS))
    assert response.context["summary"]["counts"]["mislukt"] == 0
    refuse_kamers(monkeypatch)
    before = state()

    response = confirm(editor, response)

    messages = [str(message) for message in response.context["messages"]]
    assert "Niets geïmporteerd. Controleer het bestand en probeer het opnieuw." in messages
    assert not Woonvorm.objects.filter(slug="tuinhuis").exists()  # written before the failing row: undone
    assert state() == before


def test_a_confirmed_import_writes_the_related_rows_and_the_history_the_preview_left_out(editor, catalogue):
    rows = [
        ["kamers", "Kamers met Aandacht", "gepubliceerd", "Nieuw.", "Jongeren", "receptenboek"],
        ["hofje", "Hofje", "gepubliceerd", "Blijft.", "", "receptenboek"],
        ["tuinhuis", "Tuinhuis", "concept", "Nieuw item.", "Ouderen; jongeren", "receptenboek"],
    ]
    response = preview(editor, xlsx(HEADERS, rows))
    assert response.context["summary"]["counts"] == {
        "nieuw": 1,
        "gewijzigd": 2,
        "ongewijzigd": 0,
        "mislukt": 0,
    }
    changes = {change["name"]: change["fields"] for change in response.context["summary"]["changes"]}
    assert changes["Kamers met Aandacht"] == [["Samenvatting", "Oud.", "Nieuw."]]
    assert changes["Hofje"] == [["Doelgroepen", "Jongeren", ""]]
    assert ["Doelgroepen", "", "Jongeren; Ouderen"] in changes["Tuinhuis"]
    assert Woonvorm.history.filter(slug="tuinhuis").count() == 0

    confirm(editor, response)

    assert state()[0] == [
        ("hofje", "Blijft.", []),
        ("kamers", "Nieuw.", ["jongeren"]),  # the doelgroep it had, kept
        ("tuinhuis", "Nieuw item.", ["jongeren", "ouderen"]),
    ]
    kamers = Woonvorm.history.filter(slug="kamers").latest()
    assert (kamers.samenvatting, [row.doelgroep.slug for row in kamers.doelgroepen.all()]) == (
        "Nieuw.",
        ["jongeren"],
    )
    assert Woonvorm.history.filter(slug="tuinhuis").exists()
    hofje = Woonvorm.history.filter(slug="hofje").latest()
    assert list(hofje.doelgroepen.all()) == []
    # The search text follows the related rows (brought up to date once, after the last row).
    zoektermen = dict(Woonvorm.objects.values_list("slug", "zoektermen"))
    assert zoektermen["tuinhuis"].splitlines() == ["Jongeren", "Ouderen"]
    assert "Jongeren" not in zoektermen["hofje"]
