"""Spreadsheet columns of every catalogue model, for django-import-export.

Two families of resources share one set of widgets:

- the full resources (`VOCABULARY_RESOURCES`, `ITEM_RESOURCES`, `CHILD_RESOURCES`, and the assessment's in
  assessment/resources.py) are the editors' format: every field, rows matched on slug, used by the admin's
  import and export buttons and by `catalogus_export` / `catalogus_import`;
- the public resources (`PUBLIC_RESOURCES`) are what a visitor downloads from a list: readable columns only,
  list fields as lines, organisations, contact points and links in one cell, and the item's web address.

Headers are the fields' Dutch verbose names; choices are written as their labels; related rows by name (or by
slug where a name would not identify the row). On import, a value that cannot be read fails its row with a
message naming the value and the column; the library's default would drop it silently.
"""

import datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Prefetch
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export import fields, resources, widgets
from import_export.instance_loaders import ModelInstanceLoader
from import_export.resources import Diff

from assessment import scoring
from catalogue.models import (
    Bijdrage,
    Bron,
    Contactpersoon,
    Contractvorm,
    Doelgroep,
    Initiatief,
    Link,
    Organisatie,
    OrganisatieRol,
    Plaats,
    Praktijkvoorbeeld,
    Succesversneller,
    SuccesversnellerType,
    Woonsituatie,
    Woonvorm,
    Woonzorgconcept,
)
from catalogue.models.base import split_lines

SEPARATOR = "; "

# How a related row is written: its name, its slug, or its name unless that would not identify it.
BY_NAME, BY_SLUG, BY_NAME_OR_SLUG = "naam", "slug", "naam_of_slug"


def unknown_value(value, column):
    return _("Onbekende waarde “%(waarde)s” in kolom “%(kolom)s”.") % {"waarde": value, "kolom": column}


def coverage_text(bekend):
    """How many core toetspunten are known, e.g. "5 van 7"."""
    return _("%(bekend)s van %(totaal)s") % {"bekend": bekend, "totaal": scoring.CORE_COUNT}


def is_empty(value):
    return value is None or (isinstance(value, str) and not value.strip())


# Widgets ------------------------------------------------------------------------------------------------


class TextWidget(widgets.CharWidget):
    """Text as it is; an empty cell is an empty text, a number typed in a text column becomes its digits."""

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return super().clean(value, row, **kwargs)


class IntegerWidget(widgets.Widget):
    """Whole numbers, written as numbers so a spreadsheet can sort and add them."""

    def __init__(self, column):
        super().__init__(coerce_to_string=False)
        self.column = column

    def clean(self, value, row=None, **kwargs):
        if is_empty(value):
            return None
        try:
            number = Decimal(str(value).strip())
        except InvalidOperation:
            raise ValueError(
                _("“%(waarde)s” in kolom “%(kolom)s” is geen geheel getal.")
                % {"waarde": value, "kolom": self.column}
            ) from None
        if number != number.to_integral_value():
            raise ValueError(
                _("“%(waarde)s” in kolom “%(kolom)s” is geen geheel getal.")
                % {"waarde": value, "kolom": self.column}
            )
        return int(number)

    def render(self, value, obj=None, **kwargs):
        return value


class DateWidget(widgets.Widget):
    """Dates as spreadsheet dates; read from a date cell, 2026-01-31 or 31-01-2026."""

    INPUT_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y")

    def __init__(self, column):
        super().__init__(coerce_to_string=False)
        self.column = column

    def clean(self, value, row=None, **kwargs):
        if is_empty(value):
            return None
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        for date_format in self.INPUT_FORMATS:
            try:
                return datetime.datetime.strptime(str(value).strip(), date_format).date()
            except ValueError:
                continue
        raise ValueError(
            _("“%(waarde)s” in kolom “%(kolom)s” is geen datum (schrijf bijvoorbeeld 31-01-2026).")
            % {"waarde": value, "kolom": self.column}
        )

    def render(self, value, obj=None, **kwargs):
        if isinstance(value, datetime.datetime):
            return timezone.localtime(value).date()
        return value


