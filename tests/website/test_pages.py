"""The public reading pages: home, the recipe card of each item, vocabulary pages and their indexes."""

import re

import pytest
from django.urls import reverse

from catalogue.models import (
    Contactpersoon,
    Doelgroep,
    Initiatief,
    Link,
    OrganisatieRol,
    Plaats,
    Status,
    SuccesversnellerType,
)
from routekaart.models import Hulpmiddel
from tests.factories import (
    make_bron,
    make_contractvorm,
    make_doelgroep,
    make_fase,
    make_organisatie,
    make_plaats,
    make_praktijkvoorbeeld,
    make_succesversneller,
    make_woonsituatie,
    make_woonvorm,
    make_woonzorgconcept,
)
from website.views.vocabularies import ITEMS_SHOWN

pytestmark = pytest.mark.django_db

MAKERS = {
    "woonvorm": make_woonvorm,
    "succesversneller": make_succesversneller,
    "praktijkvoorbeeld": make_praktijkvoorbeeld,
}
LIST_PATHS = {
    "woonvorm": "/woonvormen/",
    "succesversneller": "/succesversnellers/",
    "praktijkvoorbeeld": "/praktijkvoorbeelden/",
}


def body_of(response):
    return response.content.decode()


def main_of(response):
    """The page's <main>, so that navigation and footer links do not count."""
    return re.search(r"<main\b.*?</main>", body_of(response), re.S).group(0)


def section(html, labelled_by):
    return re.search(rf'<section[^>]*aria-labelledby="{labelled_by}".*?</section>', html, re.S).group(0)


def hrefs(html):
    return re.findall(r'href="([^"]+)"', html.replace("&amp;", "&"))


# Home ------------------------------------------------------------------------------------------------------


def test_home_counts_published_items_per_kind_and_links_to_each_list(client):
    make_woonvorm()
    make_woonvorm()
    make_woonvorm(status=Status.CONCEPT)
    make_succesversneller(status=Status.GEARCHIVEERD)
    make_praktijkvoorbeeld()
    soorten = client.get("/").context["soorten"]
    assert [(str(s["label"]), s["aantal"], s["url"]) for s in soorten] == [
        ("woonvormen", 2, "/woonvormen/"),
        ("succesversnellers", 0, "/succesversnellers/"),
        ("praktijkvoorbeelden", 1, "/praktijkvoorbeelden/"),
    ]


def test_home_counts_each_doelgroep_over_all_kinds_and_links_to_the_filtered_lists(client):
    jongeren = make_doelgroep(slug="jongeren", naam="Jongeren", soort=Doelgroep.Soort.LEEFTIJD)
    make_doelgroep(slug="gezinnen", naam="Gezinnen", soort=Doelgroep.Soort.HUISHOUDEN)
    make_woonvorm(doelgroepen=[jongeren])
    make_woonvorm(doelgroepen=[jongeren], status=Status.CONCEPT)
    make_succesversneller(doelgroepen=[jongeren])
    make_praktijkvoorbeeld(doelgroepen=[jongeren])
    make_praktijkvoorbeeld(doelgroepen=[jongeren])
    response = client.get("/")
    groepen = {str(groep["soort"]): groep["ingangen"] for groep in response.context["doelgroep_groepen"]}
    assert groepen["huishouden"] == [], "a doelgroep without published items is no entry point"
    [entry] = groepen["leeftijd"]
    assert entry["totaal"] == 4, "the concept woonvorm is not counted"
    assert [(soort["aantal"], soort["url"]) for soort in entry["per_soort"]] == [
        (1, "/woonvormen/?doelgroep=jongeren"),
        (1, "/succesversnellers/?doelgroep=jongeren"),
        (2, "/praktijkvoorbeelden/?doelgroep=jongeren"),
    ]
    assert "/woonvormen/?doelgroep=jongeren" in hrefs(main_of(response))
    assert "?doelgroep=gezinnen" not in body_of(response)


