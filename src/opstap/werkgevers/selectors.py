from django.db.models import QuerySet

from opstap.accounts import toegang
from opstap.accounts.models import Gebruiker

from .models import Toestemming, Vacature


def vacatures_van(gebruiker: Gebruiker) -> QuerySet[Vacature]:
    if gebruiker.werkgever_id is None or gebruiker.gemeente_id is None:
        return Vacature.objects.none()
    return Vacature.objects.filter(
        werkgever_id=gebruiker.werkgever_id, gemeente_id=gebruiker.gemeente_id
    )


def gedeelde_kandidaten(gebruiker: Gebruiker) -> QuerySet[Toestemming]:
    """The candidates this employer sees: exactly the consents in force (the rule lives in
    accounts.toegang, the same one zichtbare_klanten uses), with what the page shows."""
    return toegang.geldende_toestemmingen(gebruiker).select_related("klant", "vacature")
