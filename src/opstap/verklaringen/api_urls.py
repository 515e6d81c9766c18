"""Included into the API (namespace 'api') from api/urls.py. The paths are a public contract."""

from django.urls import path

from . import api

urlpatterns = [
    path("inkomstenverklaringen/", api.VerklaringenView.as_view(), name="inkomstenverklaringen"),
    path(
        "inkomstenverklaringen/<int:verklaring_pk>/",
        api.VerklaringView.as_view(),
        name="inkomstenverklaring",
    ),
]
