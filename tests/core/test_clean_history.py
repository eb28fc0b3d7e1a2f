"""The change history records real changes only, and shows them readably with the editor's reason."""

import pytest
from django.urls import reverse

from assessment.models import Beoordeling
from catalogue.content import load_content
from catalogue.models import Link, Woonvorm
from core.history import historical_relations
from core.text import normalise_text
from routekaart.models import Fase
from tests.factories import (
    make_beoordeling,
    make_bron,
    make_doelgroep,
    make_fase,
    make_persona,
    make_woonvorm,
)

pytestmark = pytest.mark.django_db

LIST_TEXT = "Een eigen voordeur\nBegeleiding op maat\nSamen met de buurt"


def browser_post_data(response):
    """The POST data of an admin change form as a browser sends it back unchanged: every line break of a
    text as \\r\\n, the checked options of a multiple select, the inline formsets included."""
    data = {}

    def add(form):
        for field in form:
            value = field.value()
            if value is None or value is False:
                continue
            if isinstance(value, list | tuple):
                data[field.html_name] = [str(v) for v in value]
            elif value is True:
                data[field.html_name] = "on"
            else:
                data[field.html_name] = str(value).replace("\n", "\r\n")

    add(response.context["adminform"].form)
    for inline in response.context.get("inline_admin_formsets", []):
        add(inline.formset.management_form)
        for form in inline.formset.forms:
            add(form)
    return data


def save_in_admin(client, obj, **changes):
    url = reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])
    data = browser_post_data(client.get(url))
    data.update(changes)
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    obj.refresh_from_db()
    return obj


def history_page(client, obj):
    url = reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_history", args=[obj.pk])
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def redacteur(client):
    user = make_persona("Redacteur")
    client.force_login(user)
    return user


@pytest.fixture
def woonvorm():
    item = make_woonvorm(
        naam="De Buurtwoning",
        beschrijving="Een woning in de wijk.\n\nMet een buurman als maatje.",
        werkzame_elementen=LIST_TEXT,
        aandachtselementen="Wachtlijsten\nBetaalbaarheid",
        doelgroepen=[make_doelgroep(naam="Jongeren")],
    )
    Link.objects.create(woonvorm=item, url="https://example.org/a", titel="Website\nvan het project")
    return item


def test_the_stored_form_of_a_text():
    assert normalise_text("  Eerste regel  \r\n  - tweede regel \r\rderde\n\n\n") == (
        "Eerste regel\n  - tweede regel\n\nderde"
    )
    assert normalise_text(None) is None
    assert normalise_text(12) == 12


def test_saving_an_unchanged_admin_form_records_no_history(client, redacteur, woonvorm):
    rows = woonvorm.history.count()
    link_rows = Link.history.count()
    save_in_admin(client, woonvorm)
    assert woonvorm.history.count() == rows
    assert Link.history.count() == link_rows
    assert woonvorm.werkzame_elementen == LIST_TEXT


def test_a_text_stored_with_a_trailing_newline_is_not_a_change(client, redacteur, woonvorm):
    # As the content files stored it before texts were normalised.
    Woonvorm.objects.filter(pk=woonvorm.pk).update(werkzame_elementen=LIST_TEXT + "\n", ter_inspiratie=" \n")
    rows = woonvorm.history.count()
    save_in_admin(client, woonvorm)
    assert woonvorm.history.count() == rows
    assert woonvorm.werkzame_elementen == LIST_TEXT


def test_every_save_stores_texts_normalised(woonvorm):
    woonvorm.aandachtselementen = "Wachtlijsten  \r\nBetaalbaarheid\r\n\r\n"
    woonvorm.save()
    woonvorm.refresh_from_db()
    assert woonvorm.aandachtselementen == "Wachtlijsten\nBetaalbaarheid"


def test_a_save_outside_the_admin_that_changes_nothing_records_nothing(woonvorm):
    rows = woonvorm.history.count()
    woonvorm.beschrijving = woonvorm.beschrijving.replace("\n", "\r\n") + "\n"
    woonvorm.save()
    assert woonvorm.history.count() == rows
    woonvorm.beschrijving = "Een woning midden in de wijk."
    woonvorm.save()
    assert woonvorm.history.count() == rows + 1


def test_one_changed_field_shows_as_a_word_diff_of_that_field_only(client, redacteur, woonvorm):
    new_text = "Een woning in de wijk.\r\n\r\nMet een buurvrouw als maatje."
    save_in_admin(client, woonvorm, beschrijving=new_text)
    latest = woonvorm.history.first()
    assert latest.diff_against(latest.prev_record).changed_fields == ["beschrijving"]
    page = history_page(client, woonvorm)
    changes = page.split('class="history-changes"')[1]
    assert "<dt>Wat is het?:</dt>" in changes
    assert "<del>buurman</del><ins>buurvrouw</ins>" in changes
    for other in ["Werkzame elementen", "Aandachtselementen", "Naam:", "Doelgroepen"]:
        assert other not in changes, other
    assert "chars]" not in page
    assert "None" not in page


