"""The client's vacancy pages (namespace 'mijn'), mounted by opstap/urls.py."""

from django.urls import path

from . import views_mijn

urlpatterns = [
    path("vacatures/", views_mijn.mijn_vacatures, name="vacatures"),
    path("vacatures/wensen/", views_mijn.mijn_werkwensen, name="werkwensen"),
    path("vacatures/<int:vacature_pk>/", views_mijn.mijn_vacature, name="vacature"),
]
