"""`privacy.crypto.ontsleutel_veel`, the batch decryption of the savings job: the same texts as
`ontsleutel` one by one, with every check Fernet makes (a token that fails one raises as before)."""

from collections.abc import Iterator

import pytest
from cryptography.fernet import Fernet

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from opstap.privacy.crypto import ontsleutel, ontsleutel_veel, sleutels_vergeten, versleutel


@pytest.fixture(autouse=True)
def verse_sleutels() -> Iterator[None]:
    sleutels_vergeten()
    yield
    sleutels_vergeten()


TEKSTEN = ["0", "1", "", "ja", "x" * 15, "y" * 16, "z" * 17, "één € twee", "lang " * 40]


def test_zelfde_als_een_voor_een() -> None:
    tokens = [versleutel(t) for t in TEKSTEN * 3]
    assert ontsleutel_veel(tokens) == [ontsleutel(t) for t in tokens] == TEKSTEN * 3
    assert ontsleutel_veel([]) == []


def test_oude_en_nieuwe_sleutel_door_elkaar() -> None:
    oud = settings.FIELD_ENCRYPTION_KEYS[0]
    nieuw = Fernet.generate_key().decode()
    oude_tokens = [versleutel(t) for t in TEKSTEN]
    with override_settings(FIELD_ENCRYPTION_KEYS=[nieuw, oud]):
        sleutels_vergeten()
        tokens = [
            t for paar in zip(oude_tokens, map(versleutel, TEKSTEN), strict=True) for t in paar
        ]
        assert ontsleutel_veel(tokens) == [t for t in TEKSTEN for _ in range(2)]
    with override_settings(FIELD_ENCRYPTION_KEYS=[nieuw]):
        sleutels_vergeten()
        with pytest.raises(ImproperlyConfigured):  # the old key is gone: as ontsleutel
            ontsleutel_veel(oude_tokens[:1])


@pytest.mark.parametrize("plek", [1, 12, 30, 60, -5])
def test_een_veranderd_teken_wordt_geweigerd(plek: int) -> None:
    goed = versleutel("1")
    teken = "A" if goed[plek] != "A" else "B"
    fout = goed[:plek] + teken + goed[plek + 1 :]  # plek -5: the HMAC's last characters
    with pytest.raises(ImproperlyConfigured):
        ontsleutel(fout)
    with pytest.raises(ImproperlyConfigured):
        ontsleutel_veel([versleutel("0"), fout])


def test_geen_token() -> None:
    for onzin in ["1", "niet versleuteld", "gAAAAA"]:
        with pytest.raises(ImproperlyConfigured):
            ontsleutel_veel([onzin])
