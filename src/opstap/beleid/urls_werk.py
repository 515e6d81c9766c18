from django.urls import path

from . import views

urlpatterns = [
    path("klanten/<int:klant_pk>/aanpak/", views.aanpak, name="aanpak"),
]
