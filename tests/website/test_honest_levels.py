"""No page or file claims more than is known: with a core point onbekend, no item anywhere shows "sluit
volledig aan" or "komt dicht in de buurt"; it shows a voorlopige level. Checked on the real catalogue."""

import pytest
from django.urls import reverse

from assessment.models import Beoordeling, Score, Toetspunt
from catalogue.kinds import SCORED_KINDS
from tests.downloads import csv_rows

pytestmark = pytest.mark.django_db

CLAIMS = ("sluit volledig aan", "komt dicht in de buurt")


@pytest.fixture
def unknown_core(loaded_content):
    """The published items whose vastgestelde beoordeling has a core point onbekend."""
    beoordelingen = Beoordeling.objects.vastgesteld().filter(
        scores__toetspunt__soort=Toetspunt.Soort.KERN, scores__waarde=Score.Waarde.ONBEKEND
    )
    items = [b.item for b in beoordelingen.distinct().select_related("woonvorm", "praktijkvoorbeeld")]
    published = [item for item in items if item.is_published]
    assert published, "the catalogue has items with unknown core points"
    return published


def test_no_detail_page_claims_a_high_level_with_a_core_point_onbekend(client, unknown_core):
    for item in unknown_core:
        section = client.get(item.get_absolute_url()).content.decode().split('id="toetsing"', 1)[1]
        section = section.split("Eerdere beoordelingen", 1)[0].lower()
        assert not any(claim in section for claim in CLAIMS), item
        assert "voorlopig" in section or "te weinig gescoord" in section, item


def test_no_list_or_matrix_file_claims_a_high_level_with_a_core_point_onbekend(client, unknown_core):
    names = {item.naam for item in unknown_core}
    checked = set()
    for kind in SCORED_KINDS:
        for row in csv_rows(client, reverse(kind.url_name("export"), args=["csv"])):
            if row["Naam"] in names:
                checked.add(row["Naam"])
                assert not row["Niveau Wonen Eerst"].startswith(CLAIMS), row["Naam"]
        for row in csv_rows(client, reverse("website:matrix-export", args=["csv"]) + f"?soort={kind.key}"):
            if row["Naam"] in names:
                assert not row["Niveau Wonen Eerst"].startswith(CLAIMS), row["Naam"]
    assert checked == names


def test_no_list_page_claims_a_high_level_with_a_core_point_onbekend(client, unknown_core):
    page = client.get(reverse("website:woonvorm-list"), {"sort": "-score"}).content.decode()
    for item in unknown_core:
        if item.naam in page:
            row = page.split(f">{item.naam}<", 1)[1].split("</li>", 1)[0].lower()
            assert not any(claim in row for claim in CLAIMS), item
