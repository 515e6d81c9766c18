"""No personal data in any cache, and the offline copy goes when the session ends (issue 8).

Logged in through the real login form, as a person on a shared or lost phone would be."""

import re
from typing import Any

import pytest

from django.contrib.sessions.models import Session
from django.test import Client

from opstap.accounts.models import Rol
from tests.wereld import WACHTWOORD, Wereld

pytestmark = pytest.mark.django_db


def _inloggen(gebruikersnaam: str) -> Client:
    client = Client(enforce_csrf_checks=True)
    pagina = client.get("/inloggen/").content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', pagina)
    assert token
    response = client.post(
        "/inloggen/",
        {"username": gebruikersnaam, "password": WACHTWOORD, "csrfmiddlewaretoken": token.group(1)},
    )
    assert response.status_code == 302, "login failed"
    return client


def _niet_bewaren(response: object) -> None:
    waarde = response["Cache-Control"]  # type: ignore[index]
    delen = {d.strip() for d in waarde.split(",")}
    assert {"no-store", "private", "no-cache", "must-revalidate"} <= delen, waarde


def test_persoonlijke_pagina_pdf_en_bijlage_worden_nergens_bewaard(wereld: Wereld) -> None:
    klant = wereld.a.klanten["eigen"]
    ids = wereld.a.objecten[klant.pk]
    client = _inloggen(wereld.a.gebruikers[Rol.KLANT].username)
    pagina = client.get("/mijn/")
    assert pagina.status_code == 200
    _niet_bewaren(pagina)
    pdf = client.get(f"/mijn/gesprekken/{ids['verslag_pk']}/pdf/")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    _niet_bewaren(pdf)
    bijlage = client.get(f"/mijn/berichten/{ids['bericht_pk']}/bijlage/")
    assert bijlage.status_code == 200 and b"".join(bijlage.streaming_content).startswith(b"%PDF-")  # type: ignore[attr-defined]
    _niet_bewaren(bijlage)


def test_api_antwoorden_worden_nergens_bewaard(wereld: Wereld) -> None:
    client = _inloggen(wereld.a.gebruikers[Rol.KLANT].username)
    antwoord = client.get("/api/v1/berichten/")
    assert antwoord.status_code == 200
    _niet_bewaren(antwoord)
    _niet_bewaren(Client().get("/api/v1/berichten/"))  # refused: still nothing to keep


def test_statische_bestanden_blijven_cachebaar(wereld: Wereld, settings: Any) -> None:
    client = _inloggen(wereld.a.gebruikers[Rol.KLANT].username)
    # The production order: WhiteNoise answers /static/ before the session and cache middleware
    # (the test settings leave it out and let the live server serve the files).
    settings.MIDDLEWARE = [
        *settings.MIDDLEWARE[:1],
        "whitenoise.middleware.WhiteNoiseMiddleware",
        *settings.MIDDLEWARE[1:],
    ]
    ingelogd = client.cookies
    client = Client()  # a new handler, built with this middleware
    client.cookies = ingelogd
    assert client.get("/mijn/").status_code == 200
    css = client.get("/static/opstap/opstap.css")
    assert css.status_code == 200
    assert "no-store" not in css.get("Cache-Control", "") and "Clear-Site-Data" not in css
    assert "public" in client.get("/manifest.webmanifest")["Cache-Control"]
    sw = client.get("/sw.js")
    assert sw["Cache-Control"] == "no-cache" and "Clear-Site-Data" not in sw


def test_zonder_sessie_geen_opruimkop() -> None:
    assert "Clear-Site-Data" not in Client().get("/inloggen/")


def test_uitloggen_wist_de_kopie_op_het_toestel(wereld: Wereld) -> None:
    client = _inloggen(wereld.a.gebruikers[Rol.KLANT].username)
    token = client.cookies["csrftoken"].value
    response = client.post("/uitloggen/", {"csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert response["Clear-Site-Data"] == '"cache", "storage"'
    _niet_bewaren(response)
    assert "Clear-Site-Data" not in client.get("/inloggen/")  # once: the old cookie is gone


@pytest.mark.parametrize("einde", ["verwijderd", "uitgeschakeld"])
def test_sessie_voorbij_zonder_uitlogknop_wist_de_kopie(wereld: Wereld, einde: str) -> None:
    """Logged out elsewhere (the session deleted on the server) or the account switched off."""
    gebruiker = wereld.a.gebruikers[Rol.KLANT]
    client = _inloggen(gebruiker.username)
    assert "Clear-Site-Data" not in client.get("/mijn/")
    if einde == "verwijderd":
        Session.objects.all().delete()
    else:
        gebruiker.is_active = False
        gebruiker.save(update_fields=["is_active"])
    response = client.get("/mijn/")
    assert response.status_code == 302 and response["Location"].startswith("/inloggen/")
    assert response["Clear-Site-Data"] == '"cache", "storage"'
    _niet_bewaren(response)


def test_verlopen_sessie_van_medewerker_wist_de_kopie(wereld: Wereld, settings: Any) -> None:
    """Staff sessions end after a while without activity: that response clears the browser too."""
    settings.DEMO_MODE = True  # the test accounts skip the second step, as the demo accounts do
    client = Client()
    client.force_login(wereld.a.gebruikers[Rol.CONTACTPERSOON])
    assert client.get("/werk/").status_code == 200
    sessie = client.session
    sessie["laatst_actief"] = sessie["laatst_actief"] - settings.STAFF_SESSIE_SECONDEN - 1
    sessie.save()
    response = client.get("/werk/")
    assert response.status_code == 302 and response["Location"].startswith("/inloggen/")
    assert response["Clear-Site-Data"] == '"cache", "storage"'
    _niet_bewaren(response)
