"""Production settings refuse to start unsafe; demo mode can never be on there."""

import os
import secrets
import subprocess
import sys

import pytest
from cryptography.fernet import Fernet

from opstap.conf.demosleutels import (
    DEMO_FIELD_ENCRYPTION_KEY,
    DEMO_SECRET_KEY,
    TEST_FIELD_ENCRYPTION_KEY,
    TEST_SECRET_KEY,
)

BASIS = {"PATH": os.environ.get("PATH", ""), "DJANGO_SETTINGS_MODULE": "opstap.conf.production"}


def _laad(omgeving: dict[str, str]) -> subprocess.CompletedProcess[str]:
    code = "import django; django.setup(); from django.conf import settings; print(settings.DEMO_MODE, settings.SESSION_COOKIE_SECURE)"
    return subprocess.run(
        [sys.executable, "-c", code],
        env={**BASIS, **omgeving},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_productie_weigert_zonder_geheime_sleutel() -> None:
    resultaat = _laad({})
    assert resultaat.returncode != 0
    assert "Zet de omgevingsvariabele SECRET_KEY voor productie." in resultaat.stderr


# A good production environment: own keys, made here, never one from the repository.
GOED = {
    "SECRET_KEY": secrets.token_urlsafe(64),
    "FIELD_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
    "DATABASE_URL": "postgres://u@127.0.0.1/db",
    "ALLOWED_HOSTS": "opstap.example",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}


@pytest.mark.parametrize(
    ("code", "verwacht"),
    [
        # The web server without DJANGO_SETTINGS_MODULE: production (importing the package, with
        # its Celery app, once chose the demo settings first).
        ("import opstap.wsgi", "opstap.conf.production"),
        ("import sys; sys.argv = ['celery']; import opstap", "opstap.conf.production"),
        # The command line (`opstap bereken` for outside checkers) works without setup.
        (
            "from opstap.cli import main; main(['opstap', 'check', '--deploy', '--fail-level', 'CRITICAL'])",
            "opstap.conf.dev",
        ),
    ],
)
def test_zonder_instelling_kiest_de_webserver_productie(code: str, verwacht: str) -> None:
    omgeving = {"PATH": os.environ.get("PATH", ""), **GOED}
    resultaat = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport os; print(os.environ['DJANGO_SETTINGS_MODULE'])"],
        env=omgeving,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert resultaat.stdout.strip().splitlines()[-1:] == [verwacht], resultaat.stderr[-2000:]


def test_productie_zet_demomodus_altijd_uit() -> None:
    resultaat = _laad({**GOED, "OPSTAP_DEMO": "ja"})
    assert resultaat.returncode == 0, resultaat.stderr
    assert resultaat.stdout.split() == ["False", "True"]


def test_productie_start_met_een_goede_omgeving_en_sleutelrotatie() -> None:
    resultaat = _laad(
        {
            **GOED,
            "FIELD_ENCRYPTION_KEYS": f"{Fernet.generate_key().decode()},{GOED['FIELD_ENCRYPTION_KEYS']}",
        }
    )
    assert resultaat.returncode == 0, resultaat.stderr


@pytest.mark.parametrize(
    ("waarde", "melding"),
    [
        ("x", "SECRET_KEY is te zwak voor productie"),
        ("x" * 60, "SECRET_KEY is te zwak voor productie"),  # long, but one character
        ("abcd" * 20, "SECRET_KEY is te zwak voor productie"),  # four distinct characters
        ("django-insecure-" + "0123456789abcdefghij" * 3, "SECRET_KEY is te zwak voor productie"),
        (TEST_SECRET_KEY, "SECRET_KEY is de demo- of testsleutel"),
        (DEMO_SECRET_KEY, "SECRET_KEY is de demo- of testsleutel"),
    ],
    ids=["x", "60x", "vier-tekens", "django-insecure", "test", "demo"],
)
def test_productie_weigert_een_zwakke_of_openbare_geheime_sleutel(
    waarde: str, melding: str
) -> None:
    resultaat = _laad({**GOED, "SECRET_KEY": waarde})
    assert resultaat.returncode != 0
    assert melding in resultaat.stderr


@pytest.mark.parametrize(
    ("waarde", "melding"),
    [
        (DEMO_FIELD_ENCRYPTION_KEY, "sleutel 1 is de demo- of testsleutel"),
        (
            f"{GOED['FIELD_ENCRYPTION_KEYS']},{TEST_FIELD_ENCRYPTION_KEY}",
            "sleutel 2 is de demo- of testsleutel",
        ),
        ("geen-fernet-sleutel", "sleutel 1 is geen geldige Fernet-sleutel"),
        ("a" * 44, "sleutel 1 is geen geldige Fernet-sleutel"),
    ],
    ids=["demo", "test-als-tweede", "onzin", "geen-base64"],
)
def test_productie_weigert_openbare_of_ongeldige_versleutelsleutels(
    waarde: str, melding: str
) -> None:
    resultaat = _laad({**GOED, "FIELD_ENCRYPTION_KEYS": waarde})
    assert resultaat.returncode != 0
    assert melding in resultaat.stderr


def test_productie_eist_redis() -> None:
    zonder = {k: v for k, v in GOED.items() if k != "REDIS_URL"}
    resultaat = _laad(zonder)
    assert resultaat.returncode != 0
    assert "Zet de omgevingsvariabele REDIS_URL voor productie." in resultaat.stderr


@pytest.mark.django_db
def test_oidc_maakt_geen_accounts_aan_en_koppelt_op_email() -> None:
    from opstap.accounts.models import Gebruiker, Rol
    from opstap.accounts.oidc import OpstapOIDCBackend

    backend = OpstapOIDCBackend.__new__(OpstapOIDCBackend)
    backend.UserModel = Gebruiker
    Gebruiker.objects.create(username="cp", rol=Rol.CONTACTPERSOON, email="cp@gemeente.example")
    assert backend.create_user({"email": "nieuw@gemeente.example"}) is None
    assert [
        g.username for g in backend.filter_users_by_claims({"email": "CP@gemeente.example"})
    ] == ["cp"]
    assert not backend.filter_users_by_claims({}).exists()


def test_vertrouwde_proxies_moeten_adressen_zijn() -> None:
    resultaat = _laad({**GOED, "TRUSTED_PROXIES": "10.0.0.0/24,proxy.intern"})
    assert resultaat.returncode != 0
    assert "TRUSTED_PROXIES: 'proxy.intern' is geen IP-adres of netwerk" in resultaat.stderr
    assert _laad({**GOED, "TRUSTED_PROXIES": "10.0.0.0/24, ::1"}).returncode == 0
