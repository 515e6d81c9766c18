from django.urls import include, path

from opstap.inkomen import views as inkomen_views

from . import views_mijn

app_name = "mijn"

urlpatterns = [
    path("", views_mijn.start, name="start"),
    path("inzage/", views_mijn.inzages, name="inzages"),
    path("", include("opstap.contact.urls_mijn")),
    path("inkomen/", inkomen_views.mijn_inkomen, name="inkomen"),
    path("berekeningen/<int:berekening_pk>/", inkomen_views.mijn_berekening, name="berekening"),
]
