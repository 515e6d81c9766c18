from django.urls import path

from . import views

app_name = "beleid"

urlpatterns = [
    path("", views.start, name="start"),
    path("doorrekeningen/", views.doorrekeningen, name="doorrekeningen"),
    path("doorrekeningen/<int:doorrekening_pk>/", views.doorrekening, name="doorrekening"),
    path("trends/", views.trends, name="trends"),
    path("bestandsbeeld.csv", views.trends_csv, name="bestandsbeeld-csv"),
    path("besparing/", views.besparing, name="besparing"),
    path("effectiviteit/", views.effectiviteit, name="effectiviteit"),
    path("rapport.csv", views.rapport_csv_view, name="rapport-csv"),
    path("rapport.pdf", views.rapport_pdf_view, name="rapport-pdf"),
]
