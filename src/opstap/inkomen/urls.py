from django.urls import path

from . import views

app_name = "inkomen"

urlpatterns = [path("", views.start, name="start")]
