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


def _write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_an_unknown_slug_stops_the_whole_load_and_writes_nothing(tmp_path):
    from catalogue.content import ContentError
    from catalogue.models import Bron, Woonvorm

    bron = _write(tmp_path, "00_bron.yaml", "model: catalogue.bron\nitems:\n  - {slug: boek, naam: Boek}\n")
    item = _write(
        tmp_path,
        "30_woonvorm.yaml",
        "model: catalogue.woonvorm\nitems:\n"
        "  - {slug: hofje, naam: Hofje, bron: boek, doelgroepen: [bestaat-niet]}\n",
    )
    with pytest.raises(ContentError) as error:
        load_content([bron, item])
    assert "30_woonvorm.yaml: hofje" in str(error.value)
    assert "doelgroep 'bestaat-niet' bestaat niet" in str(error.value)
    assert not Bron.objects.exists()
    assert not Woonvorm.objects.exists()


def test_an_unknown_field_or_an_invalid_value_is_named(tmp_path):
    from catalogue.content import ContentError

    unknown = _write(
        tmp_path, "a.yaml", "model: catalogue.bron\nitems:\n  - {slug: boek, naam: Boek, kleur: rood}\n"
    )
    with pytest.raises(ContentError, match="onbekend veld 'kleur'"):
        load_content([unknown])
    invalid = _write(
        tmp_path, "b.yaml", "model: catalogue.bron\nitems:\n  - {slug: boek, naam: Boek, url: geen-url}\n"
    )
    with pytest.raises(ContentError, match="b.yaml: boek"):
        load_content([invalid])


def test_changed_children_are_replaced_and_unchanged_ones_kept(tmp_path):
    from catalogue.models import Link, Woonvorm

    base = "model: catalogue.bron\nitems:\n  - {slug: boek, naam: Boek}\n"
    item = (
        "model: catalogue.woonvorm\nitems:\n  - slug: hofje\n    naam: Hofje\n    bron: boek\n    links:\n"
        "      - {url: 'https://example.org/a'}\n"
    )
    files = [_write(tmp_path, "0.yaml", base), _write(tmp_path, "1.yaml", item)]
    load_content(files)
    first = Link.objects.get()
    load_content(files)
    assert Link.objects.get().pk == first.pk
    _write(tmp_path, "1.yaml", item.replace("/a'", "/b'"))
    report = load_content(files)
    assert report.changed == 1
    assert list(Woonvorm.objects.get().links.values_list("url", flat=True)) == ["https://example.org/b"]
