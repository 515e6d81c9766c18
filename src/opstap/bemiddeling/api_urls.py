"""Included into the API (namespace 'api') from api/urls.py. The paths are a public contract."""

from django.urls import path

from . import api

urlpatterns = [
    path("toestemmingen/", api.ToestemmingenView.as_view(), name="toestemmingen"),
    path("toestemmingen/<int:toestemming_pk>/", api.ToestemmingView.as_view(), name="toestemming"),
    path("kandidaten/", api.KandidatenView.as_view(), name="kandidaten"),
]
