from django.urls import path

from . import views, views_vacatures

app_name = "werkgever"

urlpatterns = [
    path("", views.start, name="start"),
    path("vacatures/", views_vacatures.vacatures, name="vacatures"),
    path("vacatures/nieuw/", views_vacatures.vacature_nieuw, name="vacature-nieuw"),
    path("vacatures/<int:vacature_pk>/", views_vacatures.vacature, name="vacature"),
    path(
        "vacatures/<int:vacature_pk>/bewerken/",
        views_vacatures.vacature_bewerken,
        name="vacature-bewerken",
    ),
    path("regelingen/", views_vacatures.regelingen, name="regelingen"),
]
