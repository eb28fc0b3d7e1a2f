"""The beheeromgeving's side of werkversies and of the optimistic lock, as a mixin for the item admins.

The change form carries the item's `updated` (and its werkversie's `bijgewerkt_op`) as it was when the
form was opened; a save based on an older version is refused with a form error (catalogue.werkversies
.lock_problem). "Opslaan als werkversie" stores the form in the item's werkversie instead of the item.
While an editor may edit the item's werkversie, the form shows it, and every save of the form goes to it;
it is published from the page that shows its differences.
"""

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.manager import SIMPLE_HISTORY_REVERSE_ATTR_NAME

from catalogue import werkversies
from catalogue.werkversie_verschillen import differences

SAVE_AS_WERKVERSIE = "_werkversie"


class PublishForm(forms.Form):
    reden = forms.CharField(
        label=gettext_lazy("Reden van de wijziging"),
        max_length=100,
        help_text=gettext_lazy("Komt in de geschiedenis van het item. Ten hoogste 100 tekens."),
    )
    belangrijk = forms.BooleanField(
        label=gettext_lazy("Belangrijke wijziging (tonen bij Recent gewijzigd)"), required=False
    )


def locking_form(base, *, request, item, werkversie):
    """The admin's form for the item, with the lock's hidden fields and, when the editor edits a
    werkversie, the werkversie's values as the form's starting values."""

    class ItemLockForm(base):
        geopend_bijgewerkt_op = forms.CharField(widget=forms.HiddenInput, required=False)
        geopend_werkversie = forms.CharField(widget=forms.HiddenInput, required=False)

        def __init__(self, *args, **kwargs):
            initial = {
                "geopend_bijgewerkt_op": werkversies.lock_token(item.updated),
                "geopend_werkversie": werkversies.lock_token(
                    werkversie.bijgewerkt_op if werkversie else None
                ),
                **(werkversies.form_initial(werkversie) if werkversie else {}),
            }
            kwargs["initial"] = {**initial, **(kwargs.get("initial") or {})}
            super().__init__(*args, **kwargs)

        def clean(self):
            cleaned = super().clean()
            problem = werkversies.lock_problem(
                item=self.instance,
                opened=cleaned.get("geopend_bijgewerkt_op"),
                werkversie_opened=cleaned.get("geopend_werkversie"),
                for_werkversie=saves_werkversie(request),
                user=request.user,
            )
            if problem:
                raise forms.ValidationError(problem, code="gewijzigd")
            return cleaned

    return ItemLockForm


def saves_werkversie(request):
    """Whether this save of the change form goes to the werkversie: asked for, or a werkversie was open."""
    return request.method == "POST" and (
        SAVE_AS_WERKVERSIE in request.POST or bool(request.POST.get("geopend_werkversie"))
    )


