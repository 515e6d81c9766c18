"""Included into the API (namespace 'api') from api/urls.py. The paths are a public contract."""

from django.urls import path

from . import api, api_verrekening

urlpatterns = [
    path("inkomstenverklaringen/", api.VerklaringenView.as_view(), name="inkomstenverklaringen"),
    path(
        "inkomstenverklaringen/<int:verklaring_pk>/",
        api.VerklaringView.as_view(),
        name="inkomstenverklaring",
    ),
    # Settling (D4): the income administrator only.
    path(
        "inkomstenverklaringen/<int:verklaring_pk>/verrekening/",
        api_verrekening.VerrekeningView.as_view(),
        name="inkomstenverklaring-verrekening",
    ),
    path(
        "inkomstenverklaringen/<int:verklaring_pk>/aanvulling/",
        api_verrekening.AanvullingView.as_view(),
        name="inkomstenverklaring-aanvulling",
    ),
    path(
        "inkomstenverklaringen/<int:verklaring_pk>/in-behandeling/",
        api_verrekening.InBehandelingView.as_view(),
        name="inkomstenverklaring-in-behandeling",
    ),
]
