"""Keep every item's search text (`zoektermen`, see catalogue.search) in step with its terms.

The text changes when an item's tags change, when a term is renamed, gets other synonyms or is deleted, and
when an organisation with a role is added, changed or removed. Each of those writes sends a model signal
whichever way it is made (the beheeromgeving, the content loader, a spreadsheet import, a revert from the
history), so the receivers here hang on those signals and call catalogue.search.refresh_pks(); they write only
that column. Connected in CatalogueConfig.ready().
"""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

from catalogue import search
from catalogue.models import ITEM_MODELS, Organisatie, OrganisatieRol

ITEM_FIELDS = [model._meta.model_name for model in ITEM_MODELS]


def tag_fields():
    """(item model, many-to-many field) for every tag whose words are in the item's search text."""
    return [
        (model, model._meta.get_field(path))
        for model in ITEM_MODELS
        for path, _synonyms in search.TERM_SOURCES
        if "__" not in path and search.has_relation(model, path)
    ]


def tagged_items(term):
    """{item model: pks} of the items tagged with the term (an organisation: the items it has a role in)."""
    if isinstance(term, Organisatie):
        return {
            model: set(
                model._default_manager.filter(organisatierollen__organisatie=term).values_list(
                    "pk", flat=True
                )
            )
            for model in ITEM_MODELS
        }
    return {
        model: set(field.model._default_manager.filter(**{field.name: term}).values_list("pk", flat=True))
        for model, field in tag_fields()
        if isinstance(term, field.related_model)
    }


def term_models():
    return {field.related_model for _model, field in tag_fields()} | {Organisatie}


def term_saved(sender, instance, created, raw=False, **kwargs):
    """A renamed term or other synonyms: the items tagged with it. A new term has no items yet."""
    if not created and not raw:
        search.refresh_pks(tagged_items(instance))


def term_deleting(sender, instance, **kwargs):
    # The tags go with the term without an m2m_changed signal, so remember the items before they do.
    instance._search_items = tagged_items(instance)


def term_deleted(sender, instance, **kwargs):
    search.refresh_pks(getattr(instance, "_search_items", {}))


def tags_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    """Tags added to or removed from an item, or items added to or removed from a term."""
    if action == "pre_clear" and reverse:
        pks = sender._default_manager.filter(**{_term_column(sender, instance): instance.pk})
        instance._search_cleared = {model: set(pks.values_list(_item_column(sender, model), flat=True))}
        return
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        search.refresh_terms([instance])
    elif action == "post_clear":
        search.refresh_pks(getattr(instance, "_search_cleared", {}))
    else:
        search.refresh_pks({model: set(pk_set or ())})


def _item_column(through, item_model):
    return next(f.attname for f in through._meta.concrete_fields if f.related_model is item_model)


def _term_column(through, term):
    return next(f.attname for f in through._meta.concrete_fields if f.related_model is type(term))


def role_changed(sender, instance, raw=False, **kwargs):
    """An organisation with a role added, changed or removed: its item."""
    if raw:
        return
    owners = zip(ITEM_MODELS, ITEM_FIELDS, strict=True)
    search.refresh_pks(
        {
            model: {getattr(instance, f"{name}_id")}
            for model, name in owners
            if getattr(instance, f"{name}_id")
        }
    )


def connect_signals():
    for model, field in tag_fields():
        uid = f"search-terms-{model._meta.model_name}-{field.name}"
        m2m_changed.connect(tags_changed, sender=field.remote_field.through, dispatch_uid=uid)
    for term_model in term_models():
        uid = f"search-terms-{term_model._meta.model_name}"
        post_save.connect(term_saved, sender=term_model, dispatch_uid=f"{uid}-save")
        pre_delete.connect(term_deleting, sender=term_model, dispatch_uid=f"{uid}-deleting")
        post_delete.connect(term_deleted, sender=term_model, dispatch_uid=f"{uid}-deleted")
    post_save.connect(role_changed, sender=OrganisatieRol, dispatch_uid="search-terms-rol-save")
    post_delete.connect(role_changed, sender=OrganisatieRol, dispatch_uid="search-terms-rol-delete")
