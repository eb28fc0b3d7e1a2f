"""A backup of the whole catalogue with its change history, as one JSON file that loaddata reads.

The file holds the staff accounts and roles, every row of the catalogue, assessment and routekaart apps
(the change-history tables included) and the admin's action log. Content rows keep their ids, because
history rows point at ids of rows that may since have been deleted; roles, permissions and content types
are written by natural key, so the file restores into any freshly migrated database.
"""

import datetime
import gzip
import json
import os
import zlib
from pathlib import Path

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import serializers
from django.core.management import call_command
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DatabaseError, transaction
from django.test.utils import override_settings

from core.content_apps import content_app_configs, content_models


class BackupError(Exception):
    pass


def open_backup(path, mode):
    """A backup is a .json file, or a gzip-compressed .json.gz file; loaddata reads both."""
    name = str(path)
    if not name.endswith((".json", ".json.gz")):
        raise BackupError(f"{name}: de naam moet eindigen op .json of .json.gz")
    if mode == "w":
        _owner_only(path)
    if name.endswith(".json.gz"):
        return gzip.open(path, mode + "t", encoding="utf-8")
    return open(path, mode, encoding="utf-8")


class _ExactJSONEncoder(DjangoJSONEncoder):
    """Keeps microseconds, which Django's encoder cuts to milliseconds, so a restore is exact."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


def _sections():
    """(models, natural foreign keys, natural primary keys), in the order loaddata needs them."""
    return [
        ([Group], True, True),
        ([get_user_model()], True, False),
        (content_models(), False, False),
        ([apps.get_model("admin", "LogEntry")], True, False),
    ]


def write_backup(path):
    """Write the backup to a .json or .json.gz file; returns the number of rows written."""
    rows = []
    for models, natural_foreign, natural_primary in _sections():
        for model in models:
            rows += serializers.serialize(
                "python",
                model._base_manager.order_by("pk"),
                use_natural_foreign_keys=natural_foreign,
                use_natural_primary_keys=natural_primary,
            )
    with open_backup(path, "w") as handle:
        json.dump(rows, handle, cls=_ExactJSONEncoder, ensure_ascii=False, indent=1)
    return len(rows)


def _owner_only(path):
    """A backup keeps everything, password hashes and personal contact data included (it exists to restore
    the database), so only the account that made it may read it, before a single byte is written."""
    Path(path).touch(mode=0o600)
    os.chmod(path, 0o600)


def read_backup(path):
    """The rows of a backup file, read in full before anything is loaded.

    A file that is cut short, damaged or not made by maak_backup raises BackupError with a Dutch message,
    never a traceback.
    """
    try:
        with open_backup(path, "r") as handle:
            rows = json.load(handle)
    except FileNotFoundError:
        raise BackupError(f"{path}: dit bestand bestaat niet") from None
    except (EOFError, json.JSONDecodeError):
        raise BackupError(
            f"{path}: het bestand is onvolledig (afgebroken tijdens kopiëren of schrijven?)"
        ) from None
    except (gzip.BadGzipFile, zlib.error, UnicodeDecodeError):
        raise BackupError(f"{path}: het bestand is beschadigd of geen back-up van maak_backup") from None
    if not isinstance(rows, list) or not all(isinstance(row, dict) and "model" in row for row in rows):
        raise BackupError(f"{path}: dit is geen back-up van maak_backup")
    return rows


@transaction.atomic
def restore_backup(path):
    """Load a backup into a database that holds no content and no accounts yet; returns the row count."""
    rows = read_backup(path)
    try:
        filled = [
            model._meta.label
            for model in [get_user_model(), *content_models()]
            if model._base_manager.exists()
        ]
    except DatabaseError:
        raise BackupError(
            "de database kan niet worden gelezen; is hij gemigreerd (manage.py migrate)?"
        ) from None
    if filled:
        raise BackupError("de database is niet leeg: " + ", ".join(filled[:5]))
    count = len(rows)
    # History rows come from the backup itself; loading must not add new ones.
    with override_settings(SIMPLE_HISTORY_ENABLED=False):
        call_command("loaddata", str(path), verbosity=0)
    for config in content_app_configs():
        # Loading sets relations before the rows they depend on are back, so derived values (the items'
        # search text) are made again once everything is loaded.
        if hasattr(config, "after_restore"):
            config.after_restore()
    return count
