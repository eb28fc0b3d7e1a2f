"""Review by two beoordelaars: independent scorings, consensus, adoption, and versions that never change in
place, through the services and through the beheeromgeving."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assessment import services
from assessment.models import Beoordeling, Score, Scoring
from assessment.review import cohens_kappa, comparison
from catalogue.models import Status
from tests.factories import make_beoordeling, make_toetsingskader, make_user, make_woonvorm

pytestmark = pytest.mark.django_db

V, D, N, U = Score.Waarde.VOLDOET, Score.Waarde.DEELS, Score.Waarde.VOLDOET_NIET, Score.Waarde.ONBEKEND
CODES = [f"T{n}" for n in range(1, 8)] + [f"A{n}" for n in range(1, 4)]


@pytest.mark.parametrize(
    ("first", "second", "kappa"),
    [
        (["a", "b", "a", "b"], ["a", "b", "a", "b"], 1.0),
        (["a", "a", "b", "b"], ["b", "b", "a", "a"], -1.0),
        (["a"] * 10, ["a"] * 10, 1.0),
        # The textbook case: 50 pairs, 20 yes-yes, 15 no-no, 5 yes-no, 10 no-yes: p_o 0.7, p_e 0.5.
        (["j"] * 25 + ["n"] * 25, ["j"] * 20 + ["n"] * 5 + ["j"] * 10 + ["n"] * 15, 0.4),
    ],
)
def test_cohens_kappa_of_known_cases(first, second, kappa):
    assert cohens_kappa(first, second) == pytest.approx(kappa)


def test_kappa_needs_pairs():
    assert cohens_kappa([], []) is None
    with pytest.raises(ValueError):
        cohens_kappa(["a"], [])


@pytest.fixture
def beoordelaars():
    group = Group.objects.get(name="Beoordelaar")
    return make_user("anna", staff=True, groups=[group]), make_user("bram", staff=True, groups=[group])


@pytest.fixture
def item():
    make_toetsingskader()
    woonvorm = make_woonvorm(naam="Hofje", slug="hofje", status=Status.GEPUBLICEERD)
    make_beoordeling(woonvorm=woonvorm, slug="hofje-oud", scores=dict.fromkeys(CODES, N))
    return woonvorm


def fill(scoring, values):
    for score in scoring.scores.select_related("toetspunt"):
        score.waarde = values[score.toetspunt.code]
        score.toelichting = (
            "" if score.waarde == U else f"Reden van {scoring.beoordelaar} bij {score.toetspunt.code}."
        )
        score.save()


def scored_both(item, beoordelaars, first, second):
    version = services.start_version(item=item)
    anna, bram = beoordelaars
    for user, values in ((anna, first), (bram, second)):
        scoring = services.scoring_for(beoordeling=version, user=user)
        fill(scoring, values)
        services.submit_scoring(scoring=scoring, user=user)
    return version


def test_a_version_is_scored_by_two_beoordelaars_agreed_and_adopted(item, beoordelaars):
    first = {**dict.fromkeys(CODES, V), "T5": D}
    second = {**dict.fromkeys(CODES, V), "T5": N, "A3": U}
    version = scored_both(item, beoordelaars, first, second)

    found = comparison(version)
    assert [row["toetspunt"].code for row in found.verschillen] == ["T5", "A3"]
    assert found.overeenstemming == 80
    assert found.kappa == pytest.approx(cohens_kappa(list(first.values()), list(second.values())))
    # The points both scored the same start as the consensus; the others wait for a decision.
    consensus = {score.toetspunt.code: score for score in version.scores.select_related("toetspunt")}
    assert consensus["T1"].waarde == V and consensus["T1"].toelichting
    assert consensus["T5"].waarde == U and not consensus["T5"].toelichting
    assert services.adoption_problems(version)
    with pytest.raises(services.ReviewError, match="T5"):
        services.adopt(beoordeling=version, user=beoordelaars[0])

    for code, waarde in (("T5", D), ("A3", V)):
        score = consensus[code]
        score.waarde, score.toelichting = waarde, "Afgesproken na overleg."
        score.save()
    services.adopt(beoordeling=version, user=beoordelaars[0])

    version.refresh_from_db()
    assert version.status == Beoordeling.Status.VASTGESTELD
    assert version.vastgesteld_door == beoordelaars[0] and version.vastgesteld_op
    assert "anna" in version.beoordelaar and "bram" in version.beoordelaar
    assert Beoordeling.objects.get(slug="hofje-oud").status == Beoordeling.Status.VERVALLEN
    assert version.vorige.slug == "hofje-oud"


def test_a_third_beoordelaar_and_a_second_submission_are_refused(item, beoordelaars):
    version = scored_both(item, beoordelaars, dict.fromkeys(CODES, V), dict.fromkeys(CODES, V))
    with pytest.raises(services.ReviewError, match="al twee beoordelaars"):
        services.scoring_for(beoordeling=version, user=make_user("cor", staff=True))
    scoring = version.scorings.get(beoordelaar=beoordelaars[0])
    with pytest.raises(services.ReviewError, match="al ingediend"):
        services.submit_scoring(scoring=scoring, user=beoordelaars[0])


def test_a_scoring_without_reasons_cannot_be_submitted(item, beoordelaars):
    version = services.start_version(item=item)
    scoring = services.scoring_for(beoordeling=version, user=beoordelaars[0])
    scoring.scores.filter(toetspunt__code="T2").update(waarde=V)
    with pytest.raises(services.ReviewError, match="T2"):
        services.submit_scoring(scoring=scoring, user=beoordelaars[0])
    assert not Scoring.objects.get(pk=scoring.pk).ingediend


def test_one_version_in_progress_per_item(item):
    services.start_version(item=item)
    with pytest.raises(services.ReviewError, match="loopt al een nieuwe versie"):
        services.start_version(item=item)


def test_beoordelaars_see_only_their_own_scores_until_both_have_submitted(client, item, beoordelaars):
    anna, bram = beoordelaars
    version = services.start_version(item=item)
    own = services.scoring_for(beoordeling=version, user=anna)
    fill(own, dict.fromkeys(CODES, V))
    services.submit_scoring(scoring=own, user=anna)
    other = services.scoring_for(beoordeling=version, user=bram)

    client.force_login(bram)
    listing = client.get(reverse("admin:assessment_scoring_changelist")).content.decode()
    assert f"/{other.pk}/change/" in listing and f"/{own.pk}/change/" not in listing
    assert client.get(reverse("admin:assessment_scoring_change", args=[own.pk])).status_code in (302, 404)
    page = client.get(reverse("admin:assessment_beoordeling_change", args=[version.pk])).content.decode()
    assert "Reden van anna" not in page and "1 van de 2 onafhankelijke scorings is ingediend" in page

    fill(other, dict.fromkeys(CODES, D))
    response = client.post(reverse("admin:assessment_scoring_indienen", args=[other.pk]))
    assert response.status_code == 302
    page = client.get(reverse("admin:assessment_beoordeling_change", args=[version.pk])).content.decode()
    assert "Reden van anna bij T1" in page and "Overeenstemming: 0 van 10" in page
    assert "Cohens kappa" in page


def test_a_vastgestelde_beoordeling_cannot_be_changed_in_place(client, item, beoordelaars):
    vastgesteld = Beoordeling.objects.get(slug="hofje-oud")
    client.force_login(make_user(superuser=True))
    url = reverse("admin:assessment_beoordeling_change", args=[vastgesteld.pk])
    response = client.post(url, {"samenvatting": "Stil gewijzigd", "beoordelaar": "Iemand"})
    assert response.status_code == 403
    score = vastgesteld.scores.first()
    response = client.post(reverse("admin:assessment_score_change", args=[score.pk]), {"waarde": "voldoet"})
    assert response.status_code == 403
    vastgesteld.refresh_from_db()
    assert vastgesteld.samenvatting != "Stil gewijzigd"
    assert vastgesteld.scores.filter(waarde=N).count() == 10
    # What it offers instead: a new version.
    page = client.get(url).content.decode()
    assert "Nieuwe versie maken" in page
    response = client.post(reverse("admin:assessment_beoordeling_nieuwe_versie", args=[vastgesteld.pk]))
    new = Beoordeling.objects.get(status=Beoordeling.Status.CONCEPT)
    assert response["Location"] == reverse("admin:assessment_beoordeling_change", args=[new.pk])
    assert new.vorige == vastgesteld


def test_the_public_page_keeps_the_vastgestelde_scores_while_a_new_version_is_in_progress(
    client, item, beoordelaars
):
    version = scored_both(item, beoordelaars, dict.fromkeys(CODES, V), dict.fromkeys(CODES, V))
    assert version.scores.count() == 10
    page = client.get(item.get_absolute_url()).content.decode()
    assert "sluit (nog) niet aan" in page.lower()
    assert "Reden van anna" not in page
    services.adopt(beoordeling=version, user=beoordelaars[0])
    page = client.get(item.get_absolute_url()).content.decode()
    assert "sluit volledig aan" in page.lower() and "Reden van anna bij T1" in page


def test_adopting_through_the_beheeromgeving(client, item, beoordelaars):
    version = scored_both(item, beoordelaars, dict.fromkeys(CODES, V), dict.fromkeys(CODES, V))
    client.force_login(beoordelaars[1])
    page = client.get(reverse("admin:assessment_beoordeling_change", args=[version.pk])).content.decode()
    assert "Overeenstemming: 10 van 10" in page and "Vaststellen" in page
    response = client.post(reverse("admin:assessment_beoordeling_vaststellen", args=[version.pk]))
    assert response.status_code == 302
    version.refresh_from_db()
    assert version.status == Beoordeling.Status.VASTGESTELD


def test_the_beoordelingen_list_shows_each_phase_without_a_query_per_row(client, item, beoordelaars):
    version = scored_both(item, beoordelaars, dict.fromkeys(CODES, V), dict.fromkeys(CODES, V))
    client.force_login(make_user(superuser=True))
    url = reverse("admin:assessment_beoordeling_changelist")
    with CaptureQueriesContext(connection) as few:
        page = client.get(url).content.decode()
    assert "consensus" in page and str(version.item) in page
    for _ in range(5):
        services.start_version(item=make_woonvorm())
    with CaptureQueriesContext(connection) as many:
        page = client.get(url).content.decode()
    assert "onafhankelijk scoren (0 van 2 ingediend)" in page
    assert len(many) == len(few)
