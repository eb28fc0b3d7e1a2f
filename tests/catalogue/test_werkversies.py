"""Werkversies: prepare a change of a published item, preview it, compare it and publish it, while visitors
keep seeing the published item."""

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group
from django.urls import reverse

from catalogue import werkversies
from catalogue.models import (
    Link,
    OrganisatieRol,
    Praktijkvoorbeeld,
    Status,
    Succesversneller,
    SuccesversnellerType,
    Werkversie,
    Wijziging,
    Woonvorm,
)
from core.textdiff import word_diff
from tests.catalogue.change_forms import change_url, inline_prefix, open_form
from tests.factories import (
    make_doelgroep,
    make_organisatie,
    make_persona,
    make_plaats,
    make_praktijkvoorbeeld,
    make_succesversneller,
    make_user,
    make_woonvorm,
)

pytestmark = pytest.mark.django_db

OLD = "Een vaste plek in de wijk."
NEW = "Een nieuwe plek met eigen voordeur."


@pytest.fixture
def item():
    """A published woonvorm with relations and child rows of every kind."""
    woonvorm = make_woonvorm(
        naam="Skaeve Huse", samenvatting=OLD, doelgroepen=[make_doelgroep(naam="Jongeren")]
    )
    OrganisatieRol.objects.create(
        woonvorm=woonvorm, organisatie=make_organisatie(naam="Portaal"), rol="verhuurder"
    )
    Link.objects.create(woonvorm=woonvorm, url="https://example.org/oud", titel="Oude link")
    return Woonvorm.objects.get(pk=woonvorm.pk)


@pytest.fixture
def redacteur(client):
    user = make_persona("Redacteur")
    client.force_login(user)
    return user


def second_redacteur(username="tweede"):
    return make_user(username, staff=True, groups=[Group.objects.get(name="Redacteur")])


def save_as_werkversie(client, item, **changes):
    """Open the change form, change it and press "Opslaan als werkversie"; returns the response."""
    response, data = open_form(client, item)
    links = inline_prefix(response, Link)
    data.update({"samenvatting": NEW, f"{links}-0-titel": "Nieuwe link"})
    data.update(changes)
    data["_werkversie"] = "Opslaan als werkversie"
    return client.post(change_url(item), data)


def published_state(item):
    item = Woonvorm.objects.get(pk=item.pk)
    return (
        item.samenvatting,
        item.updated,
        sorted(item.doelgroepen.values_list("naam", flat=True)),
        list(item.links.values_list("titel", flat=True)),
        list(item.organisatierollen.values_list("organisatie__naam", flat=True)),
        item.history.count(),
    )


def werkversie_url(item, page="werkversie"):
    return reverse(f"admin:catalogue_woonvorm_{page}", args=[item.pk])


# Saving a werkversie --------------------------------------------------------------------------------------


def test_saving_as_werkversie_changes_nothing_of_the_published_item(client, redacteur, item):
    before = published_state(item)
    response = save_as_werkversie(client, item, doelgroepen=[])
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert published_state(item) == before
    werkversie = Werkversie.objects.get()
    assert (werkversie.aangemaakt_door, werkversie.item_bijgewerkt_op) == (redacteur, item.updated)
    assert werkversie.gegevens["velden"]["samenvatting"] == NEW
    assert werkversie.gegevens["relaties"]["doelgroepen"] == []
    assert [row["titel"] for row in werkversie.gegevens["kinderen"]["link"]] == ["Nieuwe link"]


def test_reopening_the_item_shows_the_werkversie_in_the_form(client, redacteur, item):
    save_as_werkversie(client, item)
    response = client.get(change_url(item))
    body = response.content.decode()
    assert "U bewerkt een werkversie" in body
    assert response.context["adminform"].form["samenvatting"].value() == NEW
    links = next(f.formset for f in response.context["inline_admin_formsets"] if f.formset.model is Link)
    assert [form["titel"].value() for form in links.forms] == ["Nieuwe link"]
    assert 'name="_save"' not in body, "while a werkversie is edited, the form saves only into it"


def test_saving_the_reopened_werkversie_again_updates_it_and_keeps_its_child_rows(client, redacteur, item):
    save_as_werkversie(client, item)
    response, data = open_form(client, item)
    data["beschrijving"] = "Tweede ronde."
    response = client.post(change_url(item), {**data, "_werkversie": "1"})
    assert response.status_code == 302, response.context["adminform"].form.errors
    werkversie = Werkversie.objects.get()
    assert werkversie.gegevens["velden"]["beschrijving"] == "Tweede ronde."
    assert [row["titel"] for row in werkversie.gegevens["kinderen"]["link"]] == ["Nieuwe link"]
    assert [row["rol"] for row in werkversie.gegevens["kinderen"]["organisatierol"]] == ["verhuurder"]
    assert Link.objects.get().titel == "Oude link"


