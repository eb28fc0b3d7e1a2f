"""The catalogue content in fixtures/ loads into an empty database, and loading it twice changes nothing."""

import pytest
from django.apps import apps

from catalogue.content import content_files, load_content

pytestmark = pytest.mark.django_db

MODELS = [m for m in apps.get_models() if m._meta.app_label in {"catalogue", "assessment", "routekaart"}]


def _counts():
    return {m._meta.label: m._default_manager.count() for m in MODELS}


def test_the_content_loads_and_a_second_load_changes_nothing():
    first = load_content()
    counts = _counts()
    updated = {
        m._meta.label: list(m._default_manager.values_list("pk", flat=True).order_by("pk")) for m in MODELS
    }
    second = load_content()
    assert first.created > 0
    assert (second.created, second.changed) == (0, 0)
    assert second.unchanged == first.created + first.changed + first.unchanged
    assert _counts() == counts
    assert {
        m._meta.label: list(m._default_manager.values_list("pk", flat=True).order_by("pk")) for m in MODELS
    } == updated


def test_every_content_file_names_a_model_and_has_items():
    import yaml

    for path in content_files():
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert apps.get_model(document["model"]), path.name
        assert document["items"], path.name
