"""The client's work pages in the client's area (namespace 'mijn'), mounted by opstap/urls.py."""

from django.urls import path

from . import views

urlpatterns = [
    path("werk/", views.mijn_werk, name="werk"),
    path("werk/brief.pdf", views.mijn_werkbrief, name="werkbrief"),
    path("werk/<int:baan_pk>/", views.mijn_baan, name="baan"),
    path("werk/<int:baan_pk>/wijzigen/", views.mijn_baan_wijzigen, name="baan-wijzigen"),
    path("werk/<int:baan_pk>/meer-uren/", views.mijn_meer_uren, name="meer-uren"),
]
