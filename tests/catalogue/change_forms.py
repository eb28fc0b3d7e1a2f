"""What a browser posts back from an admin change form it was given: every field with the value shown."""

from django.urls import reverse


def change_url(item):
    opts = item._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[item.pk])


def _encoded(name, value):
    if value is None or value is False:
        return {}
    if value is True:
        return {name: "on"}
    if isinstance(value, list | tuple):
        return {name: [str(v) for v in value]}
    return {name: str(value)}


def _form_values(form):
    data = {}
    for name in form.fields:
        data.update(_encoded(form.add_prefix(name), form[name].value()))
    return data


def form_data(response):
    """The POST data of the change form in the response, as the editor opened it."""
    data = _form_values(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        data.update(_form_values(formset.management_form))
        for form in formset.forms:
            data.update(_form_values(form))
    return data


def open_form(client, item):
    """Open the item's change form; returns the response and the data it would post unchanged."""
    response = client.get(change_url(item))
    assert response.status_code == 200
    return response, form_data(response)


def inline_prefix(response, model):
    """The prefix of the inline for the given child model, e.g. 'links-…'."""
    for inline in response.context["inline_admin_formsets"]:
        if inline.formset.model is model:
            return inline.formset.prefix
    raise LookupError(model)
