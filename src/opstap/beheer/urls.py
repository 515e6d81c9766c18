from django.urls import path

from . import views

app_name = "beheer"

urlpatterns = [
    path("", views.start, name="start"),
    path("importeren/", views.importeren, name="import"),
    path("contactpersonen/", views.contactpersonen, name="contactpersonen"),
    path("inschrijfcode/", views.inschrijfcode, name="inschrijfcode"),
]
