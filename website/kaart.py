"""The kaart: where the woonvormen and praktijkvoorbeelden are, per provincie and plaats, drawn as inline SVG.

The outlines and place positions were projected once into website/data/kaart.json (made by
website/data/maak_kaartdata.py; sources and licences in website/data/README.md), so a request only counts
and colours. Counts use the lists' own provincie and plaats filters, so every number is the count of the list
it links to.
"""

import json
from functools import cache
from pathlib import Path

from django.db.models import Count, F
from django.utils.translation import gettext_lazy as _

from catalogue.kinds import BY_KEY, WOONKENMERKEN_KINDS
from catalogue.models import Plaats
from core.cache import cached
from website.filters import ItemFilterSet
from website.kansenkaart import list_url

DATA = Path(__file__).resolve().parent / "data" / "kaart.json"
DEFAULT_KIND = "praktijkvoorbeeld"
# The colour classes of the map: (lowest count, class). The legend shows them in this order.
CLASSES = ((10, 4), (5, 3), (2, 2), (1, 1), (0, 0))
CLASS_LABELS = {0: _("geen"), 1: "1", 2: "2–4", 3: "5–9", 4: _("10 of meer")}


@cache
def drawing():
    """The projected outlines and place positions, read once per process."""
    return json.loads(DATA.read_text(encoding="utf-8"))


def kaart_kind(query):
    """The kind the map colours and links: ?soort=praktijkvoorbeeld (the default) or woonvorm; with the
    message for an unknown value."""
    key = query.get("soort") or DEFAULT_KIND
    if key in BY_KEY and BY_KEY[key] in WOONKENMERKEN_KINDS:
        return BY_KEY[key], []
    return BY_KEY[DEFAULT_KIND], [_("Onbekende soort genegeerd: %(soort)s") % {"soort": key}]


def location_counts():
    """Per kind {"provincie": {provincie: n}, "plaats": {slug: n}, "zonder": n without a plaats} of its
    published items, and every plaats as (slug, naam, provincie); cached until the next edit."""

    def count():
        filters = ItemFilterSet.base_filters
        counts = {}
        for kind in WOONKENMERKEN_KINDS:
            items = kind.model.objects.published().order_by()
            counts[kind.key] = {}
            for name in ("provincie", "plaats"):
                grouped = items.values(waarde=F(filters[name].path)).annotate(
                    aantal=Count("pk", distinct=True)
                )
                counts[kind.key][name] = {
                    g["waarde"]: g["aantal"] for g in grouped if g["waarde"] is not None
                }
            counts[kind.key]["zonder"] = items.filter(plaatsen__isnull=True).count()
        plaatsen = list(Plaats.objects.order_by("naam").values_list("slug", "naam", "provincie"))
        return counts, plaatsen

    return cached("kaart:aantallen", count)


def colour_class(aantal):
    return next(level for lowest, level in CLASSES if aantal >= lowest)


def count_words(kind, aantal):
    return f"{aantal} {kind.count_label(aantal)}"


def kaart(kind):
    """What the page draws and tabulates: the provincies with their outline, counts, link and colour class,
    the plaatsen with items of `kind` (with a position where the drawing has one), and the legend."""
    counts, plaatsen = location_counts()
    figure = drawing()
    shapes = figure["provincies"]
    rows = []
    for value, label in Plaats.Provincie.choices:
        per_kind = [
            {
                "kind": other,
                "aantal": counts[other.key]["provincie"].get(value, 0),
                "url": list_url(other, provincie=value),
                "woorden": count_words(other, counts[other.key]["provincie"].get(value, 0)),
            }
            for other in WOONKENMERKEN_KINDS
        ]
        chosen = next(count for count in per_kind if count["kind"] == kind)
        places = [
            place_entry(kind, slug, naam, counts[kind.key]["plaats"][slug], figure["plaatsen"].get(slug))
            for slug, naam, provincie in plaatsen
            if provincie == value and counts[kind.key]["plaats"].get(slug)
        ]
        if value not in shapes and not any(count["aantal"] for count in per_kind):
            continue  # buiten Nederland, without items
        rows.append(
            {
                "value": value,
                "naam": label,
                "shape": shape(shapes.get(value)),
                "per_kind": per_kind,
                "aantal": chosen["aantal"],
                "url": chosen["url"],
                "naam_link": f"{label}: {chosen['woorden']}",
                "klasse": colour_class(chosen["aantal"]),
                "plaatsen": places,
            }
        )
    return {
        "viewbox": " ".join(str(n) for n in figure["viewbox"]),
        "provincies": rows,
        "dots": [place for row in rows for place in row["plaatsen"] if place["xy"]],
        "legenda": [(level, CLASS_LABELS[level]) for _lowest, level in reversed(CLASSES)],
        "zonder_plaats": [
            count_words(other, counts[other.key]["zonder"])
            for other in WOONKENMERKEN_KINDS
            if counts[other.key]["zonder"]
        ],
    }


def place_entry(kind, slug, naam, aantal, xy):
    return {
        "naam": naam,
        "aantal": aantal,
        "url": list_url(kind, plaats=slug),
        "naam_link": f"{naam}: {count_words(kind, aantal)}",
        "xy": coordinates(xy),
    }


def coordinates(xy):
    """A position as SVG attributes want it: with a decimal point whatever the page's language, or None."""
    return [f"{value:g}" for value in xy] if xy else None


def shape(drawn):
    return {"pad": drawn["pad"], "label": coordinates(drawn["label"])} if drawn else None