def test_a_long_text_is_never_cut_short(client, redacteur, woonvorm):
    long_text = " ".join(f"woord{n}" for n in range(120))
    save_in_admin(client, woonvorm, ter_inspiratie=long_text)
    save_in_admin(client, woonvorm, ter_inspiratie=long_text.replace("woord60", "zestig"))
    page = history_page(client, woonvorm)
    assert "<del>woord60</del><ins>zestig</ins>" in page
    assert "woord119" in page
    assert "chars]" not in page


def test_the_reason_entered_is_kept_and_shown(client, redacteur, woonvorm):
    url = reverse("admin:catalogue_woonvorm_change", args=[woonvorm.pk])
    form = client.get(url).content.decode()
    assert "Reden van de wijziging (optioneel)" in form
    save_in_admin(client, woonvorm, naam="De Buurtwoning Utrecht", wijzigingsreden="Plaatsnaam uit de bron")
    assert woonvorm.history.first().history_change_reason == "Plaatsnaam uit de bron"
    assert "Plaatsnaam uit de bron" in history_page(client, woonvorm)


def test_an_empty_reason_shows_nothing(client, redacteur, woonvorm):
    save_in_admin(client, woonvorm, naam="Een nieuwe naam")
    assert woonvorm.history.first().history_change_reason is None
    page = history_page(client, woonvorm)
    assert "None" not in page
    assert "Geen" not in page


def test_the_reason_goes_with_the_inline_rows_saved_with_the_item(client, redacteur, woonvorm):
    link = woonvorm.links.get()
    prefix = "links"
    url = reverse("admin:catalogue_woonvorm_change", args=[woonvorm.pk])
    data = browser_post_data(client.get(url))
    title_key = next(key for key in data if key.startswith(prefix) and key.endswith("-titel"))
    data.update({title_key: "Website", "wijzigingsreden": "Titel ingekort"})
    assert client.post(url, data).status_code == 302
    assert Link.history.filter(id=link.pk).first().history_change_reason == "Titel ingekort"


def test_one_admin_save_is_one_version_with_its_fields_and_relations(client, redacteur, woonvorm):
    rows = woonvorm.history.count()
    nieuw = make_doelgroep(naam="Gezinnen")
    save_in_admin(client, woonvorm, naam="De Gezinswoning", doelgroepen=[str(nieuw.pk)])
    assert woonvorm.history.count() == rows + 1
    latest = woonvorm.history.first()
    assert set(latest.diff_against(latest.prev_record).changed_fields) == {"naam", "doelgroepen"}
    assert historical_relations(latest)["doelgroepen"] == [nieuw.pk], "the version holds the new relations"
    newest_changes = history_page(client, woonvorm).split('class="history-changes"')[1]
    assert "toegevoegd: Gezinnen" in newest_changes
    assert "verwijderd: Jongeren" in newest_changes
    assert "<dt>Naam:</dt>" in newest_changes
    assert "<dt>Wat is het?:</dt>" not in newest_changes


def test_a_relation_changed_alone_is_one_version(client, redacteur, woonvorm):
    rows = woonvorm.history.count()
    save_in_admin(client, woonvorm, doelgroepen=[str(make_doelgroep(naam="Gezinnen").pk)])
    assert woonvorm.history.count() == rows + 1
    latest = woonvorm.history.first()
    assert latest.diff_against(latest.prev_record).changed_fields == ["doelgroepen"]


def test_an_old_version_that_changed_only_whitespace_says_so(client, redacteur):
    bron = make_bron(beschrijving="Een boek.\nMet recepten.")
    # A history row from before texts were normalised: the same text, with a trailing newline.
    noisy = bron.history.get()
    noisy.history_id, noisy._state.adding = None, True
    noisy.beschrijving, noisy.history_type = "Een boek.\r\nMet recepten.\n", "~"
    noisy.save()
    page = history_page(client, bron)
    assert "Geen inhoudelijke wijziging." in page
    assert "<dt>" not in page


@pytest.mark.parametrize("model", ["beoordeling", "fase"])
def test_the_reason_is_asked_on_assessment_and_routekaart_forms(client, model):
    client.force_login(make_persona("Beheerder"))
    if model == "beoordeling":
        obj = make_beoordeling(status=Beoordeling.Status.CONCEPT, samenvatting="Eerste oordeel.")
        changes = {"samenvatting": "Tweede oordeel.", "wijzigingsreden": "Herlezen"}
    else:
        obj = make_fase(beschrijving="Eerste fase.")
        changes = {"beschrijving": "De eerste fase.", "wijzigingsreden": "Herlezen"}
    rows = obj.history.count()
    save_in_admin(client, obj)
    assert obj.history.count() == rows, "an unchanged save records nothing"
    save_in_admin(client, obj, **changes)
    assert obj.history.count() == rows + 1
    assert obj.history.first().history_change_reason == "Herlezen"
    assert isinstance(obj, Beoordeling | Fase)


def test_loading_texts_from_the_content_files_twice_changes_nothing(tmp_path):
    (tmp_path / "a.yaml").write_text(
        "model: catalogue.bron\nitems:\n  - slug: testbron\n    naam: Testbron\n    beschrijving: |\n"
        "      Eerste regel.\n      Tweede regel.\n",
        encoding="utf-8",
    )
    files = [tmp_path / "a.yaml"]
    load_content(files)
    report = load_content(files)
    assert (report.created, report.changed, report.unchanged) == (0, 0, 1)
