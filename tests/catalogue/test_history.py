"""Every change is attributable and reversible: history rows, readable diffs, revert, deletes."""

import pytest
from django.urls import reverse

from assessment.models import Beoordeling, Score
from catalogue.content import load_content
from catalogue.models import Begeleiding, Link, Woonvorm
from routekaart.models import ChecklistItem, Fase
from tests.factories import (
    make_beoordeling,
    make_contractvorm,
    make_doelgroep,
    make_persona,
    make_plaats,
    make_toetsingskader,
    make_woonsituatie,
    make_woonvorm,
    make_woonzorgconcept,
)

pytestmark = pytest.mark.django_db

RELATIONS = ["doelgroepen", "plaatsen", "contractvormen", "woonsituaties", "woonzorgconcepten"]


def form_data(response):
    """The POST data an admin page's form (and its inline formsets) would send back unchanged."""
    data = {}

    def add(form):
        for field in form:
            value = field.value()
            if value is None or value is False:
                continue
            if isinstance(value, list | tuple):
                data[field.html_name] = [str(v) for v in value]
            else:
                data[field.html_name] = "on" if value is True else str(value)

    add(response.context["adminform"].form)
    for inline in response.context.get("inline_admin_formsets", []):
        add(inline.formset.management_form)
        for form in inline.formset.forms:
            add(form)
    return data


def _fields(item):
    return {
        f.attname: getattr(item, f.attname) for f in Woonvorm._meta.concrete_fields if f.name != "updated"
    }


def _relations(item):
    return {name: set(getattr(item, name).values_list("pk", flat=True)) for name in RELATIONS}


@pytest.fixture
def woonvorm():
    item = make_woonvorm(
        naam="Versie A",
        samenvatting="De eerste samenvatting.",
        beschrijving="Eerste beschrijving.",
        begeleiding=Begeleiding.VRIJBLIJVEND,
        aantal_woningen=12,
        doelgroepen=[make_doelgroep()],
        plaatsen=[make_plaats()],
        contractvormen=[make_contractvorm()],
        woonsituaties=[make_woonsituatie()],
        woonzorgconcepten=[make_woonzorgconcept()],
    )
    Link.objects.create(woonvorm=item, url="https://example.org/a", titel="Website")
    return item


def _edit_in_admin(client, item, **changes):
    url = reverse("admin:catalogue_woonvorm_change", args=[item.pk])
    data = form_data(client.get(url))
    data.update(changes)
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    item.refresh_from_db()
    return item


def test_an_admin_edit_records_who_changed_what(client, woonvorm):
    redacteur = make_persona("Redacteur")
    client.force_login(redacteur)
    before = woonvorm.history.first()
    _edit_in_admin(client, woonvorm, naam="Versie B", doelgroepen=[str(make_doelgroep(naam="Jongeren").pk)])
    new_rows = woonvorm.history.filter(history_date__gt=before.history_date)
    assert new_rows.exists()
    assert {row.history_user for row in new_rows} == {redacteur}
    assert {row.history_type for row in new_rows} == {"~"}
    delta = woonvorm.history.first().diff_against(before)
    assert set(delta.changed_fields) == {"naam", "doelgroepen"}


def test_the_history_page_shows_a_readable_dutch_diff(client, woonvorm):
    client.force_login(make_persona("Redacteur"))
    _edit_in_admin(client, woonvorm, naam="Versie B")
    response = client.get(reverse("admin:catalogue_woonvorm_history", args=[woonvorm.pk]))
    body = response.content.decode()
    assert response.status_code == 200
    for text in ["Gewijzigd door", "Wijzigingen", "redacteur", "Naam:", "Versie A", "Versie B"]:
        assert text in body, text
    assert "Changed by" not in body


def test_revert_restores_every_field_and_relation(client, woonvorm):
    client.force_login(make_persona("Redacteur"))
    version_a = woonvorm.history.first()
    woonvorm.refresh_from_db()  # with the search text its relations gave it (catalogue.search)
    fields_a, relations_a = _fields(woonvorm), _relations(woonvorm)
    _edit_in_admin(
        client,
        woonvorm,
        naam="Versie B",
        samenvatting="Een andere samenvatting.",
        beschrijving="",
        begeleiding=Begeleiding.VERPLICHT,
        aantal_woningen="40",
        doelgroepen=[str(make_doelgroep().pk)],
        plaatsen=[],
        contractvormen=[str(make_contractvorm().pk)],
        woonsituaties=[],
        woonzorgconcepten=[str(make_woonzorgconcept().pk)],
    )
    assert _fields(woonvorm) != fields_a
    assert all(_relations(woonvorm)[name] != relations_a[name] for name in RELATIONS)

    revert_url = reverse("admin:catalogue_woonvorm_simple_history", args=[woonvorm.pk, version_a.history_id])
    page = client.get(revert_url)
    assert "Terugzetten" in page.content.decode()
    response = client.post(revert_url, form_data(page))
    assert response.status_code == 302
    woonvorm.refresh_from_db()
    assert _fields(woonvorm) == fields_a
    assert _relations(woonvorm) == relations_a
    assert woonvorm.history.first().history_type == "~", "a revert is itself a change in the history"


