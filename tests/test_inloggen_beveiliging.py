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


def inloggen_via_formulier(
    client: Client, naam: str, wachtwoord: str = WACHTWOORD, **extra: Any
) -> Any:
    """As a browser does it: fetch the form, take its CSRF token, post name and password."""
    pagina = client.get("/inloggen/", **extra)
    return client.post(
        "/inloggen/",
        {
            "username": naam,
            "password": wachtwoord,
            "csrfmiddlewaretoken": _csrf(pagina.content.decode()),
        },
        **extra,
    )


def code_van(apparaat: TOTPDevice) -> str:
    return (
        f"{totp(apparaat.bin_key, apparaat.step, apparaat.t0, apparaat.digits, apparaat.drift):06d}"
    )


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
    response = client.post(
        "/inloggen/tweede-stap/",
        {"code": code_van(apparaat), "csrfmiddlewaretoken": _csrf(pagina.content.decode())},
    )
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
    assert (
        Client().get("/api/v1/klanten/", HTTP_AUTHORIZATION=f"Token {token.key}").status_code == 200
    )


def test_over_http_weigert_de_api_een_half_ingelogde_sessie(
    transactional_db: None, live_server: Any
) -> None:
    """The same probe against a running server: login form, then the API with the session cookie."""
    wereld = maak_wereld()
    gebruiker = echte_medewerker(wereld, Rol.CONTACTPERSOON)
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )
    with opener.open(f"{live_server.url}/inloggen/", timeout=10) as antwoord:
        csrf = _csrf(antwoord.read().decode())
    data = urllib.parse.urlencode(
        {"username": gebruiker.username, "password": WACHTWOORD, "csrfmiddlewaretoken": csrf}
    ).encode()
    verzoek = urllib.request.Request(  # noqa: S310 - http to the test server
        f"{live_server.url}/inloggen/",
        data=data,
        headers={"Referer": f"{live_server.url}/inloggen/"},
    )
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


# -- 2. The login lock: one counter per person, the client's own address ---------------------------


def _volle_breedte(tekst: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in tekst)


@pytest.mark.django_db
@pytest.mark.parametrize("variant", [_volle_breedte, str.upper, lambda n: f"  {n} "])
def test_blokkade_geldt_ook_voor_dezelfde_naam_anders_getypt(wereld: Wereld, variant: Any) -> None:
    from django.conf import settings

    naam = wereld.a.gebruikers[Rol.KLANT].username
    for _ in range(settings.LOGIN_MAX_POGINGEN):
        inloggen_via_formulier(Client(enforce_csrf_checks=True), naam, "verkeerd")
    response = inloggen_via_formulier(Client(enforce_csrf_checks=True), variant(naam))
    assert response.status_code == 429
    assert "Wacht 15 minuten" in response.content.decode()
    # And the other way round: failures typed differently count for the plain name.
    from django.core.cache import cache

    cache.clear()
    for _ in range(settings.LOGIN_MAX_POGINGEN):
        inloggen_via_formulier(Client(enforce_csrf_checks=True), variant(naam), "verkeerd")
    assert inloggen_via_formulier(Client(enforce_csrf_checks=True), naam).status_code == 429


@pytest.mark.django_db
def test_via_vertrouwde_proxy_blokkeren_vele_adressen_niet_iedereen(
    wereld: Wereld, settings: Any
) -> None:
    settings.TRUSTED_PROXIES = ["127.0.0.1"]  # the test client's REMOTE_ADDR plays the proxy
    for i in range(3 * settings.LOGIN_MAX_POGINGEN_ADRES):
        response = inloggen_via_formulier(
            Client(enforce_csrf_checks=True),
            f"gok{i}",
            "verkeerd",
            HTTP_X_FORWARDED_FOR=f"203.0.113.{i}",
        )
        assert response.status_code == 200
    response = inloggen_via_formulier(
        Client(enforce_csrf_checks=True),
        "alfa-contactpersoon",
        HTTP_X_FORWARDED_FOR="198.51.100.20",
    )
    assert response.status_code == 302


