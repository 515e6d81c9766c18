from django.http import HttpRequest

from opstap.accounts.models import Gebruiker
from opstap.klanten.models import Klant

from .models import Actie, Inzage


def inzage_vastleggen(
    *, gebruiker: Gebruiker | None, klant: Klant, onderdeel: str, doel: str, actie: str = Actie.LEZEN
) -> Inzage:
    """Record one read or change of a client's personal data. Called by every view that shows it."""
    return Inzage.objects.create(
        gemeente_id=klant.gemeente_id,
        klant=klant,
        gebruiker=gebruiker,
        rol=getattr(gebruiker, "rol", "systeem") or "systeem",
        actie=actie,
        onderdeel=onderdeel,
        doel=doel,
    )


def inzage_bij_verzoek(request: HttpRequest, klant: Klant, onderdeel: str, doel: str,
                       actie: str = Actie.LEZEN) -> Inzage:
    gebruiker = request.user if isinstance(request.user, Gebruiker) else None
    return inzage_vastleggen(gebruiker=gebruiker, klant=klant, onderdeel=onderdeel, doel=doel, actie=actie)
