"""Admin imports as pages of their own: large ones as background jobs, and every way a confirmation can go
wrong (twice, altered, someone else's, expired) answered in Dutch without an error or a server path."""

import io
import tempfile
from datetime import timedelta
from unittest import mock

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from catalogue.models import Woonvorm
from spreadsheets import services
from spreadsheets.models import ImportBatch
from tests.factories import make_bron, make_doelgroep, make_persona, make_woonvorm
from tests.spreadsheets.files import HEADERS, xlsx

pytestmark = pytest.mark.django_db

IMPORT_URL = reverse("admin:catalogue_woonvorm_import")
CONFIRM_URL = reverse("admin:catalogue_woonvorm_process_import")
ROWS = [
    ["kamers", "Kamers met Aandacht", "gepubliceerd", "Nieuw.", "jongeren", "receptenboek"],
    ["hofje", "Hofje", "gepubliceerd", "Blijft.", "", "receptenboek"],
    ["tuinhuis", "Tuinhuis", "concept", "Nieuw item.", "Jongeren", "receptenboek"],
]


@pytest.fixture
def catalogue():
    bron = make_bron(slug="receptenboek", naam="Van nu naar Wonen Eerst")
    jongeren = make_doelgroep(slug="jongeren", naam="Jongeren")
    make_woonvorm(
        slug="kamers", naam="Kamers met Aandacht", samenvatting="Oud.", bron=bron, doelgroepen=[jongeren]
    )
    make_woonvorm(slug="hofje", naam="Hofje", samenvatting="Blijft.", bron=bron)


@pytest.fixture
def redacteur():
    return make_persona("Redacteur")


@pytest.fixture
def editor(client, redacteur):
    client.force_login(redacteur)
    return client


def upload(client, data=None, name="woonvormen.xlsx"):
    stream = io.BytesIO(data or xlsx(HEADERS, ROWS))
    stream.name = name
    return client.post(IMPORT_URL, {"import_file": stream}, follow=True)


def run_jobs():
    """What the worker beside the web server does: every job that waits, then stop.

    The worker recycles its database connection between jobs; inside a test's transaction that would close
    the test's own connection (on PostgreSQL), so here it keeps it.
    """
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


def state():
    rows = [
        (w.slug, w.naam, w.samenvatting, w.status, w.bron.slug, sorted(d.slug for d in w.doelgroepen.all()))
        for w in Woonvorm.objects.order_by("slug")
    ]
    history = sorted(
        (slug, kind, user or "")
        for slug, kind, user in Woonvorm.history.values_list("slug", "history_type", "history_user__username")
    )
    return rows, history


def test_a_large_import_is_checked_and_imported_by_jobs_with_the_result_of_a_small_one(editor, catalogue):
    # The same file below the threshold, imported in the request, then undone.
    with transaction.atomic():
        response = upload(editor)
        assert not response.context["batch"].as_job
        editor.post(CONFIRM_URL, {"token": response.context["batch"].token})
        small = state()
        transaction.set_rollback(True)
    before = state()

    with override_settings(SPREADSHEET_JOB_ROWS=2):
        response = upload(editor)
    batch = response.context["batch"]
    assert batch.as_job
    assert batch.status == ImportBatch.Status.CHECKING
    body = response.content.decode()
    assert "Het bestand wordt gecontroleerd; er wordt nog niets opgeslagen." in body
    assert "0 van 3 rijen verwerkt." in body
    assert '<meta http-equiv="refresh" content="3">' in body
    assert state() == before

    run_jobs()
    response = editor.get(batch.get_absolute_url())
    assert response.context["batch"].status == ImportBatch.Status.PREVIEW
    assert response.context["summary"]["counts"] == {
        "nieuw": 1,
        "gewijzigd": 1,
        "ongewijzigd": 1,
        "mislukt": 0,
    }
    assert "refresh" not in response.content.decode()
    assert state() == before

    response = editor.post(CONFIRM_URL, {"token": batch.token})
    assert response.url == batch.get_absolute_url()
    assert editor.get(batch.get_absolute_url()).context["batch"].status == ImportBatch.Status.IMPORTING
    assert state() == before

    run_jobs()
    response = editor.get(batch.get_absolute_url())
    assert response.context["batch"].status == ImportBatch.Status.DONE
    assert "Opgeslagen op" in response.content.decode()
    assert state() == small
    assert ImportBatch.objects.get(pk=batch.pk).rows is None  # the file's rows are not kept


def test_the_import_page_lists_the_editors_imports_to_come_back_to(editor, catalogue):
    with override_settings(SPREADSHEET_JOB_ROWS=2):
        batch = upload(editor).context["batch"]
    response = editor.get(IMPORT_URL)
    assert batch in response.context["recent"]
    assert batch.get_absolute_url() in response.content.decode()


