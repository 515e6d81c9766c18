"""A1: a contact person sets their own photo, introduction and availability; their clients see it."""

import io
import re
from typing import Any

import pytest
from PIL import Image

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from opstap.accounts.models import Rol
from opstap.contact.models import Contactpersoon
from opstap.contact.profielfoto import FOTO_PIXELS
from tests.contact.pdfs import schoon
from tests.wereld import Wereld

pytestmark = pytest.mark.django_db

URL = "/werk/profiel/"


def _jpeg_met_gps(breedte: int = 1200, hoogte: int = 800) -> bytes:
    beeld = Image.new("RGB", (breedte, hoogte), (200, 120, 40))
    exif = Image.Exif()
    exif[0x010F] = "Telefoonmerk"  # Make
    exif[0x8825] = {2: (52.0, 21.0, 0.0), 1: "N"}  # GPSInfo: where the photo was taken
    uit = io.BytesIO()
    beeld.save(uit, format="JPEG", exif=exif)
    return uit.getvalue()


def _cp(wereld: Wereld) -> Client:
    client = Client()
    client.force_login(wereld.a.gebruikers[Rol.CONTACTPERSOON])
    return client


def _velden(**extra: object) -> dict[str, object]:
    return {
        "introductie": "Ik ben Sanne en ik help je bij werk zoeken.",
        "bereikbaar": "ma en di van 9 tot 12 uur",
        "telefoon_direct": "0592 123 456",
        **extra,
    }


def test_de_contactpersoon_zet_foto_en_tekst_en_de_klant_ziet_de_foto(wereld: Wereld) -> None:
    cp = wereld.a.gebruikers[Rol.CONTACTPERSOON]
    client = _cp(wereld)
    assert client.get(URL).status_code == 200
    foto = SimpleUploadedFile("ik.jpg", _jpeg_met_gps(), content_type="image/jpeg")
    response = client.post(URL, _velden(foto=foto))
    assert response.status_code == 302, response.content.decode()[:2000]

    profiel = Contactpersoon.objects.get(gebruiker=cp)
    assert (
        profiel.introductie.startswith("Ik ben Sanne")
        and profiel.bereikbaar == "ma en di van 9 tot 12 uur"
    )
    with profiel.foto.open("rb") as bestand:
        opgeslagen = bestand.read()
    with Image.open(io.BytesIO(opgeslagen)) as beeld:
        assert beeld.format == "JPEG" and beeld.size == (FOTO_PIXELS, FOTO_PIXELS)
        assert not beeld.getexif(), "metadata (GPS, toestel) moet eruit"
    assert b"Telefoonmerk" not in opgeslagen
    # The stored file has no address of its own: not for the world, not even for a logged-in user.
    assert Client().get(f"/media/{profiel.foto.name}").status_code == 404
    assert client.get(f"/media/{profiel.foto.name}").status_code == 404

    klant = Client()
    klant.force_login(wereld.a.gebruikers[Rol.KLANT])
    html = klant.get("/mijn/").content.decode()
    img = re.search(r'<img src="(data:image/jpeg;base64,[^"]+)"[^>]*alt="([^"]+)"', html)
    assert img, "de klant ziet geen foto van de contactpersoon"
    assert cp.weergavenaam in img.group(2)
    assert "contactkaart__initialen" not in html
    assert "ik help je bij werk zoeken" in html and "0592 123 456" in html

    # The preview of the client's view shows the same card.
    voorbeeld = client.get(
        f"/werk/klanten/{wereld.a.klanten['caseload'].pk}/als-klant/"
    ).content.decode()
    assert img.group(1) in voorbeeld


def test_zonder_foto_ziet_de_klant_initialen(wereld: Wereld) -> None:
    klant = Client()
    klant.force_login(wereld.a.gebruikers[Rol.KLANT])
    html = klant.get("/mijn/").content.decode()
    assert "contactkaart__initialen" in html and '<img src="data:' not in html


@pytest.mark.parametrize(
    ("naam", "inhoud", "melding"),
    [
        ("ik.jpg", b"<html><script>alert(1)</script></html>", "geen foto die we kunnen gebruiken"),
        ("ik.pdf", None, "geen foto die we kunnen gebruiken"),
        ("ik.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 200, "niet openen"),
        ("ik.jpg", b"", "leeg"),
    ],
)
def test_een_bestand_dat_geen_foto_is_wordt_geweigerd_en_de_tekst_blijft(
    wereld: Wereld, naam: str, inhoud: bytes | None, melding: str
) -> None:
    client = _cp(wereld)
    bestand = SimpleUploadedFile(
        naam, schoon() if inhoud is None else inhoud, content_type="image/jpeg"
    )
    response = client.post(
        URL, _velden(foto=bestand, introductie="Mijn eigen tekst, nog niet opgeslagen.")
    )
    assert response.status_code == 400
    tekst = response.content.decode()
    assert melding in tekst
    assert "Mijn eigen tekst, nog niet opgeslagen." in tekst  # what was typed stays
    profiel = Contactpersoon.objects.get(gebruiker=wereld.a.gebruikers[Rol.CONTACTPERSOON])
    assert not profiel.foto and profiel.introductie == ""


def test_een_verkeerd_telefoonnummer_krijgt_een_nederlandse_uitleg(wereld: Wereld) -> None:
    response = _cp(wereld).post(URL, _velden(telefoon_direct="bel me maar"))
    assert response.status_code == 400
    tekst = response.content.decode()
    assert "Vul een telefoonnummer in met alleen cijfers" in tekst
    assert 'value="bel me maar"' in tekst and "ik help je bij werk zoeken" in tekst


def test_de_foto_weghalen(wereld: Wereld, django_capture_on_commit_callbacks: Any) -> None:
    client = _cp(wereld)
    client.post(URL, _velden(foto=SimpleUploadedFile("ik.png", _png(), content_type="image/png")))
    profiel = Contactpersoon.objects.get(gebruiker=wereld.a.gebruikers[Rol.CONTACTPERSOON])
    assert profiel.foto
    pad = profiel.foto.name
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(URL, _velden(foto_weghalen="on")).status_code == 302
    profiel.refresh_from_db()
    assert not profiel.foto
    assert not profiel.foto.storage.exists(pad)


def test_een_contactpersoon_zonder_profiel_krijgt_er_een(wereld: Wereld) -> None:
    collega = wereld.a.gebruikers["collega"]
    client = Client()
    client.force_login(collega)
    assert client.post(URL, _velden()).status_code == 302
    assert Contactpersoon.objects.get(gebruiker=collega).bereikbaar == "ma en di van 9 tot 12 uur"


def _png() -> bytes:
    uit = io.BytesIO()
    Image.new("RGBA", (50, 80), (0, 0, 255, 128)).save(uit, format="PNG")
    return uit.getvalue()
