"""maak_backup writes the whole catalogue with its history; herstel_backup brings it back, exactly."""

from io import StringIO

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group, User
from django.core.management import CommandError, call_command
from django.db import connection
from django.urls import reverse

from catalogue.models import Doelgroep, Link, Woonvorm
from core.backup import content_models
from tests.factories import make_one_of_everything, make_persona, make_woonvorm

pytestmark = pytest.mark.django_db


def _snapshot():
    """Everything a restore must bring back: every content row (history included), every relation
    between items and vocabularies, the accounts with their roles, and the admin's action log."""
    rows = {}
    for model in content_models():
        rows[model._meta.label] = list(model._base_manager.order_by("pk").values())
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            # a relation is its pair of ids; the link row's own id carries no meaning
            pair = [f.attname for f in through._meta.concrete_fields if not f.primary_key]
            rows[through._meta.label] = sorted(through.objects.values_list(*pair))
    rows["users"] = [
        (user.pk, user.username, user.password, user.is_staff, sorted(g.name for g in user.groups.all()))
        for user in User.objects.order_by("pk")
    ]
    rows["roles"] = {
        group.name: sorted(group.permissions.values_list("content_type__app_label", "codename"))
        for group in Group.objects.all()
    }
    rows["log"] = list(
        LogEntry.objects.order_by("pk").values_list(
            "pk", "user__username", "content_type__model", "object_id", "change_message"
        )
    )
    return rows


@pytest.fixture
def catalogue_with_history(client):
    woonvorm = make_one_of_everything()
    redacteur = make_persona("Redacteur")
    client.force_login(redacteur)
    woonvorm.naam = "Gewijzigde naam"
    woonvorm._history_user = redacteur
    woonvorm.save()
    woonvorm.doelgroepen.clear()
    Link.objects.filter(woonvorm=woonvorm).delete()
    removed = make_woonvorm(doelgroepen=list(Doelgroep.objects.all()))
    client.post(reverse("admin:catalogue_woonvorm_delete", args=[removed.pk]), {"post": "yes"})
    assert not Woonvorm.objects.filter(pk=removed.pk).exists()
    assert LogEntry.objects.exists()


@pytest.mark.parametrize("name", ["backup.json", "backup.json.gz"])
def test_a_restore_into_an_empty_database_gives_the_same_content(catalogue_with_history, tmp_path, name):
    before = _snapshot()
    assert before["catalogue.HistoricalWoonvorm"], "the history must be part of the backup"
    path = tmp_path / name
    call_command("maak_backup", str(path), stdout=StringIO())

    # Run the checks PostgreSQL defers to the end of the test's transaction, so the tables can be emptied.
    connection.check_constraints()
    call_command("flush", interactive=False, verbosity=0)
    assert not Woonvorm.history.exists()
    assert not User.objects.exists()

    call_command("herstel_backup", str(path), stdout=StringIO())
    assert _snapshot() == before


def test_a_restore_refuses_a_database_that_holds_content(catalogue_with_history, tmp_path):
    path = tmp_path / "backup.json"
    call_command("maak_backup", str(path), stdout=StringIO())
    history_rows = Woonvorm.history.count()
    with pytest.raises(CommandError, match="niet leeg"):
        call_command("herstel_backup", str(path))
    assert Woonvorm.history.count() == history_rows


def test_a_backup_needs_a_json_file_name(tmp_path):
    with pytest.raises(CommandError, match=r"\.json"):
        call_command("maak_backup", str(tmp_path / "backup.txt"))
    assert not (tmp_path / "backup.txt").exists()


@pytest.mark.parametrize("name", ["backup.json", "backup.json.gz"])
def test_a_truncated_backup_is_refused_in_dutch_without_a_traceback(catalogue_with_history, tmp_path, name):
    path = tmp_path / name
    call_command("maak_backup", str(path), stdout=StringIO())
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    connection.check_constraints()
    call_command("flush", interactive=False, verbosity=0)
    with pytest.raises(CommandError) as error:
        call_command("herstel_backup", str(path))
    assert str(error.value).startswith("Back-up niet teruggezet, er is niets gewijzigd: ")
    assert "onvolledig" in str(error.value)
    assert not Woonvorm.history.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"geen": "lijst"}', "dit is geen back-up van maak_backup"),
        (b"\x1f\x8b\x08rommel", "onvolledig|beschadigd"),
    ],
)
def test_a_file_that_is_no_backup_is_refused_in_dutch(tmp_path, content, message):
    path = tmp_path / ("backup.json.gz" if content.startswith(b"\x1f\x8b") else "backup.json")
    path.write_bytes(content)
    with pytest.raises(CommandError, match=message):
        call_command("herstel_backup", str(path))


def test_truncated_backups_from_the_shell_show_no_traceback(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    path = tmp_path / "backup.json.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03")  # a gzip header and nothing after it
    result = subprocess.run(
        [sys.executable, "manage.py", "herstel_backup", str(path)],
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "Back-up niet teruggezet, er is niets gewijzigd" in result.stderr
