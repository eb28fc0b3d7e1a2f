"""Why a list or the matrix filtered on the Wonen Eerst score came out empty, in plain Dutch, and what a
search that found nothing or little may have meant ("Bedoelde u …?", search_suggestions()).

"Voldoet aan T4" finds nothing when T4 is onbekend for nearly every item; "minimaal komt dicht in de buurt"
finds nothing when no item has every core point known. The explanation is computed from the assessed,
published items of the kind (one query per filter, cached until the catalogue is next edited), and only asked
for when a page is empty.
"""

from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from assessment import scoring
from assessment.annotations import level_ranks
from assessment.models import Beoordeling, Score, Toetspunt
from catalogue import suggestions
from catalogue.kinds import KINDS, kind_of
from core.cache import cached

# From this share of onbekend upwards, "van bijna geen enkel item is bekend …".
NEARLY_ALL = 0.75


def assessed_published(kind):
    """The pks of the published items of a kind with a vastgestelde beoordeling."""
    return (
        kind.model.objects.published()
        .filter(beoordelingen__status=Beoordeling.Status.VASTGESTELD)
        .values("pk")
    )


def toetspunt_counts(kind):
    """{toetspunt code: {waarde: number of items}} over the kind's assessed published items."""

    def compute():
        rows = (
            Score.objects.filter(
                beoordeling__status=Beoordeling.Status.VASTGESTELD,
                **{f"beoordeling__{kind.key}__in": assessed_published(kind)},
            )
            .order_by()
            .values_list("toetspunt__code", "waarde")
            .annotate(aantal=Count(f"beoordeling__{kind.key}", distinct=True))
        )
        counts = {}
        for code, waarde, aantal in rows:
            counts.setdefault(code, {})[waarde] = aantal
        return counts

    return cached(f"empty:toetspunten:{kind.key}", compute)


def level_counts(kind):
    """{level position: number of items} over the kind's assessed published items (the positions of
    annotations.level_ranks(); one past the last level is te weinig gescoord), and how many of them have a
    core point onbekend: two queries."""

    def compute():
        ranks = {}
        for rank in (
            level_ranks(kind.key).filter(item__in=assessed_published(kind)).values_list("rank", flat=True)
        ):
            ranks[rank] = ranks.get(rank, 0) + 1
        unknown = (
            Score.objects.filter(
                beoordeling__status=Beoordeling.Status.VASTGESTELD,
                toetspunt__soort=Toetspunt.Soort.KERN,
                waarde=Score.Waarde.ONBEKEND,
                **{f"beoordeling__{kind.key}__in": assessed_published(kind)},
            )
            .values(f"beoordeling__{kind.key}")
            .distinct()
            .count()
        )
        return {"ranks": ranks, "onbekend": unknown}

    return cached(f"empty:niveaus:{kind.key}", compute)


# How the items that do not meet a toetspunt scored on it, as a clause: "3 voldoen deels".
OTHER_VALUES = {
    Score.Waarde.DEELS: lambda n: ngettext("%(n)s voldoet deels", "%(n)s voldoen deels", n) % {"n": n},
    Score.Waarde.VOLDOET_NIET: lambda n: ngettext("%(n)s voldoet niet", "%(n)s voldoen niet", n) % {"n": n},
    Score.Waarde.NVT: lambda n: _("bij %(n)s is het niet van toepassing") % {"n": n},
}


def explain_toetspunt(kind, code, naam):
    """Sentences on how items score on one toetspunt, for 'Voldoet aan toetspunt: code' that found nothing."""
    counts = toetspunt_counts(kind).get(code, {})
    total = sum(counts.values())
    if not total:
        return [_("Er zijn nog geen beoordeelde %(soort)s.") % {"soort": kind.label_plural}]
    unknown = counts.get(Score.Waarde.ONBEKEND, 0)
    meets = counts.get(Score.Waarde.VOLDOET, 0)
    values = {"code": code, "naam": naam, "onbekend": unknown, "totaal": total, "soort": kind.label_plural}
    if meets:  # the toetspunt alone finds items: the other filters leave none of them
        return [
            ngettext(
                "%(aantal)s beoordeeld item voldoet aan %(code)s, maar niet samen met de andere filters die "
                "je koos.",
                "%(aantal)s beoordeelde items voldoen aan %(code)s, maar niet samen met de andere filters "
                "die je koos.",
                meets,
            )
            % {"aantal": meets, "code": code}
        ]
    sentences = []
    if unknown == total:
        sentences.append(
            _(
                "Bij %(code)s (%(naam)s) is van geen enkel item bekend of het eraan voldoet: bij alle "
                "%(totaal)s beoordeelde %(soort)s is %(code)s onbekend."
            )
            % values
        )
    elif unknown >= NEARLY_ALL * total:
        sentences.append(
            _(
                "Bij %(code)s (%(naam)s) is van bijna geen enkel item bekend of het eraan voldoet: bij "
                "%(onbekend)s van de %(totaal)s beoordeelde %(soort)s is %(code)s onbekend."
            )
            % values
        )
    elif unknown:
        sentences.append(
            _("Bij %(onbekend)s van de %(totaal)s beoordeelde %(soort)s is %(code)s (%(naam)s) onbekend.")
            % values
        )
    known = [clause(counts[waarde]) for waarde, clause in OTHER_VALUES.items() if counts.get(waarde)]
    if known:
        sentences.append(
            _("Geen enkel beoordeeld item voldoet aan %(code)s: %(bekend)s.")
            % {"code": code, "bekend": scoring.and_list(known)}
        )
    else:
        sentences.append(_("Geen enkel beoordeeld item voldoet aan %(code)s.") % {"code": code})
    return sentences


