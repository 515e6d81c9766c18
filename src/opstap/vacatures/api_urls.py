"""Included into the API (namespace 'api') from api/urls.py. The paths are a public contract."""

from django.urls import path

from . import api

urlpatterns = [
    path("vacatures/", api.VacaturesLijst.as_view(), name="vacatures"),
    path(
        "ik/passende-vacatures/", api.MijnPassendeVacatures.as_view(), name="ik-passende-vacatures"
    ),
    path(
        "klanten/<int:klant_pk>/passende-vacatures/",
        api.KlantPassendeVacatures.as_view(),
        name="klant-passende-vacatures",
    ),
]