def test_a_view_only_role_sees_history_but_cannot_revert(client, woonvorm):
    version_a = woonvorm.history.first()
    woonvorm.naam = "Versie B"
    woonvorm.save()
    client.force_login(make_persona("Beoordelaar"))
    history = client.get(reverse("admin:catalogue_woonvorm_history", args=[woonvorm.pk]))
    assert history.status_code == 200
    revert_url = reverse("admin:catalogue_woonvorm_simple_history", args=[woonvorm.pk, version_a.history_id])
    page = client.get(revert_url)
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
    response = client.post(revert_url, form_data(page))
    assert response.status_code == 403
    woonvorm.refresh_from_db()
    assert woonvorm.naam == "Versie B"


def test_delete_keeps_the_history_of_the_item_and_its_children(client, woonvorm):
    client.force_login(make_persona("Redacteur"))
    pk, link_pk = woonvorm.pk, woonvorm.links.get().pk
    rows_before = Woonvorm.history.filter(id=pk).count()
    response = client.post(reverse("admin:catalogue_woonvorm_delete", args=[pk]), {"post": "yes"})
    assert response.status_code == 302
    assert not Woonvorm.objects.filter(pk=pk).exists()
    assert Woonvorm.history.filter(id=pk).count() == rows_before + 1
    assert Woonvorm.history.filter(id=pk).first().history_type == "-"
    assert Link.history.filter(id=link_pk).first().history_type == "-"
    assert client.get(reverse("admin:catalogue_woonvorm_history", args=[pk])).status_code == 200


def test_a_deleted_item_comes_back_by_reverting_to_its_last_version(client, woonvorm):
    client.force_login(make_persona("Redacteur"))
    pk, relations = woonvorm.pk, _relations(woonvorm)
    last_version = woonvorm.history.first()
    woonvorm.delete()
    revert_url = reverse("admin:catalogue_woonvorm_simple_history", args=[pk, last_version.history_id])
    response = client.post(revert_url, form_data(client.get(revert_url)))
    assert response.status_code == 302
    restored = Woonvorm.objects.get(pk=pk)
    assert restored.naam == "Versie A"
    assert _relations(restored) == relations


def test_assessments_and_scores_keep_their_history():
    make_toetsingskader()
    beoordeling = make_beoordeling(scores={"T1": Score.Waarde.ONBEKEND})
    score = beoordeling.scores.get()
    score.waarde, score.toelichting = Score.Waarde.VOLDOET, "De bron noemt het."
    score.save()
    assert [h.waarde for h in score.history.order_by("history_date")] == ["onbekend", "voldoet"]
    score_pk, beoordeling_pk = score.pk, beoordeling.pk
    beoordeling.delete()
    assert Score.history.filter(id=score_pk).first().history_type == "-"
    assert [h.history_type for h in Beoordeling.history.filter(id=beoordeling_pk)] == ["-", "+"]


def test_routekaart_phases_and_checklists_keep_their_history():
    fase = Fase.objects.create(nummer=1, slug="orientatie", naam="Oriëntatie", doel="Doel", niveau="lokaal")
    item = ChecklistItem.objects.create(fase=fase, slug="f1-1", tekst="Eerste punt")
    item.tekst = "Eerste punt, herschreven"
    item.save()
    assert fase.history.count() == 1
    assert [h.tekst for h in item.history.order_by("history_date")] == [
        "Eerste punt",
        "Eerste punt, herschreven",
    ]


def test_loading_the_content_twice_adds_no_history(tmp_path):
    (tmp_path / "a.yaml").write_text(
        "model: catalogue.bron\nitems:\n  - {slug: testbron, naam: Testbron}\n", encoding="utf-8"
    )
    (tmp_path / "b.yaml").write_text(
        "model: catalogue.doelgroep\nitems:\n  - {slug: jongeren, naam: Jongeren, soort: leeftijd}\n",
        encoding="utf-8",
    )
    (tmp_path / "c.yaml").write_text(
        "model: catalogue.woonvorm\n"
        "items:\n"
        "  - slug: proef\n"
        "    naam: Proef\n"
        "    bron: testbron\n"
        "    doelgroepen: [jongeren]\n"
        "    links:\n"
        "      - {soort: website, url: 'https://example.org/'}\n",
        encoding="utf-8",
    )
    files = sorted(tmp_path.glob("*.yaml"))
    load_content(files)
    counts = (Woonvorm.history.count(), Link.history.count())
    assert counts[0] >= 1
    load_content(files)
    assert (Woonvorm.history.count(), Link.history.count()) == counts


def test_malformed_history_addresses_answer_404_not_500(client, woonvorm):
    client.force_login(make_persona("Redacteur"))
    version = woonvorm.history.first().history_id
    for url in [
        f"/beheer/catalogue/woonvorm/{woonvorm.pk}/change/history/",
        f"/beheer/catalogue/woonvorm/abc/history/{version}/",
        f"/beheer/catalogue/woonvorm/{woonvorm.pk}/history/abc/",
    ]:
        assert client.get(url).status_code == 404, url
    assert client.get(f"/beheer/catalogue/woonvorm/{woonvorm.pk}/history/{version}/").status_code == 200