def test_home_offers_contractvormen_of_woonvormen_and_praktijkvoorbeelden(client):
    omklap = make_contractvorm(slug="omklapconstructie", naam="Omklapconstructie")
    make_contractvorm(slug="campuscontract", naam="Campuscontract")
    make_praktijkvoorbeeld(contractvormen=[omklap])
    response = client.get("/")
    [entry] = response.context["contractvormen"]
    assert (entry["term"], entry["totaal"]) == (omklap, 1)
    assert entry["url"] == "/praktijkvoorbeelden/?contractvorm=omklapconstructie", (
        "the name leads to a list that has items, not to the empty woonvormen list"
    )
    assert "Campuscontract" not in main_of(response)


def test_home_has_a_search_box_and_links_to_the_toetsingskader_and_the_routekaart(client):
    main = main_of(client.get("/"))
    assert re.search(r'<form[^>]*method="get"[^>]*action="/zoeken/"', main)
    assert 'name="q"' in main
    assert reverse("website:toetsingskader") in hrefs(main)
    assert reverse("routekaart:overzicht") in hrefs(main)


@pytest.mark.parametrize("size", [1, 6])
def test_home_needs_the_same_queries_whatever_the_size_of_the_catalogue(
    client, django_assert_num_queries, size
):
    for _n in range(size):
        doelgroep = make_doelgroep()
        contractvorm = make_contractvorm()
        make_woonvorm(doelgroepen=[doelgroep], contractvormen=[contractvorm])
        make_succesversneller(doelgroepen=[doelgroep])
        make_praktijkvoorbeeld(doelgroepen=[doelgroep], contractvormen=[contractvorm])
    with django_assert_num_queries(5):
        assert client.get("/").status_code == 200


# Detail pages ---------------------------------------------------------------------------------------------


def full_item(kind, *, size=1):
    """An item of the given kind with every section filled, and `size` rows in each relation."""
    item = MAKERS[kind](
        naam="Het Recept",
        beschrijving="Wat het is.",
        werkzame_elementen="Eerste element\nTweede element",
        aandachtselementen="Let hierop",
        ter_inspiratie="Een voorbeeld.",
        financiele_context="Betaald door de gemeente.",
        verhouding_wonen_eerst="Sluit deels aan.",
        bron_vindplaats="Recept 3",
        bron_opmerking="De bron spreekt zichzelf tegen.",
        doelgroepen=[make_doelgroep(slug=f"doelgroep-{kind}-{n}") for n in range(size)],
        plaatsen=[
            make_plaats(slug=f"plaats-{kind}-{n}", provincie=Plaats.Provincie.GELDERLAND) for n in range(size)
        ],
    )
    if kind == "succesversneller":
        item.typen.set(
            [SuccesversnellerType.objects.create(slug=f"type-{n}", naam=f"Type {n}") for n in range(size)]
        )
    else:
        item.contractvormen.set([make_contractvorm(slug=f"contract-{kind}-{n}") for n in range(size)])
        item.woonsituaties.set([make_woonsituatie() for _n in range(size)])
        concept = make_woonzorgconcept(slug=f"concept-{kind}")
        item.woonzorgconcepten.set([concept])
        for _n in range(size):
            make_woonvorm(woonzorgconcepten=[concept])
            make_praktijkvoorbeeld(woonzorgconcepten=[concept])
    initiatief = Initiatief.objects.create(slug=f"initiatief-{kind}", naam="Initiatief")
    item.initiatief = initiatief
    item.save()
    for _n in range(size):
        make_woonvorm(initiatief=initiatief)
        make_praktijkvoorbeeld(initiatief=initiatief)
    fase = make_fase(nummer=list(MAKERS).index(kind) + 1)
    for n in range(size):
        owner = {kind: item}
        organisatie = make_organisatie()
        OrganisatieRol.objects.create(
            organisatie=organisatie, rol=OrganisatieRol.Rol.INITIATIEFNEMER, **owner
        )
        Contactpersoon.objects.create(
            naam=f"Anna {n}",
            organisatie=organisatie,
            email=f"anna{n}@example.nl",
            telefoon="030 - 123 45 67",
            **owner,
        )
        Link.objects.create(url=f"https://example.nl/{n}", titel=f"Website {n}", **owner)
        Link.objects.create(
            soort=Link.Soort.AUDIOFRAGMENT,
            url=f"https://example.nl/fragment-{n}.mp3",
            titel=f"Fragment {n}",
            spreker_rol="bewoner",
            spreker_naam=f"Sanne{n}",
            **owner,
        )
        Hulpmiddel.objects.create(fase=fase, titel=f"Hulpmiddel {n}", **owner)
    return item


