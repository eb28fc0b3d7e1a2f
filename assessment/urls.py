from django.urls import path

from assessment import views

app_name = "assessment"

urlpatterns = [
    path("", views.ToetsingskaderView.as_view(), name="toetsingskader"),
    path("matrix/", views.MatrixView.as_view(), name="matrix"),
]
