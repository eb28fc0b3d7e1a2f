"""The catalogue's sections of the editors' dashboard on the start page of the beheeromgeving: one's own
werkversies, items that lack required fields (catalogue/completeness.py) and broken links.
assessment/dashboard.py adds the items that want a new beoordeling and puts the sections together.

Each section shows its first `limit` rows (None: all) and how many there are, in a fixed number of queries
whatever the size of the catalogue.
"""

from dataclasses import dataclass, field

from django.db.models import Case, Max, When
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from catalogue import completeness, linkcheck
from catalogue.kinds import BY_KEY, KINDS, kind_of
from catalogue.models import LinkControle, Status, Werkversie


@dataclass
class Section:
    key: str  # in the address that shows all its rows: /beheer/?toon=<key>
    titel: str
    rows: list = field(default_factory=list)
    total: int = 0
    note: str = ""

    @property
    def more(self):
        return self.total > len(self.rows)


def change_url(row):
    """The row's change page in the beheeromgeving."""
    opts = row._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[row.pk])


def item_row(item, **facts):
    """What every section shows of an item: its name, kind and change page, with the section's own facts."""
    return {"item": item, "soort": kind_of(item).label, "url": change_url(item), **facts}


def own_werkversies(user, *, limit):
    """The werkversies the user started, the longest-open first, with their items (one query per kind)."""
    werkversies = Werkversie.objects.filter(aangemaakt_door=user).order_by("aangemaakt_op", "pk")
    section = Section("werkversies", _("Mijn werkversies"), total=werkversies.count())
    shown = list(werkversies[:limit])
    items = {}
    for soort in {werkversie.soort for werkversie in shown}:
        pks = [werkversie.item_pk for werkversie in shown if werkversie.soort == soort]
        items.update({(soort, item.pk): item for item in BY_KEY[soort].model.objects.filter(pk__in=pks)})
    for werkversie in shown:
        item = items.get((werkversie.soort, werkversie.item_pk))
        if item is not None:
            opts = item._meta
            verschillen = reverse(f"admin:{opts.app_label}_{opts.model_name}_werkversie", args=[item.pk])
            section.rows.append(item_row(item, werkversie=werkversie, verschillen_url=verschillen))
    return section


def incomplete_items(*, limit):
    """Items, not archived, that leave a field of a complete recipe card empty (catalogue/completeness.py):
    the published first, then by name. Two queries per kind."""
    section = Section("onvolledig", _("Items zonder verplichte velden"))
    published_first = Case(When(status=Status.GEPUBLICEERD, then=0), default=1)
    candidates = []
    for kind in KINDS:
        items = completeness.incomplete(kind.model.objects.exclude(status=Status.GEARCHIVEERD))
        items = items.order_by(published_first, "naam", "pk")
        section.total += items.count()
        candidates.extend(items[:limit])
    candidates.sort(key=lambda item: (not item.is_published, item.naam))
    section.rows = [
        item_row(item, ontbreekt=completeness.missing_fields(item)) for item in candidates[:limit]
    ]
    return section


def broken_links(*, limit):
    """The addresses the last link check found broken, each with the rows that hold it."""
    checks = linkcheck.broken()
    section = Section("links", _("Kapotte links"), total=checks.count(), note=_last_check())
    shown = list(checks[:limit])
    holders = linkcheck.holders([check.url for check in shown])
    for check in shown:
        section.rows.append(
            {
                "controle": check,
                "houders": [{"naam": str(row), "url": change_url(row)} for row in holders[check.url]],
            }
        )
    return section


def _last_check():
    """When the links were last checked, so an empty list is not mistaken for a check that never ran."""
    last = LinkControle.objects.aggregate(last=Max("gecontroleerd_op"))["last"]
    if last is None:
        return _("De links zijn nog niet gecontroleerd (manage.py controleer_links).")
    return _("Laatste controle: %(datum)s.") % {"datum": date_format(timezone.localtime(last), "j F Y")}