@pytest.mark.parametrize("kind", MAKERS)
def test_a_detail_page_is_laid_out_as_a_recipe_card(client, kind):
    item = full_item(kind)
    response = client.get(item.get_absolute_url())
    assert response.status_code == 200
    main = main_of(response)
    for heading in (
        "Wat is het?",
        "Werkzame elementen",
        "Aandachtselementen",
        "Ter inspiratie",
        "Financiële context",
        "Verhouding tot Wonen Eerst",
        "Kenmerken",
        "Organisaties en contact",
        "Links en audio",
        "Bron",
        "Ook beschreven in andere bronnen",
        "Genoemd in de routekaart",
    ):
        assert re.search(rf"<h[23][^>]*>{re.escape(heading)}</h[23]>", main), heading
    assert '<li class="utrecht-unordered-list__item">Tweede element</li>' in main
    assert "Recept 3" in main and "De bron spreekt zichzelf tegen." in main
    assert "Laatst bijgewerkt op" in main
    assert main.count("<h1") == 1


@pytest.mark.parametrize("kind", ["woonvorm", "praktijkvoorbeeld"])
def test_woonvormen_and_praktijkvoorbeelden_show_their_score_section_and_succesversnellers_do_not(
    client, kind
):
    item = full_item(kind)
    assert 'id="toetsing"' in main_of(client.get(item.get_absolute_url()))
    versneller = full_item("succesversneller")
    assert 'id="toetsing"' not in main_of(client.get(versneller.get_absolute_url()))


@pytest.mark.parametrize("kind", MAKERS)
def test_a_detail_page_offers_to_compare_the_item(client, kind):
    item = full_item(kind)
    main = main_of(client.get(item.get_absolute_url()))
    form = re.search(r'<form[^>]*action="/vergelijken/".*?</form>', main, re.S).group(0)
    assert 'method="get"' in form
    assert f'name="items" value="{kind}:{item.slug}"' in form


@pytest.mark.parametrize("kind", MAKERS)
def test_concept_items_are_not_found_and_archived_items_are_gone(client, kind):
    concept = MAKERS[kind](naam="Nog niet af", status=Status.CONCEPT)
    archived = MAKERS[kind](naam="Opgeheven", beschrijving="Oude tekst.", status=Status.GEARCHIVEERD)
    assert client.get(concept.get_absolute_url()).status_code == 404
    response = client.get(archived.get_absolute_url())
    assert response.status_code == 410
    assert "Oude tekst." not in body_of(response)


@pytest.mark.parametrize("kind", MAKERS)
def test_every_attribute_links_to_the_list_of_its_own_kind_filtered_on_it(client, kind):
    item = full_item(kind)
    links = hrefs(section(main_of(client.get(item.get_absolute_url())), "kenmerken"))
    own_list = LIST_PATHS[kind]
    doelgroep = item.doelgroepen.get()
    plaats = item.plaatsen.get()
    expected = [f"?doelgroep={doelgroep.slug}", f"?plaats={plaats.slug}", "?provincie=gelderland"]
    if kind == "succesversneller":
        expected.append(f"?type={item.typen.get().slug}")
    else:
        expected += [
            f"?contractvorm={item.contractvormen.get().slug}",
            f"?woonsituatie={item.woonsituaties.get().slug}",
            f"?woonzorgconcept={item.woonzorgconcepten.get().slug}",
            f"?leeftijdsgroep={item.leeftijdsgroep}",
            f"?begeleiding={item.begeleiding}",
            f"?leegstand={item.benut_leegstand}",
        ]
    for query in expected:
        assert own_list + query in links, query
        for other_kind, other_list in LIST_PATHS.items():
            if other_kind != kind:
                assert other_list + query not in links, f"{query} must filter the {kind} list"


