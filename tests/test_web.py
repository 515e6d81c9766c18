from unittest import mock

import pytest

from django.test import Client

from opstap.accounts.models import Rol
from tests.wereld import Wereld

pytestmark = pytest.mark.django_db


def _beheerder(wereld: Wereld) -> Client:
    client = Client()
    client.force_login(
        wereld.a.gebruikers[Rol.BEHEERDER]
    )  # demo account in demo mode: no second step
    return client


def test_health_meldt_alle_onderdelen_aan_de_beheerder(wereld: Wereld) -> None:
    response = _beheerder(wereld).get("/health/")
    assert response.status_code == 200
    assert response.json()["onderdelen"] == {
        "database": "ok",
        "cache": "ok",
        "broker": "ok",
        "opslag": "ok",
        "broker_modus": "in-process",
    }


def test_health_meldt_alle_onderdelen_met_een_token(wereld: Wereld) -> None:
    from rest_framework.authtoken.models import Token

    token = Token.objects.create(user=wereld.a.gebruikers[Rol.CONTACTPERSOON])
    response = Client().get("/health/", HTTP_AUTHORIZATION=f"Token {token.key}")
    assert response.json()["onderdelen"]["opslag"] == "ok"
    assert set(Client().get("/health/", HTTP_AUTHORIZATION="Token onzin").json()) == {"status"}


def test_health_geeft_503_als_de_database_weg_is(wereld: Wereld) -> None:
    with mock.patch("opstap.web.gezondheid.database", side_effect=RuntimeError("weg")):
        response = _beheerder(wereld).get("/health/")
        publiek = Client().get("/health/")
    assert response.status_code == 503
    assert response.json()["onderdelen"]["database"] == "fout"
    assert publiek.status_code == 503 and publiek.json() == {"status": "fout"}


def test_publieke_health_schrijft_niets_en_verraadt_niets(wereld: Wereld) -> None:
    from django.core.files.storage import default_storage

    with mock.patch.object(default_storage, "save", wraps=default_storage.save) as opslaan:
        response = Client().get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert opslaan.call_count == 0
    # A staff member who typed only the password sees no more than anyone else.
    beheerder = wereld.a.gebruikers[Rol.BEHEERDER]
    beheerder.is_demo_account = False
    beheerder.save()
    client = Client()
    client.force_login(beheerder)
    assert client.get("/health/").json() == {"status": "ok"}


def test_opdracht_health_geeft_de_volledige_controle() -> None:
    import io
    import json

    from django.core.management import call_command

    uit = io.StringIO()
    call_command("health", stdout=uit)
    assert json.loads(uit.getvalue())["onderdelen"]["opslag"] == "ok"


def test_404_is_een_vriendelijke_nederlandse_pagina() -> None:
    response = Client().get("/bestaat-niet/")
    assert response.status_code == 404
    assert "Deze pagina bestaat niet" in response.content.decode()


def test_403_voor_verkeerde_rol_is_vriendelijk(wereld: Wereld) -> None:
    client = Client()
    client.force_login(wereld.a.gebruikers[Rol.KLANT])
    response = client.get("/werk/")
    assert response.status_code == 403
    assert "Deze pagina is niet voor jou" in response.content.decode()


def test_500_laat_geen_stacktrace_zien(wereld: Wereld) -> None:
    client = Client(raise_request_exception=False)
    client.force_login(wereld.a.gebruikers[Rol.BELEIDSMEDEWERKER])
    with mock.patch(
        "opstap.beleid.views.bestandsbeeld", side_effect=ZeroDivisionError("geheim detail")
    ):
        response = client.get("/beleid/")
    assert response.status_code == 500
    tekst = response.content.decode()
    assert "Er ging iets mis bij ons" in tekst
    assert "Traceback" not in tekst and "geheim detail" not in tekst


def test_beveiligingsheaders() -> None:
    response = Client().get("/inloggen/")
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_geen_extern_geladen_bestanden() -> None:
    tekst = Client().get("/inloggen/").content.decode()
    assert "https://" not in tekst and "http://" not in tekst.replace(
        'xmlns="http://www.w3.org', ""
    )


def test_engels_is_beschikbaar() -> None:
    client = Client()
    client.post("/i18n/taal/", {"language": "en", "next": "/inloggen/"})
    tekst = client.get("/inloggen/").content.decode()
    assert '<html lang="en">' in tekst
    assert "Log in to Opstap" in tekst


def test_skiplink_en_landmarks() -> None:
    tekst = Client().get("/inloggen/").content.decode()
    assert 'class="skiplink" href="#inhoud"' in tekst
    assert '<main id="inhoud"' in tekst and "<header" in tekst and "<footer" in tekst


def test_nederlands_ook_als_de_browser_engels_vraagt() -> None:
    tekst = Client().get("/inloggen/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="nl">' in tekst and "Inloggen bij Opstap" in tekst
