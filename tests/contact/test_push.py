"""Push sign-up: only the browsers' push services, keys of the right size, a few devices per
person, and a small body — each refused with a Dutch message and nothing stored."""

import base64
import json
from typing import Any

import pytest

from django.test import Client

from opstap.accounts.models import Rol
from opstap.contact.models import Meldingskanaal
from tests.wereld import Wereld

pytestmark = pytest.mark.django_db

P256DH = base64.urlsafe_b64encode(b"\x04" + bytes(range(64))).decode().rstrip("=")
AUTH = base64.urlsafe_b64encode(bytes(range(16))).decode().rstrip("=")


def _inschrijven(client: Client, endpoint: str, keys: Any = None) -> Any:
    return client.post(
        "/mijn/meldingen/push/",
        json.dumps({"endpoint": endpoint, "keys": keys or {"p256dh": P256DH, "auth": AUTH}}),
        content_type="application/json",
    )


@pytest.mark.parametrize(
    "endpoint",
    [
        "https://fcm.googleapis.com/fcm/send/abc",
        "https://updates.push.services.mozilla.com/wpush/v2/abc",
        "https://web.push.apple.com/QGuQyavXutnMH",
        "https://wns2-par02p.notify.windows.com/w/?token=abc",
    ],
)
def test_bekende_pushdiensten_worden_bewaard(klant_client: Client, endpoint: str) -> None:
    assert _inschrijven(klant_client, endpoint).status_code == 201
    assert Meldingskanaal.objects.filter(endpoint=endpoint, soort="push").exists()


@pytest.mark.parametrize(
    "endpoint",
    [
        "https://push.example/abc",  # not a push service
        "https://127.0.0.1/abc",
        "https://localhost/abc",
        "https://10.0.0.5/abc",  # internal
        "https://169.254.169.254/latest/meta-data/",
        "http://fcm.googleapis.com/fcm/send/abc",  # not https
        "https://fcm.googleapis.com:8443/fcm/send/abc",  # another port
        "https://user:pw@fcm.googleapis.com/fcm/send/abc",  # credentials
        "https://fcm.googleapis.com.evil.example/abc",
        "https://evilpush.apple.com.example/x",
        "https://notify.windows.com.evil.example/x",
        "https://xpush.apple.com/x",
        "https://fcm.googleapis.com/" + "a" * 1000,  # too long
        "",
    ],
)
def test_andere_adressen_worden_geweigerd(klant_client: Client, endpoint: str) -> None:
    response = _inschrijven(klant_client, endpoint)
    assert response.status_code == 400
    assert "kunnen we niet instellen" in response.json()["fout"]
    assert not Meldingskanaal.objects.filter(soort="push").exists()


@pytest.mark.parametrize(
    "keys",
    [
        {"p256dh": "x", "auth": "y"},
        {"p256dh": P256DH, "auth": AUTH + "AAAA"},  # 19 bytes
        {"p256dh": P256DH[:-4], "auth": AUTH},  # 62 bytes
        {"p256dh": P256DH + "A" * 5000, "auth": AUTH},
        {"p256dh": "!" * 87, "auth": AUTH},
        {"p256dh": P256DH, "auth": AUTH, "extra": "x"},
        {"p256dh": P256DH},
        "geen object",
    ],
)
def test_foute_sleutels_worden_geweigerd(klant_client: Client, keys: Any) -> None:
    response = _inschrijven(klant_client, "https://fcm.googleapis.com/fcm/send/abc", keys)
    assert response.status_code in (400, 413)
    assert not Meldingskanaal.objects.filter(soort="push").exists()


def test_hooguit_vijf_apparaten_de_oudste_valt_af(klant_client: Client, wereld: Wereld) -> None:
    for i in range(7):
        assert (
            _inschrijven(klant_client, f"https://fcm.googleapis.com/fcm/send/{i}").status_code
            == 201
        )
    klant = wereld.a.gebruikers[Rol.KLANT]
    over = sorted(
        Meldingskanaal.objects.filter(gebruiker=klant, soort="push").values_list(
            "endpoint", flat=True
        )
    )
    assert over == [f"https://fcm.googleapis.com/fcm/send/{i}" for i in range(2, 7)]


def test_groot_verzoek_geeft_413(klant_client: Client) -> None:
    response = klant_client.post(
        "/mijn/meldingen/push/",
        json.dumps(
            {
                "endpoint": "https://fcm.googleapis.com/x",
                "keys": {"p256dh": "A" * 10_000, "auth": AUTH},
            }
        ),
        content_type="application/json",
    )
    assert response.status_code == 413
    assert "te groot" in response.json()["fout"]
    assert not Meldingskanaal.objects.filter(soort="push").exists()


def test_oude_inschrijving_naar_intern_adres_krijgt_geen_push(
    wereld: Wereld, monkeypatch: pytest.MonkeyPatch, settings: Any
) -> None:
    """A row stored before the checks (straight in the database) is skipped when sending."""
    import sys
    import types

    from opstap.contact import meldingen

    verstuurd: list[dict[str, object]] = []
    nep = types.ModuleType("pywebpush")
    nep.webpush = lambda **kwargs: verstuurd.append(kwargs)  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "pywebpush", nep)
    settings.OPSTAP_VAPID_PRIVATE_KEY = "test-sleutel"
    klant = wereld.a.gebruikers[Rol.KLANT]
    Meldingskanaal.objects.create(
        gebruiker=klant,
        soort="push",
        endpoint="https://169.254.169.254/latest/",
        sleutels={"p256dh": P256DH, "auth": AUTH},
    )
    Meldingskanaal.objects.create(
        gebruiker=klant,
        soort="push",
        endpoint="https://fcm.googleapis.com/fcm/send/ok",
        sleutels={"p256dh": P256DH, "auth": AUTH},
    )
    meldingen.versturen(klant, "nieuw_verslag", "/mijn/gesprekken/1/")
    assert [v["subscription_info"]["endpoint"] for v in verstuurd] == [
        "https://fcm.googleapis.com/fcm/send/ok"
    ]  # type: ignore[index]
