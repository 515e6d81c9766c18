"""The income administrator's workspace (namespace 'werk'), mounted by opstap/urls.py."""

from django.urls import path

from . import views_werk

urlpatterns = [
    path("inkomsten/", views_werk.wachtrij_view, name="inkomsten"),
    path("inkomsten/export.csv", views_werk.export_csv, name="inkomsten-export-csv"),
    path("inkomsten/export.json", views_werk.export_json, name="inkomsten-export-json"),
    path(
        "inkomsten/<int:verklaring_pk>/",
        views_werk.verklaring_view,
        name="inkomstenverklaring",
    ),
    path(
        "inkomsten/<int:verklaring_pk>/loonstrook/",
        views_werk.loonstrook,
        name="inkomsten-loonstrook",
    ),
    path(
        "inkomsten/<int:verklaring_pk>/oppakken/",
        views_werk.oppakken,
        name="inkomsten-oppakken",
    ),
    path(
        "inkomsten/<int:verklaring_pk>/aanvulling/",
        views_werk.aanvulling,
        name="inkomsten-aanvulling",
    ),
    path(
        "inkomsten/<int:verklaring_pk>/verrekenen/",
        views_werk.verrekenen,
        name="inkomsten-verrekenen",
    ),
    path(
        "inkomsten/<int:verklaring_pk>/schatting/",
        views_werk.schatting_corrigeren,
        name="inkomsten-schatting",
    ),
]
