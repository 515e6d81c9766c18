"""A client's income pages in the contact person's area (namespace 'werk'), mounted by opstap/urls.py."""

from django.urls import path

from . import views

urlpatterns = [
    path("klanten/<int:klant_pk>/inkomen/", views.klant_inkomen, name="klant-inkomen"),
    path(
        "klanten/<int:klant_pk>/inkomen/vastleggen/",
        views.berekening_vastleggen_view,
        name="klant-berekening-vastleggen",
    ),
    path(
        "klanten/<int:klant_pk>/berekeningen/<int:berekening_pk>/",
        views.klant_berekening,
        name="klant-berekening",
    ),
]
