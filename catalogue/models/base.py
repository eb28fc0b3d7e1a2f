"""Building blocks shared by every model with a slug: natural keys, ordering helpers and choices."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.text import CleanTextModel


class SlugQuerySet(models.QuerySet):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


SlugManager = models.Manager.from_queryset(SlugQuerySet)


class SlugModel(CleanTextModel):
    """A model identified by its slug: the natural key in fixtures, spreadsheets and URLs."""

    naam = models.CharField(_("naam"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        help_text=_("Korte naam in het webadres, alleen kleine letters, cijfers en streepjes."),
    )

    objects = SlugManager()

    class Meta:
        abstract = True
        ordering = ["naam"]

    def __str__(self):
        return self.naam

    def natural_key(self):
        return (self.slug,)


class JaNeeOnbekend(models.TextChoices):
    JA = "ja", _("ja")
    NEE = "nee", _("nee")
    ONBEKEND = "onbekend", _("onbekend")


def split_lines(text):
    """A list field is stored as text with one entry per line; this returns the non-empty entries."""
    return [line.strip().lstrip("-•").strip() for line in (text or "").splitlines() if line.strip()]


def exactly_one_of(name, fields):
    """A check constraint that exactly one of the given foreign keys is set."""
    options = []
    for chosen in fields:
        condition = models.Q(**{f"{chosen}__isnull": False})
        for other in fields:
            if other != chosen:
                condition &= models.Q(**{f"{other}__isnull": True})
        options.append(condition)
    combined = options[0]
    for option in options[1:]:
        combined |= option
    return models.CheckConstraint(condition=combined, name=name)
