"""The voortgang sheet: the checklist with exactly the ticks of one URL, written by spreadsheets.writers."""

from django.utils.translation import gettext as _

from spreadsheets.sheets import Sheet


def voortgang_sheet(checklist, datum):
    """One row per checklist item: phase, code, text, ticked (ja/nee) and the date of the download."""
    return Sheet(
        title=_("voortgang"),
        headers=[_("Fase"), _("Code"), _("Checklistpunt"), _("Afgevinkt"), _("Datum")],
        rows=[
            [str(voortgang.fase), item.code, item.tekst, _("ja") if ticked else _("nee"), datum]
            for voortgang in checklist.voortgang
            for item, ticked in voortgang.punten
        ],
        widths=[22, 8, 80, 11, 12],
    )