@pytest.mark.django_db
def test_via_vertrouwde_proxy_telt_het_adres_dat_de_proxy_zag(
    wereld: Wereld, settings: Any
) -> None:
    settings.TRUSTED_PROXIES = ["127.0.0.0/8"]
    # One client tries many names; what it writes into X-Forwarded-For itself changes nothing.
    for i in range(settings.LOGIN_MAX_POGINGEN_ADRES):
        inloggen_via_formulier(
            Client(enforce_csrf_checks=True),
            f"gok{i}",
            "verkeerd",
            HTTP_X_FORWARDED_FOR=f"192.0.2.{i}, 198.51.100.7",
        )
    kop = {"HTTP_X_FORWARDED_FOR": "192.0.2.250, 198.51.100.7"}
    assert (
        inloggen_via_formulier(Client(enforce_csrf_checks=True), "alfa-klant", **kop).status_code
        == 429
    )
    # Someone else behind the same proxy is not locked out.
    kop = {"HTTP_X_FORWARDED_FOR": "198.51.100.8"}
    assert (
        inloggen_via_formulier(Client(enforce_csrf_checks=True), "alfa-klant", **kop).status_code
        == 302
    )


@pytest.mark.django_db
def test_zonder_vertrouwde_proxy_verandert_x_forwarded_for_het_adres_niet(
    wereld: Wereld, settings: Any
) -> None:
    settings.TRUSTED_PROXIES = []
    for i in range(settings.LOGIN_MAX_POGINGEN_ADRES):
        inloggen_via_formulier(
            Client(enforce_csrf_checks=True),
            f"gok{i}",
            "verkeerd",
            HTTP_X_FORWARDED_FOR=f"203.0.113.{i}",
        )
    response = inloggen_via_formulier(
        Client(enforce_csrf_checks=True), "alfa-klant", HTTP_X_FORWARDED_FOR="198.51.100.99"
    )
    assert response.status_code == 429  # the same REMOTE_ADDR, whatever the header says
    # A different real address is not affected.
    assert (
        inloggen_via_formulier(
            Client(enforce_csrf_checks=True), "alfa-klant", REMOTE_ADDR="192.0.2.77"
        ).status_code
        == 302
    )


@pytest.mark.django_db
def test_api_begrenst_het_aantal_verzoeken_met_een_nederlandse_melding(
    wereld: Wereld, settings: Any
) -> None:
    from rest_framework.authtoken.models import Token

    settings.API_RATES = {"anoniem": "2/minute", "gebruiker": "3/minute", "berekening": "5/minute"}
    client = Client(
        HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=wereld.a.gebruikers[Rol.KLANT]).key}"
    )
    for _ in range(3):
        assert client.get("/api/v1/ik/").status_code == 200
    response = client.get("/api/v1/ik/")
    assert response.status_code == 429
    assert response["Content-Type"].startswith("application/problem+json")
    assert int(response["Retry-After"]) > 0
    body = response.json()
    assert body["title"] == "Te veel verzoeken"
    assert body["detail"].startswith("Je hebt te veel verzoeken gestuurd. Probeer het over ")
    # Another user has a budget of their own; anonymous callers are counted per address.
    ander = Client(
        HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=wereld.b.gebruikers[Rol.KLANT]).key}"
    )
    assert ander.get("/api/v1/ik/").status_code == 200
    anoniem = Client()
    assert [anoniem.get("/api/v1/schema/").status_code for _ in range(3)] == [200, 200, 429]


# -- 3. Connecting an authenticator app needs the administrator's one-time code --------------------


def _nieuwe_medewerker(wereld: Wereld, rol: str = Rol.CONTACTPERSOON) -> Gebruiker:
    gebruiker = wereld.a.gebruikers[rol]
    gebruiker.is_demo_account = False
    gebruiker.save()
    return gebruiker