def test_confirming_twice_imports_once_and_says_so(editor, catalogue):
    token = upload(editor).context["batch"].token
    assert editor.post(CONFIRM_URL, {"token": token}).status_code == 302
    after_first = state()

    response = editor.post(CONFIRM_URL, {"token": token}, follow=True)

    assert response.status_code == 200
    messages = [str(m) for m in response.context["messages"]]
    assert "Deze import is al uitgevoerd; er is niets opnieuw opgeslagen." in messages
    assert state() == after_first


@pytest.mark.parametrize(
    "fields",
    [
        {"token": "niet-een-kenmerk"},
        {"token": "00000000-0000-0000-0000-000000000000"},
        {},
        # what the library's own confirmation form used to send
        {
            "import_file_name": "../../etc/passwd",
            "original_file_name": "x.xlsx",
            "format": "99",
            "resource": "7",
        },
    ],
)
def test_an_altered_or_unknown_confirmation_gets_a_dutch_message_and_changes_nothing(
    editor, catalogue, fields
):
    upload(editor)
    before = state()
    response = editor.post(CONFIRM_URL, fields, follow=True)
    assert response.status_code == 200
    messages = [str(m) for m in response.context["messages"]]
    assert any(m.startswith("Deze import bestaat niet (meer)") for m in messages)
    assert state() == before


def test_someone_elses_import_cannot_be_seen_or_confirmed(client, catalogue, redacteur):
    client.force_login(redacteur)
    batch = upload(client).context["batch"]
    other = make_persona("Beheerder")
    client.force_login(other)
    before = state()
    assert client.get(batch.get_absolute_url()).status_code == 302
    response = client.post(CONFIRM_URL, {"token": batch.token}, follow=True)
    assert any(str(m).startswith("Deze import bestaat niet (meer)") for m in response.context["messages"])
    assert state() == before


def test_no_page_names_a_path_on_the_server(editor, catalogue):
    response = upload(editor)
    body = response.content.decode()
    assert tempfile.gettempdir() not in body
    hidden = [line for line in body.splitlines() if 'type="hidden"' in line]
    assert len(hidden) == 3  # the token, and a CSRF token in each of the two forms
    assert all('name="token"' in line or "csrfmiddlewaretoken" in line for line in hidden)


def test_cancelling_a_preview_removes_it(editor, catalogue):
    batch = upload(editor).context["batch"]
    response = editor.post(reverse("admin:catalogue_woonvorm_import_cancel", args=[batch.token]), follow=True)
    assert "De import is geannuleerd; er is niets opgeslagen." in [
        str(m) for m in response.context["messages"]
    ]
    assert not ImportBatch.objects.exists()


def test_previews_nobody_confirms_expire_by_command_and_on_every_new_import(editor, catalogue):
    old = upload(editor).context["batch"]
    ImportBatch.objects.filter(pk=old.pk).update(updated=timezone.now() - timedelta(hours=25))
    out = io.StringIO()
    call_command("imports_opruimen", stdout=out)
    assert "1 verlopen imports verwijderd." in out.getvalue()
    assert not ImportBatch.objects.filter(pk=old.pk).exists()

    old = upload(editor).context["batch"]
    ImportBatch.objects.filter(pk=old.pk).update(updated=timezone.now() - timedelta(hours=25))
    recent = upload(editor).context["batch"]
    assert list(ImportBatch.objects.all()) == [recent]


def test_results_are_kept_for_thirty_days(editor, catalogue):
    batch = upload(editor).context["batch"]
    editor.post(CONFIRM_URL, {"token": batch.token})
    ImportBatch.objects.filter(pk=batch.pk).update(updated=timezone.now() - timedelta(days=29))
    services.expire_imports()
    assert ImportBatch.objects.filter(pk=batch.pk, status=ImportBatch.Status.DONE).exists()
    services.expire_imports(now=timezone.now() + timedelta(days=2))
    assert not ImportBatch.objects.filter(pk=batch.pk).exists()


def test_a_job_that_breaks_off_writes_nothing_and_says_so(editor, catalogue, monkeypatch):
    with override_settings(SPREADSHEET_JOB_ROWS=2):
        batch = upload(editor).context["batch"]
    run_jobs()
    editor.post(CONFIRM_URL, {"token": batch.token})

    def broken(batch):
        Woonvorm.objects.filter(slug="kamers").update(naam="half geschreven")
        raise RuntimeError("the database went away")

    monkeypatch.setattr(services, "import_rows", broken)
    with transaction.atomic():  # the worker's transaction around the job, rolled back by the error
        run_jobs()
    response = editor.get(batch.get_absolute_url())
    assert response.context["batch"].status == ImportBatch.Status.FAILED
    assert "De import is afgebroken door een fout; er is niets opgeslagen." in response.content.decode()


def test_a_job_that_does_not_start_points_at_the_worker(editor, catalogue):
    with override_settings(SPREADSHEET_JOB_ROWS=2):
        batch = upload(editor).context["batch"]
    ImportBatch.objects.filter(pk=batch.pk).update(updated=timezone.now() - timedelta(minutes=5))
    body = editor.get(batch.get_absolute_url()).content.decode()
    assert "de achtergrondverwerker (manage.py db_worker) draait misschien niet" in body
