"""Login as an attacker meets it: the real login form (with CSRF), the API with a browser session,
the login lock, enrolment of the authenticator app, and revoked tokens."""

import http.cookiejar
import json
import re
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

import pytest

from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from opstap.accounts.models import Gebruiker, Rol
from tests.wereld import WACHTWOORD, Wereld, maak_wereld

MEDEWERKERS = [Rol.CONTACTPERSOON, Rol.INKOMENSCONSULENT, Rol.BELEIDSMEDEWERKER, Rol.BEHEERDER]


def _csrf(html: str) -> str:
    gevonden = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert gevonden, "geen CSRF-token in het formulier"
    return gevonden.group(1)


def inloggen_via_formulier(client: Client, naam: str, wachtwoord: str = WACHTWOORD, **extra: Any) -> Any:
    """As a browser does it: fetch the form, take its CSRF token, post name and password."""
    pagina = client.get("/inloggen/", **extra)
    return client.post("/inloggen/", {"username": naam, "password": wachtwoord,
                                      "csrfmiddlewaretoken": _csrf(pagina.content.decode())}, **extra)


def code_van(apparaat: TOTPDevice) -> str:
    return f"{totp(apparaat.bin_key, apparaat.step, apparaat.t0, apparaat.digits, apparaat.drift):06d}"


def echte_medewerker(wereld: Wereld, rol: str) -> Gebruiker:
    """A staff member as in production: no demo account, an authenticator app already connected."""
    gebruiker = wereld.a.gebruikers[rol]
    gebruiker.is_demo_account = False
    gebruiker.save()
    TOTPDevice.objects.create(user=gebruiker, name="Authenticator-app", confirmed=True)
    return gebruiker


# -- 1. The second login step also counts for the API with a browser session ----------------------

@pytest.mark.django_db
@pytest.mark.parametrize("rol", MEDEWERKERS)
def test_api_met_sessie_eist_de_tweede_stap(wereld: Wereld, rol: str) -> None:
    gebruiker = echte_medewerker(wereld, rol)
    client = Client(enforce_csrf_checks=True)
    assert inloggen_via_formulier(client, gebruiker.username).status_code == 302
    for pad in ("/api/v1/klanten/", "/api/v1/berichten/", "/api/v1/ik/"):
        response = client.get(pad)
        assert response.status_code in (401, 403), (pad, response.status_code)
        assert response["Content-Type"].startswith("application/problem+json")
        assert "tweede inlogstap" in response.json()["detail"]
    # The real second step: the code from the app on the page that asks for it.
    pagina = client.get("/inloggen/tweede-stap/")
    assert pagina.status_code == 200
    apparaat = TOTPDevice.objects.get(user=gebruiker)
    response = client.post("/inloggen/tweede-stap/", {"code": code_van(apparaat),
                                                      "csrfmiddlewaretoken": _csrf(pagina.content.decode())})
    assert response["Location"] == "/"
    assert client.get("/api/v1/ik/").status_code == 200
    if rol in (Rol.CONTACTPERSOON, Rol.INKOMENSCONSULENT):
        assert client.get("/api/v1/klanten/").status_code == 200


@pytest.mark.django_db
def test_klant_gebruikt_de_api_met_sessie_zonder_tweede_stap(wereld: Wereld) -> None:
    klant = wereld.a.gebruikers[Rol.KLANT]
    klant.is_demo_account = False
    klant.save()
    client = Client(enforce_csrf_checks=True)
    inloggen_via_formulier(client, klant.username)
    assert client.get("/api/v1/klanten/").status_code == 200


@pytest.mark.django_db
def test_token_van_medewerker_blijft_werken_zonder_sessie(wereld: Wereld) -> None:
    from rest_framework.authtoken.models import Token

    gebruiker = echte_medewerker(wereld, Rol.CONTACTPERSOON)
    token = Token.objects.create(user=gebruiker)
    assert Client().get("/api/v1/klanten/", HTTP_AUTHORIZATION=f"Token {token.key}").status_code == 200


def test_over_http_weigert_de_api_een_half_ingelogde_sessie(transactional_db: None, live_server: Any) -> None:
    """The same probe against a running server: login form, then the API with the session cookie."""
    wereld = maak_wereld()
    gebruiker = echte_medewerker(wereld, Rol.CONTACTPERSOON)
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    with opener.open(f"{live_server.url}/inloggen/", timeout=10) as antwoord:
        csrf = _csrf(antwoord.read().decode())
    data = urllib.parse.urlencode({"username": gebruiker.username, "password": WACHTWOORD,
                                   "csrfmiddlewaretoken": csrf}).encode()
    verzoek = urllib.request.Request(f"{live_server.url}/inloggen/", data=data,  # noqa: S310 - http to the test server
                                     headers={"Referer": f"{live_server.url}/inloggen/"})
    with opener.open(verzoek, timeout=10) as antwoord:  # follows the redirects to the second step
        assert antwoord.url.endswith("/inloggen/tweede-stap/")
    for pad in ("/api/v1/klanten/", "/api/v1/berichten/"):
        with pytest.raises(urllib.error.HTTPError) as fout:
            opener.open(f"{live_server.url}{pad}", timeout=10)
        assert fout.value.code in (401, 403)
        assert fout.value.headers["Content-Type"].startswith("application/problem+json")
        assert "tweede inlogstap" in json.loads(fout.value.read())["detail"]


# -- 4. A revoked token or a deactivated user is refused on the very next call --------------------

@pytest.mark.django_db
def test_token_van_in_bulk_gedeactiveerde_gebruiker_werkt_meteen_niet_meer(wereld: Wereld) -> None:
    from rest_framework.authtoken.models import Token

    gebruiker = wereld.a.gebruikers[Rol.CONTACTPERSOON]
    client = Client(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=gebruiker).key}")
    assert client.get("/api/v1/ik/").status_code == 200
    assert client.get("/api/v1/ik/").status_code == 200
    Gebruiker.objects.filter(pk=gebruiker.pk).update(is_active=False)  # no save(), no signals
    response = client.get("/api/v1/ik/")
    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/problem+json")


@pytest.mark.django_db
def test_verwijderd_token_werkt_meteen_niet_meer(wereld: Wereld) -> None:
    from rest_framework.authtoken.models import Token

    token = Token.objects.create(user=wereld.a.gebruikers[Rol.INKOMENSCONSULENT])
    client = Client(HTTP_AUTHORIZATION=f"Token {token.key}")
    assert client.get("/api/v1/ik/").status_code == 200
    # Revoked by another worker process: this process hears no signal, as with raw SQL here.
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {Token._meta.db_table} WHERE key = %s", [token.key])  # noqa: S608 - table name from the model
    assert client.get("/api/v1/ik/").status_code == 401
