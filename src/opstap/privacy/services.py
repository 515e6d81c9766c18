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


def inzages_door_systeem(klanten: list[Klant], *, onderdeel: str, doel: str) -> None:
    """Record that the system itself read these clients' data (a batch job), one entry each."""
    Inzage.objects.bulk_create(
        Inzage(gemeente_id=k.gemeente_id, klant=k, gebruiker=None, rol="systeem", actie=Actie.LEZEN,
               onderdeel=onderdeel, doel=doel)
        for k in klanten
    )
