"""The editors' dashboard on the start page of the beheeromgeving: the catalogue's sections
(catalogue/dashboard.py) and the scored items whose vastgestelde beoordeling is missing or more than a year
old; the admin site (config/admin_site.py) shows them."""

from datetime import timedelta

from django.db.models import F, Max, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from assessment.models import Beoordeling
from catalogue import dashboard
from catalogue.kinds import SCORED_KINDS
from catalogue.models import Status

ROWS = 10  # rows a section shows until "alle" is asked for
REVIEW_DAYS = 365


def not_reviewed(*, limit, today=None):
    """Scored items, not archived, without a vastgestelde beoordeling of the last REVIEW_DAYS days: the never
    assessed first, then the longest ago. Two queries per scored kind."""
    cutoff = (today or timezone.localdate()) - timedelta(days=REVIEW_DAYS)
    section = dashboard.Section("beoordelingen", _("Niet beoordeeld in 12 maanden"))
    candidates = []
    for kind in SCORED_KINDS:
        items = (
            kind.model.objects.exclude(status=Status.GEARCHIVEERD)
            .annotate(
                laatst_vastgesteld=Max(
                    "beoordelingen__datum",
                    filter=Q(beoordelingen__status=Beoordeling.Status.VASTGESTELD),
                )
            )
            .filter(Q(laatst_vastgesteld__isnull=True) | Q(laatst_vastgesteld__lt=cutoff))
            .order_by(F("laatst_vastgesteld").asc(nulls_first=True), "naam", "pk")
        )
        section.total += items.count()
        candidates.extend(items[:limit])
    candidates.sort(key=_oldest_first)
    section.rows = [
        dashboard.item_row(item, laatst_vastgesteld=item.laatst_vastgesteld) for item in candidates[:limit]
    ]
    return section


def _oldest_first(item):
    """Never assessed first, then by the date of the vastgestelde beoordeling, then by name."""
    return (item.laatst_vastgesteld is not None, item.laatst_vastgesteld, item.naam)


def editor_dashboard(user, *, show_all=""):
    """The sections the user may see, each with its first ROWS rows, or all of them for the section whose
    key is `show_all`."""

    def limit(key):
        return None if show_all == key else ROWS

    sections = [dashboard.own_werkversies(user, limit=limit("werkversies"))]
    if user.has_perm("catalogue.view_woonvorm"):
        sections.append(dashboard.incomplete_items(limit=limit("onvolledig")))
    if user.has_perm("assessment.view_beoordeling"):
        sections.append(not_reviewed(limit=limit("beoordelingen")))
    if user.has_perm("catalogue.view_linkcontrole"):
        sections.append(dashboard.broken_links(limit=limit("links")))
    return sections
