"""The delegation probe of issue 8 replayed against a running server, as the substitute would:
log in through the login form, open a colleague's client, and post the handover forms."""

import re
import urllib.error
import urllib.parse
import urllib.request
from datetime import timedelta
from http.cookiejar import CookieJar
from typing import Any

import pytest

from django.utils import timezone

from opstap.accounts.models import Rol
from opstap.contact.models import Overdracht, OverdrachtSoort
from tests.wereld import WACHTWOORD, maak_gebruiker, maak_klant, maak_wereld, nieuwe_bsns


class Browser:
    """A cookie-keeping HTTP client that sends the CSRF token of the last page it read."""

    def __init__(self, basis: str) -> None:
        self.basis = basis
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
        self.token = ""

    def _open(self, verzoek: urllib.request.Request) -> tuple[int, str]:
        try:
            with self.opener.open(verzoek, timeout=30) as antwoord:
                status, tekst = antwoord.status, antwoord.read().decode()
        except urllib.error.HTTPError as fout:
            status, tekst = fout.code, fout.read().decode()
        gevonden = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', tekst)
        if gevonden:
            self.token = gevonden.group(1)
        return status, tekst

    def get(self, pad: str) -> tuple[int, str]:
        return self._open(urllib.request.Request(self.basis + pad))  # noqa: S310 (the test's own live server)

    def post(self, pad: str, velden: dict[str, Any]) -> tuple[int, str]:
        data = urllib.parse.urlencode({**velden, "csrfmiddlewaretoken": self.token}).encode()
        verzoek = urllib.request.Request(  # noqa: S310 (live server)
            self.basis + pad,
            data=data,
            method="POST",
            headers={"Referer": self.basis + pad},
        )
        return self._open(verzoek)


@pytest.mark.django_db(transaction=True)
def test_probe_over_http_tegen_een_draaiende_server(live_server: Any) -> None:
    wereld = maak_wereld()
    gemeente = wereld.a.gemeente
    cp2, cp3, cp4, cp5 = (
        maak_gebruiker(gemeente, f"contactpersoon{n}", Rol.CONTACTPERSOON) for n in (2, 3, 4, 5)
    )
    klant = maak_klant(gemeente, nieuwe_bsns(1, vanaf=7000)[0], "Driehoek", cp3)
    vandaag = timezone.localdate()
    Overdracht.objects.create(
        gemeente=gemeente,
        soort=OverdrachtSoort.VERVANGING,
        van=cp3,
        naar=cp2,
        begin=vandaag,
        einde=vandaag,
        vastgelegd_door=cp3,
    )

    browser = Browser(live_server.url)
    assert browser.get("/inloggen/")[0] == 200
    status, pagina = browser.post(
        "/inloggen/", {"username": "contactpersoon2", "password": WACHTWOORD}
    )
    assert (
        status == 200 and "Mijn klanten" in pagina
    )  # landed on the caseload, colleague's client on it
    assert browser.get(f"/werk/klanten/{klant.pk}/")[0] == 200
    assert browser.get(f"/werk/klanten/{klant.pk}/overdracht/")[0] == 403

    status, _ = browser.post(
        f"/werk/klanten/{klant.pk}/overdracht/",
        {
            "soort": "vervanging",
            "naar": cp4.pk,
            "begin": "2020-01-01",
            "einde": "",
            "reden": "probe",
        },
    )
    assert status == 403
    status, _ = browser.post(
        f"/werk/klanten/{klant.pk}/overdracht/",
        {"soort": "overdracht", "naar": cp5.pk, "begin": vandaag.isoformat(), "reden": "probe"},
    )
    assert status == 403

    assert not Overdracht.objects.filter(vastgelegd_door=cp2).exists()
    klant.refresh_from_db()
    assert klant.contactpersoon == cp3
    # The owner, through the same server, gets a clear refusal for an open-ended substitution.
    eigenaar = Browser(live_server.url)
    eigenaar.get("/inloggen/")
    eigenaar.post("/inloggen/", {"username": "contactpersoon3", "password": WACHTWOORD})
    eigenaar.get(f"/werk/klanten/{klant.pk}/overdracht/")
    status, pagina = eigenaar.post(
        f"/werk/klanten/{klant.pk}/overdracht/",
        {
            "soort": "vervanging",
            "naar": cp4.pk,
            "begin": vandaag.isoformat(),
            "einde": "",
            "reden": "vakantie",
        },
    )
    assert (
        status == 400
        and "Een vervanging heeft een einddatum" in pagina
        and 'value="vakantie"' in pagina
    )
    status, _ = eigenaar.post(
        f"/werk/klanten/{klant.pk}/overdracht/",
        {
            "soort": "vervanging",
            "naar": cp4.pk,
            "begin": vandaag.isoformat(),
            "einde": (vandaag + timedelta(days=6)).isoformat(),
            "reden": "vakantie",
        },
    )
    assert status == 200  # redirected to the client file
    assert Overdracht.objects.filter(van=cp3, naar=cp4, vastgelegd_door=cp3).exists()
