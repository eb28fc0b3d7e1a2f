from django.urls import path

from catalogue import views

app_name = "catalogue"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("gezond/", views.health, name="health"),
    path("woonvormen/<slug:slug>/", views.WoonvormDetailView.as_view(), name="woonvorm-detail"),
    path(
        "succesversnellers/<slug:slug>/",
        views.SuccesversnellerDetailView.as_view(),
        name="succesversneller-detail",
    ),
    path(
        "praktijkvoorbeelden/<slug:slug>/",
        views.PraktijkvoorbeeldDetailView.as_view(),
        name="praktijkvoorbeeld-detail",
    ),
    path("doelgroepen/<slug:slug>/", views.DoelgroepDetailView.as_view(), name="doelgroep-detail"),
    path("contractvormen/<slug:slug>/", views.ContractvormDetailView.as_view(), name="contractvorm-detail"),
    path("woonsituaties/<slug:slug>/", views.WoonsituatieDetailView.as_view(), name="woonsituatie-detail"),
    path(
        "woonzorgconcepten/<slug:slug>/",
        views.WoonzorgconceptDetailView.as_view(),
        name="woonzorgconcept-detail",
    ),
    path("organisaties/<slug:slug>/", views.OrganisatieDetailView.as_view(), name="organisatie-detail"),
    path("plaatsen/<slug:slug>/", views.PlaatsDetailView.as_view(), name="plaats-detail"),
    path("bronnen/<slug:slug>/", views.BronDetailView.as_view(), name="bron-detail"),
]
