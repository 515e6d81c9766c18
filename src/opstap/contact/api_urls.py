"""Included into the API (namespace 'api') from api/urls.py. The paths are a public contract."""

from django.urls import path

from . import api, api_begeleiding

urlpatterns = [
    path("berichten/", api.BerichtenView.as_view(), name="berichten"),
    path("gespreksverslagen/", api.GespreksverslagenView.as_view(), name="gespreksverslagen"),
    path(
        "gespreksverslagen/<int:verslag_pk>/",
        api.GespreksverslagDetail.as_view(),
        name="gespreksverslag",
    ),
    path("contactmomenten/", api_begeleiding.ContactmomentenView.as_view(), name="contactmomenten"),
    path("stappenplan/", api_begeleiding.StappenplanView.as_view(), name="stappenplan"),
    path("regelingen/", api_begeleiding.RegelingenView.as_view(), name="regelingen"),
    path("aanvragen/", api_begeleiding.AanvragenView.as_view(), name="aanvragen"),
]