@pytest.mark.parametrize("kind", MAKERS)
def test_audio_fragments_play_in_the_page_with_speaker_and_a_plain_link(client, kind):
    item = full_item(kind)
    main = main_of(client.get(item.get_absolute_url()))
    figure = re.search(r'<figure class="utrecht-figure audio-fragment">.*?</figure>', main, re.S).group(0)
    assert (
        '<audio class="audio-fragment__player" controls preload="none" src="https://example.nl/fragment-0.mp3">'
        in figure
    )
    caption = re.search(r"<figcaption.*?</figcaption>", figure, re.S).group(0)
    assert "Sanne0" in caption and "bewoner" in caption
    assert 'href="https://example.nl/fragment-0.mp3"' in figure
    websites = main.split("audio-fragment")[-1]
    assert "Website 0" in websites and "<audio" not in websites, "a website is a plain link, not a player"


@pytest.mark.parametrize("kind", MAKERS)
def test_organisations_link_to_their_page_and_general_contacts_to_mail_and_phone(client, kind):
    item = full_item(kind)
    Contactpersoon.objects.create(email="loket@example.nl", telefoon="030 - 765 43 21", **{kind: item})
    main = main_of(client.get(item.get_absolute_url()))
    rol = item.organisatierollen.get()
    assert f'href="{rol.organisatie.get_absolute_url()}">{rol.organisatie.naam}</a>: initiatiefnemer' in main
    assert 'href="mailto:loket@example.nl"' in main
    assert 'href="tel:0307654321"' in main
    # A person is shown by name; their own address and number are theirs (catalogue/personal_data.py).
    assert "Anna 0" in main
    assert "anna0@example.nl" not in main and "030 - 123 45 67" not in main


def test_a_page_names_the_same_initiative_in_other_sources_but_never_unpublished_ones(client):
    bron = make_bron(naam="Handreiking flexwonen")
    initiatief = Initiatief.objects.create(slug="binder", naam="Binder")
    woonvorm = make_woonvorm(naam="Binder", initiatief=initiatief)
    make_praktijkvoorbeeld(naam="Binder Nijmegen", initiatief=initiatief, bron=bron)
    make_succesversneller(naam="Binder concept", initiatief=initiatief, status=Status.CONCEPT)
    make_woonvorm(naam="Ander project")
    context = client.get(woonvorm.get_absolute_url()).context
    assert [other.naam for other in context["ook_beschreven_in"]] == ["Binder Nijmegen"]
    assert "Handreiking flexwonen" in main_of(client.get(woonvorm.get_absolute_url()))


def test_a_page_lists_other_published_items_of_the_same_woonzorgconcept(client):
    concept = make_woonzorgconcept(naam="Gemengd wonen", slug="gemengd-wonen")
    woonvorm = make_woonvorm(naam="Hier", woonzorgconcepten=[concept])
    make_praktijkvoorbeeld(naam="Daar", woonzorgconcepten=[concept])
    make_woonvorm(naam="Verborgen", woonzorgconcepten=[concept], status=Status.CONCEPT)
    make_woonvorm(naam="Elders")
    [groep] = client.get(woonvorm.get_absolute_url()).context["zelfde_woonzorgconcept"]
    assert [other.naam for other in groep["items"]] == ["Daar"]
    assert [lijst["url"] for lijst in groep["lijsten"]] == [
        "/woonvormen/?woonzorgconcept=gemengd-wonen",
        "/praktijkvoorbeelden/?woonzorgconcept=gemengd-wonen",
    ]


def test_a_page_names_the_phases_of_the_routekaart_that_point_to_it(client):
    woonvorm = make_woonvorm()
    fase = make_fase(nummer=2, naam="Initiatief")
    Hulpmiddel.objects.create(fase=fase, titel="Receptenboek", woonvorm=woonvorm)
    Hulpmiddel.objects.create(fase=make_fase(nummer=3), titel="Iets anders")
    main = main_of(client.get(woonvorm.get_absolute_url()))
    assert f'href="{fase.get_absolute_url()}">Fase 2: Initiatief</a>' in main
    assert "Iets anders" not in main


