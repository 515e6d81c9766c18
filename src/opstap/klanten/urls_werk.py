"""The caseload and a client's file in the contact person's area (namespace 'werk'), mounted by
opstap/urls.py."""

from django.urls import path

from . import views_werk

urlpatterns = [
    path("", views_werk.caseload, name="caseload"),
    path("klanten/<int:klant_pk>/", views_werk.klant, name="klant"),
]
