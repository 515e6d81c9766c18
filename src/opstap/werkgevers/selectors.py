from django.db.models import QuerySet

from opstap.accounts.models import Gebruiker

from .models import Toestemming, Vacature


def vacatures_van(gebruiker: Gebruiker) -> QuerySet[Vacature]:
    if gebruiker.werkgever_id is None or gebruiker.gemeente_id is None:
        return Vacature.objects.none()
    return Vacature.objects.filter(werkgever_id=gebruiker.werkgever_id, gemeente_id=gebruiker.gemeente_id)


def gedeelde_kandidaten(gebruiker: Gebruiker) -> QuerySet[Toestemming]:
    """Consents that are in force for this employer: the only way it sees a client."""
    if gebruiker.werkgever_id is None or gebruiker.gemeente_id is None:
        return Toestemming.objects.none()
    return Toestemming.objects.filter(
        werkgever_id=gebruiker.werkgever_id, ingetrokken_op__isnull=True,
        klant__gemeente_id=gebruiker.gemeente_id,
    ).select_related("klant", "vacature")
