import pytest
from django.db import IntegrityError, transaction

from routekaart.models import ChecklistItem, Fase, FaseRol

pytestmark = pytest.mark.django_db


def make_fase(nummer=1, **fields):
    return Fase.objects.create(
        nummer=nummer,
        slug=fields.pop("slug", f"fase-{nummer}"),
        naam=fields.pop("naam", "Oriëntatie"),
        doel="Weten waar je staat.",
        niveau=Fase.Niveau.LOKAAL,
        **fields,
    )


def test_a_phase_has_a_page_and_a_natural_key():
    fase = make_fase(slug="orientatie")
    assert str(fase) == "1. Oriëntatie"
    assert fase.get_absolute_url() == "/routekaart/orientatie/"
    assert Fase.objects.get_by_natural_key("orientatie") == fase


def test_checklist_items_are_keyed_on_their_code():
    fase = make_fase()
    item = ChecklistItem.objects.create(fase=fase, slug="f1-1", tekst="Breng de huidige situatie in kaart.")
    assert item.code == "F1-1"
    assert ChecklistItem.objects.get_by_natural_key("f1-1") == item
    with pytest.raises(IntegrityError), transaction.atomic():
        ChecklistItem.objects.create(fase=fase, slug="f1-1", tekst="Dubbel")


def test_one_role_per_party_per_phase():
    fase = make_fase()
    FaseRol.objects.create(fase=fase, partij=FaseRol.Partij.GEMEENTE, taken="Regie nemen")
    with pytest.raises(IntegrityError), transaction.atomic():
        FaseRol.objects.create(fase=fase, partij=FaseRol.Partij.GEMEENTE, taken="Nog eens")
