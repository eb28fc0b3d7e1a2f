from django.urls import path

from catalogue.views import compare, health, lists, pages

app_name = "catalogue"

urlpatterns = [
    path("", pages.HomeView.as_view(), name="home"),
    path("gezond/", health.health, name="health"),
    # Item lists with filters (query parameters are the filter names in catalogue/filters.py)
    path("woonvormen/", lists.WoonvormListView.as_view(), name="woonvorm-list"),
    path("succesversnellers/", lists.SuccesversnellerListView.as_view(), name="succesversneller-list"),
    path("praktijkvoorbeelden/", lists.PraktijkvoorbeeldListView.as_view(), name="praktijkvoorbeeld-list"),
    path("zoeken/", lists.SearchView.as_view(), name="zoeken"),
    path("vergelijken/", compare.CompareView.as_view(), name="vergelijken"),
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
