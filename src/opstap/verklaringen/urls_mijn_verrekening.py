"""The client's settlement page (namespace 'mijn'), mounted by opstap/urls.py."""

from django.urls import path

from . import views_mijn_verrekening

urlpatterns = [
    path(
        "inkomsten/verrekening/",
        views_mijn_verrekening.mijn_verrekening,
        name="verrekening",
    ),
]
