"""The income declaration's API contract (D3): multipart in, a receipt with the SHA-256 of what
arrived, only the client declares, each side sees only what it may, the file stored encrypted and
whole, a failure mid-way leaves nothing behind, and reading the payslip pre-fills the figures."""

import hashlib
import io
from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.utils import timezone

from opstap.accounts.models import Rol
from opstap.privacy.crypto import ontsleutel
from opstap.privacy.models import Actie, Inzage
from opstap.verklaringen import services
from opstap.verklaringen.bestanden import voorbereiden
from opstap.verklaringen.models import Inkomstenverklaring, LeesStatus, Loonstrookbestand, Status
from opstap.werken.models import Baan
from tests.contact import pdfs
from tests.loonstrook import strookjes
from tests.wereld import Wereld

pytestmark = pytest.mark.django_db


def _client(wereld: Wereld, rol: str) -> Client:
    client = Client()
    client.force_login(wereld.a.gebruikers[rol])
    return client


def _baan(wereld: Wereld) -> Baan:
    return Baan.objects.get(klant=wereld.a.klanten["eigen"])


def _vorige_maand() -> str:
    return (timezone.localdate().replace(day=1) - timedelta(days=1)).strftime("%Y-%m")


def _formulier(baan: Baan, **extra: Any) -> dict[str, Any]:
    return {
        "maand": _vorige_maand(),
        "baan": baan.pk,
        "uren": "48",
        "netto_loon": "612.40",
        **extra,
    }


def test_de_klant_geeft_inkomsten_door_en_krijgt_een_ontvangstbewijs(wereld: Wereld) -> None:
    inhoud = strookjes.pdf(strookjes.STROKEN[0])
    baan = _baan(wereld)
    response = _client(wereld, Rol.KLANT).post(
        "/api/v1/inkomstenverklaringen/",
        _formulier(
            baan,
            bruto_loon="812.50",
            schatting="true",
            loonstrook=SimpleUploadedFile("strook maart.pdf", inhoud, "application/pdf"),
        ),
    )
    assert response.status_code == 201, response.content
    data = response.json()
    bewijs = data["ontvangstbewijs"]
    assert bewijs["kenmerk"].startswith("IV-")
    assert bewijs["ontvangen_op"]
    assert bewijs["bestanden"] == [
        {"naam": "strook maart.pdf", "sha256": hashlib.sha256(inhoud).hexdigest()}
    ]
    assert data["status"] == Status.ONTVANGEN
    verklaring = Inkomstenverklaring.objects.get(pk=data["id"])
    assert verklaring.netto_loon == Decimal("612.40")
    assert verklaring.bruto_loon == Decimal("812.50")
    assert verklaring.schatting is True
    assert verklaring.maand.strftime("%Y-%m") == _vorige_maand()
    # Stored encrypted, read back whole.
    bestand = verklaring.bestanden.get()
    assert bestand.bestand.storage.ruw_lezen(bestand.bestand.name) != inhoud
    with bestand.bestand.open("rb") as f:
        assert hashlib.sha256(f.read()).hexdigest() == bewijs["bestanden"][0]["sha256"]
    assert Inzage.objects.filter(klant=verklaring.klant, actie=Actie.AANMAKEN).exists()


def test_het_bedrag_staat_versleuteld_in_de_database(wereld: Wereld) -> None:
    baan = _baan(wereld)
    response = _client(wereld, Rol.KLANT).post(
        "/api/v1/inkomstenverklaringen/", _formulier(baan, netto_loon="777.77")
    )
    assert response.status_code == 201
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT netto_loon, uren FROM verklaringen_inkomstenverklaring WHERE id = %s",
            [response.json()["id"]],
        )
        netto, uren = cursor.fetchone()
    # Fernet tokens that hold the amounts; not the amounts themselves. (A check for "48" inside
    # a random token failed now and then: base64 holds any two characters.)
    assert netto.startswith("gAAAAA") and uren.startswith("gAAAAA")
    assert Decimal(ontsleutel(netto)) == Decimal("777.77") and Decimal(ontsleutel(uren)) == 48
    assert "777.77" not in netto


def test_de_klant_ziet_zijn_verklaringen_met_status_en_niet_die_van_een_ander(
    wereld: Wereld,
) -> None:
    client = _client(wereld, Rol.KLANT)
    assert (
        client.post("/api/v1/inkomstenverklaringen/", _formulier(_baan(wereld))).status_code == 201
    )
    lijst = client.get("/api/v1/inkomstenverklaringen/").json()
    rijen = lijst["results"]
    assert {r["klant"] for r in rijen} == {wereld.a.klanten["eigen"].pk}
    assert len(rijen) == 2  # the one from the test world and the new one
    assert all(r["status"] == Status.ONTVANGEN for r in rijen)
    vreemd = Inkomstenverklaring.objects.filter(klant=wereld.a.klanten["caseload"]).first()
    assert vreemd is not None
    assert client.get(f"/api/v1/inkomstenverklaringen/{vreemd.pk}/").status_code == 404


def test_de_inkomensconsulent_ziet_de_gemeente_maar_geeft_niets_door(wereld: Wereld) -> None:
    client = _client(wereld, Rol.INKOMENSCONSULENT)
    rijen = client.get("/api/v1/inkomstenverklaringen/").json()["results"]
    assert {r["klant"] for r in rijen} == {k.pk for k in wereld.a.klanten.values()}
    response = client.post("/api/v1/inkomstenverklaringen/", _formulier(_baan(wereld)))
    assert response.status_code == 403


@pytest.mark.parametrize("rol", [Rol.CONTACTPERSOON, Rol.WERKGEVER, Rol.BELEIDSMEDEWERKER])
def test_andere_rollen_zien_geen_verklaringen(wereld: Wereld, rol: str) -> None:
    response = _client(wereld, rol).get("/api/v1/inkomstenverklaringen/")
    assert response.status_code == 403


