"""Part-time work in the contact person's area (namespace 'werk'), mounted by opstap/urls.py."""

from django.urls import path

from . import views_werk as v

urlpatterns = [
    path("contracten/", v.contracten, name="contracten"),
    path("klanten/<int:klant_pk>/werk/", v.klant_werk, name="klant-werk"),
    path("klanten/<int:klant_pk>/werk/<int:baan_pk>/contract/", v.contract, name="contract"),
    path(
        "klanten/<int:klant_pk>/werk/<int:baan_pk>/contract/bestand/",
        v.contract_bestand,
        name="contract-bestand",
    ),
]
