"""Attachments: the real type decides (a web page that starts with '%PDF-' is no PDF), PDFs with
scripts, actions or embedded files are refused, the download carries the detected type, and an
oversize body is refused with 413 before it is read — through the real forms, the API, and over
HTTP against a running server."""

import http.client
import re
import socket
import time
import uuid
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import urlencode, urlparse

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from rest_framework.test import APIClient

from opstap.accounts.models import Rol
from opstap.contact.models import Bericht
from tests.contact import pdfs
from tests.wereld import WACHTWOORD, Wereld

pytestmark = pytest.mark.django_db


def _stuur(client: Client, naam: str, inhoud: bytes, tekst: str = "Mijn loonstrook") -> Any:
    return client.post(
        "/mijn/berichten/", {"tekst": tekst, "bijlage": SimpleUploadedFile(naam, inhoud)}
    )


@pytest.mark.parametrize("soort", sorted(pdfs.GEVAARLIJK))
def test_pdf_met_script_actie_of_bestand_wordt_geweigerd(klant_client: Client, soort: str) -> None:
    response = _stuur(klant_client, "loonstrook.pdf", pdfs.GEVAARLIJK[soort]())
    assert response.status_code == 400
    tekst = response.content.decode()
    assert "uit veiligheid niet doorsturen" in tekst
    assert "Mijn loonstrook" in tekst  # what was typed stays
    assert not Bericht.objects.filter(van_klant=True).exists()


@pytest.mark.parametrize("soort", ["javascript", "ingesloten_bestand"])
def test_ook_het_formulier_van_de_contactpersoon_weigert(
    cp_client: Client, wereld: Wereld, soort: str
) -> None:
    klant = wereld.a.klanten["eigen"]
    voor = Bericht.objects.count()
    response = cp_client.post(
        f"/werk/klanten/{klant.pk}/berichten/",
        {
            "tekst": "Het formulier",
            "bijlage": SimpleUploadedFile("formulier.pdf", pdfs.GEVAARLIJK[soort]()),
        },
    )
    assert response.status_code == 400
    assert "uit veiligheid niet doorsturen" in response.content.decode()
    assert Bericht.objects.count() == voor


def test_html_dat_met_pdf_begint_wordt_geweigerd(klant_client: Client) -> None:
    response = _stuur(klant_client, "loonstrook.html", pdfs.HTML_ALS_PDF)
    assert response.status_code == 400
    assert "kunnen deze PDF niet openen" in response.content.decode()
    assert not Bericht.objects.filter(van_klant=True).exists()


def test_pdf_met_link_of_zonder_gebruikerswachtwoord_komt_aan(klant_client: Client) -> None:
    """Links in the text and an owner password ('not for printing') are common in real letters."""
    assert _stuur(klant_client, "brief.pdf", pdfs.met_link()).status_code == 302
    assert _stuur(klant_client, "loonstrook.pdf", pdfs.met_wachtwoord("")).status_code == 302
    assert Bericht.objects.filter(van_klant=True, bijlage_type="application/pdf").count() == 2


def test_pdf_met_wachtwoord_wordt_vriendelijk_geweigerd(klant_client: Client) -> None:
    response = _stuur(klant_client, "loonstrook.pdf", pdfs.met_wachtwoord("geheim"))
    assert response.status_code == 400
    assert "beveiligd met een wachtwoord" in response.content.decode()
    assert not Bericht.objects.filter(van_klant=True).exists()


def test_schone_pdf_komt_aan_en_downloadt_als_pdf(
    klant_client: Client, cp_client: Client, wereld: Wereld
) -> None:
    """The client's file name said .html; the download is named and typed after what it is."""
    response = _stuur(klant_client, "maart.html", pdfs.schoon())
    assert response.status_code == 302
    bericht = Bericht.objects.get(van_klant=True)
    for client, pad in (
        (klant_client, f"/mijn/berichten/{bericht.pk}/bijlage/"),
        (
            cp_client,
            f"/werk/klanten/{wereld.a.klanten['eigen'].pk}/berichten/{bericht.pk}/bijlage/",
        ),
    ):
        download = client.get(pad)
        assert download.status_code == 200
        assert download["Content-Type"] == "application/pdf"
        assert download["Content-Disposition"].startswith("attachment")
        assert 'filename="maart.pdf"' in download["Content-Disposition"]
        assert ".html" not in download["Content-Disposition"]
        assert download["X-Content-Type-Options"] == "nosniff"


