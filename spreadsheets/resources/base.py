"""The base of every resource: Dutch headers, labels, related rows by name or slug, and column widths.

Headers are the fields' Dutch verbose names; choices are written as their labels; related rows by name (or by
slug where a name would not identify the row). Rows an import file names are fetched in one query with the
related rows their columns are compared with.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.utils.text import capfirst
from import_export import fields, resources, widgets
from import_export.instance_loaders import ModelInstanceLoader

from spreadsheets.widgets import (
    BY_NAME_OR_SLUG,
    DateWidget,
    IntegerWidget,
    JaNeeWidget,
    LabelWidget,
    RelatedListWidget,
    RelatedWidget,
    TextWidget,
)


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
        self.last_diff = None
        # Called with (row result, row number, diff) for every row an import handles, failed ones included.
        self.on_row = None

    def import_row(self, row, instance_loader, **kwargs):
        self.last_diff = None
        row_result = super().import_row(row, instance_loader, **kwargs)
        if self.on_row is not None:
            self.on_row(row_result, kwargs.get("row_number"), self.last_diff)
        return row_result

    def after_init_instance(self, instance, new, row, **kwargs):
        super().after_init_instance(instance, new, row, **kwargs)
        self.row_instance = instance

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
        if isinstance(django_field, models.BooleanField):
            return JaNeeWidget(column)
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