class LabelWidget(widgets.Widget):
    """A choice written as its label; read back from the label or the stored value, in any case."""

    def __init__(self, choices, column):
        super().__init__()
        self.labels = {value: str(label) for value, label in choices}
        self.column = column

    def clean(self, value, row=None, **kwargs):
        if is_empty(value):
            return None
        text = str(value).strip().casefold()
        for stored, label in self.labels.items():
            if text in (stored.casefold(), label.casefold()):
                return stored
        raise ValueError(unknown_value(str(value).strip(), self.column))

    def render(self, value, obj=None, **kwargs):
        return self.labels.get(value, value or "")


class RelatedLookup:
    """Finds related rows by slug or by name, with one query per import or export, not one per row."""

    def __init__(self, model, name_field):
        self.model = model
        self.name_field = name_field
        self._by_slug = None
        self._by_name = None

    def _load(self):
        if self._by_slug is None:
            self._by_slug, self._by_name = {}, {}
            for obj in self.model._default_manager.all():
                self._by_slug[obj.slug] = obj
                if self.name_field:
                    name = str(getattr(obj, self.name_field)).strip().casefold()
                    self._by_name.setdefault(name, []).append(obj)

    def fields(self):
        """The fields a label is made of."""
        return ["slug", self.name_field] if self.name_field else ["slug"]

    def find(self, text, column):
        """The row whose slug is `text`, or else the one row whose name is `text`."""
        self._load()
        if text in self._by_slug:
            return self._by_slug[text]
        matches = self._by_name.get(text.casefold(), [])
        if len(matches) == 1:
            return matches[0]
        if matches:
            raise ValueError(
                _("“%(waarde)s” in kolom “%(kolom)s” past bij meer dan één %(soort)s; gebruik de slug.")
                % {"waarde": text, "kolom": column, "soort": self.model._meta.verbose_name}
            )
        raise ValueError(unknown_value(text, column))

    def label(self, obj, mode):
        if mode == BY_SLUG or not self.name_field:
            return obj.slug
        name = str(getattr(obj, self.name_field))
        if mode == BY_NAME:
            return name
        # By name unless the name would be read back as another row or split in two.
        self._load()
        identifies = SEPARATOR.strip() not in name and name.strip() == name
        if identifies and name not in self._by_slug and len(self._by_name.get(name.casefold(), [])) == 1:
            return name
        return obj.slug


class RelatedWidget(widgets.ForeignKeyWidget):
    def __init__(self, model, column, label=BY_NAME_OR_SLUG, name_field="naam"):
        super().__init__(model, field="slug")
        self.column = column
        self.mode = label
        self.lookup = RelatedLookup(model, name_field if _has_field(model, name_field) else None)

    def clean(self, value, row=None, **kwargs):
        if is_empty(value):
            return None
        return self.lookup.find(str(value).strip(), self.column)

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else self.lookup.label(value, self.mode)


class RelatedListWidget(widgets.ManyToManyWidget):
    """Many related rows in one cell, separated by '; ', in alphabetical order."""

    def __init__(self, model, column, label=BY_NAME_OR_SLUG, name_field="naam"):
        super().__init__(model, separator=SEPARATOR, field="slug")
        self.column = column
        self.mode = label
        self.lookup = RelatedLookup(model, name_field if _has_field(model, name_field) else None)

    def clean(self, value, row=None, **kwargs):
        if is_empty(value):
            return []
        found, unknown = [], []
        for part in str(value).split(SEPARATOR.strip()):
            text = part.strip()
            if not text:
                continue
            try:
                obj = self.lookup.find(text, self.column)
            except ValueError as error:
                unknown.append((text, error))
                continue
            if obj not in found:
                found.append(obj)
        if len(unknown) == 1:
            raise unknown[0][1]
        if unknown:
            raise ValueError(
                _("Onbekende waarden %(waarden)s in kolom “%(kolom)s”.")
                % {"waarden": ", ".join(f"“{text}”" for text, _error in unknown), "kolom": self.column}
            )
        return found

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        labelled = sorted((self.lookup.label(o, self.mode), o.slug) for o in value.all())
        return SEPARATOR.join(label for label, _slug in labelled)


