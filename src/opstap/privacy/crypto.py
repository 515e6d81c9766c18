"""Encryption at rest for personal data (fields and files), and a keyed hash to find a BSN.

FIELD_ENCRYPTION_KEYS holds one or more Fernet keys: the first encrypts, all of them decrypt, so
a new key can be put in front and the old ones kept until `opstap sleutels-roteren` has
re-encrypted everything with the new one (see docs/import.md).

Fields are Fernet tokens (text in a column). Files are AES-256-GCM (`BESTAND_KOP`, a 12-byte
nonce, then ciphertext and tag) under a key derived from each Fernet key with HKDF: a payslip is
encrypted and authenticated in ~0.2 ms instead of Fernet's ~1.5 ms (its base64, padding and HMAC
over 200 KB, on every deadline-day declaration), and is a third smaller on disk. Files stored
earlier as Fernet tokens stay readable; key rotation rewrites them in the new form."""

import base64
import binascii
import contextlib
import hashlib
import hmac
import os
from collections.abc import Sequence
from functools import cache

import numpy as np
from cryptography.exceptions import InvalidTag
from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

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


@cache
def _bestandssleutels() -> list[AESGCM]:
    """Per Fernet key (same order) the AES-256-GCM key for files, derived with HKDF-SHA256: one
    key setting serves both, and rotating it rotates both."""
    return [
        AESGCM(
            HKDF(
                algorithm=hashes.SHA256(), length=32, salt=None, info=b"opstap bestanden v1"
            ).derive(base64.urlsafe_b64decode(k))
        )
        for k in _sleutels()
    ]


def sleutels_vergeten() -> None:
    """Forget the cached keys (after FIELD_ENCRYPTION_KEYS changed, e.g. in a test)."""
    _fernet.cache_clear()
    _eerste_fernet.cache_clear()
    _bestandssleutels.cache_clear()


def versleutel(tekst: str) -> str:
    return _fernet().encrypt(tekst.encode()).decode()


def ontsleutel(token: str) -> str:
    return ontsleutel_bytes(token.encode()).decode()


def ontsleutel_bytes(token: bytes) -> bytes:
    try:
        return _fernet().decrypt(token)
    except InvalidToken as exc:
        raise ImproperlyConfigured("Versleutelde gegevens passen niet bij de sleutel.") from exc


# Starts every encrypted file; a Fernet token (an older file) starts with "gAAAAA".
BESTAND_KOP = b"OPSTAP-GCM1\n"
_NONCE = 12


def versleutel_bestand(data: bytes) -> bytes:
    """A file's bytes encrypted with the first key (AES-256-GCM, a fresh random nonce)."""
    nonce = os.urandom(_NONCE)
    return BESTAND_KOP + nonce + _bestandssleutels()[0].encrypt(nonce, data, BESTAND_KOP)


def _bestand_ontsleutelen(token: bytes, sleutels: Sequence[AESGCM]) -> bytes | None:
    """The plain bytes of a file in the GCM form, or None when no key fits (or it was altered)."""
    nonce, inhoud = (
        token[len(BESTAND_KOP) : len(BESTAND_KOP) + _NONCE],
        token[len(BESTAND_KOP) + _NONCE :],
    )
    for sleutel in sleutels:
        try:
            return sleutel.decrypt(nonce, inhoud, BESTAND_KOP)
        except (InvalidTag, ValueError):
            continue
    return None


def _is_bestand(token: bytes) -> bool:
    return token.startswith(BESTAND_KOP)


def ontsleutel_bestand(token: bytes) -> bytes:
    """A stored file's plain bytes: the GCM form, or a Fernet token from before."""
    if not _is_bestand(token):
        return ontsleutel_bytes(token)
    data = _bestand_ontsleutelen(token, _bestandssleutels())
    if data is None:
        raise ImproperlyConfigured("Versleutelde gegevens passen niet bij de sleutel.")
    return data


def is_leesbaar(token: bytes) -> bool:
    """Whether one of the configured keys decrypts `token` (a field's or a file's), so it is not
    plain text."""
    if _is_bestand(token):
        return _bestand_ontsleutelen(token, _bestandssleutels()) is not None
    try:
        _fernet().decrypt(token)
    except InvalidToken:
        return False
    return True


