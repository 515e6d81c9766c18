"""The client's income pages in the client's area (namespace 'mijn'), mounted by opstap/urls.py."""

from django.urls import path

from . import views

urlpatterns = [
    path("inkomen/", views.mijn_inkomen, name="inkomen"),
    path("berekeningen/<int:berekening_pk>/", views.mijn_berekening, name="berekening"),
]