def test_foto_downloadt_met_eigen_type(klant_client: Client) -> None:
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 20
    assert _stuur(klant_client, "foto", png).status_code == 302
    bericht = Bericht.objects.get(van_klant=True)
    download = klant_client.get(f"/mijn/berichten/{bericht.pk}/bijlage/")
    assert download["Content-Type"] == "image/png"
    assert 'filename="foto.png"' in download["Content-Disposition"]


def test_api_weigert_gevaarlijke_pdf_met_problem_json(wereld: Wereld) -> None:
    api = APIClient()
    api.force_authenticate(wereld.a.gebruikers[Rol.KLANT])
    response = api.post(
        "/api/v1/berichten/",
        {"tekst": "zie bijlage", "bijlage": SimpleUploadedFile("x.pdf", pdfs.met_javascript())},
        format="multipart",
    )
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert "uit veiligheid" in str(response.json())


def test_te_groot_formulier_geeft_413_pagina(klant_client: Client) -> None:
    response = _stuur(klant_client, "groot.pdf", b"%PDF-1.4\n" + b"0" * (7 * 1024 * 1024))
    assert response.status_code == 413
    tekst = response.content.decode()
    assert "te groot" in tekst and "hooguit 6 MB" in tekst
    assert not Bericht.objects.filter(van_klant=True).exists()


def test_te_groot_api_verzoek_geeft_413_problem_json(wereld: Wereld) -> None:
    api = APIClient()
    api.force_authenticate(wereld.a.gebruikers[Rol.KLANT])
    response = api.post(
        "/api/v1/berichten/",
        {
            "tekst": "x",
            "bijlage": SimpleUploadedFile("groot.pdf", b"%PDF-1.4\n" + b"0" * (7 * 1024 * 1024)),
        },
        format="multipart",
    )
    assert response.status_code == 413
    assert response["Content-Type"] == "application/problem+json"
    assert "te groot" in response.json()["detail"]


# --- over HTTP against a running server -----------------------------------------------------------


class _Sessie:
    """A browser in a few lines: cookies kept, logged in through the real login form (CSRF)."""

    def __init__(self, basis: str) -> None:
        deel = urlparse(basis)
        self.host, self.poort = deel.hostname or "127.0.0.1", deel.port or 80
        self.cookies: dict[str, str] = {}

    def _kop(self) -> dict[str, str]:
        return {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}

    def verzoek(
        self, methode: str, pad: str, body: bytes = b"", kop: dict[str, str] | None = None
    ) -> tuple[int, dict[str, str], bytes]:
        verbinding = http.client.HTTPConnection(self.host, self.poort, timeout=20)
        verbinding.request(methode, pad, body=body or None, headers={**self._kop(), **(kop or {})})
        antwoord = verbinding.getresponse()
        inhoud = antwoord.read()
        for waarde in antwoord.headers.get_all("Set-Cookie") or []:
            for k, morsel in SimpleCookie(waarde).items():
                self.cookies[k] = morsel.value
        verbinding.close()
        return antwoord.status, dict(antwoord.headers.items()), inhoud

    def csrf(self, pad: str) -> str:
        _status, _kop, inhoud = self.verzoek("GET", pad)
        gevonden = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', inhoud)
        assert gevonden, pad
        return gevonden.group(1).decode()

    def inloggen(self, gebruikersnaam: str) -> None:
        token = self.csrf("/inloggen/")
        status, kop, _inhoud = self.verzoek(
            "POST",
            "/inloggen/",
            urlencode(
                {"csrfmiddlewaretoken": token, "username": gebruikersnaam, "password": WACHTWOORD}
            ).encode(),
            {
                "Content-Type": "application/x-www-form-urlencoded",
                "Referer": f"http://{self.host}:{self.poort}/inloggen/",
            },
        )
        assert status == 302, (status, kop)

    def upload(self, naam: str, inhoud: bytes) -> tuple[int, dict[str, str], bytes]:
        token = self.csrf("/mijn/berichten/")
        grens = uuid.uuid4().hex
        body = (
            (
                f'--{grens}\r\nContent-Disposition: form-data; name="csrfmiddlewaretoken"\r\n\r\n{token}\r\n'
                f'--{grens}\r\nContent-Disposition: form-data; name="tekst"\r\n\r\nZie bijlage\r\n'
                f'--{grens}\r\nContent-Disposition: form-data; name="bijlage"; filename="{naam}"\r\n'
                f"Content-Type: application/octet-stream\r\n\r\n"
            ).encode()
            + inhoud
            + f"\r\n--{grens}--\r\n".encode()
        )
        return self.verzoek(
            "POST",
            "/mijn/berichten/",
            body,
            {
                "Content-Type": f"multipart/form-data; boundary={grens}",
                "Referer": f"http://{self.host}:{self.poort}/mijn/berichten/",
            },
        )


