"""The client's learning-network pages in the client's area (namespace 'mijn'), mounted by opstap/urls.py."""

from django.urls import path

from . import views_mijn

urlpatterns = [
    path("leernetwerk/", views_mijn.mijn_leernetwerk, name="leernetwerk"),
    path("leernetwerk/<int:bijdrage_pk>/", views_mijn.mijn_bijdrage, name="leernetwerk_bijdrage"),
]
