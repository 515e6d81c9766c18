"""The contact person's side of the client's search for work (namespace 'werk'), mounted by
opstap/urls.py."""

from django.urls import path

from . import views_werk as v

urlpatterns = [
    path("controles/", v.controles, name="werkzoeken-controles"),
    path("groepen/", v.groepen, name="werkzoeken-groepen"),
    path("klanten/<int:klant_pk>/werkzoeken/", v.klant, name="werkzoeken-klant"),
    path(
        "klanten/<int:klant_pk>/werkzoeken/stukken/<int:stuk_pk>/",
        v.controle,
        name="werkzoeken-controle",
    ),
    path(
        "klanten/<int:klant_pk>/werkzoeken/stukken/<int:stuk_pk>/bestand/",
        v.stuk_bestand,
        name="werkzoeken-stuk-bestand",
    ),
    path(
        "klanten/<int:klant_pk>/werkzoeken/activiteiten/<int:activiteit_pk>/bewijs/",
        v.bewijs,
        name="werkzoeken-bewijs",
    ),
]
