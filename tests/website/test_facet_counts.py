"""The facet counts of one SQL statement (website/facets.py) equal counting every option on its own."""

from datetime import date

import pytest
from django.db import transaction
from django.http import QueryDict

from assessment.models import Beoordeling, Score
from catalogue.models import (
    Begeleiding,
    Bijdrage,
    Contractvorm,
    JaNeeOnbekend,
    Leeftijdsgroep,
    OrganisatieRol,
    Plaats,
    Praktijkvoorbeeld,
    Status,
    Succesversneller,
    SuccesversnellerType,
    Woonvorm,
)
from tests.factories import (
    make_beoordeling,
    make_bron,
    make_contractvorm,
    make_doelgroep,
    make_organisatie,
    make_plaats,
    make_praktijkvoorbeeld,
    make_succesversneller,
    make_toetsingskader,
    make_woonsituatie,
    make_woonvorm,
    make_woonzorgconcept,
)
from website.facets import FacetFilter, flat_choices
from website.filters import FILTERSETS
from website.selectors import published_items

pytestmark = pytest.mark.django_db

QUERIES = [
    "",
    "doelgroep=volwassenen&leeftijdsgroep=V&begeleiding=verplicht",
    "doelgroep=jongeren&doelgroep=gezinnen&contractvorm=tijdelijk-huurcontract",
    "looptijd=tijdelijk&niveau=deels&toetspunt=T1",
    "provincie=zuid-holland&provincie=utrecht&leegstand=ja",
    "q=jongeren&woonsituatie=zelfstandig",
]

V, D, N = Score.Waarde.VOLDOET, Score.Waarde.DEELS, Score.Waarde.VOLDOET_NIET
CORE = [f"T{n}" for n in range(1, 8)]
ALL_MET = dict.fromkeys(CORE, V)  # sluit volledig aan
# Every filtered case of QUERIES matches some published items and leaves others out. Each row is made as a
# woonvorm, as a praktijkvoorbeeld and, with the fields it has, as a succesversneller. The concept and
# archived rows match every filter, but must never be counted. "bron" is the praktijkvoorbeeld's; as in the
# real content, woonvormen and succesversnellers come from the receptenboek (which the bron facet leaves out).
ITEMS = [
    {
        "naam": "Jongeren op eigen kracht",
        "doelgroepen": ["jongeren"],
        "plaatsen": ["rotterdam"],
        "organisaties": ["woonstichting-noord"],
        "contractvormen": ["tijdelijk-huurcontract"],
        "woonsituaties": ["zelfstandig"],
        "woonzorgconcepten": ["begeleid-wonen"],
        "leeftijdsgroep": Leeftijdsgroep.JONGEREN,
        "begeleiding": Begeleiding.VRIJBLIJVEND,
        "benut_leegstand": JaNeeOnbekend.JA,
        "bron": "waaier",
        "scores": ALL_MET,
        "typen": ["training"],
        "bijdragen": ["herstel"],
    },
    {
        "naam": "Samen thuis",
        "doelgroepen": ["volwassenen"],
        "plaatsen": ["utrecht"],
        "organisaties": ["zorg-midden"],
        "contractvormen": ["huurcontract-op-eigen-naam"],
        "woonsituaties": ["gedeeld"],
        "leeftijdsgroep": Leeftijdsgroep.VOLWASSENEN,
        "begeleiding": Begeleiding.VERPLICHT,
        "benut_leegstand": JaNeeOnbekend.NEE,
        "bron": "vng-bundel",
        # 25 %: bevat elementen; an earlier beoordeling that met everything has lapsed and must not count.
        "scores": {"T1": V, "T2": N, "T3": N, "T4": N},
        "vervallen": ALL_MET,
        "typen": ["fonds"],
    },
    {
        "naam": "Gezinshuis aan de rand",
        "doelgroepen": ["volwassenen", "gezinnen"],
        # Two places in one provincie: the item counts once for it.
        "plaatsen": ["utrecht", "amersfoort", "groningen"],
        "organisaties": ["woonstichting-noord", "zorg-midden"],
        # Two temporary contracts: the item counts once for "tijdelijk".
        "contractvormen": ["tijdelijk-huurcontract", "campuscontract", "huurcontract-op-eigen-naam"],
        "woonsituaties": ["zelfstandig"],
        "leeftijdsgroep": Leeftijdsgroep.VOLWASSENEN,
        "begeleiding": Begeleiding.VERPLICHT,
        "benut_leegstand": JaNeeOnbekend.JA,
        "bron": "vng-bundel",
        "scores": {**dict.fromkeys(CORE[:4], V), **dict.fromkeys(CORE[4:], D)},  # 79 %: dichtbij
        "bijdragen": ["herstel"],
    },
    {
        "naam": "Buurtwonen",
        "doelgroepen": ["gezinnen"],
        "plaatsen": ["rotterdam"],
        "leeftijdsgroep": Leeftijdsgroep.BEIDE,
        "begeleiding": Begeleiding.GEEN,
        "bron": "waaier",
    },
    *(
        {
            "naam": f"Jongeren {status.label}",
            "status": status,
            "doelgroepen": ["jongeren", "volwassenen", "gezinnen"],
            "plaatsen": ["rotterdam", "utrecht"],
            "organisaties": ["zorg-midden"],
            "contractvormen": ["tijdelijk-huurcontract"],
            "woonsituaties": ["zelfstandig"],
            "woonzorgconcepten": ["begeleid-wonen"],
            "leeftijdsgroep": Leeftijdsgroep.VOLWASSENEN,
            "begeleiding": Begeleiding.VERPLICHT,
            "benut_leegstand": JaNeeOnbekend.JA,
            "bron": "vng-bundel",
            "scores": ALL_MET,
            "typen": ["training"],
            "bijdragen": ["herstel"],
        }
        for status in (Status.CONCEPT, Status.GEARCHIVEERD)
    ),
]
MAKERS = {
    Woonvorm: make_woonvorm,
    Praktijkvoorbeeld: make_praktijkvoorbeeld,
    Succesversneller: make_succesversneller,
}