def _code_van_beheerder(wereld: Wereld, medewerker: Gebruiker, tenant: str = "a") -> Any:
    beheerder = getattr(wereld, tenant).gebruikers[Rol.BEHEERDER]
    client = Client(enforce_csrf_checks=True)
    client.force_login(beheerder)
    pagina = client.get("/beheer/inschrijfcode/")
    return client.post(
        "/beheer/inschrijfcode/",
        {"medewerker": medewerker.pk, "csrfmiddlewaretoken": _csrf(pagina.content.decode())},
    )


def _code_uit(response: Any) -> str:
    gevonden = re.search(
        r'<code class="inschrijfcode">([A-Z0-9-]+)</code>', response.content.decode()
    )
    assert gevonden, response.content.decode()
    return gevonden.group(1)


def _stuur_inschrijfcode(client: Client, code: str) -> Any:
    pagina = client.get("/inloggen/tweede-stap/")
    return client.post(
        "/inloggen/tweede-stap/",
        {"inschrijfcode": code, "csrfmiddlewaretoken": _csrf(pagina.content.decode())},
    )


@pytest.mark.django_db
def test_wachtwoord_alleen_toont_geen_geheim(wereld: Wereld) -> None:
    gebruiker = _nieuwe_medewerker(wereld)
    client = Client(enforce_csrf_checks=True)
    inloggen_via_formulier(client, gebruiker.username)
    pagina = client.get("/inloggen/tweede-stap/").content.decode()
    assert "<svg" not in pagina and "otpauth" not in pagina and "(hex)" not in pagina
    assert "inschrijfcode" in pagina.lower()
    assert not TOTPDevice.objects.filter(user=gebruiker).exists()  # no secret made, so none to leak
    # Guessing a 6-digit app code does not connect anything either.
    assert _stuur_inschrijfcode(client, "123456").status_code == 400
    assert not TOTPDevice.objects.filter(user=gebruiker).exists()


@pytest.mark.django_db
def test_juiste_inschrijfcode_toont_qr_en_koppelt_de_app(wereld: Wereld) -> None:
    gebruiker = _nieuwe_medewerker(wereld)
    response = _code_van_beheerder(wereld, gebruiker)
    assert response.status_code == 200 and response["Cache-Control"].startswith("max-age=0")
    code = _code_uit(response)
    from opstap.accounts.models import Inschrijfcode

    assert (
        code.replace("-", "") not in Inschrijfcode.objects.get(gebruiker=gebruiker).code_hash
    )  # hashed
    client = Client(enforce_csrf_checks=True)
    inloggen_via_formulier(client, gebruiker.username)
    assert (
        _stuur_inschrijfcode(client, code.lower().replace("-", " "))["Location"]
        == "/inloggen/tweede-stap/"
    )
    pagina = client.get("/inloggen/tweede-stap/")
    assert b"<svg" in pagina.content and b"(hex)" in pagina.content
    apparaat = TOTPDevice.objects.get(user=gebruiker)
    assert apparaat.bin_key.hex() in pagina.content.decode()
    response = client.post(
        "/inloggen/tweede-stap/",
        {"code": code_van(apparaat), "csrfmiddlewaretoken": _csrf(pagina.content.decode())},
    )
    assert response["Location"] == "/"
    apparaat.refresh_from_db()
    assert apparaat.confirmed
    assert client.get("/api/v1/klanten/").status_code == 200
    # The code worked once: a second person with the password cannot use it again.
    ander = Client(enforce_csrf_checks=True)
    inloggen_via_formulier(ander, gebruiker.username)
    assert b"<svg" not in ander.get("/inloggen/tweede-stap/").content  # asks for the app code now