def _has_field(model, name):
    return bool(name) and any(f.name == name for f in model._meta.get_fields())


# Columns ------------------------------------------------------------------------------------------------


class Column(fields.Field):
    """A resource field that knows how wide its spreadsheet column should be."""

    def __init__(self, *args, width=20, **kwargs):
        super().__init__(*args, **kwargs)
        self.width = width


def column_width(django_field):
    if django_field.many_to_many or isinstance(django_field, models.TextField):
        return 50
    if django_field.many_to_one or isinstance(django_field, models.URLField):
        return 30
    if isinstance(django_field, models.IntegerField | models.DateField):
        return 12
    return 40 if getattr(django_field, "max_length", 0) and django_field.max_length > 100 else 20


class RelatedInstanceLoader(ModelInstanceLoader):
    """The rows an import file names, fetched in one query with the related rows their columns are compared
    with, when one column identifies a row (the slug); otherwise one query per row, as the library does."""

    def __init__(self, resource, dataset=None):
        super().__init__(resource, dataset)
        self.instances = None
        keys = resource.get_import_id_fields()
        if len(keys) != 1 or dataset is None or resource.fields[keys[0]].column_name not in dataset.headers:
            return
        self.key = resource.fields[keys[0]]
        values = {self.key.clean(row) for row in dataset.dict}
        queryset = resource.with_related(self.get_queryset(), resource.get_import_fields())
        self.instances = {
            self.key.get_value(obj): obj for obj in queryset.filter(**{f"{self.key.attribute}__in": values})
        }

    def get_instance(self, row):
        if self.instances is None:
            return super().get_instance(row)
        return self.instances.get(self.key.clean(row))


class RelatedDiff(Diff):
    """The preview of a row's changes, reading the related rows fetched in advance. The library compares
    with a deep copy of the row's instance, and a deep copy drops those rows; they are taken from the
    instance the copy was made of (CatalogueResource.after_init_instance)."""

    def __init__(self, resource, instance, new):
        source = resource.row_instance
        if instance is not None and source is not None and hasattr(source, "_prefetched_objects_cache"):
            instance._prefetched_objects_cache = dict(source._prefetched_objects_cache)
        super().__init__(resource, instance, new)


