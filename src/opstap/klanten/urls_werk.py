from django.urls import include, path

from opstap.inkomen import views as inkomen_views

from . import views_werk

app_name = "werk"

urlpatterns = [
    path("", views_werk.caseload, name="caseload"),
    path("klanten/<int:klant_pk>/", views_werk.klant, name="klant"),
    path("", include("opstap.contact.urls_werk")),
    path("klanten/<int:klant_pk>/inkomen/", inkomen_views.klant_inkomen, name="klant-inkomen"),
    path("klanten/<int:klant_pk>/inkomen/vastleggen/", inkomen_views.berekening_vastleggen_view,
         name="klant-berekening-vastleggen"),
    path("klanten/<int:klant_pk>/berekeningen/<int:berekening_pk>/", inkomen_views.klant_berekening,
         name="klant-berekening"),
]