def explain_level(kind, level):
    """Sentences on the levels the items reach, for 'Minimaal niveau: level' that found nothing."""
    counts = level_counts(kind)
    ranks = counts["ranks"]
    total = sum(ranks.values())
    if not total:
        return [_("Er zijn nog geen beoordeelde %(soort)s.") % {"soort": kind.label_plural}]
    position = scoring.RANKED_LEVELS.index(level)
    reaching = sum(n for rank, n in ranks.items() if rank is not None and rank <= position)
    # The top level has nothing above it.
    goal = (_("‘%(niveau)s’ of hoger") if position else _("‘%(niveau)s’")) % {"niveau": level.label}
    values = {"doel": goal, "totaal": total, "soort": kind.label_plural}
    if reaching:
        return [
            ngettext(
                "%(aantal)s beoordeeld item haalt %(doel)s, maar niet samen met de andere filters die je "
                "koos.",
                "%(aantal)s beoordeelde items halen %(doel)s, maar niet samen met de andere filters die je "
                "koos.",
                reaching,
            )
            % {"aantal": reaching, "doel": goal}
        ]
    sentences = [_("Geen van de %(totaal)s beoordeelde %(soort)s haalt %(doel)s.") % values]
    if level in scoring.NEED_ALL_KNOWN and counts["onbekend"]:
        if counts["onbekend"] == total:
            clause = _("bij alle %(totaal)s is minstens één kernpunt onbekend") % values
        else:
            clause = _("bij %(onbekend)s van de %(totaal)s is minstens één kernpunt onbekend") % {
                **values,
                "onbekend": counts["onbekend"],
            }
        sentences.append(
            _("Voor ‘%(niveau)s’ moet elk kernpunt bekend zijn, en %(clause)s.")
            % {"niveau": level.label, "clause": clause}
        )
    levels = len(scoring.RANKED_LEVELS)
    best = min((rank for rank in ranks if rank is not None and rank < levels), default=None)
    too_few = ranks.get(levels, 0)
    if best is not None:
        sentences.append(
            ngettext(
                "Het hoogste niveau dat voorkomt is ‘%(niveau)s’ (%(aantal)s item).",
                "Het hoogste niveau dat voorkomt is ‘%(niveau)s’ (%(aantal)s items).",
                ranks[best],
            )
            % {"niveau": scoring.RANKED_LEVELS[best].label, "aantal": ranks[best]}
        )
    if too_few:
        sentences.append(
            ngettext(
                "%(aantal)s item heeft minder dan %(minimum)s kernpunten gescoord en dus nog geen niveau.",
                "%(aantal)s items hebben minder dan %(minimum)s kernpunten gescoord en dus nog geen niveau.",
                too_few,
            )
            % {"aantal": too_few, "minimum": scoring.MIN_SCORED}
        )
    return sentences


def explain_empty(filterset):
    """For an empty result filtered on toetspunt or niveau: per chosen value, what the data say and the query
    without that value. [] for any other empty result."""
    kind = kind_of(filterset.queryset.model)
    if not kind.scored:
        return []
    chosen = filterset.cleaned()
    explanations = []
    names = {t.code: t.korte_naam or t.naam for t in scoring.toetspunten()}
    for code in chosen.get("toetspunt") or []:
        explanations.append(
            {
                "filter": _("Voldoet aan %(code)s") % {"code": code},
                "sentences": explain_toetspunt(kind, code, names.get(code, code)),
                "query": filterset.query_without("toetspunt", code),
            }
        )
    if chosen.get("niveau"):
        level = scoring.Niveau(chosen["niveau"])
        explanations.append(
            {
                "filter": _("Minimaal ‘%(niveau)s’") % {"niveau": level.label},
                "sentences": explain_level(kind, level),
                "query": filterset.query_without("niveau", chosen["niveau"]),
            }
        )
    return explanations


# Below this number of results a search also says what else the text may have meant.
FEW_RESULTS = 3


def search_suggestions(query, text, found, kinds=KINDS):
    """For a search that found fewer than FEW_RESULTS: the names close to the text, each as the same query
    with that name as its text (so the other filters stay), and the vocabulary terms among them with their
    page. None when the search found enough, or nothing is close."""
    if not text or found >= FEW_RESULTS:
        return None
    close = suggestions.suggest(text, kinds)
    if not close:
        return None
    searches = []
    for suggestion in close:
        corrected = query.copy()
        corrected["q"] = suggestion.naam
        corrected.pop("page", None)
        searches.append({"naam": suggestion.naam, "query": corrected.urlencode()})
    terms = [suggestion for suggestion in close if suggestion.url]
    return {"zoekopdrachten": searches, "termen": terms}
