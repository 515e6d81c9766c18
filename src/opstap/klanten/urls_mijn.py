"""The client's own file in the client's area (namespace 'mijn'), mounted by opstap/urls.py."""

from django.urls import path

from . import views_mijn

urlpatterns = [
    path("", views_mijn.start, name="start"),
    path("inzage/", views_mijn.inzages, name="inzages"),
]