DETAIL_QUERIES = {
    # the item; then for its card: the item with its bron, its doelgroepen, plaatsen, roles, contacts, links
    # and routekaart references; the items of the same initiative (one query per kind); and per kind:
    # then for its schema.org JSON-LD (website/jsonld.py): the item with its bron, doelgroepen, plaatsen and
    # organisations (4), and per kind:
    "succesversneller": 13 + 4,  # typen and bijdragen
    # contractvormen, woonsituaties, woonzorgconcepten, the first other items of each concept (one query
    # per kind), the scores; for the JSON-LD its contractvormen, woonzorgconcepten and beoordeling (3, and one
    # more for its scores when it has one)
    "woonvorm": 17 + 4 + 3,
    "praktijkvoorbeeld": 17 + 4 + 3,
}


@pytest.mark.parametrize("size", [1, 4])
@pytest.mark.parametrize("kind", MAKERS)
def test_a_detail_page_needs_the_same_queries_whatever_its_size(
    client, django_assert_num_queries, kind, size
):
    item = full_item(kind, size=size)
    with django_assert_num_queries(DETAIL_QUERIES[kind]):
        response = client.get(item.get_absolute_url())
    assert response.status_code == 200
    assert main_of(response).count("<audio") == size
    # The page is the same for every visitor until the next edit: the next request is answered from the
    # page cache (core/page_cache.py) without a query.
    with django_assert_num_queries(0):
        again = client.get(item.get_absolute_url())
    assert main_of(again) == main_of(response)


# Vocabulary pages ------------------------------------------------------------------------------------------


def test_a_contractvorm_page_explains_it_and_lists_every_published_item_that_uses_it_by_kind(client):
    bron = make_bron(naam="VNG-bundel")
    contract = make_contractvorm(
        slug="omklapconstructie",
        naam="Omklapconstructie",
        definitie="Het contract gaat later over op de bewoner.",
        juridische_basis="Burgerlijk Wetboek.",
        risicodrager="De zorgaanbieder.",
        voordelen="Zekerheid voor de verhuurder\nPerspectief voor de bewoner",
        nadelen="Afhankelijk van de begeleiding",
        looptijd="tijdelijk",
        bron=bron,
        bron_vindplaats="p. 12",
    )
    make_woonvorm(naam="Woonvorm A", contractvormen=[contract])
    make_praktijkvoorbeeld(naam="Voorbeeld B", contractvormen=[contract])
    make_woonvorm(naam="Concept C", contractvormen=[contract], status=Status.CONCEPT)
    response = client.get(contract.get_absolute_url())
    main = main_of(response)
    for text in (
        "Het contract gaat later over op de bewoner.",
        "Burgerlijk Wetboek.",
        "De zorgaanbieder.",
        "Perspectief voor de bewoner",
        "Afhankelijk van de begeleiding",
        "Tijdelijk",
        "VNG-bundel",
        "p. 12",
        "Woonvorm A",
        "Voorbeeld B",
    ):
        assert text in main, text
    assert "Concept C" not in main
    assert [
        (str(groep["label"]), [i.naam for i in groep["items"]]) for groep in response.context["groepen"]
    ] == [
        ("woonvormen", ["Woonvorm A"]),
        ("praktijkvoorbeelden", ["Voorbeeld B"]),
    ]
    assert "/woonvormen/?contractvorm=omklapconstructie" in hrefs(main)


def test_a_woonzorgconcept_page_shows_its_dimensions_in_words_and_its_lessons(client):
    concept = make_woonzorgconcept(
        naam="Geclusterd wonen",
        dimensie_begeleiding="nabij",
        dimensie_woonduur="langer",
        dimensie_samenleven="collectief",
        lessen="Begin klein\nBetrek de buurt",
    )
    make_praktijkvoorbeeld(naam="De Hof", woonzorgconcepten=[concept])
    main = main_of(client.get(concept.get_absolute_url()))
    for text in (
        "Dichtbij, op vaste momenten",
        "Langer durend",
        "Meer collectief",
        "Betrek de buurt",
        "De Hof",
    ):
        assert text in main, text


