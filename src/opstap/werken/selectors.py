from django.db.models import QuerySet

from opstap.klanten.models import Klant

from .models import Baan


def banen_van(klant: Klant) -> QuerySet[Baan]:
    return Baan.objects.filter(klant=klant, gemeente_id=klant.gemeente_id)