def heeft_eerste_sleutel(token: bytes) -> bool:
    """Whether `token` is already encrypted with the first (current) key: rotation skips it."""
    if _is_bestand(token):
        return _bestand_ontsleutelen(token, _bestandssleutels()[:1]) is not None
    try:
        _eerste_fernet().decrypt(token)
    except InvalidToken:
        return False
    return True


def roteer(token: bytes) -> bytes:
    """A field's `token` re-encrypted with the first key. Raises ImproperlyConfigured if no key
    fits."""
    try:
        return _fernet().rotate(token)
    except InvalidToken as exc:
        raise ImproperlyConfigured(
            "Versleutelde gegevens passen bij geen van de sleutels."
        ) from exc


def roteer_bestand(token: bytes) -> bytes:
    """A file re-encrypted with the first key, in the GCM form (an older Fernet file too)."""
    return versleutel_bestand(ontsleutel_bestand(token))


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


_URLSAFE = bytes.maketrans(b"-_", b"+/")


def ontsleutel_veel(tokens: Sequence[str]) -> list[str]:
    """`[ontsleutel(t) for t in tokens]`, for a batch job that reads one field of many rows.

    The same Fernet checks per token (version byte, HMAC-SHA256 over the token with one of the
    keys, compared in constant time, then AES-128-CBC and PKCS7 padding), but the AES part of
    all tokens runs as one call: CBC decryption is block-wise AES followed by an XOR with the
    previous ciphertext block (the IV for the first), so it is done as one ECB decryption of
    every block and one numpy XOR. A token that fails any check goes through `ontsleutel`, which
    raises as it always does."""
    sleutels = [base64.urlsafe_b64decode(k) for k in _sleutels()]
    # HMAC-SHA256 (RFC 2104) with the inner and outer key blocks hashed once per key: per token
    # only the copies are hashed further (the same MAC as hmac.digest, several times quicker).
    pads = [
        (
            hashlib.sha256(bytes(b ^ 0x36 for b in s[:16].ljust(64, b"\0"))),
            hashlib.sha256(bytes(b ^ 0x5C for b in s[:16].ljust(64, b"\0"))),
        )
        for s in sleutels
    ]
    uit: list[str | None] = [None] * len(tokens)
    # Per key: positions, ciphertext blocks and the blocks they are XORed with.
    per_sleutel: list[tuple[list[int], list[bytes], list[bytes]]] = [([], [], []) for _ in sleutels]
    for i, token in enumerate(tokens):
        try:  # what base64.urlsafe_b64decode does, without its checks on the argument's type
            data = binascii.a2b_base64(token.encode().translate(_URLSAFE))
        except (TypeError, binascii.Error):
            continue
        lengte = len(data) - 57  # version 1, timestamp 8, IV 16, HMAC 32
        if lengte <= 0 or lengte % 16 or data[0] != 0x80:
            continue
        inhoud, handtekening = data[:-32], data[-32:]
        for j, (binnen, buiten) in enumerate(pads):
            h = binnen.copy()
            h.update(inhoud)
            mac = buiten.copy()
            mac.update(h.digest())
            if hmac.compare_digest(mac.digest(), handtekening):
                posities, blokken, vorige = per_sleutel[j]
                posities.append(i)
                blokken.append(data[25:-32])
                vorige.append(data[9:-48])  # IV and every ciphertext block but the last
                break
    for sleutel, (posities, blokken, vorige) in zip(sleutels, per_sleutel, strict=True):
        if not posities:
            continue
        # ECB here is the AES step of CBC block by block; the chaining is the XOR below.
        ontsleutelaar = Cipher(algorithms.AES(sleutel[16:]), modes.ECB()).decryptor()  # noqa: S305
        ruw = ontsleutelaar.update(b"".join(blokken)) + ontsleutelaar.finalize()
        klaar = (
            np.frombuffer(ruw, dtype=np.uint8) ^ np.frombuffer(b"".join(vorige), dtype=np.uint8)
        ).tobytes()
        begin = 0
        for i, blok in zip(posities, blokken, strict=True):
            eind = begin + len(blok)
            opgevuld = klaar[begin:eind]
            begin = eind
            vulling = opgevuld[-1]
            if 1 <= vulling <= 16 and opgevuld[-vulling:] == bytes([vulling]) * vulling:
                with contextlib.suppress(UnicodeDecodeError):
                    uit[i] = opgevuld[:-vulling].decode()
    return [t if t is not None else ontsleutel(tokens[i]) for i, t in enumerate(uit)]