def test_uploadproeven_over_http(live_server: Any, wereld: Wereld) -> None:
    sessie = _Sessie(live_server.url)
    sessie.inloggen(wereld.a.gebruikers[Rol.KLANT].username)

    # A PDF with a script, and a web page that starts with '%PDF-': refused, nothing stored.
    for naam, inhoud in (
        ("loonstrook.pdf", pdfs.met_javascript()),
        ("loonstrook.pdf", pdfs.met_launch()),
        ("loonstrook.html", pdfs.HTML_ALS_PDF),
    ):
        status, _kop, body = sessie.upload(naam, inhoud)
        assert status == 400, naam
        assert "Zie bijlage" in body.decode()
    assert not Bericht.objects.filter(van_klant=True).exists()

    # A clean PDF under an .html name downloads as a PDF.
    status, _kop, _body = sessie.upload("maart.html", pdfs.schoon())
    assert status == 302
    bericht = Bericht.objects.get(van_klant=True)
    status, kop, body = sessie.verzoek("GET", f"/mijn/berichten/{bericht.pk}/bijlage/")
    assert status == 200 and body.startswith(b"%PDF-")
    assert kop["Content-Type"] == "application/pdf" and kop["X-Content-Type-Options"] == "nosniff"
    assert (
        kop["Content-Disposition"].startswith("attachment")
        and 'filename="maart.pdf"' in kop["Content-Disposition"]
    )


def test_veertig_mb_krijgt_snel_413_zonder_dat_de_server_alles_leest(
    live_server: Any, wereld: Wereld
) -> None:
    """Announce 40 MB, send 1 MB, and wait: the answer must come now. A server that reads the whole
    body first would wait for 39 MB that never come (and time out here)."""
    sessie = _Sessie(live_server.url)
    sessie.inloggen(wereld.a.gebruikers[Rol.KLANT].username)
    token = sessie.csrf("/mijn/berichten/")
    grens = uuid.uuid4().hex
    begin = (
        f'--{grens}\r\nContent-Disposition: form-data; name="csrfmiddlewaretoken"\r\n\r\n{token}\r\n'
        f'--{grens}\r\nContent-Disposition: form-data; name="bijlage"; filename="groot.pdf"\r\n\r\n'
    ).encode()
    with socket.create_connection((sessie.host, sessie.poort), timeout=10) as s:
        kop = (
            f"POST /mijn/berichten/ HTTP/1.1\r\nHost: {sessie.host}:{sessie.poort}\r\n"
            f"Content-Type: multipart/form-data; boundary={grens}\r\nContent-Length: {40 * 1024 * 1024}\r\n"
            f"Cookie: {sessie._kop()['Cookie']}\r\nReferer: http://{sessie.host}:{sessie.poort}/mijn/berichten/\r\n\r\n"
        )
        t0 = time.monotonic()
        s.sendall(kop.encode() + begin + b"%PDF-1.4\n" + b"0" * (1024 * 1024))
        antwoord = b""
        while b"\r\n\r\n" not in antwoord:
            deel = s.recv(65536)  # socket.timeout here: the server is still reading the body
            if not deel:
                break
            antwoord += deel
        duur = time.monotonic() - t0
    assert antwoord.startswith(b"HTTP/1.1 413"), antwoord[:200]
    assert duur < 5
    assert not Bericht.objects.filter(van_klant=True).exists()
