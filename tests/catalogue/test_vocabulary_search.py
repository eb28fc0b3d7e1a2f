"""An item is found by the names and synonyms of its terms, below its own name, and stays found (or not) as
its tags, the terms and its organisations change."""

import pytest

from catalogue import search
from catalogue.kinds import KINDS
from catalogue.models import (
    Contractvorm,
    Doelgroep,
    Organisatie,
    OrganisatieRol,
    Plaats,
    Status,
    Woonvorm,
    Woonzorgconcept,
)
from tests.factories import (
    make_contractvorm,
    make_doelgroep,
    make_organisatie,
    make_plaats,
    make_praktijkvoorbeeld,
    make_succesversneller,
    make_woonvorm,
    make_woonzorgconcept,
)

# The term models whose names (and synonyms) find an item, with the lookup from an item to them.
TERMS = [
    (Doelgroep, "doelgroepen"),
    (Contractvorm, "contractvormen"),
    (Woonzorgconcept, "woonzorgconcepten"),
    (Plaats, "plaatsen"),
    (Organisatie, "organisatierollen__organisatie"),
]


def found(model, text):
    return set(search.filter_items(model.objects.published(), text).values_list("pk", flat=True))


def tagged(model, path, term):
    if not search.has_relation(model, path):
        return set()
    return set(model.objects.published().filter(**{path: term}).values_list("pk", flat=True))


def missed(words_of_term):
    """Per term of the real catalogue and each of its words: the published items tagged with the term that a
    search on the words does not find."""
    misses = []
    for term_model, path in TERMS:
        for term in term_model.objects.all():
            for words in words_of_term(term):
                for kind in KINDS:
                    lost = tagged(kind.model, path, term) - found(kind.model, words)
                    if lost:
                        misses.append(
                            f"{term_model.__name__} {term.slug}: “{words}” mist {len(lost)} {kind.key}"
                        )
    return misses


@pytest.mark.django_db
def test_every_term_of_the_catalogue_finds_every_published_item_tagged_with_it(loaded_content):
    assert Woonvorm.objects.filter(contractvormen__slug="omklapconstructie").exists()
    assert missed(lambda term: [term.naam]) == []


@pytest.mark.django_db
def test_every_synonym_of_the_catalogue_finds_the_items_of_its_term(loaded_content):
    with_synonyms = [model for model, _path in TERMS if hasattr(model, "synoniemen")]
    assert any(model.objects.exclude(synoniemen="").exists() for model in with_synonyms)
    assert missed(lambda term: search._lines(getattr(term, "synoniemen", ""))) == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("omklapconstructie", "omklapconstructie"),
        ("omklap", "omklapconstructie"),
        ("campuscontract", "campuscontract"),
        ("onderhuur", "intermediaire-verhuur"),
        ("intermediaire verhuur", "intermediaire-verhuur"),
    ],
)
def test_the_words_of_issue_17_find_every_tagged_item(loaded_content, text, slug):
    term = Contractvorm.objects.get(slug=slug)
    expected = {kind.key: tagged(kind.model, "contractvormen", term) for kind in KINDS}
    assert any(expected.values())
    assert {kind.key: expected[kind.key] - found(kind.model, text) for kind in KINDS} == {
        kind.key: set() for kind in KINDS
    }


def ranked(items, text):
    """The items among these that the text finds, best first (the real catalogue may be loaded too)."""
    model = type(items[0])
    queryset = model.objects.published().filter(pk__in=[item.pk for item in items])
    return list(search.filter_items(queryset, text).order_by("-relevantie", "naam"))


def is_found(item, text):
    return item in ranked([item], text)


@pytest.mark.django_db
def test_an_items_own_name_ranks_above_an_item_only_tagged_with_the_word():
    omklap = make_contractvorm(naam="Omklapconstructie")
    tagged_only = make_woonvorm(naam="Aaa Hofje", contractvormen=[omklap])
    in_text = make_woonvorm(naam="Aab Tuinhuis", beschrijving="Na een jaar volgt een omklapconstructie.")
    own_name = make_woonvorm(naam="Zzz Omklapconstructie in de wijk")
    results = ranked([tagged_only, in_text, own_name], "omklapconstructie")
    assert results[0] == own_name
    assert set(results[1:]) == {in_text, tagged_only}


