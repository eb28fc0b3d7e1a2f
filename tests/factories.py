"""Small helpers that create valid rows for tests; every argument can be overridden."""

import itertools
from datetime import date

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from assessment.models import Beoordeling, LeidendPrincipe, Score, Scoring, ScoringScore, Toetspunt
from catalogue.models import (
    Bijdrage,
    Bron,
    Contactpersoon,
    Contractvorm,
    Doelgroep,
    Initiatief,
    Link,
    LinkControle,
    Organisatie,
    OrganisatieRol,
    Plaats,
    Praktijkvoorbeeld,
    Status,
    Succesversneller,
    SuccesversnellerType,
    Wijziging,
    Woonsituatie,
    Woonvorm,
    Woonzorgconcept,
)
from routekaart.models import ChecklistItem, Fase, FaseRol, Hulpmiddel

_numbers = itertools.count(1)


def _slug(prefix):
    return f"{prefix}-{next(_numbers)}"


def make_bron(**fields):
    slug = fields.pop("slug", _slug("bron"))
    return Bron.objects.create(slug=slug, naam=fields.pop("naam", f"Bron {slug}"), **fields)


def make_doelgroep(**fields):
    slug = fields.pop("slug", _slug("doelgroep"))
    fields.setdefault("soort", Doelgroep.Soort.PROFIEL)
    return Doelgroep.objects.create(slug=slug, naam=fields.pop("naam", f"Doelgroep {slug}"), **fields)


def make_contractvorm(**fields):
    slug = fields.pop("slug", _slug("contractvorm"))
    return Contractvorm.objects.create(slug=slug, naam=fields.pop("naam", f"Contract {slug}"), **fields)


def make_woonsituatie(**fields):
    slug = fields.pop("slug", _slug("woonsituatie"))
    return Woonsituatie.objects.create(slug=slug, naam=fields.pop("naam", f"Woonsituatie {slug}"), **fields)


def make_woonzorgconcept(**fields):
    slug = fields.pop("slug", _slug("woonzorgconcept"))
    return Woonzorgconcept.objects.create(slug=slug, naam=fields.pop("naam", f"Concept {slug}"), **fields)


def make_plaats(**fields):
    slug = fields.pop("slug", _slug("plaats"))
    fields.setdefault("provincie", Plaats.Provincie.UTRECHT)
    return Plaats.objects.create(slug=slug, naam=fields.pop("naam", f"Plaats {slug}"), **fields)


def make_organisatie(**fields):
    slug = fields.pop("slug", _slug("organisatie"))
    return Organisatie.objects.create(slug=slug, naam=fields.pop("naam", f"Organisatie {slug}"), **fields)


def _make_item(model, prefix, fields):
    slug = fields.pop("slug", _slug(prefix))
    many = {name: fields.pop(name) for name in list(fields) if isinstance(fields[name], list | tuple)}
    fields.setdefault("bron", make_bron() if "bron" not in fields else fields["bron"])
    fields.setdefault("status", Status.GEPUBLICEERD)
    fields.setdefault("samenvatting", f"Samenvatting van {slug}.")
    item = model.objects.create(slug=slug, naam=fields.pop("naam", f"{prefix.title()} {slug}"), **fields)
    for name, values in many.items():
        getattr(item, name).set(values)
    return item


def make_woonvorm(**fields):
    return _make_item(Woonvorm, "woonvorm", fields)


def make_succesversneller(**fields):
    return _make_item(Succesversneller, "succesversneller", fields)


def make_praktijkvoorbeeld(**fields):
    return _make_item(Praktijkvoorbeeld, "praktijkvoorbeeld", fields)


def make_principe(**fields):
    nummer = fields.pop("nummer", next(_numbers))
    return LeidendPrincipe.objects.create(
        nummer=nummer,
        slug=fields.pop("slug", f"principe-{nummer}"),
        naam=fields.pop("naam", "Principe"),
        **fields,
    )


def make_toetspunt(code, **fields):
    fields.setdefault("soort", Toetspunt.Soort.KERN if code.startswith("T") else Toetspunt.Soort.AANVULLEND)
    fields.setdefault("volgorde", int(code[1:]) + (0 if code.startswith("T") else 7))
    return Toetspunt.objects.create(
        code=code, slug=code.lower(), naam=fields.pop("naam", f"Toetspunt {code}"), **fields
    )


def make_toetsingskader():
    """The ten toetspunten T1–T7 and A1–A3."""
    return [make_toetspunt(f"T{n}") for n in range(1, 8)] + [make_toetspunt(f"A{n}") for n in range(1, 4)]