def test_een_baan_van_een_ander_kan_niet(wereld: Wereld) -> None:
    vreemde_baan = Baan.objects.get(klant=wereld.a.klanten["caseload"])
    response = _client(wereld, Rol.KLANT).post(
        "/api/v1/inkomstenverklaringen/", _formulier(vreemde_baan)
    )
    assert response.status_code == 400
    assert "baan" in response.content.decode()
    assert Inkomstenverklaring.objects.filter(baan=vreemde_baan).count() == 1


@pytest.mark.parametrize(
    ("veld", "waarde", "woord"),
    [
        ("maand", "november", "JJJJ-MM"),
        ("maand", "2999-01", "begonnen"),
        ("uren", "-3", "negatief"),
        ("netto_loon", "veel", "bedrag"),
    ],
)
def test_foute_invoer_geeft_een_nederlandse_melding(
    wereld: Wereld, veld: str, waarde: str, woord: str
) -> None:
    voor = Inkomstenverklaring.objects.count()
    response = _client(wereld, Rol.KLANT).post(
        "/api/v1/inkomstenverklaringen/", {**_formulier(_baan(wereld)), veld: waarde}
    )
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/problem+json")
    assert woord in response.content.decode()
    assert Inkomstenverklaring.objects.count() == voor


def test_een_bestand_dat_geen_loonstrook_kan_zijn_wordt_geweigerd(wereld: Wereld) -> None:
    voor = Loonstrookbestand.objects.count()
    response = _client(wereld, Rol.KLANT).post(
        "/api/v1/inkomstenverklaringen/",
        _formulier(
            _baan(wereld),
            loonstrook=SimpleUploadedFile("strook.pdf", pdfs.met_javascript(), "application/pdf"),
        ),
    )
    assert response.status_code == 400
    assert "loonstrook" in response.content.decode()
    assert Loonstrookbestand.objects.count() == voor


def test_mislukt_het_opslaan_halverwege_dan_blijft_er_niets_over(
    wereld: Wereld, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failure after the file was written (here: the row's insert) rolls the row back and
    removes the file: no half declaration, no orphan file."""
    opslag = Loonstrookbestand._meta.get_field("bestand").storage  # type: ignore[attr-defined]
    geschreven: list[str] = []
    echt_opslaan = opslag._save

    def opslaan(naam: str, inhoud: Any) -> str:
        geschreven.append(echt_opslaan(naam, inhoud))
        return geschreven[-1]

    echt_invoegen = services.invoegen

    def kapot(obj: Any, *args: Any) -> None:
        if isinstance(obj, Loonstrookbestand):
            raise RuntimeError("schijf vol")
        echt_invoegen(obj, *args)

    monkeypatch.setattr(opslag, "_save", opslaan)
    monkeypatch.setattr(services, "invoegen", kapot)
    voor = Inkomstenverklaring.objects.count()
    baan = _baan(wereld)
    voorbereid = voorbereiden(io.BytesIO(pdfs.schoon()), "strook.pdf")
    opgave = services.Opgave(
        baan=baan,
        maand=services.maand_uit_tekst(_vorige_maand()),
        uren=Decimal(10),
        netto_loon=Decimal(100),
    )
    with pytest.raises(RuntimeError):
        services.verklaring_indienen(
            klant=baan.klant, door=None, opgave=opgave, bestanden=[voorbereid]
        )
    assert geschreven, "the file was written before the failure"
    assert Inkomstenverklaring.objects.count() == voor
    assert not any(opslag.exists(n) for n in geschreven)


def test_wezen_worden_opgeruimd_en_bestanden_met_verklaring_blijven(
    wereld: Wereld, settings: Any
) -> None:
    # A fresh, empty file store: files of other tests (their rows rolled back) are not in it.
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }
    client = _client(wereld, Rol.KLANT)
    response = client.post(
        "/api/v1/inkomstenverklaringen/",
        _formulier(
            _baan(wereld), loonstrook=SimpleUploadedFile("s.pdf", pdfs.schoon(), "application/pdf")
        ),
    )
    assert response.status_code == 201
    opslag = Loonstrookbestand._meta.get_field("bestand").storage  # type: ignore[attr-defined]
    wees = opslag.save("verklaringen/2026/01/wees", SimpleUploadedFile("w", b"x"))
    # Too young: an upload may still be on its way to its commit.
    assert services.wezen_opruimen() == 0
    assert services.wezen_opruimen(ouder_dan=timedelta(0), nu=timezone.now() + timedelta(1)) == 1
    assert not opslag.exists(wees)
    bewaard = Loonstrookbestand.objects.get(verklaring_id=response.json()["id"])
    assert opslag.exists(bewaard.bestand.name)


def test_de_loonstrook_wordt_gelezen_en_vult_de_cijfers_voor(
    wereld: Wereld, django_capture_on_commit_callbacks: Any
) -> None:
    strook = strookjes.STROKEN[0]
    with django_capture_on_commit_callbacks(execute=True):
        response = _client(wereld, Rol.KLANT).post(
            "/api/v1/inkomstenverklaringen/",
            _formulier(
                _baan(wereld),
                loonstrook=SimpleUploadedFile("s.pdf", strookjes.pdf(strook), "application/pdf"),
            ),
        )
    assert response.status_code == 201
    verklaring = Inkomstenverklaring.objects.get(pk=response.json()["id"])
    assert verklaring.lees_status == LeesStatus.KLAAR
    assert verklaring.gelezen is not None
    assert verklaring.gelezen["netto_loon"] == strook.verwacht["netto_loon"]
    assert verklaring.gelezen["werkgever"] == strook.verwacht["werkgever"]
