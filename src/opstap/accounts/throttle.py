"""Login throttling: count failed attempts per username and per address in the cache."""

import hashlib

from django.conf import settings
from django.core.cache import cache


def _sleutels(gebruikersnaam: str, adres: str) -> list[str]:
    naam = hashlib.sha256(gebruikersnaam.strip().lower().encode()).hexdigest()[:32]
    return [f"login-fout:naam:{naam}", f"login-fout:adres:{adres}"]


def is_geblokkeerd(gebruikersnaam: str, adres: str) -> bool:
    # An address gets more room than a name: several people may share one (a library).
    grens = settings.LOGIN_MAX_POGINGEN
    naam_sleutel, adres_sleutel = _sleutels(gebruikersnaam, adres)
    return bool(cache.get(naam_sleutel, 0) >= grens or cache.get(adres_sleutel, 0) >= grens * 4)


def registreer_mislukt(gebruikersnaam: str, adres: str) -> None:
    for sleutel in _sleutels(gebruikersnaam, adres):
        cache.add(sleutel, 0, settings.LOGIN_BLOKKADE_SECONDEN)
        try:
            cache.incr(sleutel)
        except ValueError:
            cache.set(sleutel, 1, settings.LOGIN_BLOKKADE_SECONDEN)


def wis_pogingen(gebruikersnaam: str, adres: str) -> None:
    cache.delete(_sleutels(gebruikersnaam, adres)[0])
