"""`genereer_testcatalogus` (benchmarks/testcatalogus): a deterministic synthetic catalogue for benchmarks."""

import pytest
from django.core.management import call_command
from django.db import transaction

from assessment.models import Beoordeling, Score, Toetspunt
from catalogue.content import load_content
from catalogue.models import Organisatie, Plaats, Praktijkvoorbeeld, Succesversneller, Woonvorm

pytestmark = pytest.mark.django_db

KINDS = (Woonvorm, Praktijkvoorbeeld, Succesversneller)


def generate(schaal, seed=2026):
    call_command("genereer_testcatalogus", schaal=schaal, seed=seed, stdout=None)


def synthetic(model):
    return model.objects.filter(slug__startswith="test-")


def snapshot():
    return [
        (item.slug, item.naam, item.status, sorted(d.slug for d in item.doelgroepen.all()))
        for model in KINDS
        for item in synthetic(model).order_by("slug").prefetch_related("doelgroepen")
    ]


def test_it_makes_n_woonvormen_five_n_praktijkvoorbeelden_and_a_tenth_succesversnellers_beside_the_real():
    load_content()
    real = {model: set(model.objects.values_list("slug", flat=True)) for model in KINDS}
    generate(10)
    assert [synthetic(model).count() for model in KINDS] == [10, 50, 1]
    for model in KINDS:
        assert (
            set(model.objects.exclude(slug__startswith="test-").values_list("slug", flat=True)) == real[model]
        )
    generate(10)
    assert [synthetic(model).count() for model in KINDS] == [20, 100, 2]


def test_the_items_use_the_real_vocabularies_with_several_places_and_organisations():
    generate(20)
    woonvormen = synthetic(Woonvorm)
    assert woonvormen.filter(doelgroepen__slug="volwassenen").exists()
    assert woonvormen.filter(contractvormen__isnull=False).distinct().count() == 20
    assert Plaats.objects.count() == 342
    assert woonvormen.filter(organisatierollen__isnull=True).count() == 0
    assert Organisatie.objects.filter(slug__startswith="test-").count() > 300


def test_most_woonvormen_get_a_vastgestelde_beoordeling_with_every_toetspunt_scored():
    generate(40)
    vastgesteld = Beoordeling.objects.vastgesteld().filter(woonvorm__slug__startswith="test-")
    assert vastgesteld.count() >= 28
    assert vastgesteld.count() < 40
    toetspunten = Toetspunt.objects.count()
    assert all(b.scores.count() == toetspunten == 10 for b in vastgesteld.prefetch_related("scores"))
    scores = Score.objects.filter(beoordeling__in=vastgesteld)
    assert not scores.exclude(waarde=Score.Waarde.ONBEKEND).filter(toelichting="").exists()


def test_the_same_seed_gives_the_same_catalogue_and_another_seed_another():
    with transaction.atomic():
        generate(5)
        first = snapshot()
        transaction.set_rollback(True)
    with transaction.atomic():
        generate(5, seed=7)
        other = snapshot()
        transaction.set_rollback(True)
    generate(5)
    assert snapshot() == first
    assert other != first
    assert [slug for slug, *_rest in first] == [slug for slug, *_rest in other]
