import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessment import annotations, scoring
from assessment.models import Beoordeling, Score, Toetspunt
from assessment.scoring import Niveau, level_for, summarize
from catalogue.models import Woonvorm
from tests.factories import make_beoordeling, make_toetsingskader, make_woonvorm

V, D, N, U, X = (
    Score.Waarde.VOLDOET,
    Score.Waarde.DEELS,
    Score.Waarde.VOLDOET_NIET,
    Score.Waarde.ONBEKEND,
    Score.Waarde.NVT,
)
KERN, EXTRA = Toetspunt.Soort.KERN, Toetspunt.Soort.AANVULLEND


def test_points_are_two_one_and_zero_and_unknowns_leave_the_maximum():
    result = summarize({KERN: [V, D, N, U, X, V, V]})
    assert (result.punten, result.maximum) == (2 + 1 + 0 + 2 + 2, 10)
    assert result.percentage == 70
    assert result.bekend == 6
    assert result.gescoord == 5


def test_all_unknown_has_no_total_and_too_little_is_known():
    result = summarize({KERN: [U] * 7})
    assert result.percentage is None
    assert result.bekend == 0
    assert result.niveau == Niveau.ONBEKEND


def test_all_not_applicable_is_known_but_cannot_be_totalled():
    result = summarize({KERN: [X] * 7})
    assert result.percentage is None
    assert result.bekend == 7
    assert result.niveau == Niveau.ONBEKEND


def test_additional_points_are_counted_apart_from_the_total():
    with_extra = summarize({KERN: [V, V, V, V, N, N, N], EXTRA: [V, V, V]})
    without = summarize({KERN: [V, V, V, V, N, N, N], EXTRA: [N, N, N]})
    assert with_extra.percentage == without.percentage == 57
    assert with_extra.niveau == without.niveau
    assert (
        with_extra.aanvullend_punten,
        with_extra.aanvullend_maximum,
        with_extra.aanvullend_percentage,
    ) == (6, 6, 100)
    assert without.aanvullend_percentage == 0


@pytest.mark.parametrize(
    ("percentage", "scored", "level"),
    [
        (100, 7, Niveau.VOLLEDIG),
        (99.9, 7, Niveau.DICHTBIJ),
        (75, 4, Niveau.DICHTBIJ),
        (74.9, 7, Niveau.DEELS),
        (50, 7, Niveau.DEELS),
        (49.9, 7, Niveau.ELEMENTEN),
        (1, 7, Niveau.ELEMENTEN),
        (0, 7, Niveau.NIET),
        (100, 3, Niveau.ONBEKEND),
        (None, 0, Niveau.ONBEKEND),
    ],
)
def test_level_boundaries(percentage, scored, level):
    assert level_for(percentage, scored) == level


def test_coverage_says_onbekend_and_niet_van_toepassing_apart():
    assert str(summarize({KERN: [V, V, U, U, U, U, U]}).dekking) == "2 van 7 kernpunten gescoord, 5 onbekend"
    assert str(summarize({KERN: [V, V, V, X, X, U, U]}).dekking) == (
        "3 van 7 kernpunten gescoord, 2 niet van toepassing, 2 onbekend"
    )
    assert str(summarize({KERN: [V, D, N, V, V, V, V]}).dekking) == "7 van 7 kernpunten gescoord"


@pytest.mark.parametrize(
    ("waarden", "level", "voorlopig"),
    [
        ([V, V, V, V, V, V, V], Niveau.VOLLEDIG, False),
        ([V, V, V, V, V, X, X], Niveau.VOLLEDIG, False),  # niet van toepassing is known
        ([V, V, V, V, V, U, U], Niveau.DEELS, True),  # 100 % of what is known, but two unknown
        ([V, V, V, V, D, D, U], Niveau.DEELS, True),  # 83 %: would come close, one unknown
        ([V, V, V, V, D, D, X], Niveau.DICHTBIJ, False),
        ([V, D, N, N, U, U, U], Niveau.ELEMENTEN, True),  # a low level is not raised by unknowns
        ([V, V, V, X, X, U, U], Niveau.ONBEKEND, False),  # three scored: too few for a level
        ([V, V, V, X, X, X, X], Niveau.ONBEKEND, False),  # everything known, too few apply
    ],
)
def test_a_level_is_only_as_strong_as_what_is_known(waarden, level, voorlopig):
    summary = summarize({KERN: waarden})
    assert summary.niveau == level
    assert summary.voorlopig is voorlopig
    if summary.onbekend:
        assert summary.niveau not in (Niveau.VOLLEDIG, Niveau.DICHTBIJ)


