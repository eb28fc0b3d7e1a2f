"""What is cached until the next edit (core/cache.py), and conditional GET on detail pages."""

import pytest
from django.db import transaction
from django.http import QueryDict
from django.urls import reverse

from assessment.models import Beoordeling, Score
from catalogue import services
from catalogue.models import Contractvorm, Organisatie, OrganisatieRol, Plaats, Status, Woonvorm
from core import cache
from tests.factories import (
    make_beoordeling,
    make_contractvorm,
    make_doelgroep,
    make_organisatie,
    make_persona,
    make_plaats,
    make_toetsingskader,
    make_woonvorm,
)
from website.filters import WoonvormFilterSet
from website.selectors import published_items

pytestmark = pytest.mark.django_db

LIST = "/woonvormen/"
CORE = [f"T{n}" for n in range(1, 8)]


def count_queries(client, url, django_assert_max_num_queries, **headers):
    with django_assert_max_num_queries(1000) as context:
        response = client.get(url, headers=headers)
    return response, len(context.captured_queries)


def test_a_renamed_doelgroep_shows_in_the_filters_on_the_next_request(client):
    doelgroep = make_doelgroep(slug="jongeren", naam="Jongeren")
    make_woonvorm(doelgroepen=[doelgroep])
    assert "Jongeren <span" in client.get(LIST).content.decode()
    doelgroep.naam = "Jongvolwassenen"
    doelgroep.save()
    body = client.get(LIST).content.decode()
    assert "Jongvolwassenen <span" in body
    assert "Jongeren <span" not in body


def test_publishing_an_item_shows_it_and_its_place_in_the_filters_on_the_next_request(client):
    make_woonvorm(naam="Hofje")
    zwolle = make_plaats(slug="zwolle", naam="Zwolle")
    nieuw = make_woonvorm(naam="Nieuw Thuis", plaatsen=[zwolle], status=Status.CONCEPT)
    before = client.get(LIST).content.decode()
    assert "Nieuw Thuis" not in before and 'value="zwolle"' not in before
    services.publish(items=[nieuw], user=make_persona("Redacteur"))
    after = client.get(LIST).content.decode()
    assert "Nieuw Thuis" in after and "Hofje" in after
    assert 'value="zwolle"' in after
    assert "2 resultaten" in after


def test_a_repeated_list_request_reads_only_its_page_until_the_next_edit(
    client, django_assert_max_num_queries
):
    jongeren = make_doelgroep(slug="jongeren")
    make_woonvorm(doelgroepen=[jongeren])
    url = f"{LIST}?doelgroep=jongeren"
    _response, first = count_queries(client, url, django_assert_max_num_queries)
    response, again = count_queries(client, url, django_assert_max_num_queries)
    assert again < first
    assert "1 resultaat" in response.content.decode()
    make_woonvorm(doelgroepen=[jongeren])
    response, after_edit = count_queries(client, url, django_assert_max_num_queries)
    # The page and its counts are read again; what the edit did not touch (which items have which place,
    # organisation, contract ...) is not.
    assert again < after_edit < first
    assert "2 resultaten" in response.content.decode()


def test_a_change_to_a_many_to_many_relation_starts_a_new_generation():
    woonvorm = make_woonvorm()
    before = cache.generation()
    woonvorm.doelgroepen.add(make_doelgroep())
    assert cache.generation() != before


def test_a_commit_starts_another_generation_so_rows_read_before_it_are_not_kept(
    django_capture_on_commit_callbacks,
):
    organisatie = make_organisatie(naam="Oude naam")
    names = lambda: list(Organisatie.objects.values_list("naam", flat=True))  # noqa: E731
    assert cache.cached("organisaties", names) == ["Oude naam"]
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        organisatie.naam = "Nieuwe naam"
        organisatie.save()
        during = cache.generation()
    assert cache.generation() != during
    assert cache.cached("organisaties", names) == ["Nieuwe naam"]


def test_a_detail_page_answers_not_modified_without_a_query_until_the_catalogue_changes(
    client, django_assert_num_queries
):
    make_toetsingskader()
    woonvorm = make_woonvorm(naam="Hofje")
    url = woonvorm.get_absolute_url()
    etag = client.get(url)["ETag"]
    assert etag.startswith('W/"')
    with django_assert_num_queries(0):
        response = client.get(url, headers={"if-none-match": etag})
    assert response.status_code == 304
    assert response.content == b""
    make_beoordeling(woonvorm=woonvorm, scores={"T1": Score.Waarde.VOLDOET})
    response = client.get(url, headers={"if-none-match": etag})
    assert response.status_code == 200
    assert response["ETag"] != etag
    assert "Bewijs voor T1." in response.content.decode()


