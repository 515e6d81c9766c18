"""The income desk's paper-form page (namespace 'inkomen_papier'), mounted under /inkomen/ by
opstap/urls.py beside the income desk's own pages."""

from django.urls import path

from . import views_inkomen

urlpatterns = [path("papier/", views_inkomen.papier, name="papier")]