@pytest.mark.django_db
def test_verkeerde_verlopen_en_gebruikte_inschrijfcode_geweigerd(wereld: Wereld) -> None:
    from datetime import timedelta

    from django.utils import timezone

    from opstap.accounts.models import Inschrijfcode

    gebruiker = _nieuwe_medewerker(wereld)
    code = _code_uit(_code_van_beheerder(wereld, gebruiker))
    client = Client(enforce_csrf_checks=True)
    inloggen_via_formulier(client, gebruiker.username)
    fout = _stuur_inschrijfcode(client, "AAAA-BBBB-CCCC-DDDD")
    assert fout.status_code == 400 and "klopt niet" in fout.content.decode()
    assert 'value="AAAA-BBBB-CCCC-DDDD"' in fout.content.decode()  # what was typed stays
    Inschrijfcode.objects.filter(gebruiker=gebruiker).update(
        verloopt_op=timezone.now() - timedelta(minutes=1)
    )
    fout = _stuur_inschrijfcode(client, code)
    assert fout.status_code == 400 and "verlopen" in fout.content.decode()
    Inschrijfcode.objects.filter(gebruiker=gebruiker).update(
        verloopt_op=timezone.now() + timedelta(hours=1), gebruikt_op=timezone.now()
    )
    fout = _stuur_inschrijfcode(client, code)
    assert fout.status_code == 400 and "al gebruikt" in fout.content.decode()
    assert b"<svg" not in client.get("/inloggen/tweede-stap/").content


@pytest.mark.django_db
def test_inschrijfcode_raden_stopt_na_een_paar_pogingen(wereld: Wereld, settings: Any) -> None:
    gebruiker = _nieuwe_medewerker(wereld)
    code = _code_uit(_code_van_beheerder(wereld, gebruiker))
    client = Client(enforce_csrf_checks=True)
    inloggen_via_formulier(client, gebruiker.username)
    for _ in range(settings.INSCHRIJFCODE_MAX_POGINGEN):
        _stuur_inschrijfcode(client, "AAAA-BBBB-CCCC-DDDD")
    fout = _stuur_inschrijfcode(client, code)  # even the right code no longer works
    assert fout.status_code == 400 and "te vaak" in fout.content.decode()


@pytest.mark.django_db
def test_beheerder_van_andere_gemeente_maakt_geen_code_voor_jouw_medewerkers(
    wereld: Wereld,
) -> None:
    from opstap.accounts.models import Inschrijfcode

    gebruiker = echte_medewerker(wereld, Rol.CONTACTPERSOON)  # alfa, app connected
    response = _code_van_beheerder(wereld, gebruiker, tenant="b")
    assert response.status_code == 400
    assert "Kies een medewerker uit de lijst" in response.content.decode()
    assert gebruiker.username not in response.content.decode()
    assert not Inschrijfcode.objects.filter(gebruiker=gebruiker).exists()
    assert TOTPDevice.objects.filter(user=gebruiker, confirmed=True).exists()  # not reset either


@pytest.mark.django_db
def test_nieuwe_code_zet_een_verloren_app_opnieuw(wereld: Wereld) -> None:
    gebruiker = echte_medewerker(wereld, Rol.INKOMENSCONSULENT)
    code = _code_uit(_code_van_beheerder(wereld, gebruiker))
    assert not TOTPDevice.objects.filter(user=gebruiker).exists()
    client = Client(enforce_csrf_checks=True)
    inloggen_via_formulier(client, gebruiker.username)
    _stuur_inschrijfcode(client, code)
    assert b"<svg" in client.get("/inloggen/tweede-stap/").content


@pytest.mark.django_db
def test_opdracht_inschrijfcode_voor_de_eerste_beheerder(wereld: Wereld) -> None:
    import io

    from django.core.management import call_command

    gebruiker = _nieuwe_medewerker(wereld, Rol.BEHEERDER)
    uit = io.StringIO()
    call_command("inschrijfcode", gebruiker.username, stdout=uit, stderr=io.StringIO())
    code = uit.getvalue().strip()
    assert re.fullmatch(r"[A-Z0-9]{4}(-[A-Z0-9]{4}){3}", code)
    client = Client(enforce_csrf_checks=True)
    inloggen_via_formulier(client, gebruiker.username)
    assert _stuur_inschrijfcode(client, code).status_code == 302
    assert b"<svg" in client.get("/inloggen/tweede-stap/").content
