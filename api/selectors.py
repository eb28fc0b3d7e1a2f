"""What the API reads: the same published items, FilterSets and annotations as the pages
(website/selectors.py), with the relations a representation shows fetched in advance, so a list needs the
same number of queries whatever its length."""

from django.db.models import Prefetch, Q

from assessment.models import Beoordeling, LeidendPrincipe, Score, Toetspunt
from catalogue.kinds import BY_MODEL
from catalogue.models import Doelgroep, OrganisatieRol, Plaats, Status, Succesversneller
from catalogue.personal_data import visible_contacts
from routekaart.models import ChecklistItem, Fase, Hulpmiddel
from website import selectors


def vastgestelde_beoordelingen():
    """Vastgestelde beoordelingen with their scores in the order of the toetspunten and their sources: three
    queries."""
    scores = Score.objects.select_related("toetspunt").order_by("toetspunt__volgorde")
    return Beoordeling.objects.vastgesteld().prefetch_related(Prefetch("scores", queryset=scores), "bronnen")


def list_rows(queryset):
    """Published items of one kind (website.selectors.published_items) with what a list row shows."""
    return queryset.prefetch_related(Prefetch("plaatsen", queryset=Plaats.objects.only("slug", "naam")))


def item_details(model):
    """Published items of one kind with everything their full representation shows. Contacts are read as
    a visitor may see them (catalogue/personal_data.py), whoever asks."""
    kind = BY_MODEL[model]
    related = [
        Prefetch("doelgroepen", queryset=Doelgroep.objects.only("slug", "naam", "soort")),
        "plaatsen",
        Prefetch("organisatierollen", queryset=OrganisatieRol.objects.select_related("organisatie")),
        Prefetch("contactpersonen", queryset=visible_contacts()),
        "links",
    ]
    if kind.woonkenmerken:
        related += ["contractvormen", "woonsituaties", "woonzorgconcepten"]
    if kind.scored:
        related.append(
            Prefetch("beoordelingen", queryset=vastgestelde_beoordelingen(), to_attr="vastgestelde")
        )
    if model is Succesversneller:
        related += ["typen", "bijdragen"]
    return model.objects.published().select_related("bron", "initiatief").prefetch_related(*related)


def item_filterset(model, data):
    """The public list's FilterSet (website/filters.py), bound to the API's query."""
    return selectors.item_filterset(model, data)


def item_status(model, slug):
    """The status of the item with this slug, or None when there is none."""
    return model.objects.filter(slug=slug).values_list("status", flat=True).first()


def published_item_q(prefix=""):
    """A condition: the item of a beoordeling (woonvorm or praktijkvoorbeeld) is published."""
    return Q(**{f"{prefix}woonvorm__status": Status.GEPUBLICEERD}) | Q(
        **{f"{prefix}praktijkvoorbeeld__status": Status.GEPUBLICEERD}
    )


def public_beoordelingen():
    """Vastgestelde beoordelingen of published items, with their item and scores."""
    return (
        vastgestelde_beoordelingen()
        .filter(published_item_q())
        .select_related("woonvorm", "praktijkvoorbeeld")
    )


def term_counts(model, item_field, kinds):
    """Terms of a vocabulary, each annotated with the number of published items of every kind that use it
    (aantal_<kind>), one subquery per kind (website.selectors.published_count)."""
    return model.objects.annotate(
        **{f"aantal_{kind.key}": selectors.published_count(kind.model, item_field) for kind in kinds}
    )


def toetspunten():
    return Toetspunt.objects.prefetch_related("principes")


def principes():
    return LeidendPrincipe.objects.prefetch_related(Prefetch("toetspunten", queryset=Toetspunt.objects.all()))


def fasen():
    return Fase.objects.all()


def fase_details():
    items = ChecklistItem.objects.only("slug", "tekst", "volgorde", "fase_id").order_by("volgorde", "pk")
    tools = Hulpmiddel.objects.select_related("woonvorm", "succesversneller", "praktijkvoorbeeld")
    return Fase.objects.prefetch_related(
        "rollen", Prefetch("hulpmiddelen", queryset=tools), Prefetch("checklistitems", queryset=items)
    )


def checklistpunten():
    return ChecklistItem.objects.select_related("fase").order_by("fase__nummer", "volgorde", "pk")