class CatalogueResource(resources.ModelResource):
    """The columns of one model: Dutch headers, labels, related rows by name or slug."""

    # How related rows are written: BY_NAME_OR_SLUG (full format) or BY_NAME (for people).
    related_label = BY_NAME_OR_SLUG
    # Order of the rows in a full export: stable on every database, whatever the ids.
    export_ordering = ("slug",)
    # Columns an import file must have.
    required_columns = ("slug", "naam")

    class Meta:
        use_transactions = True
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True
        import_id_fields = ["slug"]
        instance_loader_class = RelatedInstanceLoader
        chunk_size = 1000
        # Per-field widget options, e.g. {"woonvorm": {"label": BY_SLUG}}.
        widgets = {}

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._field_names = {id(field): name for name, field in self.fields.items()}
        self.row_instance = None

    def after_init_instance(self, instance, new, row, **kwargs):
        super().after_init_instance(instance, new, row, **kwargs)
        self.row_instance = instance

    def get_diff_class(self):
        return RelatedDiff

    @classmethod
    def field_from_django_field(cls, field_name, django_field, readonly):
        column = capfirst(str(django_field.verbose_name))
        return Column(
            attribute=field_name,
            column_name=column,
            widget=cls.widget_for(django_field, column, (cls._meta.widgets or {}).get(field_name, {})),
            readonly=readonly,
            default=django_field.default,
            width=column_width(django_field),
        )

    @classmethod
    def widget_for(cls, django_field, column, options):
        options = {"label": cls.related_label, **options}
        if django_field.many_to_many:
            return RelatedListWidget(django_field.related_model, column, **options)
        if django_field.many_to_one:
            return RelatedWidget(django_field.related_model, column, **options)
        if django_field.choices:
            return LabelWidget(django_field.choices, column)
        if isinstance(django_field, models.DateField):
            return DateWidget(column)
        if isinstance(django_field, models.IntegerField):
            return IntegerWidget(column)
        return TextWidget(allow_blank=True)

    @classmethod
    def sheet_title(cls):
        return capfirst(str(cls._meta.model._meta.verbose_name_plural))

    @classmethod
    def column_names(cls):
        return [str(field.column_name) for field in cls().get_export_fields()]

    @classmethod
    def required_column_names(cls):
        return [str(cls.fields[name].column_name) for name in cls.required_columns]

    def column_widths(self, selected_fields=None):
        return [getattr(field, "width", 20) for field in self.get_export_fields(selected_fields)]

    def after_export(self, queryset, dataset, **kwargs):
        """For the admin's export: the sheet is named after the model and keeps its column widths."""
        dataset.title = self.sheet_title()
        dataset.widths = self.column_widths(kwargs.get("export_fields"))

    @staticmethod
    def with_related(queryset, columns):
        """The queryset with the related rows of these columns, in a fixed number of queries."""
        related = [f.attribute for f in columns if isinstance(f.widget, RelatedWidget)]
        # Of the many related rows only what a cell shows is read (unless the queryset fetches them already).
        fetched = {getattr(lookup, "prefetch_to", lookup) for lookup in queryset._prefetch_related_lookups}
        many = [
            Prefetch(f.attribute, queryset=f.widget.model._default_manager.only(*f.widget.lookup.fields()))
            for f in columns
            if isinstance(f.widget, RelatedListWidget) and f.attribute not in fetched
        ]
        return queryset.select_related(*related).prefetch_related(*many)

    def filter_export(self, queryset, **kwargs):
        """Fetch what the columns show in a fixed number of queries, whatever the number of rows."""
        return self.with_related(queryset, self.get_export_fields())

    def get_queryset(self):
        return self._meta.model._default_manager.order_by(*self.export_ordering)

    def iter_queryset(self, queryset):
        # Chunks keep memory flat on large exports; prefetches are done per chunk.
        yield from queryset.iterator(chunk_size=self._meta.chunk_size)

    def import_instance(self, instance, row, **kwargs):
        """Read every column, many-to-many included, so one row reports all its unreadable values at once."""
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for field in self.get_import_fields():
            if isinstance(field.widget, widgets.ManyToManyWidget) and field.column_name in row:
                try:
                    field.clean(row)
                except ValueError as error:
                    errors[field.attribute] = [str(error)]
        if errors:
            raise ValidationError(errors)

    def get_field_name(self, field):
        # The library finds a field's name by walking every field, for every cell; a table keeps it linear.
        if id(field) in self._field_names:
            return self._field_names[id(field)]
        return super().get_field_name(field)

    def export_rows(self, queryset=None):
        """The rows of an export, one list of cell values per object, fetched in chunks."""
        queryset = self.filter_export(self.get_queryset() if queryset is None else queryset)
        for obj in self.iter_queryset(queryset):
            yield self.export_resource(obj)


# The editors' format: every field -------------------------------------------------------------------------

ITEM_FIELDS = (
    "slug",
    "naam",
    "status",
    "samenvatting",
    "beschrijving",
    "werkzame_elementen",
    "aandachtselementen",
    "ter_inspiratie",
    "financiele_context",
    "verhouding_wonen_eerst",
    "doelgroepen",
    "doelgroep_toelichting",
    "plaatsen",
)
WOONKENMERKEN_FIELDS = (
    "leeftijdsgroep",
    "woonsituaties",
    "woonzorgconcepten",
    "contractvormen",
    "contract_toelichting",
    "begeleiding",
    "begeleiding_toelichting",
    "benut_leegstand",
    "aantal_plekken",
    "aantal_toelichting",
    "bewonersmix",
)
PRAKTIJK_FIELDS = (
    "doel",
    "startjaar",
    "gebouwtype",
    "beheer",
    "samenwerking",
    "wet_en_regelgeving",
    "resultaten",
    "lessen",
    "belemmeringen",
)
SOURCE_FIELDS = ("initiatief", "bron", "bron_vindplaats", "bron_opmerking")