def make_vocabularies():
    """{field: {slug: row}} for every vocabulary ITEMS name."""
    tijdelijk = Contractvorm.Looptijd.TIJDELIJK
    plaatsen = {
        slug: make_plaats(slug=slug, naam=slug.title(), provincie=provincie)
        for slug, provincie in [
            ("rotterdam", Plaats.Provincie.ZUID_HOLLAND),
            ("utrecht", Plaats.Provincie.UTRECHT),
            ("amersfoort", Plaats.Provincie.UTRECHT),
            ("groningen", Plaats.Provincie.GRONINGEN),
        ]
    }
    return {
        "doelgroepen": {slug: make_doelgroep(slug=slug) for slug in ("jongeren", "volwassenen", "gezinnen")},
        "plaatsen": plaatsen,
        "organisaties": {
            "woonstichting-noord": make_organisatie(slug="woonstichting-noord", plaats=plaatsen["groningen"]),
            "zorg-midden": make_organisatie(slug="zorg-midden", plaats=plaatsen["utrecht"]),
        },
        "contractvormen": {
            "tijdelijk-huurcontract": make_contractvorm(
                slug="tijdelijk-huurcontract",
                looptijd=tijdelijk,
                contracthouder=Contractvorm.Contracthouder.BEWONER,
                zorgkoppeling=JaNeeOnbekend.NEE,
            ),
            "campuscontract": make_contractvorm(
                slug="campuscontract", looptijd=tijdelijk, zorgkoppeling=JaNeeOnbekend.JA
            ),
            "huurcontract-op-eigen-naam": make_contractvorm(
                slug="huurcontract-op-eigen-naam",
                looptijd=Contractvorm.Looptijd.ONBEPAALD,
                contracthouder=Contractvorm.Contracthouder.BEWONER,
            ),
        },
        "woonsituaties": {slug: make_woonsituatie(slug=slug) for slug in ("zelfstandig", "gedeeld")},
        "woonzorgconcepten": {"begeleid-wonen": make_woonzorgconcept(slug="begeleid-wonen")},
        "bron": {slug: make_bron(slug=slug) for slug in ("receptenboek", "waaier", "vng-bundel")},
        "typen": {
            slug: SuccesversnellerType.objects.create(slug=slug, naam=slug.title())
            for slug in ("training", "fonds")
        },
        "bijdragen": {"herstel": Bijdrage.objects.create(slug="herstel", naam="Herstel")},
    }


