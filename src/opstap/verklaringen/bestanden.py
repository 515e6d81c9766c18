"""A payslip file as it arrives: its real type checked, its bytes and their SHA-256 taken before
anything is stored, so the receipt names exactly what the client sent."""

import hashlib
from dataclasses import dataclass
from typing import IO

from django.conf import settings
from django.utils.translation import gettext as _

from opstap.contact.bijlagen import BijlageFout, bijlage_soort

__all__ = ["BijlageFout", "Voorbereid", "voorbereiden"]


@dataclass(frozen=True)
class Voorbereid:
    naam: str  # the name the client's phone gave it (shown back to them, never used on disk)
    soort: str  # MIME type found in the bytes
    inhoud: bytes  # what is stored (encrypted)
    sha256: str  # of the bytes as received: the receipt's proof


def voorbereiden(bestand: IO[bytes], naam: str) -> Voorbereid:
    """Check one uploaded payslip and take its bytes. Raises BijlageFout with a Dutch message."""
    bestand.seek(0, 2)
    grootte = bestand.tell()
    bestand.seek(0)
    maximum = int(settings.OPSTAP_MAX_UPLOAD_BYTES)
    if grootte > maximum:
        raise BijlageFout(
            _(
                "Dit bestand is te groot (meer dan %(mb)s MB). Maak de foto kleiner of stuur een PDF."
            )
            % {"mb": maximum // (1024 * 1024)}
        )
    if grootte == 0:
        raise BijlageFout(_("Dit bestand is leeg. Kies de foto of PDF van je loonstrook opnieuw."))
    soort = bijlage_soort(bestand)
    inhoud = bestand.read()
    return Voorbereid(
        naam=(naam or "loonstrook")[:200],
        soort=soort,
        inhoud=inhoud,
        sha256=hashlib.sha256(inhoud).hexdigest(),
    )