class BronResource(CatalogueResource):
    class Meta:
        model = Bron
        fields = ("slug", "naam", "uitgever", "jaar", "beschrijving", "url")


class DoelgroepResource(CatalogueResource):
    class Meta:
        model = Doelgroep
        fields = ("slug", "naam", "soort", "beschrijving", "volgorde")


class ContractvormResource(CatalogueResource):
    class Meta:
        model = Contractvorm
        fields = (
            "slug",
            "naam",
            "definitie",
            "juridische_basis",
            "risicodrager",
            "voordelen",
            "nadelen",
            "looptijd",
            "contracthouder",
            "zorgkoppeling",
            "omzetting_eigen_naam",
            "bron",
            "bron_vindplaats",
            "volgorde",
        )


class WoonsituatieResource(CatalogueResource):
    class Meta:
        model = Woonsituatie
        fields = ("slug", "naam", "beschrijving", "volgorde")


class WoonzorgconceptResource(CatalogueResource):
    class Meta:
        model = Woonzorgconcept
        fields = (
            "slug",
            "naam",
            "definitie",
            "dimensie_begeleiding",
            "dimensie_woonduur",
            "dimensie_samenleven",
            "dimensies_toelichting",
            "lessen",
            "bron",
            "bron_vindplaats",
            "volgorde",
        )


class PlaatsResource(CatalogueResource):
    class Meta:
        model = Plaats
        fields = ("slug", "naam", "provincie")


class OrganisatieResource(CatalogueResource):
    class Meta:
        model = Organisatie
        fields = ("slug", "naam", "soort", "website", "plaats")


class InitiatiefResource(CatalogueResource):
    class Meta:
        model = Initiatief
        fields = ("slug", "naam", "toelichting")


class SuccesversnellerTypeResource(CatalogueResource):
    class Meta:
        model = SuccesversnellerType
        fields = ("slug", "naam", "volgorde")


class BijdrageResource(CatalogueResource):
    class Meta:
        model = Bijdrage
        fields = ("slug", "naam", "volgorde")


class WoonvormResource(CatalogueResource):
    class Meta:
        model = Woonvorm
        fields = (*ITEM_FIELDS, *WOONKENMERKEN_FIELDS, *SOURCE_FIELDS)


class SuccesversnellerResource(CatalogueResource):
    class Meta:
        model = Succesversneller
        fields = (*ITEM_FIELDS, "typen", "bijdragen", *SOURCE_FIELDS)


class PraktijkvoorbeeldResource(CatalogueResource):
    class Meta:
        model = Praktijkvoorbeeld
        fields = (*ITEM_FIELDS, *WOONKENMERKEN_FIELDS, *PRAKTIJK_FIELDS, *SOURCE_FIELDS)


# Rows owned by an item, on their own sheet, keyed by the item's slug.

OWNER_FIELDS = ("woonvorm", "succesversneller", "praktijkvoorbeeld")
BY_OWNER_SLUG = {owner: {"label": BY_SLUG} for owner in OWNER_FIELDS}


class ChildResource(CatalogueResource):
    """Rows owned by an item, keyed by its slug. They have no key of their own: an import replaces an item's
    rows by the rows in the file (catalogue.imports)."""

    export_ordering = (
        *(F(f"{owner}__slug").asc(nulls_last=True) for owner in OWNER_FIELDS),
        "volgorde",
        "pk",
    )
    required_columns = OWNER_FIELDS

    class Meta:
        import_id_fields = []
        widgets = BY_OWNER_SLUG


class OrganisatieRolResource(ChildResource):
    class Meta:
        model = OrganisatieRol
        fields = (*OWNER_FIELDS, "organisatie", "rol", "toelichting", "volgorde")


