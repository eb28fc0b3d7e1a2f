import pytest
from django.core.cache import cache
from django.db import connection
from django.http import QueryDict
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assessment.models import Beoordeling, Score, Toetspunt
from catalogue.kinds import BY_KEY
from catalogue.models import Status
from tests.factories import (
    make_beoordeling,
    make_doelgroep,
    make_principe,
    make_toetsingskader,
    make_woonvorm,
)
from website import matrix

pytestmark = pytest.mark.django_db

V, D, N = Score.Waarde.VOLDOET, Score.Waarde.DEELS, Score.Waarde.VOLDOET_NIET
CORE = [f"T{n}" for n in range(1, 8)]
ALL = CORE + ["A1", "A2", "A3"]


@pytest.fixture
def kader():
    return make_toetsingskader()


def test_the_toetsingskader_page_explains_principles_points_and_levels(client, kader):
    principe = make_principe(nummer=4, naam="Scheiden van wonen en zorg", toelichting="Wonen los van zorg.")
    Toetspunt.objects.get(code="T5").principes.add(principe)
    body = client.get(reverse("website:toetsingskader")).content.decode()
    assert "Scheiden van wonen en zorg" in body and "Wonen los van zorg." in body
    assert 'id="toetspunt-T5"' in body and 'href="#toetspunt-T5"' in body
    for phrase in (
        "sluit volledig aan",
        "komt dicht in de buurt",
        "sluit deels aan",
        "bevat elementen van Wonen Eerst",
    ):
        assert phrase in body
    assert "75% of meer" in body and "minder dan 4 kernpunten gescoord" in body


def test_the_matrix_shows_scores_in_words_and_symbols_with_total_coverage_and_level(client, kader):
    woonvorm = make_woonvorm(naam="Hofje")
    make_beoordeling(woonvorm=woonvorm, scores={**dict.fromkeys(CORE, V), "T4": Score.Waarde.ONBEKEND})
    body = client.get(reverse("website:matrix")).content.decode()
    assert "Hofje" in body
    assert "✔" in body and "voldoet" in body  # symbol and words
    # T4 is onbekend: 100 % of what is known, but at most "sluit deels aan", and said to be voorlopig.
    assert "100%" in body and "6 van 7" in body and "voorlopig" in body and "sluit deels aan" in body
    assert "sluit volledig aan" not in body.split("<tbody", 1)[1]
    assert f'href="{woonvorm.get_absolute_url()}#score-T1"' in body


def test_the_matrix_sorts_on_the_total_and_on_a_toetspunt(client, kader):
    sterk = make_woonvorm(naam="Sterk")
    zwak = make_woonvorm(naam="Zwak")
    make_beoordeling(woonvorm=sterk, scores={**dict.fromkeys(CORE, V), "T5": N})
    make_beoordeling(woonvorm=zwak, scores={**dict.fromkeys(CORE, N), "T5": V})
    by_total = client.get(reverse("website:matrix")).content.decode()
    assert by_total.index("Sterk") < by_total.index("Zwak")
    by_t5 = client.get(reverse("website:matrix"), {"sort": "-T5"}).content.decode()
    assert by_t5.index("Zwak") < by_t5.index("Sterk")
    low_first = client.get(reverse("website:matrix"), {"sort": "score"}).content.decode()
    assert low_first.index("Zwak") < low_first.index("Sterk")


def test_the_matrix_filters_like_the_catalogue_and_lists_the_unassessed(client, kader):
    jongeren = make_doelgroep(slug="jongeren")
    a = make_woonvorm(naam="Voor jongeren", doelgroepen=[jongeren])
    b = make_woonvorm(naam="Voor iedereen")
    make_woonvorm(naam="Nog open", doelgroepen=[jongeren])
    for item in (a, b):
        make_beoordeling(woonvorm=item, scores=dict.fromkeys(CORE, D))
    response = client.get(reverse("website:matrix"), {"doelgroep": "jongeren"})
    rows = [row["item"].naam for row in response.context["rows"]]
    assert rows == ["Voor jongeren"]
    assert [i.naam for i in response.context["niet_beoordeeld"]] == ["Nog open"]
    assert response.context["niet_beoordeeld_aantal"] == 1


def test_the_matrix_names_the_first_hundred_unassessed_items_and_counts_them_all(client, kader):
    for number in range(matrix.UNASSESSED_SHOWN + 2):
        make_woonvorm(naam=f"Woonvorm {number:03}")
    response = client.get(reverse("website:matrix"))
    names = [item.naam for item in response.context["niet_beoordeeld"]]
    assert names == [f"Woonvorm {number:03}" for number in range(matrix.UNASSESSED_SHOWN)]
    body = response.content.decode()
    assert "102 items met deze filters hebben nog geen vastgestelde beoordeling" in body
    assert "De eerste 100 staan hierboven" in body


