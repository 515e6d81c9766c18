from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("inloggen/", views.InlogView.as_view(), name="inloggen"),
    path("inloggen/tweede-stap/", views.tweestaps, name="tweestaps"),
    path("uitloggen/", views.uitloggen, name="uitloggen"),
]
