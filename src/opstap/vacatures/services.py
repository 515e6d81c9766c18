"""Writing vacancies and a client's work wishes; looking up the place of an address (PDOK)."""

from typing import Any

from django.db import transaction

from opstap.accounts.models import Gebruiker
from opstap.klanten.models import Klant
from opstap.werkgevers.models import Vacature

from . import pdok

WENS_VELDEN = (
    "alleen_schooltijden",
    "heeft_auto",
    "fysiek_beperkt",
    "max_uren_per_week",
    "gewenste_beroepen",
    "vaardigheden",
    "interesses",
    "ervaring",
)


def plek_van_klant(klant: Klant, *, ophalen: pdok.Ophalen | None = None) -> str:
    """Look up the client's home address at PDOK and keep the coordinates. Returns a Dutch
    message when that did not work (the old coordinates, if any, are then kept)."""
    adres = f"{klant.straat} {klant.huisnummer}".strip()
    locatie = pdok.zoek_locatie(adres, klant.postcode, klant.woonplaats, ophalen=ophalen)
    if locatie.plek is None:
        return locatie.melding
    klant.breedtegraad = round(locatie.plek.breedtegraad, 5)
    klant.lengtegraad = round(locatie.plek.lengtegraad, 5)
    klant.save(update_fields=["breedtegraad", "lengtegraad", "gewijzigd"])
    return ""


@transaction.atomic
def werkwensen_opslaan(
    *,
    klant: Klant,
    gegevens: dict[str, Any],
    door: Gebruiker,
    adres_opzoeken: bool = False,
    ophalen: pdok.Ophalen | None = None,
) -> str:
    """Save what the client can and wants (the constraints matching respects). The contact person
    may also pass `mogelijke_beroepen`. Returns a Dutch message about the address, or ''."""
    velden = [v for v in (*WENS_VELDEN, "mogelijke_beroepen") if v in gegevens]
    for veld in velden:
        setattr(klant, veld, gegevens[veld])
    klant.save(update_fields=[*velden, "gewijzigd"])
    if adres_opzoeken or klant.breedtegraad is None:
        return plek_van_klant(klant, ophalen=ophalen)
    return ""


@transaction.atomic
def vacature_opslaan(
    *,
    vacature: Vacature,
    gegevens: dict[str, Any],
    ophalen: pdok.Ophalen | None = None,
) -> str:
    """Save a vacancy (new or changed) with its criteria; when its address changed or has no
    place yet, look the place up. Returns a Dutch message about the address, or ''."""
    oud = (vacature.adres, vacature.postcode, vacature.plaats)
    for veld, waarde in gegevens.items():
        setattr(vacature, veld, waarde)
    nieuw_adres = (vacature.adres, vacature.postcode, vacature.plaats)
    melding = ""
    if any(nieuw_adres) and (nieuw_adres != oud or vacature.breedtegraad is None):
        locatie = pdok.zoek_locatie(*nieuw_adres, ophalen=ophalen)
        if locatie.plek is None:
            melding = locatie.melding
            if nieuw_adres != oud:  # the old place no longer belongs to this address
                vacature.breedtegraad = vacature.lengtegraad = None
        else:
            vacature.breedtegraad = round(locatie.plek.breedtegraad, 5)
            vacature.lengtegraad = round(locatie.plek.lengtegraad, 5)
    vacature.full_clean(exclude=["gemeente", "werkgever"])
    vacature.save()
    return melding
