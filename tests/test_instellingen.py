"""Production settings refuse to start unsafe; demo mode can never be on there."""

import os
import subprocess
import sys

import pytest

BASIS = {"PATH": os.environ.get("PATH", ""), "DJANGO_SETTINGS_MODULE": "opstap.conf.production"}


def _laad(omgeving: dict[str, str]) -> subprocess.CompletedProcess[str]:
    code = "import django; django.setup(); from django.conf import settings; print(settings.DEMO_MODE, settings.SESSION_COOKIE_SECURE)"
    return subprocess.run([sys.executable, "-c", code], env={**BASIS, **omgeving}, capture_output=True,
                          text=True, timeout=60, check=False)


def test_productie_weigert_zonder_geheime_sleutel() -> None:
    resultaat = _laad({})
    assert resultaat.returncode != 0
    assert "Zet de omgevingsvariabele SECRET_KEY voor productie." in resultaat.stderr


def test_productie_zet_demomodus_altijd_uit() -> None:
    resultaat = _laad({"SECRET_KEY": "x" * 50, "FIELD_ENCRYPTION_KEYS": "dGVzdC1zbGV1dGVsLW9wc3RhcC0zMi1ieXRlcy0hISE=",
                       "DATABASE_URL": "postgres://u@127.0.0.1/db", "ALLOWED_HOSTS": "opstap.example",
                       "OPSTAP_DEMO": "ja"})
    assert resultaat.returncode == 0, resultaat.stderr
    assert resultaat.stdout.split() == ["False", "True"]


@pytest.mark.django_db
def test_oidc_maakt_geen_accounts_aan_en_koppelt_op_email() -> None:
    from opstap.accounts.models import Gebruiker, Rol
    from opstap.accounts.oidc import OpstapOIDCBackend

    backend = OpstapOIDCBackend.__new__(OpstapOIDCBackend)
    backend.UserModel = Gebruiker
    Gebruiker.objects.create(username="cp", rol=Rol.CONTACTPERSOON, email="cp@gemeente.example")
    assert backend.create_user({"email": "nieuw@gemeente.example"}) is None
    assert [g.username for g in backend.filter_users_by_claims({"email": "CP@gemeente.example"})] == ["cp"]
    assert not backend.filter_users_by_claims({}).exists()
