"""The Wonen Eerst columns of a public item export: score, known core points and level, worded by the score
summary (assessment/scoring.py) as on the pages."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export import resources

from assessment.scoring import item_summary
from spreadsheets.resources.base import Column


class ScoredColumns(resources.Resource):
    """The Wonen Eerst figures of an item's vastgestelde beoordeling, from annotations.annotate_items()."""

    wonen_eerst_score = Column(column_name=gettext_lazy("Wonen Eerst-score (%)"), readonly=True, width=12)
    kernpunten_bekend = Column(column_name=gettext_lazy("Kernpunten bekend"), readonly=True, width=14)
    niveau = Column(column_name=gettext_lazy("Niveau Wonen Eerst"), readonly=True, width=30)

    def dehydrate_wonen_eerst_score(self, item):
        summary = item_summary(item)
        return summary.percentage if summary else None

    def dehydrate_kernpunten_bekend(self, item):
        summary = item_summary(item)
        return summary.kernpunten_bekend if summary else ""

    def dehydrate_niveau(self, item):
        summary = item_summary(item)
        return summary.niveau_tekst if summary else _("niet beoordeeld")