class WerkversieAdminMixin:
    change_form_template = "admin/catalogue/item_change_form.html"

    # The werkversie the form shows -----------------------------------------------------------------------

    def editable_werkversie(self, request, obj):
        """The item's werkversie when this editor edits it in the form: they may, and the form is not a
        revert of an old version. None otherwise."""
        if obj is None or getattr(obj, SIMPLE_HISTORY_REVERSE_ATTR_NAME, None) is not None:
            return None
        werkversie = werkversies.werkversie_of(obj)
        if werkversie is None or not werkversies.may_edit(request.user, werkversie):
            return None
        if request.method == "POST" and not request.POST.get("geopend_werkversie"):
            return None  # the form was opened without it; the lock refuses the save
        return werkversie

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if obj is None or getattr(obj, SIMPLE_HISTORY_REVERSE_ATTR_NAME, None) is not None:
            return form
        return locking_form(
            form, request=request, item=obj, werkversie=self.editable_werkversie(request, obj)
        )

    def get_formsets_with_inlines(self, request, obj=None):
        werkversie = self.editable_werkversie(request, obj)
        for formset, inline in super().get_formsets_with_inlines(request, obj):
            if werkversie is not None and request.method == "GET":
                rows = werkversies.child_initial(werkversie, inline.model)
                formset = type(formset.__name__, (formset,), {"extra": len(rows)})
            yield formset, inline

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        werkversie = self.editable_werkversie(request, obj)
        if werkversie is not None:
            # The werkversie's rows are new rows of the form; the published rows stay as they are.
            kwargs["queryset"] = inline.model._default_manager.none()
            if request.method == "GET":
                kwargs["initial"] = werkversies.child_initial(werkversie, inline.model)
        return kwargs

    # Saving into the werkversie ----------------------------------------------------------------------------

    def save_model(self, request, obj, form, change):
        if change and saves_werkversie(request):
            return
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        if change and saves_werkversie(request):
            gegevens = werkversies.gegevens_from_form(form, formsets)
            werkversies.save_werkversie(item=form.instance, gegevens=gegevens, user=request.user)
            return
        super().save_related(request, form, formsets, change)

    def construct_change_message(self, request, form, formsets, add=False):
        if saves_werkversie(request):
            return []  # the inlines were not saved, so there are no saved rows to name
        return super().construct_change_message(request, form, formsets, add)

    def log_change(self, request, obj, message):
        if saves_werkversie(request):
            return None  # the item did not change
        return super().log_change(request, obj, message)

    def response_change(self, request, obj):
        if saves_werkversie(request):
            self.message_user(
                request,
                _("De werkversie is opgeslagen. Het gepubliceerde item is niet gewijzigd."),
                messages.SUCCESS,
            )
            return HttpResponseRedirect(self._url(obj, "change"))
        return super().response_change(request, obj)

    def delete_model(self, request, obj):
        werkversies.discard_for_items(model=self.model, pks=[obj.pk])
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        werkversies.discard_for_items(model=self.model, pks=list(queryset.values_list("pk", flat=True)))
        super().delete_queryset(request, queryset)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and not add:
            werkversie = werkversies.werkversie_of(obj)
            context.update(
                werkversie=werkversie,
                werkversie_bewerken=werkversie is not None and werkversies.may_edit(request.user, werkversie),
                werkversie_door=werkversies.person(werkversie.aangemaakt_door) if werkversie else "",
                werkversie_sinds=werkversies.moment(werkversie.aangemaakt_op) if werkversie else "",
                werkversie_url=self._url(obj, "werkversie"),
                werkversie_voorbeeld_url=f"{obj.get_absolute_url()}?werkversie=1",
                kan_werkversie=werkversie is None and self.has_change_permission(request, obj),
            )
        return super().render_change_form(request, context, add, change, form_url, obj)

    # Its own pages: differences and publishing, discarding -------------------------------------------------

    def get_urls(self):
        opts = self.model._meta
        own = [
            path(
                "<path:object_id>/werkversie/",
                self.admin_site.admin_view(self.werkversie_view),
                name=f"{opts.app_label}_{opts.model_name}_werkversie",
            ),
            path(
                "<path:object_id>/werkversie/weggooien/",
                self.admin_site.admin_view(self.discard_view),
                name=f"{opts.app_label}_{opts.model_name}_werkversie_weggooien",
            ),
        ]
        return own + super().get_urls()

    def _url(self, obj, page):
        opts = self.model._meta
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_{page}", args=[obj.pk])

    def _item_and_werkversie(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None or not self.has_view_permission(request, obj):
            raise Http404
        werkversie = werkversies.werkversie_of(obj)
        if werkversie is None:
            self.message_user(request, _("Dit item heeft geen werkversie."), messages.WARNING)
        return obj, werkversie

    def _may_edit(self, request, obj, werkversie):
        return self.has_change_permission(request, obj) and werkversies.may_edit(request.user, werkversie)

    def werkversie_view(self, request, object_id):
        """The werkversie against the published item, and the form that publishes it."""
        obj, werkversie = self._item_and_werkversie(request, object_id)
        if werkversie is None:
            return HttpResponseRedirect(self._url(obj, "change"))
        may_edit = self._may_edit(request, obj, werkversie)
        form = PublishForm(request.POST if request.method == "POST" else None)
        if request.method == "POST":
            if not may_edit:
                raise PermissionDenied
            if form.is_valid():
                reason = form.cleaned_data["reden"]
                try:
                    item = werkversies.publish(
                        werkversie=werkversie,
                        user=request.user,
                        reason=reason,
                        belangrijk=form.cleaned_data["belangrijk"],
                    )
                except werkversies.WerkversieError as error:
                    self.message_user(request, str(error), messages.ERROR)
                else:
                    self.log_change(
                        request, item, _("Werkversie gepubliceerd: %(reden)s") % {"reden": reason}
                    )
                    self.message_user(request, _("De werkversie is gepubliceerd."), messages.SUCCESS)
                    return HttpResponseRedirect(self._url(obj, "change"))
        context = {
            **self._page_context(request, obj, werkversie, _("Werkversie: verschillen en publiceren")),
            "verschillen": differences(werkversie, obj),
            "verouderd": werkversies.is_stale(werkversie, obj),
            "form": form,
            "mag_bewerken": may_edit,
        }
        return TemplateResponse(request, "admin/catalogue/werkversie.html", context)

    def discard_view(self, request, object_id):
        """Asks for confirmation, then throws the werkversie away."""
        obj, werkversie = self._item_and_werkversie(request, object_id)
        if werkversie is None:
            return HttpResponseRedirect(self._url(obj, "change"))
        if not self._may_edit(request, obj, werkversie):
            raise PermissionDenied
        if request.method == "POST":
            werkversies.discard(werkversie=werkversie)
            self.message_user(
                request,
                _("De werkversie is weggegooid. Het gepubliceerde item is niet gewijzigd."),
                messages.SUCCESS,
            )
            return HttpResponseRedirect(self._url(obj, "change"))
        context = self._page_context(request, obj, werkversie, _("Werkversie weggooien"))
        return TemplateResponse(request, "admin/catalogue/werkversie_weggooien.html", context)

    def _page_context(self, request, obj, werkversie, title):
        return {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": obj,
            "title": title,
            "werkversie": werkversie,
            "werkversie_door": werkversies.person(werkversie.aangemaakt_door),
            "werkversie_sinds": werkversies.moment(werkversie.aangemaakt_op),
            "change_url": self._url(obj, "change"),
            "werkversie_url": self._url(obj, "werkversie"),
            "weggooien_url": self._url(obj, "werkversie_weggooien"),
            "voorbeeld_url": f"{obj.get_absolute_url()}?werkversie=1",
        }
