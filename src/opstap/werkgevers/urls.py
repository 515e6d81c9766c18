from django.urls import path

from . import views

app_name = "werkgever"

urlpatterns = [path("", views.start, name="start")]
