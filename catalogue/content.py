"""Load the catalogue content from the YAML files in fixtures/.

Each file holds one kind of record:

    model: catalogue.woonvorm
    defaults: {status: gepubliceerd, bron: receptenboek}   # optional, applied to every item
    items:
      - slug: project-010
        naam: Project 010
        doelgroepen: [jongeren]                # many-to-many: a list of slugs
        bron: receptenboek                     # foreign key: a slug
        links:                                 # owned children: a list of records
          - {soort: website, url: "https://www.rotterdam.nl/project-010"}

Records are matched on their slug. A record is written only when it differs from what the database holds,
and owned children are replaced only when they differ, so loading twice changes nothing. The whole load is
one transaction: any invalid record and nothing is written.
"""

from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.apps import apps
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import models, transaction

from catalogue import search
from catalogue.services import sync_children
from core.text import normalise_text

FIXTURES_DIR = Path(__file__).resolve().parent.parent / "fixtures"


class ContentError(Exception):
    pass


@dataclass
class LoadReport:
    created: int = 0
    changed: int = 0
    unchanged: int = 0
    per_model: dict = field(default_factory=dict)

    def count(self, model, outcome):
        setattr(self, outcome, getattr(self, outcome) + 1)
        key = model._meta.label_lower
        self.per_model[key] = self.per_model.get(key, 0) + 1


def content_files(directory=FIXTURES_DIR):
    return sorted(Path(directory).glob("*.yaml"))


@transaction.atomic
def load_content(files=None):
    """Load every content file (or the given ones) in name order; returns a LoadReport."""
    report = LoadReport()
    # Each item's search text is worked out once, after its tags, terms and organisations are all loaded.
    with search.deferred_refresh():
        for path in files if files is not None else content_files():
            _load_file(path, report)
    return report


def _load_file(path, report):
    with open(path, encoding="utf-8") as handle:
        document = yaml.safe_load(handle) or {}
    try:
        model = apps.get_model(document["model"])
    except (KeyError, LookupError) as error:
        raise ContentError(f"{path.name}: onbekend of ontbrekend model ({error}).") from None
    defaults = document.get("defaults") or {}
    for record in document.get("items") or []:
        try:
            _load_record(model, {**defaults, **record}, report)
        except (ContentError, ValidationError, ObjectDoesNotExist, ValueError, TypeError) as error:
            raise ContentError(f"{path.name}: {record.get('slug', record)}: {error}") from None


def _fields(model):
    return {f.name: f for f in model._meta.get_fields()}


def _resolve(related_model, value):
    if value is None or value == "":
        return None
    try:
        return related_model._default_manager.get_by_natural_key(value)
    except related_model.DoesNotExist:
        raise ContentError(f"{related_model._meta.verbose_name} '{value}' bestaat niet.") from None


def _split(model, record, parent_field=None):
    """Split a record into plain values, many-to-many slugs and owned children."""
    fields = _fields(model)
    values, many, children = {}, {}, {}
    for name, value in record.items():
        model_field = fields.get(name)
        if model_field is None:
            raise ContentError(f"onbekend veld '{name}' voor {model._meta.verbose_name}.")
        if model_field.one_to_many:
            children[name] = (model_field, value or [])
        elif model_field.many_to_many and not model_field.auto_created:
            many[name] = (model_field, value or [])
        elif model_field.many_to_one:
            values[model_field.attname] = getattr(_resolve(model_field.related_model, value), "pk", None)
        elif isinstance(value, str) and not isinstance(model_field, models.CharField | models.TextField):
            values[name] = model_field.to_python(value)
        else:
            # Compared with the stored text in its stored form, so loading twice changes nothing.
            values[name] = normalise_text("" if value is None and not model_field.null else value)
    return values, many, children


def _load_record(model, record, report):
    if "slug" not in record:
        raise ContentError("elk record heeft een slug nodig.")
    values, many, children = _split(model, record)
    instance = model._default_manager.filter(slug=record["slug"]).first()
    created = instance is None
    instance = instance or model()
    changed = created or any(getattr(instance, name) != value for name, value in values.items())
    for name, value in values.items():
        setattr(instance, name, value)
    if changed:
        instance.full_clean(validate_unique=created)
        instance.save()
    for name, (model_field, slugs) in many.items():
        wanted = {_resolve(model_field.related_model, slug).pk for slug in slugs}
        manager = getattr(instance, name)
        if set(manager.values_list("pk", flat=True)) != wanted:
            manager.set(wanted)
            changed = True
    for model_field, rows in children.values():
        changed |= _sync_children(instance, model_field, rows)
    report.count(model, "created" if created else "changed" if changed else "unchanged")


def _sync_children(parent, relation, rows):
    """Replace the parent's children when they differ from the rows; returns whether anything changed."""
    model = relation.related_model
    parent_attname = relation.field.attname
    wanted = []
    for position, row in enumerate(rows):
        values, many, nested = _split(model, row)
        if many or nested:
            raise ContentError(f"{model._meta.verbose_name}: geneste lijsten worden niet ondersteund.")
        if "volgorde" in _fields(model):
            values.setdefault("volgorde", position)
        child = model(**values, **{parent_attname: parent.pk})
        child.full_clean(validate_unique=False, validate_constraints=False)
        wanted.append(child)
    return bool(sync_children(owner_field=relation.field, rows_by_owner={parent.pk: wanted}))
