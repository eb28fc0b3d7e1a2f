"""The fixed tables the test catalogue is drawn from: sizes that do not grow with N, shares, texts."""

from datetime import date

from catalogue.models import Organisatie, Praktijkvoorbeeld, Woonvorm

PREFIX = "test-"
BATCH = 1000
# The Netherlands has 342 gemeenten (2025); real places are topped up with synthetic ones to that number.
GEMEENTEN = 342
# Synthetic organisations besides one gemeente per synthetic place, per soort.
ORGANISATIES = {
    Organisatie.Soort.WONINGCORPORATIE: 150,
    Organisatie.Soort.ZORGAANBIEDER: 200,
    Organisatie.Soort.WELZIJNSORGANISATIE: 80,
    Organisatie.Soort.KENNISINSTELLING: 10,
    Organisatie.Soort.FONDS: 10,
    Organisatie.Soort.OVERIG: 30,
}
TODAY = date(2026, 1, 1)
ASSESSED_SHARE = {Woonvorm: 0.85, Praktijkvoorbeeld: 0.10}
EARLIER_ASSESSMENT_SHARE = 0.10

ORGANISATION_NAMES = {
    Organisatie.Soort.WONINGCORPORATIE: "Woonstichting {}",
    Organisatie.Soort.ZORGAANBIEDER: "Stichting Zorg {}",
    Organisatie.Soort.WELZIJNSORGANISATIE: "Welzijn {}",
    Organisatie.Soort.KENNISINSTELLING: "Kenniscentrum {}",
    Organisatie.Soort.FONDS: "Fonds {}",
    Organisatie.Soort.OVERIG: "Netwerk {}",
}
ITEM_NAMES = [
    "Opstapwoningen",
    "Kamers met Begeleiding",
    "Thuis in de Wijk",
    "Woongroep",
    "Buurthuisvesting",
    "Eigen Voordeur",
    "Samen Wonen",
    "Tussenwoning",
    "Hof van",
    "Startpunt",
    "Onder Eén Dak",
    "Wonen Eerst",
]
SENTENCES = [
    "Bewoners huren een eigen kamer of woning en krijgen de begeleiding die past bij wat ze zelf willen.",
    "{organisatie} werkt hierin samen met de gemeente en een woningcorporatie.",
    "Het initiatief richt zich op {doelgroep} in {plaats}.",
    "Begeleiders komen langs op afspraak en zijn bereikbaar als het nodig is.",
    "Na een jaar kan het huurcontract op naam van de bewoner komen.",
    "De woningen stonden leeg en zijn opgeknapt voor tijdelijke bewoning.",
    "Een vaste contactpersoon helpt met geld, werk en het contact met instanties.",
    "Bewoners maken samen afspraken over het gebruik van de gedeelde ruimtes.",
    "Ervaringsdeskundigen denken mee over de opzet en de begeleiding.",
    "De gemeente betaalt de begeleiding; de corporatie zorgt voor de woningen.",
    "Er wonen starters en mensen uit de opvang door elkaar.",
    "Wie er woont, bepaalt zelf welke hulp er komt.",
    "Het doel is dat bewoners binnen twee jaar doorstromen naar een gewone woning.",
    "De buurt is vanaf het begin betrokken bij de plannen.",
    "Een huismeester is een paar dagen per week aanwezig.",
    "Jongeren die uit de jeugdzorg komen, krijgen hier een eerste eigen plek.",
]
ELEMENTS = [
    "Een eigen huurcontract",
    "Begeleiding los van het wonen",
    "Een vaste contactpersoon",
    "Gemengd wonen met buurtbewoners",
    "Snel een plek, zonder wachtlijst",
    "Afspraken over doorstroming",
    "Inzet van ervaringsdeskundigen",
    "Samenwerking tussen gemeente, corporatie en zorg",
]
ATTENTION = [
    "Genoeg betaalbare woningen om naar door te stromen",
    "Financiering van de begeleiding na de eerste jaren",
    "Draagvlak in de buurt",
    "Duidelijke afspraken bij overlast",
    "Tijdelijke contracten mogen geen doel op zich worden",
]
EVIDENCE = [
    "Volgens de beschrijving van het initiatief.",
    "Blijkt uit de huurconstructie.",
    "De bron noemt dit expliciet.",
    "Afgeleid uit de werkwijze van de begeleiding.",
]