def make_beoordeling(*, woonvorm=None, praktijkvoorbeeld=None, scores=None, **fields):
    """A beoordeling; `scores` maps a toetspunt code to a waarde."""
    fields.setdefault("slug", _slug("beoordeling"))
    fields.setdefault("datum", date(2026, 1, 1))
    fields.setdefault("beoordelaar", "Werkgroep Wonen Eerst, receptenboek")
    fields.setdefault("status", Beoordeling.Status.VASTGESTELD)
    if woonvorm is None and praktijkvoorbeeld is None:
        woonvorm = make_woonvorm()
    beoordeling = Beoordeling.objects.create(woonvorm=woonvorm, praktijkvoorbeeld=praktijkvoorbeeld, **fields)
    for code, waarde in (scores or {}).items():
        Score.objects.create(
            beoordeling=beoordeling,
            toetspunt=Toetspunt.objects.get(code=code),
            waarde=waarde,
            toelichting=f"Bewijs voor {code}.",
        )
    return beoordeling


def make_user(
    username="beheerder", *, superuser=False, staff=None, groups=(), password="geheim-wachtwoord-123"
):
    user = get_user_model().objects.create_user(
        username=username,
        password=password,
        is_superuser=superuser,
        is_staff=superuser if staff is None else staff,
    )
    for group in groups:
        user.groups.add(group)
    return user


def make_persona(role):
    """A staff member in one of the role groups (Redacteur, Beoordelaar, Beheerder)."""
    return make_user(role.lower(), staff=True, groups=[Group.objects.get(name=role)])


def make_one_of_everything():
    """At least one row of every model that has an admin page, linked the way real content is."""
    make_user("bestaande-gebruiker")
    make_toetsingskader()
    make_principe()
    organisatie = make_organisatie(plaats=make_plaats())
    woonvorm = make_woonvorm(
        contractvormen=[make_contractvorm()],
        woonsituaties=[make_woonsituatie()],
        doelgroepen=[make_doelgroep()],
    )
    woonvorm.woonzorgconcepten.add(make_woonzorgconcept())
    make_succesversneller()
    _make_version_scored_by_two(make_praktijkvoorbeeld())
    OrganisatieRol.objects.create(woonvorm=woonvorm, organisatie=organisatie, rol=OrganisatieRol.Rol.PARTNER)
    Contactpersoon.objects.create(woonvorm=woonvorm, naam="Anna", organisatie=organisatie)
    Link.objects.create(woonvorm=woonvorm, url="https://example.org/")
    LinkControle.objects.create(
        url="https://example.org/", status="ok", http_code=200, gecontroleerd_op=timezone.now()
    )
    Wijziging.objects.create(woonvorm=woonvorm, soort=Wijziging.Soort.NIEUW, titel="Nieuw: een woonvorm")
    make_beoordeling(woonvorm=woonvorm, scores={"T1": Score.Waarde.VOLDOET})
    Initiatief.objects.create(slug="housing-first", naam="Housing First")
    SuccesversnellerType.objects.create(slug="training", naam="Training")
    Bijdrage.objects.create(slug="herstel", naam="Herstelgerichte ondersteuning")
    fase = Fase.objects.create(nummer=1, slug="orientatie", naam="Oriëntatie", doel="Doel", niveau="lokaal")
    FaseRol.objects.create(fase=fase, partij=FaseRol.Partij.GEMEENTE, taken="Regie")
    Hulpmiddel.objects.create(fase=fase, titel="Receptenboek", woonvorm=woonvorm)
    ChecklistItem.objects.create(fase=fase, slug="f1-1", tekst="Eerste punt")
    return woonvorm


def _make_version_scored_by_two(praktijkvoorbeeld):
    """A new version of a beoordeling whose two independent scorings are both submitted."""
    version = make_beoordeling(praktijkvoorbeeld=praktijkvoorbeeld, status=Beoordeling.Status.CONCEPT)
    for name in ("scorer-een", "scorer-twee"):
        scoring = Scoring.objects.create(
            beoordeling=version, beoordelaar=make_user(name, staff=True), ingediend_op=timezone.now()
        )
        ScoringScore.objects.create(
            scoring=scoring,
            toetspunt=Toetspunt.objects.get(code="T1"),
            waarde=Score.Waarde.VOLDOET,
            toelichting="Bewijs.",
        )
    return version


def make_fase(nummer=1, *, items=0, **fields):
    """A phase of the routekaart with `items` checklist items coded f<nummer>-1, f<nummer>-2, …"""
    fields.setdefault("slug", f"fase-{nummer}")
    fields.setdefault("naam", f"Fase {nummer}")
    fields.setdefault("doel", f"Doel van fase {nummer}.")
    fields.setdefault("niveau", Fase.Niveau.LOKAAL)
    fase = Fase.objects.create(nummer=nummer, **fields)
    for volgorde in range(1, items + 1):
        ChecklistItem.objects.create(
            fase=fase,
            slug=f"f{nummer}-{volgorde}",
            tekst=f"Punt {volgorde} van fase {nummer}.",
            volgorde=volgorde,
        )
    return fase
