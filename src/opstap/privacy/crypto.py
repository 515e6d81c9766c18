"""Encryption at rest for BSN, health and debt details, and a keyed hash to find a BSN."""

import hashlib
import hmac
from functools import cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


@cache
def _fernet() -> MultiFernet:
    keys = settings.FIELD_ENCRYPTION_KEYS
    if not keys:
        raise ImproperlyConfigured("FIELD_ENCRYPTION_KEYS ontbreekt: versleutelen is niet mogelijk.")
    return MultiFernet([Fernet(key) for key in keys])


def versleutel(tekst: str) -> str:
    return _fernet().encrypt(tekst.encode()).decode()


def ontsleutel(token: str) -> str:
    try:
        return _fernet().decrypt(token.encode()).decode()
    except InvalidToken as exc:
        raise ImproperlyConfigured("Versleutelde gegevens passen niet bij de sleutel.") from exc


def zoekhash(waarde: str) -> str:
    """A keyed hash: lets us find a BSN without storing it readable or hashable by others."""
    key = hashlib.sha256(("opstap-zoekhash:" + settings.FIELD_ENCRYPTION_KEYS[0]).encode()).digest()
    return hmac.new(key, waarde.encode(), hashlib.sha256).hexdigest()
