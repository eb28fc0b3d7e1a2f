"""Persoonsgegevens: a person's own e-mail address or phone number never leaves the site for a visitor.

One rule (catalogue/personal_data.py): of a person a visitor sees the name, the role and the organisation; an
organisation's general contact point is shown in full; staff see everything in the beheeromgeving; a backup
keeps everything and only its owner may read it.
"""

import io
import json
import stat
import zipfile

import pytest
from django.contrib.auth.models import Permission

from catalogue.models import Contactpersoon
from catalogue.personal_data import contactpunten
from core.backup import write_backup
from tests.factories import (
    make_organisatie,
    make_persona,
    make_praktijkvoorbeeld,
    make_succesversneller,
    make_user,
    make_woonvorm,
)

pytestmark = pytest.mark.django_db

PERSON = {
    "naam": "Anna de Vries",
    "rol": "Projectleider",
    "email": "anna.devries@example.nl",
    "telefoon": "06-12345678",
}
NAMELESS = {"email": "bianca@example.nl", "telefoon": "06 - 11 13 46 85", "persoonlijk": True}
DESK = {"rol": "Aanmelding", "email": "info@loket.example.nl", "telefoon": "010-7654321"}
OWN = ["anna.devries@example.nl", "06-12345678", "bianca@example.nl", "06 - 11 13 46 85"]
SEGMENTS = {
    "woonvorm": "woonvormen",
    "succesversneller": "succesversnellers",
    "praktijkvoorbeeld": "praktijkvoorbeelden",
}


@pytest.fixture
def items():
    """One item of every kind with a named person, a nameless personal address and an organisation's desk."""
    organisatie = make_organisatie(slug="loket", naam="Het Loket")
    made = []
    for maker in (make_woonvorm, make_succesversneller, make_praktijkvoorbeeld):
        item = maker(naam="Contactwonen proef")
        for volgorde, fields in enumerate((PERSON, NAMELESS, DESK)):
            Contactpersoon.objects.create(
                **{item._meta.model_name: item}, organisatie=organisatie, volgorde=volgorde, **fields
            )
        made.append(item)
    return made


def text_of(response):
    """Every character a download holds: the parts of an xlsx or ods file, or the text of a csv or json."""
    data = b"".join(response.streaming_content) if response.streaming else response.content
    if data[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "".join(archive.read(name).decode("utf-8", "replace") for name in archive.namelist())
    return data.decode("utf-8-sig")


def assert_nothing_own(url, text):
    for value in OWN:
        assert value not in text, (url, value)


def test_the_rule_gives_a_persons_name_and_role_an_organisations_desk_in_full_and_drops_a_nameless_person(
    items,
):
    contacts = list(items[0].contactpersonen.all())
    public = contactpunten(contacts)
    assert [(c.naam, c.rol, c.email, c.telefoon) for c in public] == [
        ("Anna de Vries", "Projectleider", "", ""),
        ("", "Aanmelding", "info@loket.example.nl", "010-7654321"),
    ]
    assert all(c.organisatie.naam == "Het Loket" for c in public)
    staff = contactpunten(contacts, personal=True)
    assert [c.email for c in staff] == [
        "anna.devries@example.nl",
        "bianca@example.nl",
        "info@loket.example.nl",
    ]


@pytest.mark.parametrize("persona", [None, "Beheerder"])
def test_every_detail_page_shows_a_person_by_name_and_role_only(client, items, persona):
    if persona:
        client.force_login(make_persona(persona))
    for item in items:
        url = item.get_absolute_url()
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert "Anna de Vries" in body and "Projectleider" in body, url
        assert "info@loket.example.nl" in body and "010-7654321" in body, url
        assert_nothing_own(url, body)  # the JSON-LD in the page included


@pytest.mark.parametrize("fmt", ["xlsx", "csv", "ods"])
def test_no_list_export_holds_a_persons_own_address_and_the_toelichting_says_so(client, items, fmt):
    for item in items:
        url = f"/{SEGMENTS[item._meta.model_name]}/export.{fmt}"
        text = text_of(client.get(url))
        assert "Anna de Vries" in text and "info@loket.example.nl" in text, url
        assert "Van personen staan alleen naam en rol erin" in text, url
        assert_nothing_own(url, text)


@pytest.mark.parametrize(
    "url",
    [
        "/zoeken/export.xlsx?q=Contactwonen",
        "/zoeken/export.ods?q=Contactwonen",
        "/zoeken/export.csv?q=Contactwonen",
        "/werkgroepmap.xlsx",
    ],
)
def test_no_other_download_of_the_site_holds_a_persons_own_address(client, items, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert_nothing_own(url, text_of(response))


def test_the_compare_export_holds_no_persons_own_address(client, items):
    query = "&".join(f"items={item._meta.model_name}:{item.slug}" for item in items)
    for fmt in ("xlsx", "csv", "ods"):
        url = f"/vergelijken/export.{fmt}?{query}"
        response = client.get(url)
        assert response.status_code == 200, url
        assert_nothing_own(url, text_of(response))


@pytest.mark.parametrize("persona", [None, "Beheerder"])
def test_the_api_and_its_catalogue_download_show_a_person_by_name_only(client, items, persona):
    if persona:
        client.force_login(make_persona(persona))
    for item in items:
        segment = SEGMENTS[item._meta.model_name]
        detail_url = f"/api/v1/{segment}/{item.slug}"
        detail = client.get(detail_url)
        assert [c["naam"] for c in detail.json()["contactpunten"]] == ["Anna de Vries", ""]
        for url in (detail_url, f"/api/v1/{segment}?pageSize=100", "/api/v1/zoeken?q=Contactwonen"):
            response = client.get(url)
            assert response.status_code == 200, url
            assert_nothing_own(url, response.content.decode())
    download = client.get("/api/v1/downloads/catalogus.json", headers={"Accept-Encoding": "identity"})
    document = json.loads(text_of(download))
    assert document["woonvormen"][0]["slug"] == items[0].slug
    assert_nothing_own("download", json.dumps(document, ensure_ascii=False))


def test_staff_who_may_view_contact_persons_get_everything_in_their_downloads(client, items):
    staff = make_user("redactie", staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="view_contactpersoon"))
    client.force_login(staff)
    text = text_of(client.get("/woonvormen/export.xlsx"))
    for value in OWN:
        assert value in text, value
    assert "alleen voor intern gebruik" in text


def test_a_backup_keeps_everything_and_only_its_owner_may_read_it(items, tmp_path):
    path = tmp_path / "backup.json"
    write_backup(path)
    text = path.read_text(encoding="utf-8")
    for value in OWN:
        assert value in text, value
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
