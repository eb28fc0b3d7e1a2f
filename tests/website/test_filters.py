import pytest
from django.http import QueryDict

from assessment.models import Score
from catalogue.models import Contractvorm, Status, SuccesversnellerType, Woonvorm
from tests.factories import (
    make_beoordeling,
    make_bron,
    make_contractvorm,
    make_doelgroep,
    make_plaats,
    make_praktijkvoorbeeld,
    make_succesversneller,
    make_toetsingskader,
    make_woonvorm,
)
from website.filters import PraktijkvoorbeeldFilterSet, SuccesversnellerFilterSet, WoonvormFilterSet
from website.selectors import published_items

pytestmark = pytest.mark.django_db


def run(filterset_class, query, model=Woonvorm):
    filterset = filterset_class(QueryDict(query), queryset=published_items(filterset_class._meta.model))
    return filterset, set(filterset.ordered(filterset.qs).values_list("slug", flat=True))


@pytest.fixture
def catalogue():
    jongeren = make_doelgroep(slug="jongeren", naam="Jongeren")
    gezinnen = make_doelgroep(slug="gezinnen", naam="Gezinnen")
    eigen = make_contractvorm(
        slug="eigen-naam", naam="Op eigen naam", looptijd=Contractvorm.Looptijd.ONBEPAALD
    )
    tijdelijk = make_contractvorm(
        slug="tijdelijk", naam="Tijdelijk", looptijd=Contractvorm.Looptijd.TIJDELIJK
    )
    make_woonvorm(slug="a", doelgroepen=[jongeren], contractvormen=[eigen])
    make_woonvorm(slug="b", doelgroepen=[jongeren, gezinnen], contractvormen=[eigen, tijdelijk])
    make_woonvorm(slug="c", doelgroepen=[gezinnen], contractvormen=[tijdelijk])
    make_woonvorm(slug="d")
    make_woonvorm(slug="concept", doelgroepen=[jongeren], contractvormen=[eigen], status=Status.CONCEPT)


def test_filter_by_two_doelgroepen_is_or(catalogue):
    _fs, slugs = run(WoonvormFilterSet, "doelgroep=jongeren&doelgroep=gezinnen")
    assert slugs == {"a", "b", "c"}


def test_filters_in_two_facets_are_and(catalogue):
    _fs, slugs = run(WoonvormFilterSet, "doelgroep=gezinnen&contractvorm=eigen-naam")
    assert slugs == {"b"}


def test_an_item_matching_two_chosen_values_appears_once(catalogue):
    filterset, slugs = run(WoonvormFilterSet, "doelgroep=jongeren&doelgroep=gezinnen")
    assert filterset.qs.count() == 3
    assert len(list(filterset.qs)) == 3


def test_concept_items_are_never_in_a_list_or_a_count(catalogue):
    filterset, slugs = run(WoonvormFilterSet, "doelgroep=jongeren")
    assert "concept" not in slugs
    counts = {f["name"]: {o["value"]: o["count"] for o in f["options"]} for f in filterset.facets()}
    assert counts["doelgroep"]["jongeren"] == 2


def test_facet_counts_use_the_other_facets_and_count_many_to_many_once(catalogue):
    filterset, _slugs = run(WoonvormFilterSet, "contractvorm=eigen-naam")
    counts = {f["name"]: {o["value"]: o["count"] for o in f["options"]} for f in filterset.facets()}
    # doelgroep counts are within the chosen contractvorm: a and b are jongeren, only b is gezinnen
    assert counts["doelgroep"] == {"jongeren": 2, "gezinnen": 1}
    # the contractvorm facet ignores its own choice, so the other option still shows what it would give
    assert counts["contractvorm"]["eigen-naam"] == 2
    assert counts["contractvorm"]["tijdelijk"] == 2
    # b has two contracts, but is one item per looptijd; options that give no item are not offered
    assert counts["looptijd"] == {"onbepaald": 2, "tijdelijk": 1}


def test_filter_on_a_contract_dimension(catalogue):
    _fs, slugs = run(WoonvormFilterSet, "looptijd=tijdelijk")
    assert slugs == {"b", "c"}


def test_unknown_values_are_reported_and_ignored(catalogue):
    filterset, slugs = run(WoonvormFilterSet, "doelgroep=bestaat-niet&contractvorm=eigen-naam")
    assert "doelgroep" in filterset.form.errors
    assert slugs == {"a", "b"}
    assert [c["label"] for c in filterset.active_chips()] == ["Op eigen naam"]


def test_a_chip_removes_only_its_own_value(catalogue):
    filterset, _slugs = run(WoonvormFilterSet, "doelgroep=jongeren&doelgroep=gezinnen&page=2")
    chips = {c["label"]: c["query"] for c in filterset.active_chips()}
    assert chips["Jongeren"] == "doelgroep=gezinnen"


def test_sorting_is_whitelisted(catalogue):
    filterset, _ = run(WoonvormFilterSet, "sort=-naam")
    assert [w.slug for w in filterset.ordered(filterset.qs)] == ["d", "c", "b", "a"]
    filterset, _ = run(WoonvormFilterSet, "sort=id;drop")
    assert "sort" in filterset.form.errors
    assert [w.slug for w in filterset.ordered(filterset.qs)] == ["a", "b", "c", "d"]


