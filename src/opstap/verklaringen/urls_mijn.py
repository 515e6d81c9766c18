"""The client's income declaration pages (namespace 'mijn'), mounted by opstap/urls.py."""

from django.urls import path

from . import views

urlpatterns = [
    path("inkomsten/", views.inkomsten, name="inkomsten"),
    path("inkomsten/doorgeven/", views.doorgeven, name="inkomsten_doorgeven"),
    path("inkomsten/online/", views.online, name="inkomsten_online"),
    path("inkomsten/<int:verklaring_pk>/", views.verklaring, name="inkomstenverklaring"),
    path("inkomsten/<int:verklaring_pk>/status/", views.lees_status, name="inkomsten_status"),
    path(
        "inkomsten/<int:verklaring_pk>/bevestigen/",
        views.bevestigen,
        name="inkomsten_bevestigen",
    ),
    path("inkomsten/<int:verklaring_pk>/aanvullen/", views.aanvullen, name="inkomsten_aanvullen"),
    path(
        "inkomsten/<int:verklaring_pk>/loonstrook/<int:bestand_pk>/",
        views.loonstrook,
        name="inkomsten_loonstrook",
    ),
]