def test_a_renamed_organisation_gives_the_detail_page_a_new_etag(client):
    woonvorm = make_woonvorm()
    organisatie = make_organisatie(naam="Stichting Oud")
    OrganisatieRol.objects.create(woonvorm=woonvorm, organisatie=organisatie, rol=OrganisatieRol.Rol.PARTNER)
    etag = client.get(woonvorm.get_absolute_url())["ETag"]
    organisatie.naam = "Stichting Nieuw"
    organisatie.save()
    response = client.get(woonvorm.get_absolute_url(), headers={"if-none-match": etag})
    assert response.status_code == 200
    assert "Stichting Nieuw" in response.content.decode()
    assert "Stichting Oud" not in response.content.decode()


def test_an_archived_item_answers_gone_to_a_visitor_who_holds_its_old_page(client):
    woonvorm = make_woonvorm()
    etag = client.get(woonvorm.get_absolute_url())["ETag"]
    services.archive(items=[woonvorm], user=None)
    response = client.get(woonvorm.get_absolute_url(), headers={"if-none-match": etag})
    assert response.status_code == 410
    assert not response.has_header("ETag")


def test_a_preview_of_a_concept_item_is_never_validated_or_stored(client):
    concept = make_woonvorm(status=Status.CONCEPT)
    client.force_login(make_persona("Redacteur"))
    response = client.get(reverse("website:woonvorm-detail", args=[concept.slug]))
    assert response.status_code == 200
    assert not response.has_header("ETag")
    assert "no-store" in response["Cache-Control"]


def test_a_changed_score_shows_on_the_detail_page_on_the_next_request(client):
    make_toetsingskader()
    woonvorm = make_woonvorm()
    beoordeling = make_beoordeling(woonvorm=woonvorm, scores={"T1": Score.Waarde.VOLDOET})
    assert "Geen eigen huurcontract." not in client.get(woonvorm.get_absolute_url()).content.decode()
    score = beoordeling.scores.get(toetspunt__code="T1")
    score.waarde, score.toelichting = Score.Waarde.VOLDOET_NIET, "Geen eigen huurcontract."
    score.save()
    page = client.get(woonvorm.get_absolute_url()).content.decode()
    assert "Geen eigen huurcontract." in page


def woonvorm_counts(query=""):
    """The facet counts the list of woonvormen shows for this query."""
    return WoonvormFilterSet(QueryDict(query), queryset=published_items(Woonvorm)).facet_counts()


def test_a_write_to_any_table_a_facet_reads_shows_in_the_counts_of_the_next_request():
    """Which items have which value is kept per table (core/cache.cached_by_tables()); every table it is
    read from, written any way, gives the next request new counts."""
    make_toetsingskader()
    plaats = make_plaats(slug="zwolle", provincie=Plaats.Provincie.OVERIJSSEL)
    contract = make_contractvorm(slug="huurcontract", looptijd=Contractvorm.Looptijd.TIJDELIJK)
    woonvorm = make_woonvorm(plaatsen=[plaats], contractvormen=[contract])
    beoordeling = make_beoordeling(woonvorm=woonvorm, scores=dict.fromkeys(CORE, Score.Waarde.VOLDOET))
    counts = woonvorm_counts()
    assert counts["provincie"] == {"overijssel": 1} and counts["looptijd"] == {"tijdelijk": 1}
    assert counts["toetspunt"]["T1"] == 1 and counts["niveau"]["volledig"] == 1
    assert counts["organisatie"] == {}

    plaats.provincie = Plaats.Provincie.GELDERLAND
    plaats.save()
    assert woonvorm_counts()["provincie"] == {"gelderland": 1}
    Contractvorm.objects.filter(pk=contract.pk).update(looptijd=Contractvorm.Looptijd.ONBEPAALD)
    cache.invalidate()  # a bulk write sends no signal and says so itself
    assert woonvorm_counts()["looptijd"] == {"onbepaald": 1}
    rol = OrganisatieRol.objects.create(
        woonvorm=woonvorm, organisatie=make_organisatie(slug="stichting-thuis"), rol="uitvoerder"
    )
    assert woonvorm_counts()["organisatie"] == {"stichting-thuis": 1}
    rol.organisatie.slug = "stichting-eigen-thuis"
    rol.organisatie.save()
    assert woonvorm_counts()["organisatie"] == {"stichting-eigen-thuis": 1}
    score = beoordeling.scores.get(toetspunt__code="T1")
    score.waarde = Score.Waarde.VOLDOET_NIET
    score.save()
    counts = woonvorm_counts()
    assert "T1" not in counts["toetspunt"] and counts["niveau"]["volledig"] == 0
    with transaction.atomic():
        beoordeling.status = Beoordeling.Status.VERVALLEN
        beoordeling.save()
    counts = woonvorm_counts()
    assert counts["toetspunt"] == {} and not any(counts["niveau"].values())
    woonvorm.plaatsen.clear()
    assert woonvorm_counts()["provincie"] == {}