def test_filter_by_place_and_provincie():
    utrecht = make_plaats(slug="utrecht", provincie="utrecht")
    zwolle = make_plaats(slug="zwolle", provincie="overijssel")
    make_woonvorm(slug="u", plaatsen=[utrecht])
    make_woonvorm(slug="z", plaatsen=[zwolle, utrecht])
    assert run(WoonvormFilterSet, "provincie=overijssel")[1] == {"z"}
    assert run(WoonvormFilterSet, "plaats=utrecht")[1] == {"u", "z"}


def test_toetspunt_and_minimum_level_filters():
    make_toetsingskader()
    goed = make_woonvorm(slug="goed")
    half = make_woonvorm(slug="half")
    make_woonvorm(slug="niet-beoordeeld")
    codes = [f"T{n}" for n in range(1, 8)]
    make_beoordeling(woonvorm=goed, scores=dict.fromkeys(codes, Score.Waarde.VOLDOET))
    make_beoordeling(
        woonvorm=half, scores={**dict.fromkeys(codes, Score.Waarde.DEELS), "T5": Score.Waarde.VOLDOET}
    )
    assert run(WoonvormFilterSet, "toetspunt=T5")[1] == {"goed", "half"}
    assert run(WoonvormFilterSet, "toetspunt=T1")[1] == {"goed"}
    assert run(WoonvormFilterSet, "niveau=volledig")[1] == {"goed"}
    filterset, slugs = run(WoonvormFilterSet, "niveau=deels")
    assert slugs == {"goed", "half"}
    levels = next(f for f in filterset.facets() if f["name"] == "niveau")
    assert {o["value"]: o["count"] for o in levels["options"]}["dichtbij"] == 1
    ordered = WoonvormFilterSet(QueryDict("sort=-score"), queryset=published_items(Woonvorm))
    assert [w.slug for w in ordered.ordered(ordered.qs)][:2] == ["goed", "half"]


def test_search_is_combined_with_filters():
    jongeren = make_doelgroep(slug="jongeren")
    make_woonvorm(slug="a", naam="Kamers voor jongeren", doelgroepen=[jongeren])
    make_woonvorm(slug="b", naam="Kamers voor gezinnen")
    make_woonvorm(slug="c", naam="Hofje", doelgroepen=[jongeren])
    assert run(WoonvormFilterSet, "q=kamers")[1] == {"a", "b"}
    assert run(WoonvormFilterSet, "q=kamers&doelgroep=jongeren")[1] == {"a"}


def test_succesversnellers_filter_on_type():
    training = SuccesversnellerType.objects.create(slug="training", naam="Training")
    make_succesversneller(slug="mett", typen=[training])
    make_succesversneller(slug="fonds")
    assert run(SuccesversnellerFilterSet, "type=training")[1] == {"mett"}


@pytest.mark.parametrize(
    "filterset_class, maker",
    [
        (WoonvormFilterSet, make_woonvorm),
        (SuccesversnellerFilterSet, make_succesversneller),
        (PraktijkvoorbeeldFilterSet, make_praktijkvoorbeeld),
    ],
)
def test_every_kind_filters_on_its_bron_and_counts_the_items_of_each_bron(filterset_class, maker):
    jongeren = make_doelgroep(slug="jongeren")
    boek, bundel = make_bron(slug="boek"), make_bron(slug="bundel")
    maker(slug="a", bron=boek, doelgroepen=[jongeren])
    maker(slug="b", bron=boek)
    maker(slug="c", bron=bundel, doelgroepen=[jongeren])
    maker(slug="d", bron=bundel, status=Status.CONCEPT)
    assert run(filterset_class, "bron=boek")[1] == {"a", "b"}
    filterset, slugs = run(filterset_class, "bron=boek&bron=bundel&doelgroep=jongeren")
    assert slugs == {"a", "c"}
    # Each facet counts within the other chosen ones: the bronnen within the jongeren, and the other way.
    assert filterset.facet_counts()["bron"] == {"boek": 1, "bundel": 1}
    assert filterset.facet_counts()["doelgroep"] == {"jongeren": 2}
    assert run(filterset_class, "doelgroep=jongeren")[0].facet_counts()["bron"] == {"boek": 1, "bundel": 1}
    assert run(filterset_class, "")[0].facet_counts()["bron"] == {"boek": 2, "bundel": 1}


def test_an_invalid_search_text_is_ignored_without_breaking_the_default_order(catalogue):
    for query in ("q=%00", "q=%00&q=", "q=a%00b&sort=relevantie"):
        filterset, slugs = run(WoonvormFilterSet, query)
        assert slugs == {"a", "b", "c", "d"}
        assert [w.slug for w in filterset.ordered(filterset.qs)] == ["a", "b", "c", "d"]


def test_the_sort_order_is_not_shown_as_a_filter(catalogue):
    filterset, _slugs = run(WoonvormFilterSet, "sort=-naam&doelgroep=jongeren")
    assert [chip["facet"] for chip in filterset.active_chips()] == ["Doelgroep"]
