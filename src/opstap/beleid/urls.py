from django.urls import path

from . import views

app_name = "beleid"

urlpatterns = [path("", views.start, name="start")]
