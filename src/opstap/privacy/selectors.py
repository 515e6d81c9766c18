from django.db.models import QuerySet

from opstap.klanten.models import Klant

from .models import Inzage


def inzages_voor_klant(klant: Klant) -> QuerySet[Inzage]:
    return Inzage.objects.filter(klant=klant).select_related("gebruiker")
