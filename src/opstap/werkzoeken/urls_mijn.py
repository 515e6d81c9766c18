"""The client's own search for work in the client's area (namespace 'mijn'), mounted by opstap/urls.py."""

from django.urls import path

from . import views_mijn as v

urlpatterns = [
    path("werkzoeken/", v.overzicht, name="werkzoeken"),
    path(
        "werkzoeken/activiteiten/<int:activiteit_pk>/",
        v.activiteit,
        name="werkzoeken-activiteit",
    ),
    path(
        "werkzoeken/activiteiten/<int:activiteit_pk>/bewijs/",
        v.bewijs,
        name="werkzoeken-bewijs",
    ),
    path("werkzoeken/ik-heb-de-baan/", v.baan, name="werkzoeken-baan"),
    path("werkzoeken/cv-en-brieven/", v.stukken, name="werkzoeken-stukken"),
    path("werkzoeken/cv-en-brieven/nieuw/", v.stuk_nieuw, name="werkzoeken-stuk-nieuw"),
    path("werkzoeken/cv-en-brieven/<int:stuk_pk>/", v.stuk, name="werkzoeken-stuk"),
    path(
        "werkzoeken/cv-en-brieven/<int:stuk_pk>/bestand/",
        v.stuk_bestand,
        name="werkzoeken-stuk-bestand",
    ),
    path("werkzoeken/presentatie/", v.presentatie, name="werkzoeken-presentatie"),
    path("werkzoeken/presentatie/flyer/", v.flyer, name="werkzoeken-flyer"),
    path("werkzoeken/netwerk/", v.netwerk, name="werkzoeken-netwerk"),
    path(
        "werkzoeken/vrijwilligerswerk-en-mantelzorg/",
        v.vrijwilligerswerk,
        name="werkzoeken-vrijwilligerswerk",
    ),
    path("werkzoeken/hoe-gaat-het/", v.stemming, name="werkzoeken-stemming"),
]