def test_an_organisation_page_lists_its_published_items_with_its_role_in_each(client):
    organisatie = make_organisatie(
        naam="Talis", website="https://www.talis.nl", plaats=make_plaats(naam="Nijmegen")
    )
    woonvorm = make_woonvorm(naam="Binder")
    hidden = make_praktijkvoorbeeld(naam="Verborgen", status=Status.CONCEPT)
    for rol in (OrganisatieRol.Rol.VERHUURDER, OrganisatieRol.Rol.FINANCIER):
        OrganisatieRol.objects.create(organisatie=organisatie, woonvorm=woonvorm, rol=rol)
    OrganisatieRol.objects.create(
        organisatie=organisatie, praktijkvoorbeeld=hidden, rol=OrganisatieRol.Rol.PARTNER
    )
    main = main_of(client.get(organisatie.get_absolute_url()))
    assert "Nijmegen" in main and 'href="https://www.talis.nl"' in main
    assert main.count(">Binder</a>") == 1
    assert "verhuurder of eigenaar, financier" in main
    assert "Verborgen" not in main
    assert "/woonvormen/?organisatie=" + organisatie.slug in hrefs(main)


def test_a_place_page_lists_items_and_organisations_there(client):
    plaats = make_plaats(naam="Zwolle", provincie=Plaats.Provincie.OVERIJSSEL)
    make_organisatie(naam="Gemeente Zwolle", plaats=plaats)
    make_succesversneller(naam="Zwols fonds", plaatsen=[plaats])
    make_woonvorm(naam="Zwols concept", plaatsen=[plaats], status=Status.CONCEPT)
    main = main_of(client.get(plaats.get_absolute_url()))
    assert "Overijssel" in main and "Gemeente Zwolle" in main and "Zwols fonds" in main
    assert "Zwols concept" not in main


def test_a_bron_page_lists_the_items_that_cite_it_and_links_to_each_list_filtered_on_it(client):
    bron = make_bron(slug="vng-bundel", naam="VNG-bundel", uitgever="VNG", jaar=2015)
    make_woonvorm(naam="Uit de bundel", bron=bron)
    make_woonvorm(naam="Uit een ander boek")
    make_praktijkvoorbeeld(naam="Voorbeeld uit de bundel", bron=bron)
    make_contractvorm(naam="Huurzorgcontract", bron=bron)
    main = main_of(client.get(bron.get_absolute_url()))
    assert "VNG" in main and "2015" in main and "Huurzorgcontract" in main
    assert "Uit de bundel" in main and "Voorbeeld uit de bundel" in main
    links = hrefs(main)
    assert "/praktijkvoorbeelden/?bron=vng-bundel" in links
    assert "/woonvormen/?bron=vng-bundel" in links
    assert not any(link.startswith("/succesversnellers/") for link in links), "no succesversnellers cite it"
    listed = main_of(client.get("/woonvormen/?bron=vng-bundel"))
    assert "Uit de bundel" in listed and "Uit een ander boek" not in listed
    assert "VNG-bundel" in listed, "the list names the chosen bron"


def test_an_organisation_of_many_items_shows_the_first_by_name_with_its_roles_and_links_to_all(client):
    organisatie = make_organisatie(naam="Talis", slug="talis")
    many = ITEMS_SHOWN + 2
    for n in reversed(range(many)):
        woonvorm = make_woonvorm(naam=f"Woonvorm {n:02}")
        for rol in (OrganisatieRol.Rol.VERHUURDER, OrganisatieRol.Rol.FINANCIER):
            OrganisatieRol.objects.create(organisatie=organisatie, woonvorm=woonvorm, rol=rol)
    concept = make_woonvorm(naam="Woonvorm 00 in concept", status=Status.CONCEPT)
    OrganisatieRol.objects.create(organisatie=organisatie, woonvorm=concept, rol=OrganisatieRol.Rol.PARTNER)
    elders = make_woonvorm(naam="Woonvorm 00 van een ander")
    OrganisatieRol.objects.create(
        organisatie=make_organisatie(), woonvorm=elders, rol=OrganisatieRol.Rol.PARTNER
    )
    voorbeeld = make_praktijkvoorbeeld(naam="Enig voorbeeld")
    OrganisatieRol.objects.create(
        organisatie=organisatie, praktijkvoorbeeld=voorbeeld, rol=OrganisatieRol.Rol.CONTACT
    )
    response = client.get(organisatie.get_absolute_url())
    main = main_of(response)
    assert response.context["aantal_items"] == many + 1
    names = re.findall(r'class="utrecht-link item-group__name" href="[^"]+">([^<]+)</a>', main)
    assert names == [*(f"Woonvorm {n:02}" for n in range(ITEMS_SHOWN)), "Enig voorbeeld"]
    assert main.count("(verhuurder of eigenaar, financier)") == ITEMS_SHOWN
    assert "(contact)" in main and "samenwerkingspartner" not in main
    assert f"Woonvormen ({many})" in main
    assert f"De eerste {ITEMS_SHOWN} van {many}, op naam." in main
    assert f"Bekijk alle {many} woonvormen in de lijst" in main
    assert "/woonvormen/?organisatie=talis" in hrefs(main)
    assert "Praktijkvoorbeelden (1)" in main and "Bekijk deze praktijkvoorbeelden in de lijst" in main
    assert "Succesversnellers" not in main


