"""The rows of a public export read from values() rows, without a model instance per row.

An export of ten thousand items spent most of its time making a model instance per row and passing every
cell through django-import-export's per-field machinery. Here a resource's own fields are read from plain
values() rows, in chunks. A column that comes from another table (many-to-many names, organisations, contact
points, links, the Wonen Eerst figures) is read in one query for the whole export, whatever its number of
rows, and kept as the finished cell of each item, so memory holds one text per item and column rather than
the related rows. Every cell is still made by its column's widget or by the resource's own method, so the
cells are those the resource defines.
"""

from itertools import groupby
from operator import attrgetter, itemgetter

from spreadsheets.widgets import JaNeeWidget, LabelWidget, RelatedListWidget, RelatedWidget

# Rows are read from the database in chunks of this size, so memory stays flat on large exports.
CHUNK_SIZE = 2000


class Row:
    """One exported row as plain values, read by attribute like the model instance it stands for."""

    def __init__(self, values):
        self.__dict__ = values


class Related(list):
    """The related rows of one item, which a RelatedListWidget renders as it renders a related manager."""

    def all(self):
        return self


def exported_pks(queryset):
    """The pks of the exported rows as a subquery, for the queries of what other tables hold about them."""
    return queryset.order_by().values("pk")


def grouped_cells(rows, owner_of, cell):
    """{item pk: cell(that item's rows)} from rows ordered by their item, read once."""
    return {owner: cell(list(group)) for owner, group in groupby(rows, key=owner_of)}


def owned_rows(model, related_name, items, queryset=None):
    """The rows of a reverse relation (e.g. "organisatierollen") of the exported items, of `queryset` if
    given, ordered by item and then in their own order; with the name of the column that holds the item."""
    owner = model._meta.get_field(related_name).field
    child = owner.model
    queryset = child._default_manager.all() if queryset is None else queryset
    queryset = queryset.filter(**{f"{owner.name}__in": items})
    # By the column itself: ordering by the foreign key would order by the item's name.
    return queryset.order_by(owner.attname, *child._meta.ordering), owner.attname


def owned_cells(queryset, owner, cell, *fields):
    """{item pk: cell(the item's rows)}; with `fields`, each row is a tuple of those fields, otherwise a model
    instance. `queryset` comes from owned_rows()."""
    if fields:
        rows = queryset.values_list(owner, *fields).iterator(chunk_size=CHUNK_SIZE)
        return grouped_cells(rows, itemgetter(0), lambda group: cell([row[1:] for row in group]))
    return grouped_cells(queryset.iterator(chunk_size=CHUNK_SIZE), attrgetter(owner), cell)


def many_to_many_cells(model, field, items):
    """{item pk: cell} of a many-to-many column, rendered by its widget, in one query."""
    relation = model._meta.get_field(field.attribute)
    through = relation.remote_field.through
    source, target = relation.m2m_field_name(), relation.m2m_reverse_field_name()
    names = field.widget.lookup.fields()
    pairs = (
        through.objects.filter(**{f"{source}__in": items})
        .order_by(through._meta.get_field(source).attname)
        .values_list(source, target, *(f"{target}__{name}" for name in names))
        .iterator(chunk_size=CHUNK_SIZE)
    )
    related = {}

    def row(pair):
        if pair[1] not in related:
            related[pair[1]] = Row(dict(zip(names, pair[2:], strict=True)))
        return related[pair[1]]

    return grouped_cells(pairs, itemgetter(0), lambda group: field.widget.render(Related(map(row, group))))


def foreign_key_cells(queryset, field):
    """{pk: cell} of the rows a foreign key column of the exported rows points to, in one query."""
    relation = queryset.model._meta.get_field(field.attribute)
    pointed_to = queryset.order_by().values(relation.attname)
    rows = relation.related_model._base_manager.filter(pk__in=pointed_to).values(
        "pk", *field.widget.lookup.fields()
    )
    return {values["pk"]: field.widget.render(Row(values)) for values in rows}


def looked_up(attribute, cells, empty):
    """A column whose cell is looked up by one of the row's values (its pk, a foreign key)."""
    key = attrgetter(attribute)
    return lambda row: cells.get(key(row), empty)


def rendered(attribute, render):
    """A column whose cell is one of the row's values as `render` writes it."""
    value = attrgetter(attribute)
    return lambda row: render(value(row))


def rendered_once(attribute, render):
    """A column of few values (yes or no, a choice), each of which `render` writes once per export."""
    value, written = attrgetter(attribute), {}

    def cell(row):
        key = value(row)
        if key not in written:
            written[key] = render(key)
        return written[key]

    return cell


def column_cells(resource, queryset, columns):
    """One function per column from a Row to its cell, and the names of the fields they read: the
    resource's cells as its export_field() would make them from a model instance."""
    model = resource._meta.model
    concrete = {f.name: f for f in model._meta.concrete_fields}
    items = exported_pks(queryset)
    per_item = resource.item_cells(items)
    names, cells = {"pk", "slug"}, []
    for field in columns:
        name = resource.get_field_name(field)
        method = getattr(resource, field.get_dehydrate_method(name), None)
        if isinstance(field.widget, RelatedListWidget):
            per_item[name] = (many_to_many_cells(model, field, items), field.widget.render(Related()))
        if name in per_item:
            cells.append(looked_up("pk", *per_item[name]))
        elif field.attribute in resource.list_fields:
            names.add(field.attribute)
            cells.append(rendered(field.attribute, resource.list_cell))
        elif method is not None:
            cells.append(method)
        elif isinstance(field.widget, RelatedWidget):
            attname = concrete[field.attribute].attname
            names.add(attname)
            cells.append(looked_up(attname, foreign_key_cells(queryset, field), field.widget.render(None)))
        else:
            names.add(field.attribute)
            few_values = isinstance(field.widget, JaNeeWidget | LabelWidget)
            cells.append((rendered_once if few_values else rendered)(field.attribute, field.widget.render))
    return cells, names


def value_rows(resource, queryset):
    """The cell values of every row of the queryset, in its order, read from values() rows."""
    cells, names = column_cells(resource, queryset, resource.get_export_fields())
    for values in queryset.prefetch_related(None).values(*names).iterator(chunk_size=CHUNK_SIZE):
        row = Row(values)
        yield [cell(row) for cell in cells]
