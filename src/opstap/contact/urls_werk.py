"""Contact and guidance in the contact person's area (namespace 'werk'), mounted by opstap/urls.py."""

from django.urls import path

from . import views_werk as v

urlpatterns = [
    path("voorzieningen/", v.voorzieningen_overzicht, name="voorzieningen"),
    path("profiel/", v.profiel, name="profiel"),
    path("klanten/<int:klant_pk>/berichten/", v.berichten, name="berichten"),
    path("klanten/<int:klant_pk>/berichten/<int:bericht_pk>/bijlage/", v.bijlage, name="bijlage"),
    path("klanten/<int:klant_pk>/verslagen/nieuw/", v.verslag_nieuw, name="verslag-nieuw"),
    path("klanten/<int:klant_pk>/verslagen/<int:verslag_pk>/", v.verslag, name="verslag"),
    path("klanten/<int:klant_pk>/contactmomenten/", v.contactmomenten, name="contactmomenten"),
    path("klanten/<int:klant_pk>/stappenplan/", v.stappenplan, name="stappenplan"),
    path("klanten/<int:klant_pk>/aanvragen/", v.aanvragen, name="aanvragen"),
    path("klanten/<int:klant_pk>/overdracht/", v.overdracht, name="overdracht"),
    path("klanten/<int:klant_pk>/als-klant/", v.als_klant, name="als-klant"),
]