# Never shown to visitors ------------------------------------------------------------------------------------


def test_a_werkversie_never_shows_to_visitors(client, redacteur, item):
    save_as_werkversie(client, item)
    client.logout()
    pages = {
        "detail": item.get_absolute_url(),
        "detail met parameter": f"{item.get_absolute_url()}?werkversie=1",
        "lijst": reverse("website:woonvorm-list"),
        "api": f"/api/v1/woonvormen/{item.slug}",
        "api-lijst": "/api/v1/woonvormen",
    }
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, name
        body = response.content.decode()
        assert "voordeur" not in body and "Nieuwe link" not in body, name
        assert "Werkversie, nog niet gepubliceerd" not in body, name
    for url in [f"{reverse('website:zoeken')}?q=voordeur", "/api/v1/zoeken?q=voordeur"]:
        response = client.get(url)
        assert response.status_code == 200
        assert item.naam not in response.content.decode(), "not found by the werkversie's words"
    assert item.naam in client.get(f"{reverse('website:zoeken')}?q=wijk").content.decode(), "but by its own"
    assert OLD in client.get(item.get_absolute_url()).content.decode()


# Preview --------------------------------------------------------------------------------------------------


def test_the_preview_shows_the_werkversie_marked_and_never_cached(client, redacteur, item):
    save_as_werkversie(client, item, doelgroepen=[])
    response = client.get(f"{item.get_absolute_url()}?werkversie=1")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Werkversie, nog niet gepubliceerd" in body
    assert NEW in body and "Nieuwe link" in body
    assert OLD not in body and "Oude link" not in body
    assert werkversie_url(item) in body and change_url(item) in body
    cache_control = response["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control
    assert "ETag" not in response
    # The published page, also for the editor, and its cached card stay as they were.
    published = client.get(item.get_absolute_url()).content.decode()
    assert OLD in published and NEW not in published


@pytest.mark.parametrize("persona", [None, "Beoordelaar"])
def test_the_preview_parameter_is_ignored_without_change_permission(client, item, persona):
    editor = make_persona("Redacteur")
    client.force_login(editor)
    save_as_werkversie(client, item)
    client.logout()
    if persona:
        client.force_login(make_persona(persona))
    response = client.get(f"{item.get_absolute_url()}?werkversie=1")
    body = response.content.decode()
    assert response.status_code == 200
    assert OLD in body and NEW not in body
    assert "Werkversie, nog niet gepubliceerd" not in body


# Differences ----------------------------------------------------------------------------------------------


def test_the_differences_show_only_changed_fields_word_by_word(client, redacteur, item):
    save_as_werkversie(client, item, doelgroepen=[])
    response = client.get(werkversie_url(item))
    assert response.status_code == 200
    rows = {row["veld"]: str(row["verschil"]) for row in response.context["verschillen"]}
    assert set(rows) == {"Samenvatting", "Doelgroepen", "Links"}
    assert "<del>vaste</del>" in rows["Samenvatting"] and "<ins>nieuwe</ins>" in rows["Samenvatting"]
    assert "<del>Jongeren</del>" in rows["Doelgroepen"]
    assert "<ins>Nieuwe</ins>" in rows["Links"]


def test_a_word_diff_escapes_what_the_texts_hold():
    diff = word_diff("<b>oud</b> & zo", "<script>nieuw</script> & zo")
    assert "<script>" not in diff and "<b>" not in diff
    assert "<del>&lt;b&gt;oud&lt;/b&gt;</del>" in diff
    assert "<ins>&lt;script&gt;nieuw&lt;/script&gt;</ins>" in diff
    assert diff.endswith(" &amp; zo")
    assert word_diff("gelijk", "gelijk") == "gelijk"


# Publishing -----------------------------------------------------------------------------------------------


def publish(client, item, reden="Tekst bijgewerkt", **extra):
    return client.post(werkversie_url(item), {"reden": reden, **extra})


def test_publishing_applies_everything_as_one_history_version(client, redacteur, item):
    history_before = item.history.count()
    save_as_werkversie(client, item, doelgroepen=[])
    response = publish(client, item, reden="Nieuwe tekst uit de bron")
    assert response.status_code == 302
    item = Woonvorm.objects.get(pk=item.pk)
    assert item.samenvatting == NEW
    assert list(item.doelgroepen.all()) == []
    assert list(item.links.values_list("titel", flat=True)) == ["Nieuwe link"]
    assert list(item.organisatierollen.values_list("rol", flat=True)) == ["verhuurder"]
    assert item.history.count() == history_before + 1
    latest = item.history.first()
    assert (latest.history_user, latest.history_change_reason) == (redacteur, "Nieuwe tekst uit de bron")
    assert not Werkversie.objects.exists()
    assert not Wijziging.objects.exists(), "only an important change is listed under Recent gewijzigd"
    logged = LogEntry.objects.get(object_id=str(item.pk))
    assert (logged.user, logged.change_message) == (
        redacteur,
        "Werkversie gepubliceerd: Nieuwe tekst uit de bron",
    )
    assert NEW in client.get(item.get_absolute_url()).content.decode()


def test_an_important_change_is_listed_as_recent(client, redacteur, item):
    save_as_werkversie(client, item)
    publish(client, item, reden="Nieuwe cijfers", belangrijk="on")
    wijziging = Wijziging.objects.get()
    assert (wijziging.woonvorm, wijziging.soort, wijziging.omschrijving) == (
        item,
        "wijziging",
        "Nieuwe cijfers",
    )


def test_publishing_needs_a_reason(client, redacteur, item):
    save_as_werkversie(client, item)
    before = published_state(item)
    response = publish(client, item, reden="")
    assert response.status_code == 200
    assert response.context["form"].errors["reden"]
    assert published_state(item) == before
    assert Werkversie.objects.exists()


def test_publishing_is_all_or_nothing_when_a_step_fails_midway(client, redacteur, item, monkeypatch):
    save_as_werkversie(client, item, doelgroepen=[])
    before = published_state(item)
    calls = []
    real_sync = werkversies.sync_children

    def failing_sync(**kwargs):
        calls.append(kwargs["owner_field"].model)
        if len(calls) == 3:  # the item, its relations and two kinds of child rows are written by now
            raise RuntimeError("de database valt weg")
        return real_sync(**kwargs)

    monkeypatch.setattr(werkversies, "sync_children", failing_sync)
    werkversie = Werkversie.objects.get()
    with pytest.raises(RuntimeError):
        werkversies.publish(werkversie=werkversie, user=redacteur, reason="Halverwege mis")
    assert len(calls) == 3
    assert published_state(item) == before
    assert Werkversie.objects.filter(pk=werkversie.pk).exists()


def test_an_invalid_child_row_refuses_the_publication_and_changes_nothing(client, redacteur, item):
    save_as_werkversie(client, item)
    werkversie = Werkversie.objects.get()
    werkversie.gegevens["kinderen"]["link"][0].update(soort="audiofragment", spreker_rol="")
    werkversie.save()
    before = published_state(item)
    response = publish(client, item)
    assert response.status_code == 200
    assert "Er is niets gepubliceerd" in response.content.decode()
    assert published_state(item) == before
    assert Werkversie.objects.exists()


def test_publishing_is_refused_when_the_published_item_changed_since(client, redacteur, item):
    save_as_werkversie(client, item)
    item.beschrijving = "Intussen door iemand anders aangepast."
    item.save()
    before = published_state(item)
    response = client.get(werkversie_url(item))
    assert "Publiceren kan niet meer" in response.content.decode()
    response = publish(client, item)
    assert "gewijzigd nadat deze werkversie begon" in response.content.decode()
    assert published_state(item) == before
    assert Woonvorm.objects.get(pk=item.pk).beschrijving == "Intussen door iemand anders aangepast."


# Discarding -----------------------------------------------------------------------------------------------


def test_discarding_asks_for_confirmation_first(client, redacteur, item):
    save_as_werkversie(client, item)
    before = published_state(item)
    confirm = client.get(werkversie_url(item, "werkversie_weggooien"))
    assert "Weet u zeker" in confirm.content.decode()
    assert Werkversie.objects.exists()
    response = client.post(werkversie_url(item, "werkversie_weggooien"))
    assert response.status_code == 302
    assert not Werkversie.objects.exists()
    assert published_state(item) == before


@pytest.mark.parametrize(
    ("page", "step"), [("werkversie", "Werkversie"), ("werkversie_weggooien", "Werkversie weggooien")]
)
def test_the_werkversie_pages_lead_back_to_the_item_and_its_list(client, redacteur, item, page, step):
    save_as_werkversie(client, item)
    html = client.get(werkversie_url(item, page)).content.decode()
    breadcrumbs = html[html.index('<div class="breadcrumbs">') :].split("</div>", 1)[0]
    for address in (
        reverse("admin:index"),
        reverse("admin:catalogue_woonvorm_changelist"),
        reverse("admin:catalogue_woonvorm_change", args=[item.pk]),
    ):
        assert f'href="{address}"' in breadcrumbs
    assert item.naam in breadcrumbs
    assert breadcrumbs.rstrip().endswith(step)


# Two editors ----------------------------------------------------------------------------------------------


def test_a_second_editor_is_told_who_holds_the_werkversie_and_may_only_look(client, redacteur, item):
    save_as_werkversie(client, item)
    client.force_login(second_redacteur())
    response = client.get(change_url(item))
    body = response.content.decode()
    assert "Er is al een werkversie van redacteur, sinds" in body
    assert 'name="_werkversie"' not in body
    assert response.context["adminform"].form["samenvatting"].value() == OLD, "they see the published item"
    assert client.get(werkversie_url(item)).status_code == 200
    assert NEW in client.get(f"{item.get_absolute_url()}?werkversie=1").content.decode()
    before = published_state(item)
    assert publish(client, item).status_code == 403
    assert client.post(werkversie_url(item, "werkversie_weggooien")).status_code == 403
    assert published_state(item) == before
    assert Werkversie.objects.get().gegevens["velden"]["samenvatting"] == NEW


def test_a_second_editor_cannot_overwrite_the_werkversie(client, redacteur, item):
    save_as_werkversie(client, item)
    client.force_login(second_redacteur())
    response = save_as_werkversie(client, item, samenvatting="Van de tweede redacteur")
    assert response.status_code == 200
    assert "Er is al een werkversie van redacteur" in response.content.decode()
    assert Werkversie.objects.get().gegevens["velden"]["samenvatting"] == NEW


def test_a_beheerder_may_publish_another_editors_werkversie(client, redacteur, item):
    save_as_werkversie(client, item)
    client.force_login(make_persona("Beheerder"))
    response = publish(client, item, reden="Door de beheerder gepubliceerd")
    assert response.status_code == 302
    assert Woonvorm.objects.get(pk=item.pk).samenvatting == NEW


def test_a_werkversie_can_be_prepared_for_a_concept_item_too(client, redacteur):
    concept = make_woonvorm(status=Status.CONCEPT, samenvatting=OLD)
    response, data = open_form(client, concept)
    response = client.post(change_url(concept), {**data, "samenvatting": NEW, "_werkversie": "1"})
    assert response.status_code == 302
    assert Woonvorm.objects.get(pk=concept.pk).samenvatting == OLD


@pytest.mark.parametrize(
    ("maker", "model", "relation"),
    [
        (make_succesversneller, Succesversneller, "typen"),
        (make_praktijkvoorbeeld, Praktijkvoorbeeld, "plaatsen"),
    ],
    ids=["succesversneller", "praktijkvoorbeeld"],
)
def test_every_kind_of_item_has_werkversies(client, redacteur, maker, model, relation):
    published = maker(samenvatting=OLD)
    field = model._meta.get_field(relation)
    if field.related_model is SuccesversnellerType:
        value = SuccesversnellerType.objects.create(slug="training", naam="Training")
    else:
        value = make_plaats()
    _response, data = open_form(client, published)
    data.update({"samenvatting": NEW, relation: [str(value.pk)], "_werkversie": "1"})
    assert client.post(change_url(published), data).status_code == 302
    assert NEW in client.get(f"{published.get_absolute_url()}?werkversie=1").content.decode()
    assert list(getattr(model.objects.get(pk=published.pk), relation).all()) == []
    opts = model._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_werkversie", args=[published.pk])
    assert client.post(url, {"reden": "Aangevuld"}).status_code == 302
    stored = model.objects.get(pk=published.pk)
    assert (stored.samenvatting, list(getattr(stored, relation).all())) == (NEW, [value])


def test_deleting_an_item_throws_its_werkversie_away(client, redacteur, item):
    save_as_werkversie(client, item)
    opts = item._meta
    response = client.post(
        reverse(f"admin:{opts.app_label}_{opts.model_name}_delete", args=[item.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not Woonvorm.objects.filter(pk=item.pk).exists()
    assert not Werkversie.objects.exists()
