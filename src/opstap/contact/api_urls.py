"""Included into the API (namespace 'api') from api/urls.py. The paths are a public contract."""

from django.urls import path

from . import api

urlpatterns = [
    path("berichten/", api.BerichtenView.as_view(), name="berichten"),
    path("gespreksverslagen/", api.GespreksverslagenView.as_view(), name="gespreksverslagen"),
    path("gespreksverslagen/<int:verslag_pk>/", api.GespreksverslagDetail.as_view(), name="gespreksverslag"),
]
