"""What a visitor downloads from a list: readable columns only, list fields as lines, organisations, contact
points and links in one cell, and the item's web address."""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy

from catalogue.models import (
    Bron,
    Contractvorm,
    Doelgroep,
    Link,
    OrganisatieRol,
    Praktijkvoorbeeld,
    Succesversneller,
    Woonvorm,
)
from catalogue.models.base import split_lines
from catalogue.personal_data import contactpunten, visible_contacts
from spreadsheets.resources.base import CatalogueResource, Column
from spreadsheets.resources.editors import PRAKTIJK_FIELDS, WOONKENMERKEN_FIELDS
from spreadsheets.resources.scores import ScoredColumns
from spreadsheets.widgets import BY_NAME, SEPARATOR


class PublicResource(CatalogueResource):
    """Columns for people: names, labels, one entry per line, and a link back to the page."""

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

    def export_field(self, field, instance, **kwargs):
        if field.attribute in self.list_fields:
            return "\n".join(split_lines(getattr(instance, field.attribute)))
        return super().export_field(field, instance, **kwargs)

    def dehydrate_webadres(self, obj):
        url = obj.get_absolute_url()
        return self.request.build_absolute_uri(url) if self.request else url


class PublicItemResource(PublicResource):
    list_fields = ("werkzame_elementen", "aandachtselementen", "lessen", "belemmeringen")

    organisaties = Column(column_name=gettext_lazy("Organisaties"), readonly=True, width=50)
    contactpunten = Column(column_name=gettext_lazy("Contactpunten"), readonly=True, width=50)
    links = Column(column_name=gettext_lazy("Links"), readonly=True, width=50)

    def filter_export(self, queryset, **kwargs):
        contacts = visible_contacts(personal=self.include_personal)
        return (
            super()
            .filter_export(queryset, **kwargs)
            .prefetch_related(
                Prefetch(
                    "organisatierollen",
                    queryset=OrganisatieRol.objects.select_related("organisatie"),
                    to_attr="export_organisaties",
                ),
                Prefetch("contactpersonen", queryset=contacts, to_attr="export_contactpunten"),
                Prefetch("links", queryset=Link.objects.all(), to_attr="export_links"),
            )
        )

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        # Looked up once per export: get_rol_display() would build the labels again for every row.
        self.role_labels = {value: str(label) for value, label in OrganisatieRol.Rol.choices}

    def dehydrate_organisaties(self, item):
        return SEPARATOR.join(
            f"{rol.organisatie.naam} ({self.role_labels.get(rol.rol, rol.rol)})"
            for rol in item.export_organisaties
        )

    def dehydrate_contactpunten(self, item):
        lines = []
        for contact in contactpunten(item.export_contactpunten, personal=self.include_personal):
            parts = [contact.naam, contact.rol, contact.organisatie.naam if contact.organisatie else ""]
            parts += [contact.email, contact.telefoon]
            lines.append(", ".join(part for part in parts if part))
        return "\n".join(lines)

    def dehydrate_links(self, item):
        return "\n".join(
            f"{link.titel}: {link.url}" if link.titel else link.url for link in item.export_links
        )


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
