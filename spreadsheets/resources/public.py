"""What a visitor downloads from a list: readable columns only, list fields as lines, organisations, contact
points and links in one cell, and the item's web address."""

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy

from catalogue.models import (
    Bron,
    Contractvorm,
    Doelgroep,
    OrganisatieRol,
    Praktijkvoorbeeld,
    Succesversneller,
    Woonvorm,
)
from catalogue.models.base import split_lines
from catalogue.personal_data import contactpunten, visible_contacts
from spreadsheets.resources.base import CatalogueResource, Column
from spreadsheets.resources.editors import PRAKTIJK_FIELDS, WOONKENMERKEN_FIELDS
from spreadsheets.resources.rows import Row, owned_cells, owned_rows, value_rows
from spreadsheets.resources.scores import ScoredColumns
from spreadsheets.widgets import BY_NAME, SEPARATOR


class PublicResource(CatalogueResource):
    """Columns for people: names, labels, one entry per line, and a link back to the page.

    The columns are declared as for django-import-export, but the rows are read from values() rows, with one
    query per related table for the whole export (rows.py): a model instance per row made large exports
    slow. A column read from another table gets its cells from item_cells()."""

    related_label = BY_NAME
    # Fields holding one entry per line, written without their bullets.
    list_fields = ()

    webadres = Column(column_name=gettext_lazy("Webadres"), readonly=True, width=45)

    def __init__(self, *, request=None, include_personal=False, **kwargs):
        super().__init__(**kwargs)
        self.request = request
        self.include_personal = include_personal

    def get_queryset(self):
        return self._meta.model._default_manager.all()

    def export_rows(self, queryset=None):
        return value_rows(self, self.get_queryset() if queryset is None else queryset)

    def item_cells(self, items):
        """{column: ({item pk: cell}, cell of an item without any)} of the columns read from other tables,
        each in one query over `items` (a subquery of the exported pks). Many-to-many columns need none."""
        return {}

    @staticmethod
    def list_cell(text):
        return "\n".join(split_lines(text))

    # A slug no row has: where it stands in a page's address, each row's own slug goes.
    SLUG_MARK = "slug-van-de-rij"

    @cached_property
    def address_parts(self):
        """What stands before and after the slug in the address of every row's page, reversed once per
        export: the model's get_absolute_url() reads only the slug, and slugs need no quoting in a URL."""
        url = self._meta.model.get_absolute_url(Row({"slug": self.SLUG_MARK}))
        if self.request:
            url = self.request.build_absolute_uri(url)
        before, _mark, after = url.rpartition(self.SLUG_MARK)
        return before, after

    def dehydrate_webadres(self, row):
        before, after = self.address_parts
        return f"{before}{row.slug}{after}"


class PublicItemResource(PublicResource):
    list_fields = ("werkzame_elementen", "aandachtselementen", "lessen", "belemmeringen")

    organisaties = Column(column_name=gettext_lazy("Organisaties"), readonly=True, width=50)
    contactpunten = Column(column_name=gettext_lazy("Contactpunten"), readonly=True, width=50)
    links = Column(column_name=gettext_lazy("Links"), readonly=True, width=50)

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        # Looked up once per export: get_rol_display() would build the labels again for every row.
        self.role_labels = {value: str(label) for value, label in OrganisatieRol.Rol.choices}

    def item_cells(self, items):
        model, personal = self._meta.model, self.include_personal
        roles, owner = owned_rows(model, "organisatierollen", items)
        contacts, _owner = owned_rows(model, "contactpersonen", items, visible_contacts(personal=personal))
        links, _owner = owned_rows(model, "links", items)
        return {
            **super().item_cells(items),
            "organisaties": (
                owned_cells(roles, owner, self.organisaties_cell, "organisatie__naam", "rol"),
                "",
            ),
            "contactpunten": (owned_cells(contacts, owner, self.contactpunten_cell), ""),
            "links": (owned_cells(links, owner, self.links_cell, "titel", "url"), ""),
        }

    def organisaties_cell(self, roles):
        return SEPARATOR.join(f"{naam} ({self.role_labels.get(rol, rol)})" for naam, rol in roles)

    def contactpunten_cell(self, contacts):
        lines = []
        for contact in contactpunten(contacts, personal=self.include_personal):
            parts = [contact.naam, contact.rol, contact.organisatie.naam if contact.organisatie else ""]
            parts += [contact.email, contact.telefoon]
            lines.append(", ".join(part for part in parts if part))
        return "\n".join(lines)

    @staticmethod
    def links_cell(links):
        return "\n".join(f"{titel}: {url}" if titel else url for titel, url in links)


PUBLIC_ITEM_FIELDS = (
    "naam",
    "samenvatting",
    "beschrijving",
    "werkzame_elementen",
    "aandachtselementen",
    "ter_inspiratie",
    "financiele_context",
    "verhouding_wonen_eerst",
    "doelgroepen",
    "doelgroep_toelichting",
)
PUBLIC_CONTACT_FIELDS = ("plaatsen", "organisaties", "contactpunten", "links")
PUBLIC_SOURCE_FIELDS = ("bron", "bron_vindplaats", "updated", "webadres")
PUBLIC_SCORE_FIELDS = ("wonen_eerst_score", "kernpunten_bekend", "niveau")


class PublicWoonvormResource(ScoredColumns, PublicItemResource):
    class Meta:
        model = Woonvorm
        fields = (
            *PUBLIC_ITEM_FIELDS,
            *WOONKENMERKEN_FIELDS,
            *PUBLIC_CONTACT_FIELDS,
            *PUBLIC_SCORE_FIELDS,
            *PUBLIC_SOURCE_FIELDS,
        )


class PublicSuccesversnellerResource(PublicItemResource):
    class Meta:
        model = Succesversneller
        fields = (*PUBLIC_ITEM_FIELDS, "typen", "bijdragen", *PUBLIC_CONTACT_FIELDS, *PUBLIC_SOURCE_FIELDS)


class PublicPraktijkvoorbeeldResource(ScoredColumns, PublicItemResource):
    class Meta:
        model = Praktijkvoorbeeld
        fields = (
            *PUBLIC_ITEM_FIELDS,
            *WOONKENMERKEN_FIELDS,
            *PRAKTIJK_FIELDS,
            *PUBLIC_CONTACT_FIELDS,
            *PUBLIC_SCORE_FIELDS,
            *PUBLIC_SOURCE_FIELDS,
        )


class PublicContractvormResource(PublicResource):
    list_fields = ("voordelen", "nadelen")

    class Meta:
        model = Contractvorm
        fields = (
            "naam",
            "definitie",
            "juridische_basis",
            "risicodrager",
            "voordelen",
            "nadelen",
            "looptijd",
            "contracthouder",
            "zorgkoppeling",
            "omzetting_eigen_naam",
            "bron",
            "bron_vindplaats",
            "webadres",
        )


class PublicDoelgroepResource(PublicResource):
    class Meta:
        model = Doelgroep
        fields = ("naam", "soort", "beschrijving", "webadres")


class PublicBronResource(PublicResource):
    document = Column(attribute="url", column_name=gettext_lazy("Document online"), readonly=True, width=45)

    class Meta:
        model = Bron
        fields = ("naam", "uitgever", "jaar", "beschrijving", "document", "webadres")


PUBLIC_RESOURCES = {
    r._meta.model: r
    for r in [
        PublicWoonvormResource,
        PublicSuccesversnellerResource,
        PublicPraktijkvoorbeeldResource,
        PublicContractvormResource,
        PublicDoelgroepResource,
        PublicBronResource,
    ]
}