def test_a_write_renews_the_token_of_its_own_table_only_and_a_bulk_write_renews_every_token():
    doelgroepen, plaatsen = Woonvorm.doelgroepen.through._meta.db_table, Plaats._meta.db_table
    before = cache.table_tokens([doelgroepen, plaatsen])
    make_plaats()
    after = cache.table_tokens([doelgroepen, plaatsen])
    assert after[doelgroepen] == before[doelgroepen] and after[plaatsen] != before[plaatsen]
    assert after[cache.ANY_TABLE] == before[cache.ANY_TABLE]
    cache.invalidate()
    assert cache.table_tokens([doelgroepen])[cache.ANY_TABLE] != after[cache.ANY_TABLE]


def test_a_value_kept_per_table_is_read_again_after_a_write_to_one_of_its_tables_only():
    reads = []
    plaatsen, doelgroepen = Plaats._meta.db_table, Woonvorm.doelgroepen.through._meta.db_table

    def compute():
        reads.append(1)
        return len(reads)

    assert cache.cached_by_tables("plaatsen", [plaatsen], compute) == 1
    make_doelgroep()
    assert cache.cached_by_tables("plaatsen", [plaatsen], compute) == 1
    make_woonvorm(plaatsen=[make_plaats()])
    assert cache.cached_by_tables("plaatsen", [plaatsen], compute) == 2
    make_woonvorm(doelgroepen=[make_doelgroep()])
    assert cache.cached_by_tables("plaatsen", [plaatsen], compute) == 2
    assert cache.cached_by_tables("doelgroepen", [doelgroepen], compute) == 3


def test_the_tables_of_a_query_are_its_joins_and_a_subquery_is_refused():
    doelgroepen = Woonvorm.doelgroepen.through.objects.values_list("woonvorm", "doelgroep__slug")
    assert cache.tables_read(doelgroepen) == {"catalogue_woonvorm_doelgroepen", "catalogue_doelgroep"}
    with pytest.raises(ValueError):
        cache.tables_read(Woonvorm.objects.filter(pk__in=Plaats.objects.values("pk")))


def test_the_matrix_shows_a_changed_score_and_a_renamed_item_on_the_next_request(client):
    """The matrix page keeps each row's HTML (website/matrix.row_tokens()); an edit of its scores or its item
    makes it again, an edit of another item does not change it."""
    make_toetsingskader()
    hofje = make_woonvorm(naam="Hofje")
    make_beoordeling(woonvorm=hofje, scores=dict.fromkeys(CORE, Score.Waarde.VOLDOET))
    buren = make_woonvorm(naam="Buren")
    make_beoordeling(woonvorm=buren, scores=dict.fromkeys(CORE, Score.Waarde.VOLDOET))
    url = "/toetsingskader/matrix/?sort=-T3"
    assert client.get(url).content.decode().count("T3: voldoet. Lees de reden") == 2
    score = hofje.beoordelingen.get().scores.get(toetspunt__code="T3")
    score.waarde = Score.Waarde.DEELS
    score.save()
    body = client.get(url).content.decode()
    assert body.count("T3: voldoet. Lees de reden") == 1 and "T3: voldoet deels. Lees de reden" in body
    hofje.naam = "Hofje aan de gracht"
    hofje.save()
    body = client.get(url).content.decode()
    assert ">Hofje aan de gracht</a>" in body and ">Buren</a>" in body
    buren.samenvatting = "Een andere samenvatting."
    buren.save()
    assert client.get(url).content.decode() == body
