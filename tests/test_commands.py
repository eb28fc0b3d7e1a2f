"""Every management command of the project explains itself: `manage.py <command> --help` prints its help."""

import subprocess
import sys
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import get_commands

ROOT = Path(__file__).resolve().parent.parent


def project_commands():
    """The commands of the project's own apps (found in the folder of this repository, outside .venv)."""
    ours = {
        config.name
        for config in apps.get_app_configs()
        if Path(config.path).is_relative_to(ROOT) and ".venv" not in Path(config.path).parts
    }
    return sorted(name for name, app in get_commands().items() if app in ours)


def test_the_project_has_commands_to_check():
    assert {
        "catalogus_import",
        "catalogus_export",
        "maak_backup",
        "herstel_backup",
        "imports_opruimen",
    } <= set(project_commands())


@pytest.mark.parametrize("command", project_commands())
def test_help_of_every_command_is_printed(command):
    result = subprocess.run(
        [sys.executable, "manage.py", command, "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"usage: manage.py {command}")
    assert "Traceback" not in result.stdout + result.stderr
    description = result.stdout.split("\n\n")[1]
    assert description.strip() and not description.lstrip().startswith("positional"), "no help text"