@pytest.mark.django_db
def test_concept_items_are_not_found_by_their_terms():
    jongeren = make_doelgroep(naam="Jongeren")
    hidden = make_woonvorm(naam="Verborgen", doelgroepen=[jongeren], status=Status.CONCEPT)
    assert search.filter_items(Woonvorm.objects.published(), "jongeren").filter(pk=hidden.pk).count() == 0
    assert Woonvorm.objects.get(pk=hidden.pk).zoektermen == "Jongeren"


@pytest.mark.django_db
def test_a_tag_added_or_removed_on_either_side_is_searchable_at_once():
    campus = make_contractvorm(naam="Campuscontract")
    item = make_woonvorm(naam="Studentenflat")
    assert not is_found(item, "campuscontract")
    item.contractvormen.add(campus)
    assert is_found(item, "campuscontract")
    item.contractvormen.remove(campus)
    assert not is_found(item, "campuscontract")
    campus.woonvorm_set.add(item)
    assert is_found(item, "campuscontract")
    campus.woonvorm_set.clear()
    assert not is_found(item, "campuscontract")


@pytest.mark.django_db
def test_a_renamed_term_its_synonyms_and_a_deleted_term_change_what_finds_the_item():
    doelgroep = make_doelgroep(naam="Statushouders")
    item = make_praktijkvoorbeeld(naam="Samen thuis", doelgroepen=[doelgroep])
    history = item.history.count()
    doelgroep.synoniemen = "vergunninghouders\nnieuwkomers"
    doelgroep.save()
    assert is_found(item, "nieuwkomers") and is_found(item, "vergunninghouders")
    doelgroep.naam = "Vluchtelingen"
    doelgroep.save()
    assert is_found(item, "vluchtelingen")
    assert not is_found(item, "statushouders")
    # The search text is derived, not an edit of the item: no new version in its history.
    assert item.history.count() == history
    doelgroep.delete()
    assert not is_found(item, "vluchtelingen") and not is_found(item, "nieuwkomers")


@pytest.mark.django_db
def test_an_organisation_with_a_role_and_a_place_find_the_item():
    utrecht = make_plaats(naam="Nieuwegein")
    item = make_succesversneller(naam="Training", plaatsen=[utrecht])
    organisatie = make_organisatie(naam="Stichting Thuisbasis")
    rol = OrganisatieRol.objects.create(succesversneller=item, organisatie=organisatie, rol="uitvoerder")
    assert is_found(item, "nieuwegein") and is_found(item, "thuisbasis")
    organisatie.naam = "Stichting Dakwerk"
    organisatie.save()
    assert is_found(item, "dakwerk")
    rol.delete()
    assert not is_found(item, "dakwerk")


@pytest.mark.django_db
def test_refresh_terms_repairs_a_stale_search_text_and_writes_nothing_when_it_is_current():
    jongeren = make_doelgroep(naam="Jongeren", synoniemen="jongvolwassenen")
    item = make_woonvorm(naam="Hofje", doelgroepen=[jongeren])
    assert Woonvorm.objects.get(pk=item.pk).zoektermen == "Jongeren\njongvolwassenen"
    Woonvorm.objects.filter(pk=item.pk).update(zoektermen="")
    search.refresh_terms([item])
    assert Woonvorm.objects.get(pk=item.pk).zoektermen == "Jongeren\njongvolwassenen"
    assert search.refresh_model_terms(Woonvorm, [item.pk]) == 0


@pytest.mark.django_db
def test_a_deferred_refresh_waits_until_the_block_ends():
    woonzorgconcept = make_woonzorgconcept(naam="Prikkelarm wonen")
    item = make_woonvorm(naam="Hofje")
    with search.deferred_refresh():
        item.woonzorgconcepten.add(woonzorgconcept)
        assert not is_found(item, "prikkelarm")
    assert is_found(item, "prikkelarm")
