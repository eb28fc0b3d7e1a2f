from django.urls import path

from routekaart import views

app_name = "routekaart"

urlpatterns = [
    path("", views.RoutekaartView.as_view(), name="overzicht"),
    path("<slug:slug>/", views.FaseDetailView.as_view(), name="fase-detail"),
]