def test_concept_assessments_and_unpublished_items_stay_out_of_public_pages(client, kader):
    woonvorm = make_woonvorm(naam="Hofje")
    make_beoordeling(woonvorm=woonvorm, status=Beoordeling.Status.CONCEPT, scores=dict.fromkeys(CORE, V))
    verborgen = make_woonvorm(naam="Verborgen", status=Status.CONCEPT)
    make_beoordeling(woonvorm=verborgen, scores=dict.fromkeys(CORE, V))
    response = client.get(reverse("website:matrix"))
    assert response.context["rows"] == []
    assert [i.naam for i in response.context["niet_beoordeeld"]] == ["Hofje"]
    assert "Verborgen" not in response.content.decode()
    section = Template("{% load wonen_eerst %}{% beoordeling_section item %}").render(
        Context({"item": woonvorm})
    )
    assert "nog geen vastgestelde beoordeling" in section
    assert "voldoet" not in section


def test_an_item_page_section_shows_table_chart_development_points_and_history(kader):
    woonvorm = make_woonvorm()
    make_beoordeling(
        woonvorm=woonvorm,
        status=Beoordeling.Status.VERVALLEN,
        datum="2025-01-01",
        scores=dict.fromkeys(CORE, N),
    )
    make_beoordeling(
        woonvorm=woonvorm,
        datum="2026-03-01",
        ontwikkelpunten="Contract op eigen naam\nBegeleiding los van het wonen",
        scores=dict.fromkeys(ALL, D),
    )
    section = Template("{% load wonen_eerst %}{% beoordeling_section item %}").render(
        Context({"item": woonvorm})
    )
    assert section.index("<table") < section.index("<svg")  # the table comes first
    assert 'role="img"' in section and "<desc" in section
    assert "Bewijs voor T3." in section
    assert "Contract op eigen naam" in section
    assert "1 januari 2025" in section and "vervallen" in section
    assert "sluit deels aan" in section.lower() or "Sluit deels aan" in section


def test_the_matrix_query_count_does_not_grow(client, kader):
    def count():
        cache.clear()  # nothing cached, as after an edit of every table
        with CaptureQueriesContext(connection) as context:
            assert client.get(reverse("website:matrix"), {"sort": "-T3"}).status_code == 200
        return len(context.captured_queries)

    for _ in range(3):
        make_beoordeling(woonvorm=make_woonvorm(), scores=dict.fromkeys(ALL, V))
    small = count()
    for _ in range(25):
        make_beoordeling(woonvorm=make_woonvorm(), scores=dict.fromkeys(ALL, D))
        make_woonvorm()
    assert count() == small


def test_the_toetsingskader_page_works_out_a_real_woonvorm_with_the_same_rules(client, kader):
    woonvorm = make_woonvorm(naam="Project 010", slug="project-010")
    unknown = Score.Waarde.ONBEKEND
    make_beoordeling(woonvorm=woonvorm, scores={**dict.fromkeys(ALL, V), "T4": unknown, "T5": unknown})
    body = client.get(reverse("website:toetsingskader")).content.decode()
    example = body.split('id="voorbeeld"', 1)[1]
    assert "Project 010" in example
    assert "5 kernpunten hebben een score: samen 10 van de 10 punten" in example
    assert "T4 en T5 onbekend, dus hoogstens ‘sluit deels aan’" in example
    assert "voorlopig: sluit deels aan" in example
    assert "sluit volledig aan" not in example


def test_the_matrix_sorted_on_a_toetspunt_keeps_the_order_the_database_gives(kader):
    """The page orders on a toetspunt from ranks kept per table (website/matrix.py), the downloads in SQL:
    every value, a missing score, a vervallen beoordeling, a concept item and ties give the same order."""
    jongeren = make_doelgroep(slug="jongeren")
    for index, waarde in enumerate([V, D, N, Score.Waarde.NVT, Score.Waarde.ONBEKEND, None] * 2):
        scores = dict.fromkeys(CORE, D)
        if waarde is None:
            del scores["T5"]
        else:
            scores["T5"] = scores["A1"] = waarde
        make_beoordeling(woonvorm=make_woonvorm(doelgroepen=[jongeren] if index % 2 else []), scores=scores)
    make_beoordeling(woonvorm=make_woonvorm(), scores={"T5": V}, status=Beoordeling.Status.VERVALLEN)
    make_beoordeling(woonvorm=make_woonvorm(status=Status.CONCEPT), scores={"T5": V})
    for query in ["sort=-T5", "sort=-A1", "sort=-T5&doelgroep=jongeren", "sort=-T1&q=woonvorm"]:
        filterset = matrix.matrix_filterset(BY_KEY["woonvorm"], QueryDict(query))
        expected = list(filterset.ordered(filterset.qs).values_list("pk", flat=True))
        assert filterset.order_on(filterset.toetspunt_sorts[filterset.sort_key()]) == expected, query
    assert len(matrix.matrix_filterset(BY_KEY["woonvorm"], QueryDict("sort=-T5")).ordered_pks()) == 12
