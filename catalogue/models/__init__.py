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
    "Organisatie",
    "OrganisatieRol",
    "Plaats",
    "Praktijkvoorbeeld",
    "Status",
    "Succesversneller",
    "SuccesversnellerType",
    "Woonsituatie",
    "Woonvorm",
    "Woonzorgconcept",
]
