from django.urls import path, re_path

from catalogue.kinds import KINDS
from core.health import health
from spreadsheets.writers import FORMAT_PATTERN
from website.views import (
    changes,
    compare,
    details,
    exports,
    home,
    kaart,
    kansenkaart,
    lists,
    site_files,
    toetsingskader,
    vocabularies,
)

app_name = "website"

urlpatterns = [
    path("", home.HomeView.as_view(), name="home"),
    path("gezond/", health, name="health"),
    path("favicon.ico", site_files.favicon, name="favicon"),
    path("manifest.webmanifest", site_files.manifest, name="manifest"),
    # Item lists with filters (query parameters are the filter names in website/filters.py)
    *(
        path(f"{kind.segment}/", lists.ItemListView.as_view(model=kind.model), name=f"{kind.key}-list")
        for kind in KINDS
    ),
    path("zoeken/", lists.SearchView.as_view(), name="zoeken"),
    path("vergelijken/", compare.CompareView.as_view(), name="vergelijken"),
    re_path(
        rf"^vergelijken/export\.{FORMAT_PATTERN}$",
        compare.CompareExportView.as_view(),
        name="vergelijken-export",
    ),
    # Spreadsheets of the lists above: the same query string, every page (xlsx, csv or ods)
    *(
        re_path(
            rf"^{kind.segment}/export\.{FORMAT_PATTERN}$",
            exports.ItemExportView.as_view(model=kind.model),
            name=f"{kind.key}-export",
        )
        for kind in KINDS
    ),
    re_path(
        rf"^zoeken/export\.{FORMAT_PATTERN}$",
        exports.SearchExportView.as_view(),
        name="zoeken-export",
    ),
    path("werkgroepmap.xlsx", exports.WorkgroupWorkbookView.as_view(), name="werkgroepmap"),
    # Detail pages
    *(
        path(
            f"{kind.segment}/<slug:slug>/",
            details.DETAIL_VIEWS[kind.model].as_view(),
            name=f"{kind.key}-detail",
        )
        for kind in KINDS
    ),
    # What changed, newest first, and the same as an Atom feed
    path("recent-gewijzigd/", changes.RecentChangesView.as_view(), name="recent-gewijzigd"),
    path("recent-gewijzigd/feed/", changes.recent_changes_feed, name="recent-gewijzigd-feed"),
    # The toetsingskader and the scoring matrix
    path("toetsingskader/", toetsingskader.ToetsingskaderView.as_view(), name="toetsingskader"),
    path("toetsingskader/matrix/", toetsingskader.MatrixView.as_view(), name="matrix"),
    re_path(
        rf"^toetsingskader/matrix/export\.{FORMAT_PATTERN}$",
        exports.MatrixExportView.as_view(),
        name="matrix-export",
    ),
    # Gaps: doelgroep × contractvorm or woonzorgconcept, and where the items are
    path("kansenkaart/", kansenkaart.KansenkaartView.as_view(), name="kansenkaart"),
    re_path(
        rf"^kansenkaart/export\.{FORMAT_PATTERN}$",
        kansenkaart.KansenkaartExportView.as_view(),
        name="kansenkaart-export",
    ),
    path("kaart/", kaart.KaartView.as_view(), name="kaart"),
    # Vocabulary index pages
    path("doelgroepen/", vocabularies.DoelgroepIndexView.as_view(), name="doelgroep-index"),
    path("contractvormen/", vocabularies.ContractvormIndexView.as_view(), name="contractvorm-index"),
    path("woonsituaties/", vocabularies.WoonsituatieIndexView.as_view(), name="woonsituatie-index"),
    path("woonzorgconcepten/", vocabularies.WoonzorgconceptIndexView.as_view(), name="woonzorgconcept-index"),
    path("organisaties/", vocabularies.OrganisatieIndexView.as_view(), name="organisatie-index"),
    path("plaatsen/", vocabularies.PlaatsIndexView.as_view(), name="plaats-index"),
    path("bronnen/", vocabularies.BronIndexView.as_view(), name="bron-index"),
    # Vocabulary pages
    path("doelgroepen/<slug:slug>/", vocabularies.DoelgroepDetailView.as_view(), name="doelgroep-detail"),
    path(
        "contractvormen/<slug:slug>/",
        vocabularies.ContractvormDetailView.as_view(),
        name="contractvorm-detail",
    ),
    path(
        "woonsituaties/<slug:slug>/",
        vocabularies.WoonsituatieDetailView.as_view(),
        name="woonsituatie-detail",
    ),
    path(
        "woonzorgconcepten/<slug:slug>/",
        vocabularies.WoonzorgconceptDetailView.as_view(),
        name="woonzorgconcept-detail",
    ),
    path(
        "organisaties/<slug:slug>/", vocabularies.OrganisatieDetailView.as_view(), name="organisatie-detail"
    ),
    path("plaatsen/<slug:slug>/", vocabularies.PlaatsDetailView.as_view(), name="plaats-detail"),
    path("bronnen/<slug:slug>/", vocabularies.BronDetailView.as_view(), name="bron-detail"),
]