def test_a_voorlopig_level_names_what_is_missing():
    scores = [
        type("S", (), {"toetspunt": type("T", (), {"code": code, "soort": soort})(), "waarde": waarde})()
        for code, soort, waarde in [
            ("T1", KERN, V),
            ("T2", KERN, V),
            ("T3", KERN, V),
            ("T4", KERN, U),
            ("T5", KERN, U),
            ("T6", KERN, V),
            ("T7", KERN, V),
            ("A1", EXTRA, U),
        ]
    ]
    summary = scoring.summary_of_scores(scores)
    assert summary.ontbreekt == "T4 en T5 onbekend"
    assert summary.niveau_tekst == "voorlopig: sluit deels aan"
    assert summary.tekst == "voorlopig: sluit deels aan (100%, 5 van 7 kernpunten gescoord, 2 onbekend)"
    without_codes = summarize({KERN: [V, V, V, U, U, V, V]})
    assert without_codes.ontbreekt == "2 kernpunten onbekend"


CODES = [f"T{n}" for n in range(1, 8)] + [f"A{n}" for n in range(1, 4)]


@pytest.mark.django_db
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from([V, D, N, U, X]), min_size=10, max_size=10))
def test_the_database_figures_agree_with_the_rules(django_db_blocker, waarden):
    Score.objects.all().delete()
    Beoordeling.objects.all().delete()
    if not Toetspunt.objects.exists():
        make_toetsingskader()
    beoordeling = make_beoordeling(scores=dict(zip(CODES, waarden, strict=True)))
    expected = summarize({KERN: waarden[:7], EXTRA: waarden[7:]})
    annotated = annotations.annotate_beoordelingen(Beoordeling.objects.filter(pk=beoordeling.pk)).get()
    assert scoring.summary(annotated) == expected
    if expected.percentage is None:
        assert annotated.percentage is None
    else:
        assert scoring.shown_percentage(annotated.percentage) == expected.percentage
    item = annotations.annotate_items(Woonvorm.objects.filter(pk=beoordeling.woonvorm_id), "woonvorm").get()
    assert (item.wonen_eerst_gescoord or 0) == expected.gescoord
    annotated_items = annotations.annotate_items(Woonvorm.objects.all(), "woonvorm").filter(pk=item.pk)
    for position, level in enumerate(scoring.RANKED_LEVELS):
        reaches = expected.niveau in scoring.RANKED_LEVELS[: position + 1]
        assert annotated_items.filter(annotations.minimum_level_condition(level)).exists() == reaches, level
    expected_position = (
        scoring.RANKED_LEVELS.index(expected.niveau) if expected.niveau in scoring.RANKED_LEVELS else 5
    )
    assert annotated_items.annotate(p=annotations.level_position()).get().p == expected_position


@pytest.mark.django_db
def test_only_the_vastgestelde_beoordeling_counts_for_an_item():
    make_toetsingskader()
    woonvorm = make_woonvorm()
    make_beoordeling(woonvorm=woonvorm, scores=dict.fromkeys(CODES[:7], V))
    make_beoordeling(
        woonvorm=woonvorm, status=Beoordeling.Status.VERVALLEN, scores=dict.fromkeys(CODES[:7], N)
    )
    make_beoordeling(woonvorm=woonvorm, status=Beoordeling.Status.CONCEPT, scores=dict.fromkeys(CODES[:7], N))
    item = annotations.annotate_items(Woonvorm.objects.all(), "woonvorm").get()
    assert item.wonen_eerst_percentage == 100
    assert Woonvorm.objects.filter(annotations.meets_toetspunt_condition("woonvorm", "T5")).get() == woonvorm
    assert not Woonvorm.objects.filter(
        annotations.meets_toetspunt_condition("woonvorm", "T5", [Score.Waarde.VOLDOET_NIET])
    ).exists()