def make_item(model, index, row, vocabularies):
    """One row of ITEMS as an item of `model`, with the fields that kind has."""
    kind = model._meta.model_name
    fields = {"slug": f"{kind}-{index}", "status": Status.GEPUBLICEERD}
    for name, value in {**row, "bron": row["bron"] if model is Praktijkvoorbeeld else "receptenboek"}.items():
        if name in ("organisaties", "scores", "vervallen"):
            continue
        if not any(field.name == name for field in model._meta.get_fields()):
            continue
        if name in vocabularies:
            rows = vocabularies[name]
            value = [rows[slug] for slug in value] if isinstance(value, list) else rows[value]
        fields[name] = value
    item = MAKERS[model](**fields)
    for position, slug in enumerate(row.get("organisaties", [])):
        OrganisatieRol.objects.create(
            **{kind: item},
            organisatie=vocabularies["organisaties"][slug],
            rol=OrganisatieRol.Rol.PARTNER,
            volgorde=position,
        )
    if model is not Succesversneller:
        if "vervallen" in row:
            make_beoordeling(
                **{kind: item},
                scores=row["vervallen"],
                status=Beoordeling.Status.VERVALLEN,
                datum=date(2024, 1, 1),
            )
        if "scores" in row:
            make_beoordeling(**{kind: item}, scores=row["scores"])
    return item


@pytest.fixture(scope="module")
def catalogue(django_db_setup, django_db_blocker):
    """The small fixed catalogue of ITEMS, made once for the module and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        make_toetsingskader()
        vocabularies = make_vocabularies()
        for model in MAKERS:
            for index, row in enumerate(ITEMS, start=1):
                make_item(model, index, row, vocabularies)
        yield
        transaction.set_rollback(True)


def one_by_one(filterset_class, query):
    """Each option's count as the number of items the list would show with it chosen instead: for every
    option some published item has (the others can only count 0)."""
    model = filterset_class._meta.model
    data = QueryDict(query)
    filterset = filterset_class(data, queryset=published_items(model))
    counts = {}
    for name, facet in filterset.facet_filters().items():
        counts[name] = {}
        options = [str(value) for value, _label, _group in flat_choices(filterset.form.fields[name].choices)]
        if isinstance(facet, FacetFilter):
            present = {str(v) for v in model.objects.published().values_list(facet.path, flat=True)}
            options = [value for value in options if value in present]
        for value in options:
            alone = data.copy()
            alone.setlist(name, [value])
            if n := filterset_class(alone, queryset=published_items(model)).qs.count():
                counts[name][value] = n
    return counts


def nonzero_counts(model, query):
    """The FilterSet of `query` for `model` and its facet counts, leaving out options that count 0."""
    filterset = FILTERSETS[model](QueryDict(query), queryset=published_items(model))
    counts = {
        name: {v: n for v, n in values.items() if n} for name, values in filterset.count_facets().items()
    }
    return filterset, counts


@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("model", [Woonvorm, Praktijkvoorbeeld, Succesversneller])
def test_every_count_equals_the_number_of_items_its_option_gives(catalogue, model, query):
    filterset, counts = nonzero_counts(model, query)
    assert counts == one_by_one(FILTERSETS[model], query)
    # The comparison is never between empty counts: some published item matches every case, and each chosen
    # option (of the facets this kind has) counts the items that have it among those the other facets leave.
    assert filterset.qs.exists(), "some published item matches the filters"
    assert any(counts.values())
    if not query:
        assert all(counts.values()), "without filters every facet has counts"
    data = QueryDict(query)
    for name in set(data) & set(filterset.facet_filters()):
        for value in data.getlist(name):
            assert counts[name].get(value), f"{name}={value} is counted"


def test_counts_leave_out_concept_and_archived_items_and_lapsed_beoordelingen(catalogue):
    _filterset, counts = nonzero_counts(Woonvorm, "")
    assert counts["doelgroep"] == {"jongeren": 1, "volwassenen": 2, "gezinnen": 2}
    # An item with two places in one provincie, or two temporary contracts, counts once.
    assert counts["provincie"] == {"zuid-holland": 2, "utrecht": 2, "groningen": 1}
    assert counts["looptijd"] == {"tijdelijk": 2, "onbepaald": 2}
    # Only the vastgestelde beoordeling counts: the lapsed one of "Samen thuis" met T2, the current one not.
    assert counts["toetspunt"]["T2"] == 2


def test_a_search_text_that_cannot_match_gives_empty_counts_not_an_error(catalogue, client):
    response = client.get("/woonvormen/", {"q": "!", "sort": "relevantie"})
    assert response.status_code == 200
    assert "0 resultaten" in response.content.decode()
    assert 'class="facet__count"' not in response.content.decode()
