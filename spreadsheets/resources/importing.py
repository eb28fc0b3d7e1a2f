"""How a resource imports a file quickly: a savepoint only for the rows that write, diffs read when asked.

django-import-export keeps every row in a savepoint of its own, copies every row's instance in full and reads
every column of a row twice for its diff. Most rows of an import file are an export read back: unchanged.
For those the library writes nothing, so a savepoint, a deep copy of the fetched related rows and two rows
of column values are all work without a use. Here

- a row gets its savepoint when it is validated for saving (the rows that are new or change something); a
  row that fails there is rolled back to it, so an error in one row still leaves the other rows their own
  result, and the import as a whole stays one transaction (`import_data`), all or nothing;
- the related rows fetched in advance (RelatedInstanceLoader) are set aside while the library copies the
  instance, and the copy shares them afterwards;
- a diff reads its columns when the preview asks for them: only for new and changed rows;
- a many-to-many column that names the rows the item has already is not written again (Django's set()
  would read them from the database to find nothing to do);
- the search text of the items whose related rows change is brought up to date once, after the last row;
- a dry run (the preview) records no change history: it is rolled back, and with it every history row,
  unread. A confirmed import records the history as before.
"""

from django.db import transaction
from import_export.resources import Diff
from import_export.results import RowResult

from catalogue import search
from spreadsheets.resources.base import CatalogueResource

FAILED = (RowResult.IMPORT_TYPE_ERROR, RowResult.IMPORT_TYPE_INVALID)


class LazyDiff(Diff):
    """A row's diff that reads its columns only when the preview asks for them (new and changed rows).

    The instance it compares with is the copy the library made before the row was read; the copy keeps its
    own related rows, so reading it later gives what reading it now would."""

    def __init__(self, resource, instance, new):
        self.resource, self.original, self.new = resource, instance, new
        self.instance = None
        self._left = self._right = None
        resource.give_related_rows(instance)
        resource.last_diff = self

    def compare_with(self, resource, instance):
        self.instance = instance
        self._right = None

    @property
    def left(self):
        if self._left is None:
            self._left = self._read_field_values(self.resource, self.original)
        return self._left

    @property
    def right(self):
        if self._right is None:
            self._right = (
                [] if self.instance is None else self._read_field_values(self.resource, self.instance)
            )
        return self._right

    def as_html(self):
        # The preview lists the changed columns itself (spreadsheets.services).
        return []


class ImportingResource(CatalogueResource):
    """A CatalogueResource whose imports spend their work on the rows that change something."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._row_savepoints = False  # set for an import in a transaction (import_data_inner)
        self._row_writes = None  # the savepoint of the row being written
        self._set_aside = None  # the related rows of the row's instance while the library copies it

    def import_data_inner(
        self, dataset, dry_run, raise_errors, using_transactions, collect_failed_rows, **kwargs
    ):
        # The library's own savepoint per row is left out; import_row and validate_instance take one for
        # the rows that write. The import stays in the transaction import_data opened.
        # An item's search text follows its related rows; it is brought up to date once, after the last
        # row, not after every relation a row changes (still inside the import's transaction).
        self._row_savepoints = using_transactions
        try:
            with search.deferred_refresh():
                return super().import_data_inner(
                    dataset, dry_run, raise_errors, False, collect_failed_rows, **kwargs
                )
        finally:
            self._row_savepoints = False

    def import_row(self, row, instance_loader, **kwargs):
        if self._row_savepoints:
            kwargs["using_transactions"] = True  # writes (and a dry run's writes) go to the transaction
        self._row_writes = None
        try:
            row_result = super().import_row(row, instance_loader, **kwargs)
        except BaseException:
            self._end_row_writes(failed=True)
            raise
        self._end_row_writes(failed=row_result.import_type in FAILED)
        return row_result

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        # From here on the row is checked against the database and saved: its own savepoint, so a failure
        # is undone without ending the transaction the other rows are in.
        if self._row_savepoints and self._row_writes is None:
            self._row_writes = transaction.atomic(using=self.get_db_connection_name())
            self._row_writes.__enter__()
        super().validate_instance(instance, import_validation_errors, validate_unique)

    def _end_row_writes(self, *, failed):
        writes, self._row_writes = self._row_writes, None
        if writes is None:
            return
        if failed:
            transaction.set_rollback(True, using=self.get_db_connection_name())
        writes.__exit__(None, None, None)

    def save_instance(self, instance, is_create, row, **kwargs):
        if self._is_dry_run(kwargs):
            # A preview is rolled back, its change history with it: not written at all.
            instance.skip_history_when_saving = True
        super().save_instance(instance, is_create, row, **kwargs)

    def import_field(self, field, instance, row, is_m2m=False, **kwargs):
        if is_m2m and field.column_name in row and self._holds_already(field, instance, row):
            return  # set() would read the stored rows again, change nothing and drop the fetched ones
        super().import_field(field, instance, row, is_m2m, **kwargs)

    @staticmethod
    def _holds_already(field, instance, row):
        """Whether the related rows fetched with `instance` are exactly those the row's cell names."""
        if field.readonly or field.m2m_add or "__" in field.attribute:
            return False
        fetched = getattr(instance, "_prefetched_objects_cache", {}).get(field.attribute)
        if fetched is None:
            return False
        return {obj.pk for obj in field.clean(row)} == {obj.pk for obj in fetched}

    def after_init_instance(self, instance, new, row, **kwargs):
        super().after_init_instance(instance, new, row, **kwargs)
        if new or self._meta.skip_diff:
            return  # nothing fetched, or no copy made
        # The library deep-copies the instance next. The related rows fetched with it are not changed by an
        # import, so they are set aside and the copy shares them (give_related_rows): a deep copy of them
        # would cost more than the rest of an unchanged row.
        self._set_aside = (
            instance.__dict__.pop("_prefetched_objects_cache", None),
            instance._state.fields_cache,
        )
        instance._state.fields_cache = {}

    def give_related_rows(self, original):
        """Give the row's instance its related rows back, and the copy `original` the same rows, in
        dictionaries of its own (a new value set on the instance does not reach the copy)."""
        set_aside, self._set_aside = self._set_aside, None
        if set_aside is None:
            return
        many, one = set_aside
        instance = self.row_instance
        instance._state.fields_cache = one
        if many is not None:
            instance._prefetched_objects_cache = many
        if original is not None:
            original._state.fields_cache = dict(one)
            if many is not None:
                original._prefetched_objects_cache = dict(many)

    def get_diff_class(self):
        return LazyDiff
