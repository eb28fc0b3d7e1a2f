"""Building the test catalogue: places and organisations, items with their related rows, and assessments."""

import random
from collections import Counter
from datetime import timedelta

from assessment.models import Beoordeling, Score, Toetspunt
from benchmarks.testcatalogus.distributions import STATUS, RealContent, Weights, counted, zipf
from benchmarks.testcatalogus.tables import (
    ASSESSED_SHARE,
    ATTENTION,
    BATCH,
    EARLIER_ASSESSMENT_SHARE,
    ELEMENTS,
    EVIDENCE,
    GEMEENTEN,
    ITEM_NAMES,
    ORGANISATIES,
    ORGANISATION_NAMES,
    PREFIX,
    SENTENCES,
    TODAY,
)
from catalogue.models import (
    Bron,
    Contactpersoon,
    Doelgroep,
    Link,
    Organisatie,
    OrganisatieRol,
    Plaats,
    Praktijkvoorbeeld,
)


class Generator:
    """Draws every row from one random number generator, so the same seed and start give the same rows."""

    def __init__(self, *, seed, start):
        # A second run on the same database starts from a different point, so it adds different items.
        self.rng = random.Random(f"{seed}-{start}")

    # Places and organisations ------------------------------------------------------------------------------

    def ensure_places(self):
        """Top the real places up to a national set, spread over the provinces like the real ones."""
        used = Counter(Plaats.objects.exclude(slug__startswith=PREFIX).values_list("provincie", flat=True))
        provinces = Weights(
            {
                value: used[value] + 1
                for value in Plaats.Provincie.values
                if value != Plaats.Provincie.BUITENLAND
            }
        )
        missing = max(0, GEMEENTEN - Plaats.objects.exclude(slug__startswith=PREFIX).count())
        Plaats.objects.bulk_create(
            [
                Plaats(
                    slug=f"{PREFIX}plaats-{index:03d}",
                    naam=f"Testplaats {index:03d}",
                    provincie=provinces.one(self.rng),
                )
                for index in range(1, missing + 1)
            ],
            ignore_conflicts=True,
        )

    def ensure_organisations(self):
        """A gemeente for every synthetic place, and a fixed number of other organisations per soort."""
        new = [
            Organisatie(
                slug=f"{PREFIX}gemeente-{plaats.slug}",
                naam=f"Gemeente {plaats.naam}",
                soort=Organisatie.Soort.GEMEENTE,
                plaats=plaats,
            )
            for plaats in Plaats.objects.filter(slug__startswith=PREFIX)
        ]
        places = list(Plaats.objects.order_by("pk").values_list("pk", flat=True))
        for soort, number in ORGANISATIES.items():
            new.extend(
                Organisatie(
                    slug=f"{PREFIX}{soort}-{index:03d}",
                    naam=ORGANISATION_NAMES[soort].format(index),
                    soort=soort,
                    plaats_id=self.rng.choice(places),
                )
                for index in range(1, number + 1)
            )
        Organisatie.objects.bulk_create(new, ignore_conflicts=True)

    def load_network(self):
        """Places and organisations in a shuffled order of popularity, and the gemeente of every place."""
        places = list(Plaats.objects.order_by("pk").values_list("pk", "naam"))
        self.rng.shuffle(places)
        self.places = zipf([pk for pk, _naam in places])
        self.place_names = dict(places)
        organisations = list(Organisatie.objects.order_by("pk").values_list("pk", "naam", "soort", "plaats"))
        self.rng.shuffle(organisations)
        self.organisations = zipf([pk for pk, *_rest in organisations])
        self.organisation_names = {pk: naam for pk, naam, _soort, _plaats in organisations}
        self.gemeente_of_place = {
            plaats: pk for pk, _naam, soort, plaats in organisations if soort == Organisatie.Soort.GEMEENTE
        }
        self.doelgroep_names = dict(Doelgroep.objects.values_list("pk", "naam"))

    # Items -------------------------------------------------------------------------------------------------

    def items(self, model, number):
        """`number` more items of one kind, in batches, with their related rows."""
        real = RealContent(model)
        many = [f.name for f in model._meta.many_to_many if f.name != "plaatsen"]
        profile = {
            "terms": {field: real.term_weights(field) for field in many},
            "sizes": {
                field: real.sizes(field)
                for field in [*many, "plaatsen", "organisatierollen", "contactpersonen", "links"]
            },
            "bron": counted(real.values("bron"), Bron.objects.values_list("pk", flat=True).first()),
            "choices": {
                field: real.choice_weights(field)
                for field in ("begeleiding", "leeftijdsgroep", "benut_leegstand")
                if hasattr(model, field)
            },
            # Both counts of one real item together: a synthetic item never has more places than homes.
            "aantallen": (
                list(real.real.values("aantal_woningen", "aantal_plekken_doelgroep"))
                if hasattr(model, "aantal_woningen")
                else []
            ),
            "rollen": counted(
                OrganisatieRol.objects.values_list("rol", flat=True), OrganisatieRol.Rol.PARTNER
            ),
            "links": counted(Link.objects.values_list("soort", flat=True), Link.Soort.WEBSITE),
        }
        first = model.objects.filter(slug__startswith=PREFIX).count() + 1
        created = []
        for offset in range(0, number, BATCH):
            numbers = range(first + offset, first + min(offset + BATCH, number))
            batch = [self.item(model, profile, n) for n in numbers]
            model.objects.bulk_create([item for item, _related in batch])
            self.related(model, profile, batch)
            created.extend(item for item, _related in batch)
        return created

    def item(self, model, profile, number):
        """An unsaved item and the pks of its many-to-many values."""
        rng = self.rng
        sizes = profile["sizes"]
        related = {
            field: weights.some(rng, rng.choice(sizes[field])) for field, weights in profile["terms"].items()
        }
        related["plaatsen"] = self.places.some(rng, rng.choice(sizes["plaatsen"]))
        plaats = self.place_names[related["plaatsen"][0] if related["plaatsen"] else self.places.one(rng)]
        doelgroepen = related.get("doelgroepen") or list(self.doelgroep_names)[:1]
        words = {
            "organisatie": self.organisation_names[self.organisations.one(rng)],
            "doelgroep": self.doelgroep_names[doelgroepen[0]].lower() if doelgroepen else "bewoners",
            "plaats": plaats,
        }
        fields = {
            "slug": f"{PREFIX}{model._meta.model_name}-{number:06d}",
            "naam": f"{rng.choice(ITEM_NAMES)} {plaats}",
            "samenvatting": rng.choice(SENTENCES).format(**words),
            "beschrijving": " ".join(rng.sample(SENTENCES, rng.randint(3, 7))).format(**words),
            "werkzame_elementen": "\n".join(rng.sample(ELEMENTS, rng.randint(2, 5))),
            "aandachtselementen": "\n".join(rng.sample(ATTENTION, rng.randint(1, 3))),
            "bron_id": profile["bron"].one(rng),
            "bron_vindplaats": f"p. {rng.randint(4, 120)}",
            "status": STATUS.one(rng),
        }
        fields.update({field: weights.one(rng) for field, weights in profile["choices"].items()})
        if profile["aantallen"]:
            fields.update(rng.choice(profile["aantallen"]))
        if model is Praktijkvoorbeeld:
            fields["startjaar"] = rng.choice([None, None, *range(2005, 2026)])
            fields["lessen"] = "\n".join(rng.sample(ELEMENTS, 2))
        return model(**fields), related

    def related(self, model, profile, batch):
        """Many-to-many rows, organisations with a role, contact points and links of a batch of items."""
        rng = self.rng
        kind = model._meta.model_name
        sizes = profile["sizes"]
        through_rows, rollen, contacten, links = {}, [], [], []
        for item, related in batch:
            for field, pks in related.items():
                through = getattr(model, field).through
                target = model._meta.get_field(field).m2m_reverse_field_name()
                through_rows.setdefault(through, []).extend(
                    through(**{f"{kind}_id": item.pk, f"{target}_id": pk}) for pk in pks
                )
            organisations = self.organisations.some(rng, rng.choice(sizes["organisatierollen"]))
            gemeente = self.gemeente_of_place.get(related["plaatsen"][0]) if related["plaatsen"] else None
            if gemeente and gemeente not in organisations:
                organisations.insert(0, gemeente)
            rollen.extend(
                OrganisatieRol(
                    **{kind: item},
                    organisatie_id=organisatie,
                    rol=profile["rollen"].one(rng),
                    volgorde=position,
                )
                for position, organisatie in enumerate(organisations)
            )
            contacten.extend(
                Contactpersoon(
                    **{kind: item},
                    naam=rng.choice(["", "", f"Contactpersoon {item.pk}"]),
                    organisatie_id=organisations[0] if organisations else None,
                    email=f"contact-{item.pk}@example.org",
                    volgorde=position,
                )
                for position in range(rng.choice(sizes["contactpersonen"]))
            )
            for position in range(rng.choice(sizes["links"])):
                soort = profile["links"].one(rng)
                links.append(
                    Link(
                        **{kind: item},
                        soort=soort,
                        url=f"https://example.org/{item.slug}/{position + 1}",
                        titel=f"{item.naam} ({soort})",
                        spreker_rol="bewoner" if soort == Link.Soort.AUDIOFRAGMENT else "",
                        volgorde=position,
                    )
                )
        for through, rows in through_rows.items():
            through.objects.bulk_create(rows, batch_size=BATCH)
        OrganisatieRol.objects.bulk_create(rollen, batch_size=BATCH)
        Contactpersoon.objects.bulk_create(contacten, batch_size=BATCH)
        Link.objects.bulk_create(links, batch_size=BATCH)

    # Assessments -------------------------------------------------------------------------------------------

    def assessments(self, model, items):
        """A vastgestelde beoordeling scoring every toetspunt for a share of the items, sometimes after an
        earlier one that has lapsed (vervallen). Returns how many items were assessed."""
        rng = self.rng
        kind = model._meta.model_name
        toetspunten = list(Toetspunt.objects.values_list("pk", flat=True))
        real = Counter(
            Score.objects.exclude(beoordeling__slug__startswith=PREFIX).values_list("toetspunt", "waarde")
        )
        waarden = {pk: Weights({w: real[(pk, w)] + 0.5 for w in Score.Waarde.values}) for pk in toetspunten}
        # The first item always, so even the smallest catalogue has an assessed item of each scored kind
        # (the random draw is made for it too, so the rest of the catalogue stays the same).
        share = ASSESSED_SHARE[model]
        chosen = [item for index, item in enumerate(items) if rng.random() < share or index == 0]
        for offset in range(0, len(chosen), BATCH):
            beoordelingen = []
            for item in chosen[offset : offset + BATCH]:
                datum = TODAY - timedelta(days=rng.randint(0, 900))
                if rng.random() < EARLIER_ASSESSMENT_SHARE:
                    earlier = datum - timedelta(days=rng.randint(200, 800))
                    beoordelingen.append(self.beoordeling(kind, item, earlier, Beoordeling.Status.VERVALLEN))
                beoordelingen.append(self.beoordeling(kind, item, datum, Beoordeling.Status.VASTGESTELD))
            Beoordeling.objects.bulk_create(beoordelingen)
            scores = []
            for beoordeling in beoordelingen:
                for pk in toetspunten:
                    waarde = waarden[pk].one(rng)
                    toelichting = "" if waarde == Score.Waarde.ONBEKEND else rng.choice(EVIDENCE)
                    scores.append(
                        Score(
                            beoordeling=beoordeling, toetspunt_id=pk, waarde=waarde, toelichting=toelichting
                        )
                    )
            Score.objects.bulk_create(scores, batch_size=BATCH)
        return len(chosen)

    def beoordeling(self, kind, item, datum, status):
        return Beoordeling(
            **{kind: item},
            slug=f"{PREFIX}beoordeling-{item.slug}-{datum:%Y%m%d}",
            datum=datum,
            beoordelaar="Werkgroep Wonen Eerst (testcatalogus)",
            status=status,
            samenvatting="Synthetische beoordeling voor snelheidsmetingen.",
            ontwikkelpunten="\n".join(self.rng.sample(ATTENTION, 2)),
        )
