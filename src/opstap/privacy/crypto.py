"""Encryption at rest for personal data (fields and files), and a keyed hash to find a BSN.

FIELD_ENCRYPTION_KEYS holds one or more Fernet keys: the first encrypts, all of them decrypt, so
a new key can be put in front and the old ones kept until `opstap sleutels-roteren` has
re-encrypted everything with the new one (see docs/import.md)."""

import hashlib
import hmac
from functools import cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def _sleutels() -> list[str]:
    keys = [k.strip() for k in settings.FIELD_ENCRYPTION_KEYS if k.strip()]
    if not keys:
        raise ImproperlyConfigured(
            "FIELD_ENCRYPTION_KEYS ontbreekt: versleutelen is niet mogelijk."
        )
    return keys


@cache
def _fernet() -> MultiFernet:
    return MultiFernet([Fernet(key) for key in _sleutels()])


@cache
def _eerste_fernet() -> Fernet:
    return Fernet(_sleutels()[0])


def sleutels_vergeten() -> None:
    """Forget the cached keys (after FIELD_ENCRYPTION_KEYS changed, e.g. in a test)."""
    _fernet.cache_clear()
    _eerste_fernet.cache_clear()


def versleutel(tekst: str) -> str:
    return _fernet().encrypt(tekst.encode()).decode()


def ontsleutel(token: str) -> str:
    return ontsleutel_bytes(token.encode()).decode()


def versleutel_bytes(data: bytes) -> bytes:
    return _fernet().encrypt(data)


def ontsleutel_bytes(token: bytes) -> bytes:
    try:
        return _fernet().decrypt(token)
    except InvalidToken as exc:
        raise ImproperlyConfigured("Versleutelde gegevens passen niet bij de sleutel.") from exc


def is_leesbaar(token: bytes) -> bool:
    """Whether one of the configured keys decrypts `token` (so it is not plain text)."""
    try:
        _fernet().decrypt(token)
    except InvalidToken:
        return False
    return True


def heeft_eerste_sleutel(token: bytes) -> bool:
    """Whether `token` is already encrypted with the first (current) key: rotation skips it."""
    try:
        _eerste_fernet().decrypt(token)
    except InvalidToken:
        return False
    return True


def roteer(token: bytes) -> bytes:
    """`token` re-encrypted with the first key. Raises ImproperlyConfigured if no key fits."""
    try:
        return _fernet().rotate(token)
    except InvalidToken as exc:
        raise ImproperlyConfigured(
            "Versleutelde gegevens passen bij geen van de sleutels."
        ) from exc


def _zoekhash_met(sleutel: str, waarde: str) -> str:
    key = hashlib.sha256(("opstap-zoekhash:" + sleutel).encode()).digest()
    return hmac.new(key, waarde.encode(), hashlib.sha256).hexdigest()


def zoekhash(waarde: str) -> str:
    """A keyed hash with the first key: lets us find a BSN without storing it readable or
    hashable by others. Store this one; look up with zoekhashes()."""
    return _zoekhash_met(_sleutels()[0], waarde)


def zoekhashes(waarde: str) -> list[str]:
    """The hash of `waarde` under every configured key, the current one first: a row stored
    before a key rotation is still found until `sleutels-roteren` has re-hashed it."""
    return list(dict.fromkeys(_zoekhash_met(sleutel, waarde) for sleutel in _sleutels()))
