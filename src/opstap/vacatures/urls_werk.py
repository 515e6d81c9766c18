"""The contact person's vacancy pages (namespace 'werk'), mounted by opstap/urls.py."""

from django.urls import path

from . import views_werk

urlpatterns = [
    path("vacatures/", views_werk.vacatures, name="vacatures"),
    path(
        "vacatures/<int:vacature_pk>/", views_werk.vacature_kandidaten, name="vacature-kandidaten"
    ),
    path("klanten/<int:klant_pk>/vacatures/", views_werk.klant_vacatures, name="klant-vacatures"),
]
