"""The Wonen Eerst columns of a public item export: score, known core points and level, worded by the score
summary (assessment/scoring.py) as on the pages."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export import resources

from assessment.annotations import item_figures
from assessment.scoring import item_summary
from spreadsheets.resources.base import Column
from spreadsheets.resources.rows import Row


class ScoredColumns(resources.Resource):
    """The Wonen Eerst figures of an item's vastgestelde beoordeling.

    They are read for all exported items in one grouped query (annotations.item_figures(), under the names
    annotate_items() gives them) rather than by the subqueries of annotate_items(), which run once per row,
    and worded by the item's ScoreSummary."""

    wonen_eerst_score = Column(column_name=gettext_lazy("Wonen Eerst-score (%)"), readonly=True, width=12)
    kernpunten_bekend = Column(column_name=gettext_lazy("Kernpunten bekend"), readonly=True, width=14)
    niveau = Column(column_name=gettext_lazy("Niveau Wonen Eerst"), readonly=True, width=30)

    def item_cells(self, items):
        item_field = self._meta.model._meta.model_name
        figures = item_figures(item_field).filter(**{f"beoordeling__{item_field}__in": items})
        summaries = {values["item"]: item_summary(Row(values)) for values in figures}
        # Many items share their figures: each summary is worded once.
        words = {s: (s.percentage, s.kernpunten_bekend, s.niveau_tekst) for s in set(summaries.values())}
        cells = {item: words[s] for item, s in summaries.items()}
        return {
            **super().item_cells(items),
            "wonen_eerst_score": ({item: cell[0] for item, cell in cells.items()}, None),
            "kernpunten_bekend": ({item: cell[1] for item, cell in cells.items()}, ""),
            "niveau": ({item: cell[2] for item, cell in cells.items()}, _("niet beoordeeld")),
        }
