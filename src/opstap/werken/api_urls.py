"""Included into the API (namespace 'api') from api/urls.py. The paths are a public contract."""

from django.urls import path

from . import api

urlpatterns = [
    path("banen/", api.BanenView.as_view(), name="banen"),
]