@pytest.mark.parametrize(
    "maker, relation",
    [(make_doelgroep, "doelgroepen"), (make_woonsituatie, "woonsituaties"), (make_plaats, "plaatsen")],
)
def test_a_vocabulary_page_without_published_items_says_so(client, maker, relation):
    term = maker()
    make_woonvorm(status=Status.CONCEPT, **{relation: [term]})
    response = client.get(term.get_absolute_url())
    assert response.context["aantal_items"] == 0
    assert "Er zijn nog geen gepubliceerde items" in main_of(response)


def test_a_term_of_many_items_shows_the_first_by_name_and_links_to_all_of_them(client):
    jongeren = make_doelgroep(naam="Jongeren", slug="jongeren")
    many = ITEMS_SHOWN + 3
    for n in reversed(range(many)):
        make_woonvorm(naam=f"Woonvorm {n:02}", doelgroepen=[jongeren])
    make_woonvorm(naam="Woonvorm 00 in concept", doelgroepen=[jongeren], status=Status.CONCEPT)
    make_praktijkvoorbeeld(naam="Enig voorbeeld", doelgroepen=[jongeren])
    response = client.get(jongeren.get_absolute_url())
    main = main_of(response)
    assert response.context["aantal_items"] == many + 1
    names = re.findall(r'class="utrecht-link item-group__name" href="[^"]+">([^<]+)</a>', main)
    assert names == [*(f"Woonvorm {n:02}" for n in range(ITEMS_SHOWN)), "Enig voorbeeld"]
    assert f"Woonvormen ({many})" in main
    assert f"De eerste {ITEMS_SHOWN} van {many}, op naam." in main
    assert f"Bekijk alle {many} woonvormen in de lijst" in main
    assert "/woonvormen/?doelgroep=jongeren" in hrefs(main)
    # A kind with no more items than the page shows says nothing of a first part.
    assert "Praktijkvoorbeelden (1)" in main and "De eerste 1 " not in main
    assert "Bekijk deze praktijkvoorbeelden in de lijst" in main


VOCABULARY_INDEXES = [
    ("website:doelgroep-index", make_doelgroep, "doelgroepen"),
    ("website:contractvorm-index", make_contractvorm, "contractvormen"),
    ("website:woonsituatie-index", make_woonsituatie, "woonsituaties"),
    ("website:woonzorgconcept-index", make_woonzorgconcept, "woonzorgconcepten"),
    ("website:plaats-index", make_plaats, "plaatsen"),
]


@pytest.mark.parametrize("url_name, maker, relation", VOCABULARY_INDEXES)
def test_an_index_lists_every_term_with_its_count_of_published_items(client, url_name, maker, relation):
    used = maker(naam="Gebruikt")
    maker(naam="Ongebruikt")
    make_woonvorm(**{relation: [used]})
    make_woonvorm(**{relation: [used]})
    make_woonvorm(status=Status.CONCEPT, **{relation: [used]})
    response = client.get(reverse(url_name))
    counts = {str(term): term.aantallen[0]["aantal"] for term in response.context["terms"]}
    assert counts == {"Gebruikt": 2, "Ongebruikt": 0}
    assert str(response.context["terms"][0].aantallen[0]["label"]) == "woonvormen"


