"""The professionals' learning-network pages (namespace 'werk'), mounted by opstap/urls.py."""

from django.urls import path

from . import views_werk

urlpatterns = [
    path("leernetwerk/", views_werk.overzicht, name="leernetwerk"),
    path(
        "leernetwerk/bron/<int:bron_pk>/modereren/",
        views_werk.modereren,
        name="leernetwerk_modereren",
    ),
    path("leernetwerk/bron/<int:bron_pk>/", views_werk.coderen, name="leernetwerk_coderen"),
    path(
        "leernetwerk/overeenstemming/",
        views_werk.overeenstemming_pagina,
        name="leernetwerk_overeenstemming",
    ),
    path("leernetwerk/sessies/", views_werk.sessies, name="leernetwerk_sessies"),
    path("leernetwerk/sessies/<int:sessie_pk>/", views_werk.sessie, name="leernetwerk_sessie"),
    path(
        "leernetwerk/sessies/<int:sessie_pk>/pakket.pdf",
        views_werk.sessie_pdf,
        name="leernetwerk_sessie_pdf",
    ),
    path("leernetwerk/export.qdpx", views_werk.export_qdpx, name="leernetwerk_export_qdpx"),
    path("leernetwerk/export.csv", views_werk.export_csv, name="leernetwerk_export_csv"),
]
