"""schema.org JSON-LD of a catalogue item, embedded in its page so search engines and other catalogues can
read what the item is, for whom, where, from which source and how it scores on Wonen Eerst.

It is the same for every visitor, so it is made once per catalogue generation (core/cache.py) and host.
"""

import json

from django.conf import settings
from django.db.models import Prefetch
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from assessment.models import Score
from assessment.scoring import summary_of_scores
from catalogue.kinds import kind_of
from catalogue.models import OrganisatieRol
from core.cache import cached

SITE_NAME = "Wonen Eerst receptenbank"
# In a <script> element, these would end it or start markup: written as JSON escapes instead.
SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def _source(bron):
    source = {"@type": "CreativeWork", "name": bron.naam}
    if bron.uitgever:
        source["publisher"] = {"@type": "Organization", "name": bron.uitgever}
    if bron.jaar:
        source["datePublished"] = str(bron.jaar)
    if bron.url:
        source["url"] = bron.url
    return source


def _review(item, absolute):
    """The vastgestelde beoordeling as a schema.org Review, rated by its Wonen Eerst percentage."""
    scores = Score.objects.select_related("toetspunt")
    beoordeling = (
        item.beoordelingen.vastgesteld().prefetch_related(Prefetch("scores", queryset=scores)).first()
    )
    if beoordeling is None:
        return None
    summary = summary_of_scores(list(beoordeling.scores.all()))
    if summary.percentage is None:
        return None
    return {
        "@type": "Review",
        "name": str(_("Toetsing aan Wonen Eerst")),
        "url": absolute(item.get_absolute_url()) + "#toetsing",
        "author": {"@type": "Organization", "name": beoordeling.beoordelaar},
        "datePublished": beoordeling.datum.isoformat(),
        "reviewBody": beoordeling.samenvatting or str(summary.tekst),
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": summary.percentage,
            "bestRating": 100,
            "worstRating": 0,
            "ratingExplanation": str(summary.tekst),
        },
    }


def describe(item, absolute):
    """The schema.org description of a published item; `absolute` makes an address absolute."""
    kind = kind_of(item)
    related = [
        "doelgroepen",
        "plaatsen",
        Prefetch("organisatierollen", queryset=OrganisatieRol.objects.select_related("organisatie")),
    ]
    if kind.woonkenmerken:
        related += ["contractvormen", "woonzorgconcepten"]
    item = type(item).objects.select_related("bron").prefetch_related(*related).get(pk=item.pk)
    url = absolute(item.get_absolute_url())
    keywords = [doelgroep.naam for doelgroep in item.doelgroepen.all()]
    if kind.woonkenmerken:
        keywords += [term.naam for term in (*item.contractvormen.all(), *item.woonzorgconcepten.all())]
    organisations = {rol.organisatie_id: rol.organisatie for rol in item.organisatierollen.all()}
    data = {
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "@id": f"{url}#item",
        "url": url,
        "name": item.naam,
        "description": item.samenvatting or item.naam,
        "genre": str(kind.label),
        "inLanguage": "nl",
        "dateCreated": item.created.isoformat(),
        "dateModified": item.updated.isoformat(),
        "keywords": keywords,
        "audience": [
            {"@type": "Audience", "audienceType": doelgroep.naam} for doelgroep in item.doelgroepen.all()
        ],
        "spatialCoverage": [
            {
                "@type": "Place",
                "name": plaats.naam,
                "containedInPlace": {"@type": "AdministrativeArea", "name": plaats.get_provincie_display()},
            }
            for plaats in item.plaatsen.all()
        ],
        "mentions": [
            {
                "@type": "Organization",
                "name": organisation.naam,
                **({"url": organisation.website} if organisation.website else {}),
            }
            for organisation in organisations.values()
        ],
        "isBasedOn": _source(item.bron),
        "isPartOf": {"@type": "WebSite", "name": SITE_NAME, "url": absolute(reverse("website:home"))},
        "license": settings.API_LICENSE["url"],
    }
    if item.beschrijving:
        data["abstract"] = item.beschrijving
    if kind.scored and (review := _review(item, absolute)):
        data["review"] = review
    return data


def item_json_ld(item, request):
    """The JSON-LD of a published item as text for a <script type="application/ld+json"> element."""

    def render():
        text = json.dumps(describe(item, request.build_absolute_uri), ensure_ascii=False, indent=None)
        return text.translate(SCRIPT_ESCAPES)

    key = f"jsonld:{request.get_host()}:{item._meta.label_lower}:{item.pk}"
    return mark_safe(cached(key, render))
