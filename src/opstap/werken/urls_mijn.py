"""The client's work pages in the client's area (namespace 'mijn'), mounted by opstap/urls.py."""

from django.urls import path

from . import views

urlpatterns = [
    path("werk/", views.mijn_werk, name="werk"),
]