class ContactpersoonResource(ChildResource):
    class Meta:
        model = Contactpersoon
        fields = (*OWNER_FIELDS, "naam", "organisatie", "rol", "email", "telefoon", "volgorde")


class LinkResource(ChildResource):
    class Meta:
        model = Link
        fields = (*OWNER_FIELDS, "soort", "url", "titel", "spreker_rol", "spreker_naam", "volgorde")


VOCABULARY_RESOURCES = [
    BronResource,
    DoelgroepResource,
    ContractvormResource,
    WoonsituatieResource,
    WoonzorgconceptResource,
    PlaatsResource,
    OrganisatieResource,
    InitiatiefResource,
    SuccesversnellerTypeResource,
    BijdrageResource,
]
ITEM_RESOURCES = [WoonvormResource, SuccesversnellerResource, PraktijkvoorbeeldResource]
CHILD_RESOURCES = [OrganisatieRolResource, ContactpersoonResource, LinkResource]


# What a visitor downloads: readable columns and the web address ------------------------------------------


class PublicResource(CatalogueResource):
    """Columns for people: names, labels, one entry per line, and a link back to the page."""

    related_label = BY_NAME
    # Fields holding one entry per line, written without their bullets.
    list_fields = ()

    webadres = Column(column_name=gettext_lazy("Webadres"), readonly=True, width=45)

    def __init__(self, *, request=None, include_personal=False, **kwargs):
        super().__init__(**kwargs)
        self.request = request
        self.include_personal = include_personal

    def get_queryset(self):
        return self._meta.model._default_manager.all()

    def export_field(self, field, instance, **kwargs):
        if field.attribute in self.list_fields:
            return "\n".join(split_lines(getattr(instance, field.attribute)))
        return super().export_field(field, instance, **kwargs)

    def dehydrate_webadres(self, obj):
        url = obj.get_absolute_url()
        return self.request.build_absolute_uri(url) if self.request else url


class PublicItemResource(PublicResource):
    list_fields = ("werkzame_elementen", "aandachtselementen", "lessen", "belemmeringen")

    organisaties = Column(column_name=gettext_lazy("Organisaties"), readonly=True, width=50)
    contactpunten = Column(column_name=gettext_lazy("Contactpunten"), readonly=True, width=50)
    links = Column(column_name=gettext_lazy("Links"), readonly=True, width=50)

    def filter_export(self, queryset, **kwargs):
        contacts = Contactpersoon.objects.select_related("organisatie")
        if not self.include_personal:
            # Named persons are personal data: not even read for an anonymous export.
            contacts = contacts.filter(naam="")
        return (
            super()
            .filter_export(queryset, **kwargs)
            .prefetch_related(
                Prefetch(
                    "organisatierollen",
                    queryset=OrganisatieRol.objects.select_related("organisatie"),
                    to_attr="export_organisaties",
                ),
                Prefetch("contactpersonen", queryset=contacts, to_attr="export_contactpunten"),
                Prefetch("links", queryset=Link.objects.all(), to_attr="export_links"),
            )
        )

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        # Looked up once per export: get_rol_display() would build the labels again for every row.
        self.role_labels = {value: str(label) for value, label in OrganisatieRol.Rol.choices}

    def dehydrate_organisaties(self, item):
        return SEPARATOR.join(
            f"{rol.organisatie.naam} ({self.role_labels.get(rol.rol, rol.rol)})"
            for rol in item.export_organisaties
        )

    def dehydrate_contactpunten(self, item):
        lines = []
        for contact in item.export_contactpunten:
            parts = [contact.naam, contact.rol, contact.organisatie.naam if contact.organisatie else ""]
            parts += [contact.email, contact.telefoon]
            lines.append(", ".join(part for part in parts if part))
        return "\n".join(lines)

    def dehydrate_links(self, item):
        return "\n".join(
            f"{link.titel}: {link.url}" if link.titel else link.url for link in item.export_links
        )


