from django.urls import path

from . import views

app_name = "beleid"

urlpatterns = [
    path("", views.start, name="start"),
    path("doorrekeningen/", views.doorrekeningen, name="doorrekeningen"),
    path("doorrekeningen/<int:doorrekening_pk>/", views.doorrekening, name="doorrekening"),
]
