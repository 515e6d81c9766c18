import time

import pytest

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.test import Client, override_settings
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from opstap.accounts.models import Rol
from tests.wereld import WACHTWOORD, Wereld

pytestmark = pytest.mark.django_db


def _inloggen(client: Client, naam: str, wachtwoord: str = WACHTWOORD):  # type: ignore[no-untyped-def]
    return client.post("/inloggen/", {"username": naam, "password": wachtwoord})


@pytest.mark.parametrize(
    ("rol", "start"),
    [
        (Rol.KLANT, "/mijn/"),
        (Rol.CONTACTPERSOON, "/werk/"),
        (Rol.INKOMENSCONSULENT, "/werk/inkomsten/"),
        (Rol.WERKGEVER, "/werkgever/"),
        (Rol.BELEIDSMEDEWERKER, "/beleid/"),
        (Rol.BEHEERDER, "/beheer/"),
    ],
)
def test_elke_rol_landt_op_eigen_startpagina(wereld: Wereld, rol: str, start: str) -> None:
    client = Client()
    assert _inloggen(client, f"alfa-{rol}")["Location"] == "/"
    assert client.get("/")["Location"] == start
    assert client.get(start).status_code == 200


def test_root_stuurt_naar_inloggen_zonder_sessie() -> None:
    response = Client().get("/")
    assert response.status_code == 302 and response["Location"] == "/inloggen/"


def test_fout_wachtwoord_geeft_nederlandse_melding(wereld: Wereld) -> None:
    response = _inloggen(Client(), "alfa-klant", "verkeerd")
    assert response.status_code == 200
    assert "De gebruikersnaam of het wachtwoord klopt niet" in response.content.decode()


def test_te_veel_pogingen_blokkeert_ook_het_goede_wachtwoord(wereld: Wereld) -> None:
    client = Client()
    for _ in range(settings.LOGIN_MAX_POGINGEN):
        _inloggen(client, "alfa-klant", "verkeerd")
    response = _inloggen(client, "alfa-klant")
    assert response.status_code == 429
    assert "Wacht 15 minuten" in response.content.decode()
    # Another user on the same address is not locked out by someone else's typing.
    assert _inloggen(Client(), "alfa-contactpersoon").status_code == 302


def test_medewerker_zonder_demo_vrijstelling_moet_tweede_stap_doen(wereld: Wereld) -> None:
    cp = wereld.a.gebruikers[Rol.CONTACTPERSOON]
    cp.is_demo_account = False
    cp.save()
    client = Client()
    _inloggen(client, cp.username)
    response = client.get("/werk/")
    assert response.status_code == 302 and response["Location"] == "/inloggen/tweede-stap/"
    # Setting up: first the administrator's enrolment code, then the page shows a QR code; a
    # correct code from the app unlocks the workspace.
    assert b"<svg" not in client.get("/inloggen/tweede-stap/").content
    from opstap.accounts.services import maak_inschrijfcode

    client.post("/inloggen/tweede-stap/", {"inschrijfcode": maak_inschrijfcode(cp)})
    pagina = client.get("/inloggen/tweede-stap/")
    assert b"<svg" in pagina.content
    apparaat = TOTPDevice.objects.get(user=cp)
    assert client.post("/inloggen/tweede-stap/", {"code": "000000"}).status_code == 200
    apparaat.refresh_from_db()
    assert apparaat.throttling_failure_count == 1  # django-otp slows down guessing
    apparaat.throttle_reset()
    code = (
        f"{totp(apparaat.bin_key, apparaat.step, apparaat.t0, apparaat.digits, apparaat.drift):06d}"
    )
    assert client.post("/inloggen/tweede-stap/", {"code": code})["Location"] == "/"
    assert client.get("/werk/").status_code == 200
    apparaat.refresh_from_db()
    assert apparaat.confirmed


def test_in_productie_geldt_de_tweede_stap_ook_voor_demo_accounts(wereld: Wereld) -> None:
    client = Client()
    _inloggen(client, "alfa-beheerder")
    with override_settings(DEMO_MODE=False):
        assert client.get("/beheer/")["Location"] == "/inloggen/tweede-stap/"


def test_klanten_hoeven_geen_tweede_stap(wereld: Wereld) -> None:
    klant = wereld.a.gebruikers[Rol.KLANT]
    klant.is_demo_account = False
    klant.save()
    client = Client()
    _inloggen(client, klant.username)
    with override_settings(DEMO_MODE=False):
        assert client.get("/mijn/").status_code == 200


def test_medewerkersessie_verloopt_na_inactiviteit(
    wereld: Wereld, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = Client()
    _inloggen(client, "alfa-contactpersoon")
    assert client.get("/werk/").status_code == 200
    nu = time.time()
    monkeypatch.setattr(time, "time", lambda: nu + settings.STAFF_SESSIE_SECONDEN + 1)
    response = client.get("/werk/")
    assert response["Location"] == "/inloggen/"
    assert client.get("/werk/")["Location"].startswith("/inloggen/")


def test_klantsessie_verloopt_niet_na_een_half_uur(
    wereld: Wereld, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = Client()
    _inloggen(client, "alfa-klant")
    nu = time.time()
    monkeypatch.setattr(time, "time", lambda: nu + settings.STAFF_SESSIE_SECONDEN + 1)
    assert client.get("/mijn/").status_code == 200


def test_wachtwoorden_met_argon2() -> None:
    from opstap.conf import base

    assert base.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
    with override_settings(PASSWORD_HASHERS=base.PASSWORD_HASHERS):
        gehasht = make_password("een-lang-wachtwoord")
        assert gehasht.startswith("argon2$")
        assert check_password("een-lang-wachtwoord", gehasht)


def test_uitloggen_alleen_met_post(wereld: Wereld) -> None:
    client = Client()
    _inloggen(client, "alfa-klant")
    assert client.get("/uitloggen/").status_code == 405
    assert client.post("/uitloggen/")["Location"] == "/inloggen/"
    assert client.get("/mijn/").status_code == 302
