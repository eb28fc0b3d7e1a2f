from django.urls import path, re_path

from core.health import health
from website.views import compare, exports, lists, pages, toetsingskader

app_name = "website"

urlpatterns = [
    path("", pages.HomeView.as_view(), name="home"),
    path("gezond/", health, name="health"),
    # Item lists with filters (query parameters are the filter names in catalogue/filters.py)
    path("woonvormen/", lists.WoonvormListView.as_view(), name="woonvorm-list"),
    path("succesversnellers/", lists.SuccesversnellerListView.as_view(), name="succesversneller-list"),
    path("praktijkvoorbeelden/", lists.PraktijkvoorbeeldListView.as_view(), name="praktijkvoorbeeld-list"),
    path("zoeken/", lists.SearchView.as_view(), name="zoeken"),
    path("vergelijken/", compare.CompareView.as_view(), name="vergelijken"),
    # Spreadsheets of the lists above: the same query string, every page (xlsx, csv or ods)
    re_path(
        rf"^woonvormen/export\.{exports.FORMAT_PATTERN}$",
        exports.WoonvormExportView.as_view(),
        name="woonvorm-export",
    ),
    re_path(
        rf"^succesversnellers/export\.{exports.FORMAT_PATTERN}$",
        exports.SuccesversnellerExportView.as_view(),
        name="succesversneller-export",
    ),
    re_path(
        rf"^praktijkvoorbeelden/export\.{exports.FORMAT_PATTERN}$",
        exports.PraktijkvoorbeeldExportView.as_view(),
        name="praktijkvoorbeeld-export",
    ),
    re_path(
        rf"^zoeken/export\.{exports.FORMAT_PATTERN}$",
        exports.SearchExportView.as_view(),
        name="zoeken-export",
    ),
    path("werkgroepmap.xlsx", exports.WorkgroupWorkbookView.as_view(), name="werkgroepmap"),
    # Detail pages
    path("woonvormen/<slug:slug>/", pages.WoonvormDetailView.as_view(), name="woonvorm-detail"),
    path(
        "succesversnellers/<slug:slug>/",
        pages.SuccesversnellerDetailView.as_view(),
        name="succesversneller-detail",
    ),
    path(
        "praktijkvoorbeelden/<slug:slug>/",
        pages.PraktijkvoorbeeldDetailView.as_view(),
        name="praktijkvoorbeeld-detail",
    ),
    # The toetsingskader and the scoring matrix
    path("toetsingskader/", toetsingskader.ToetsingskaderView.as_view(), name="toetsingskader"),
    path("toetsingskader/matrix/", toetsingskader.MatrixView.as_view(), name="matrix"),
    re_path(
        rf"^toetsingskader/matrix/export\.{exports.FORMAT_PATTERN}$",
        exports.MatrixExportView.as_view(),
        name="matrix-export",
    ),
    # Vocabulary index pages
    path("doelgroepen/", pages.DoelgroepIndexView.as_view(), name="doelgroep-index"),
    path("contractvormen/", pages.ContractvormIndexView.as_view(), name="contractvorm-index"),
    path("woonsituaties/", pages.WoonsituatieIndexView.as_view(), name="woonsituatie-index"),
    path("woonzorgconcepten/", pages.WoonzorgconceptIndexView.as_view(), name="woonzorgconcept-index"),
    path("organisaties/", pages.OrganisatieIndexView.as_view(), name="organisatie-index"),
    path("plaatsen/", pages.PlaatsIndexView.as_view(), name="plaats-index"),
    path("bronnen/", pages.BronIndexView.as_view(), name="bron-index"),
    # Vocabulary pages
    path("doelgroepen/<slug:slug>/", pages.DoelgroepDetailView.as_view(), name="doelgroep-detail"),
    path("contractvormen/<slug:slug>/", pages.ContractvormDetailView.as_view(), name="contractvorm-detail"),
    path("woonsituaties/<slug:slug>/", pages.WoonsituatieDetailView.as_view(), name="woonsituatie-detail"),
    path(
        "woonzorgconcepten/<slug:slug>/",
        pages.WoonzorgconceptDetailView.as_view(),
        name="woonzorgconcept-detail",
    ),
    path("organisaties/<slug:slug>/", pages.OrganisatieDetailView.as_view(), name="organisatie-detail"),
    path("plaatsen/<slug:slug>/", pages.PlaatsDetailView.as_view(), name="plaats-detail"),
    path("bronnen/<slug:slug>/", pages.BronDetailView.as_view(), name="bron-detail"),
]
