"""The contact person's mediation pages (namespace 'werk'), mounted by opstap/urls.py."""

from django.urls import path

from . import views_werk as v

urlpatterns = [
    path("voorstellen/", v.voorstellen, name="voorstellen"),
    path("voorstellen/<int:voorstel_pk>/", v.voorstel, name="voorstel"),
    path("bijeenkomsten/", v.bijeenkomsten, name="bijeenkomsten"),
    path("bijeenkomsten/<int:bijeenkomst_pk>/", v.bijeenkomst, name="bijeenkomst"),
    path("plaatsen/", v.plaatsen, name="plaatsen"),
]