class ScoredColumns(resources.Resource):
    """The Wonen Eerst figures of an item's vastgestelde beoordeling, from scoring.annotate_items()."""

    wonen_eerst_score = Column(column_name=gettext_lazy("Wonen Eerst-score (%)"), readonly=True, width=12)
    kernpunten_bekend = Column(column_name=gettext_lazy("Kernpunten bekend"), readonly=True, width=14)
    niveau = Column(column_name=gettext_lazy("Niveau Wonen Eerst"), readonly=True, width=30)

    def dehydrate_wonen_eerst_score(self, item):
        percentage = item.wonen_eerst_percentage
        return None if percentage is None else round(percentage)

    def dehydrate_kernpunten_bekend(self, item):
        return "" if item.wonen_eerst_bekend is None else coverage_text(item.wonen_eerst_bekend)

    def dehydrate_niveau(self, item):
        level = scoring.item_level(item)
        return level.label if level else _("niet beoordeeld")


PUBLIC_ITEM_FIELDS = (
    "naam",
    "samenvatting",
    "beschrijving",
    "werkzame_elementen",
    "aandachtselementen",
    "ter_inspiratie",
    "financiele_context",
    "verhouding_wonen_eerst",
    "doelgroepen",
    "doelgroep_toelichting",
)
PUBLIC_CONTACT_FIELDS = ("plaatsen", "organisaties", "contactpunten", "links")
PUBLIC_SOURCE_FIELDS = ("bron", "bron_vindplaats", "updated", "webadres")
PUBLIC_SCORE_FIELDS = ("wonen_eerst_score", "kernpunten_bekend", "niveau")


class PublicWoonvormResource(ScoredColumns, PublicItemResource):
    class Meta:
        model = Woonvorm
        fields = (
            *PUBLIC_ITEM_FIELDS,
            *WOONKENMERKEN_FIELDS,
            *PUBLIC_CONTACT_FIELDS,
            *PUBLIC_SCORE_FIELDS,
            *PUBLIC_SOURCE_FIELDS,
        )


class PublicSuccesversnellerResource(PublicItemResource):
    class Meta:
        model = Succesversneller
        fields = (*PUBLIC_ITEM_FIELDS, "typen", "bijdragen", *PUBLIC_CONTACT_FIELDS, *PUBLIC_SOURCE_FIELDS)


class PublicPraktijkvoorbeeldResource(ScoredColumns, PublicItemResource):
    class Meta:
        model = Praktijkvoorbeeld
        fields = (
            *PUBLIC_ITEM_FIELDS,
            *WOONKENMERKEN_FIELDS,
            *PRAKTIJK_FIELDS,
            *PUBLIC_CONTACT_FIELDS,
            *PUBLIC_SCORE_FIELDS,
            *PUBLIC_SOURCE_FIELDS,
        )


class PublicContractvormResource(PublicResource):
    list_fields = ("voordelen", "nadelen")

    class Meta:
        model = Contractvorm
        fields = (
            "naam",
            "definitie",
            "juridische_basis",
            "risicodrager",
            "voordelen",
            "nadelen",
            "looptijd",
            "contracthouder",
            "zorgkoppeling",
            "omzetting_eigen_naam",
            "bron",
            "bron_vindplaats",
            "webadres",
        )


class PublicDoelgroepResource(PublicResource):
    class Meta:
        model = Doelgroep
        fields = ("naam", "soort", "beschrijving", "webadres")


class PublicBronResource(PublicResource):
    document = Column(attribute="url", column_name=gettext_lazy("Document online"), readonly=True, width=45)

    class Meta:
        model = Bron
        fields = ("naam", "uitgever", "jaar", "beschrijving", "document", "webadres")


PUBLIC_RESOURCES = {
    r._meta.model: r
    for r in [
        PublicWoonvormResource,
        PublicSuccesversnellerResource,
        PublicPraktijkvoorbeeldResource,
        PublicContractvormResource,
        PublicDoelgroepResource,
        PublicBronResource,
    ]
}
