"""Contact and guidance in the client's area (namespace 'mijn'), mounted by opstap/urls.py."""

from django.urls import path

from . import views_mijn as v

urlpatterns = [
    path("berichten/", v.berichten, name="berichten"),
    path("berichten/<int:bericht_pk>/bijlage/", v.bijlage, name="bijlage"),
    path("gesprekken/", v.verslagen, name="verslagen"),
    path("gesprekken/<int:verslag_pk>/", v.verslag, name="verslag"),
    path("gesprekken/<int:verslag_pk>/pdf/", v.verslag_als_pdf, name="verslag-pdf"),
    path("afspraken/", v.afspraken, name="afspraken"),
    path("stappenplan/", v.stappenplan, name="stappenplan"),
    path("regelingen/", v.regelingen, name="regelingen"),
    path("regelingen/aanvragen/", v.aanvragen, name="aanvragen"),
    path("regels/", v.mijn_regels, name="regels"),
    path("regels/pdf/", v.mijn_regels_pdf, name="regels-pdf"),
    path("hulp/", v.hulp, name="hulp"),
    path("meldingen/", v.meldingen, name="meldingen"),
    path("meldingen/push/", v.push_inschrijven, name="push"),
]