def test_the_organisation_and_bron_indexes_count_published_items(client):
    organisatie = make_organisatie(naam="Talis")
    bron = make_bron(naam="Receptenboek")
    woonvorm = make_woonvorm(bron=bron)
    make_woonvorm(bron=bron, status=Status.CONCEPT)
    for rol in (OrganisatieRol.Rol.VERHUURDER, OrganisatieRol.Rol.FINANCIER):
        OrganisatieRol.objects.create(organisatie=organisatie, woonvorm=woonvorm, rol=rol)
    [term] = client.get(reverse("website:organisatie-index")).context["terms"]
    assert term.totaal == 1, "two roles in one item count that item once"
    terms = client.get(reverse("website:bron-index")).context["terms"]
    assert {str(t): t.totaal for t in terms}[bron.naam] == 1


def test_the_waaier_shows_every_type_with_its_three_dimensions_in_words(client):
    make_woonzorgconcept(naam="Prikkelarm wonen", dimensie_begeleiding="24_uur", dimensie_woonduur="langer")
    make_woonzorgconcept(naam="Respijt", dimensie_woonduur="korter", dimensie_samenleven="individueel")
    main = main_of(client.get(reverse("website:woonzorgconcept-index")))
    rows = re.findall(r"<tr class=\"utrecht-table__row\">(.*?)</tr>", main, re.S)[1:]
    assert len(rows) == 2
    assert "Prikkelarm wonen" in rows[0] and "24 uur beschikbaar" in rows[0] and "langer durend" in rows[0]
    assert "Respijt" in rows[1] and "korter durend" in rows[1] and "meer individueel" in rows[1]


VOCABULARY_PAGES = [
    (make_doelgroep, "doelgroepen", 4),
    (make_contractvorm, "contractvormen", 3),
    (make_woonsituatie, "woonsituaties", 3),
    (make_woonzorgconcept, "woonzorgconcepten", 3),
    (make_plaats, "plaatsen", 5),
]


@pytest.mark.parametrize("size", [1, 5])
@pytest.mark.parametrize("maker, relation, queries", VOCABULARY_PAGES)
def test_a_vocabulary_page_needs_the_same_queries_whatever_its_size(
    client, django_assert_num_queries, maker, relation, queries, size
):
    term = maker()
    for _n in range(size):
        make_woonvorm(**{relation: [term]})
        make_praktijkvoorbeeld(**{relation: [term]})
        if relation == "plaatsen":
            make_organisatie(plaats=term)
    with django_assert_num_queries(queries):
        assert client.get(term.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("size", [1, ITEMS_SHOWN + 1])
def test_organisation_and_bron_pages_need_the_same_queries_whatever_their_size(
    client, django_assert_num_queries, size
):
    organisatie = make_organisatie()
    bron = make_bron()
    for _n in range(size):
        for item in (
            make_woonvorm(bron=bron),
            make_succesversneller(bron=bron),
            make_praktijkvoorbeeld(bron=bron),
        ):
            OrganisatieRol.objects.create(
                organisatie=organisatie, rol=OrganisatieRol.Rol.PARTNER, **{item._meta.model_name: item}
            )
    # The organisation with its counts; per kind its first items, and their roles.
    with django_assert_num_queries(7):
        assert client.get(organisatie.get_absolute_url()).status_code == 200
    # The bron with its counts, per kind its first items, and its contractvormen and woonzorgconcepten.
    with django_assert_num_queries(6):
        assert client.get(bron.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("size", [1, 5])
@pytest.mark.parametrize("url_name, maker, relation", VOCABULARY_INDEXES)
def test_an_index_needs_one_query_whatever_its_size(
    client, django_assert_num_queries, url_name, maker, relation, size
):
    for _n in range(size):
        make_woonvorm(**{relation: [maker()]})
    with django_assert_num_queries(1):
        assert client.get(reverse(url_name)).status_code == 200
