from catalogue.models.base import JaNeeOnbekend
from catalogue.models.children import Contactpersoon, Link, OrganisatieRol
from catalogue.models.items import (
    ITEM_MODELS,
    Begeleiding,
    Leeftijdsgroep,
    Praktijkvoorbeeld,
    Status,
    Succesversneller,
    Woonvorm,
)
from catalogue.models.linkcontroles import LinkControle
from catalogue.models.vocabularies import (
    Bijdrage,
    Bron,
    Contractvorm,
    Doelgroep,
    Initiatief,
    Organisatie,
    Plaats,
    SuccesversnellerType,
    Woonsituatie,
    Woonzorgconcept,
)
from catalogue.models.werkversies import Werkversie
from catalogue.models.wijzigingen import Wijziging

__all__ = [
    "ITEM_MODELS",
    "Begeleiding",
    "Bijdrage",
    "Bron",
    "Contactpersoon",
    "Contractvorm",
    "Doelgroep",
    "Initiatief",
    "JaNeeOnbekend",
    "Leeftijdsgroep",
    "Link",
    "LinkControle",
    "Organisatie",
    "OrganisatieRol",
    "Plaats",
    "Praktijkvoorbeeld",
    "Status",
    "Succesversneller",
    "SuccesversnellerType",
    "Wijziging",
    "Werkversie",
    "Woonsituatie",
    "Woonvorm",
    "Woonzorgconcept",
]
