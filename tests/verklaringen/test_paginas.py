"""The client's income declaration pages (D3) through the front door: the real login form, the
declare form with a payslip PDF, the receipt (kenmerk, time, SHA-256), the figures read pre-filled
in the confirm step, the client's own figures stored; four-weekly pay with two payslips; Dutch
errors that keep what was typed; opening my own payslip logged; the paper form switched off."""

import hashlib
import re
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from opstap.accounts.models import Rol
from opstap.privacy.models import Actie, Inzage
from opstap.verklaringen import selectors, services
from opstap.verklaringen.models import Inkomstenverklaring, LeesStatus, Papierformulier
from opstap.werken.models import Baan
from tests.contact import pdfs
from tests.loonstrook import strookjes
from tests.wereld import WACHTWOORD, Wereld

pytestmark = pytest.mark.django_db


def _token(html: str) -> str:
    gevonden = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert gevonden
    return gevonden.group(1)


def _inloggen(gebruikersnaam: str) -> Client:
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        "/inloggen/",
        {
            "username": gebruikersnaam,
            "password": WACHTWOORD,
            "csrfmiddlewaretoken": _token(client.get("/inloggen/").content.decode()),
        },
    )
    assert response.status_code == 302, "login failed"
    return client


def _klant(wereld: Wereld) -> Client:
    client = Client()
    client.force_login(wereld.a.gebruikers[Rol.KLANT])
    return client


def _baan(wereld: Wereld) -> Baan:
    return Baan.objects.get(klant=wereld.a.klanten["eigen"])


def _vorige_maand() -> date:
    return selectors.vorige_maand(timezone.localdate().replace(day=1))


def _nieuwe(wereld: Wereld) -> Any:
    return Inkomstenverklaring.objects.filter(klant=wereld.a.klanten["eigen"]).exclude(
        kenmerk__startswith="IV-TEST"
    )


def test_hele_stroom_via_het_inlogformulier(
    wereld: Wereld, django_capture_on_commit_callbacks: Any
) -> None:
    """Declare with a payslip PDF and no amount typed → receipt → figures read pre-filled → the
    client corrects one and confirms: the client's figures are stored, what was read stays."""
    strook = strookjes.STROKEN[0]
    inhoud = strookjes.pdf(strook)
    client = _inloggen(wereld.a.gebruikers[Rol.KLANT].username)
    baan = _baan(wereld)
    formulier = client.get("/mijn/inkomsten/doorgeven/")
    html = formulier.content.decode()
    assert formulier.status_code == 200
    assert 'accept="image/*,application/pdf"' in html
    maand = _vorige_maand().strftime("%Y-%m")
    # The month due is pre-selected.
    assert re.search(rf'<option value="{maand}"[^>]*selected', html)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/mijn/inkomsten/doorgeven/",
            {
                "csrfmiddlewaretoken": _token(html),
                "baan": baan.pk,
                "maand": maand,
                "uren": "80",
                "loonstrook": SimpleUploadedFile("strook.pdf", inhoud, "application/pdf"),
            },
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    verklaring = _nieuwe(wereld).get()
    assert response["Location"] == f"/mijn/inkomsten/{verklaring.pk}/?nieuw=1"
    assert verklaring.netto_loon is None and verklaring.bevestigd_op is None
    assert verklaring.lees_status == LeesStatus.KLAAR

    bewijs = client.get(response["Location"]).content.decode()
    assert "Gelukt: we hebben het ontvangen." in bewijs
    assert verklaring.kenmerk in bewijs
    volledig = hashlib.sha256(inhoud).hexdigest()
    assert f'value="{volledig}"' in bewijs  # the whole hash, copyable
    assert f"{volledig[:12]}…" in bewijs  # shortened where it shows
    tijd = timezone.localtime(verklaring.ontvangen_op)
    assert f"{tijd:%H:%M}" in bewijs and str(tijd.year) in bewijs
    assert "Kijk of de bedragen kloppen" in bewijs

    bevestig = client.get(f"/mijn/inkomsten/{verklaring.pk}/bevestigen/").content.decode()
    assert 'value="1224,73"' in bevestig  # net read from the payslip, Dutch format
    assert 'value="1281,80"' in bevestig
    assert 'value="86"' in bevestig or 'value="86,00"' in bevestig
    assert 'value="2026-03-01"' in bevestig
    response = client.post(
        f"/mijn/inkomsten/{verklaring.pk}/bevestigen/",
        {
            "csrfmiddlewaretoken": _token(bevestig),
            "netto_loon": "1224,73",
            "bruto_loon": "1281,80",
            "uren": "84",  # the client corrects the hours: their statement
            "periode_van": "2026-03-01",
            "periode_tot": "2026-03-31",
        },
    )
    assert response.status_code == 302
    verklaring.refresh_from_db()
    assert verklaring.netto_loon == Decimal("1224.73")
    assert verklaring.uren == Decimal(84)
    assert verklaring.bevestigd_op is not None
    assert verklaring.periode_tot == date(2026, 3, 31)
    assert verklaring.gelezen is not None and verklaring.gelezen["uren"] == 86.0
    na = client.get(f"/mijn/inkomsten/{verklaring.pk}/").content.decode()
    assert "We gaan uit van wat jij invulde." in na
    assert Inzage.objects.filter(
        klant=verklaring.klant, actie=Actie.WIJZIGEN, onderdeel="inkomstenverklaringen"
    ).exists()
    # The overview lists it per month with its status and the file.
    overzicht = client.get("/mijn/inkomsten/").content.decode()
    assert verklaring.kenmerk in overzicht and "Ontvangen" in overzicht
    assert "Open strook.pdf" in overzicht


def test_fouten_per_veld_in_het_nederlands_en_wat_je_typte_blijft(wereld: Wereld) -> None:
    client = _klant(wereld)
    baan = _baan(wereld)
    response = client.post(
        "/mijn/inkomsten/doorgeven/",
        {
            "baan": baan.pk,
            "maand": _vorige_maand().strftime("%Y-%m"),
            "uren": "veel",
            "bruto_loon": "812,50",
            "loonstrook": SimpleUploadedFile("s.pdf", pdfs.met_javascript(), "application/pdf"),
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Vul het aantal uren in deze maand in" in html
    assert "script" in html  # why the PDF was refused
    assert 'value="812,50"' in html  # kept
    assert "Alleen een foto of PDF moet je opnieuw kiezen" in html
    assert "Traceback" not in html
    assert not _nieuwe(wereld).exists()


def test_zonder_loonstrook_moet_het_netto_loon_erbij_en_een_schatting_mag(wereld: Wereld) -> None:
    client = _klant(wereld)
    basis = {"baan": _baan(wereld).pk, "maand": _vorige_maand().strftime("%Y-%m"), "uren": "40"}
    response = client.post("/mijn/inkomsten/doorgeven/", basis)
    assert response.status_code == 400
    assert "Of stuur een foto of PDF van je loonstrook mee" in response.content.decode()
    response = client.post(
        "/mijn/inkomsten/doorgeven/", {**basis, "schatting": "on", "netto_loon": "500"}
    )
    assert response.status_code == 302
    verklaring = _nieuwe(wereld).get()
    assert verklaring.schatting and verklaring.netto_loon == Decimal(500)
    assert verklaring.bevestigd_op is not None
    bewijs = client.get(f"/mijn/inkomsten/{verklaring.pk}/").content.decode()
    assert "volgende maand vanzelf goed" in bewijs


def test_vier_weken_twee_loonstroken_in_een_maand_worden_opgeteld(
    wereld: Wereld, django_capture_on_commit_callbacks: Any
) -> None:
    """Four-weekly pay: both payslips in the one declaration of that month; the figures read are
    added up, the period runs from the first day to the last."""
    strook = strookjes.STROKEN[1]  # four-weekly
    client = _klant(wereld)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/mijn/inkomsten/doorgeven/",
            {
                "baan": _baan(wereld).pk,
                "maand": _vorige_maand().strftime("%Y-%m"),
                "uren": "129",
                "loonstrook": SimpleUploadedFile("a.pdf", strookjes.pdf(strook), "application/pdf"),
                "loonstrook_2": SimpleUploadedFile(
                    "b.pdf", strookjes.pdf(strookjes.STROKEN[1]), "application/pdf"
                ),
            },
        )
    assert response.status_code == 302
    verklaring = _nieuwe(wereld).get()
    assert verklaring.bestanden.count() == 2
    gelezen = verklaring.gelezen
    assert gelezen is not None
    assert gelezen["netto_loon"] == pytest.approx(2 * float(strook.verwacht["netto_loon"]))  # type: ignore[arg-type]
    assert gelezen["uren"] == pytest.approx(2 * float(strook.verwacht["uren"]))  # type: ignore[arg-type]
    assert len(gelezen["stroken"]) == 2
    bevestig = client.get(f"/mijn/inkomsten/{verklaring.pk}/bevestigen/").content.decode()
    assert 'value="1791,84"' in bevestig


def test_dezelfde_maand_nog_eens_verwijst_naar_toevoegen(
    wereld: Wereld, django_capture_on_commit_callbacks: Any
) -> None:
    """A second declaration for the same job and month is not made: the client adds the second
    payslip to the first (one declaration per job and month, with all its payslips)."""
    client = _klant(wereld)
    basis = {
        "baan": _baan(wereld).pk,
        "maand": _vorige_maand().strftime("%Y-%m"),
        "uren": "40",
        "netto_loon": "400",
    }
    assert client.post("/mijn/inkomsten/doorgeven/", basis).status_code == 302
    response = client.post("/mijn/inkomsten/doorgeven/", basis)
    assert response.status_code == 400
    verklaring = _nieuwe(wereld).get()
    assert f"/mijn/inkomsten/{verklaring.pk}/aanvullen/" in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/mijn/inkomsten/{verklaring.pk}/aanvullen/",
            {"loonstrook": SimpleUploadedFile("2e.pdf", strookjes.pdf(strookjes.STROKEN[1]))},
        )
    assert response.status_code == 302
    assert verklaring.bestanden.count() == 1
    verklaring.refresh_from_db()
    assert verklaring.lees_status == LeesStatus.KLAAR


def test_eigen_loonstrook_openen_staat_in_het_inzagelog(wereld: Wereld) -> None:
    client = _klant(wereld)
    inhoud = pdfs.schoon()
    response = client.post(
        "/mijn/inkomsten/doorgeven/",
        {
            "baan": _baan(wereld).pk,
            "maand": _vorige_maand().strftime("%Y-%m"),
            "uren": "40",
            "netto_loon": "400",
            "loonstrook": SimpleUploadedFile("mijn strook.pdf", inhoud, "application/pdf"),
        },
    )
    assert response.status_code == 302
    verklaring = _nieuwe(wereld).get()
    bestand = verklaring.bestanden.get()
    voor = Inzage.objects.filter(doel="Je opende je loonstrook").count()
    response = client.get(f"/mijn/inkomsten/{verklaring.pk}/loonstrook/{bestand.pk}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == inhoud
    assert response["Content-Type"] == "application/pdf"
    assert "mijn strook.pdf" in response["Content-Disposition"]
    assert Inzage.objects.filter(doel="Je opende je loonstrook").count() == voor + 1
    # Another client's payslip: not found, whichever declaration it is asked through.
    vreemd = Inkomstenverklaring.objects.filter(klant=wereld.a.klanten["caseload"]).get()
    vreemd_bestand = vreemd.bestanden.get()
    assert (
        client.get(f"/mijn/inkomsten/{vreemd.pk}/loonstrook/{vreemd_bestand.pk}/").status_code
        == 404
    )
    assert (
        client.get(f"/mijn/inkomsten/{verklaring.pk}/loonstrook/{vreemd_bestand.pk}/").status_code
        == 404
    )


def test_overzicht_toont_wat_nog_moet_met_termijn_en_wat_ontbreekt(wereld: Wereld) -> None:
    klant = wereld.a.klanten["eigen"]
    gemeente = klant.gemeente
    gemeente.instellingen = {**gemeente.instellingen, "inkomstenverklaring_dag": 7}
    gemeente.save()
    bestaand = Inkomstenverklaring.objects.get(klant=klant)
    bestaand.status = "aanvulling_nodig"
    bestaand.ontbreekt = "De loonstrook van maart ontbreekt nog."
    bestaand.save()
    html = _klant(wereld).get("/mijn/inkomsten/").content.decode()
    vorige = _vorige_maand()
    assert "We missen nog iets" in html
    assert "De loonstrook van maart ontbreekt nog." in html
    termijn = selectors.volgende_maand(vorige).replace(day=7)
    assert f"Doorgeven kan tot en met {termijn.day} " in html
    assert f"/mijn/inkomsten/doorgeven/?baan={bestaand.baan_id}&amp;maand={vorige:%Y-%m}" in html


def test_papieren_formulier_en_online_overstappen(wereld: Wereld) -> None:
    klant = wereld.a.klanten["eigen"]
    services.papier_aanzetten(klant=klant)
    client = _inloggen(wereld.a.gebruikers[Rol.KLANT].username)
    html = client.get("/mijn/inkomsten/").content.decode()
    bericht = selectors.papier_bericht(klant, timezone.localdate())
    assert "Je krijgt het formulier op papier" in html
    dag = f"{bericht.verzenddatum.day} "
    assert ("gaat op " + dag in html) or ("ging op " + dag in html)
    assert client.get("/mijn/inkomsten/online/").status_code == 405
    response = client.post("/mijn/inkomsten/online/", {"csrfmiddlewaretoken": _token(html)})
    assert response.status_code == 302
    formulier = Papierformulier.objects.get(klant=klant)
    assert not formulier.actief
    assert formulier.online_door == wereld.a.gebruikers[Rol.KLANT]
    html = client.get("/mijn/inkomsten/").content.decode()
    assert "Je krijgt het formulier op papier" not in html
    assert "Je geeft je inkomsten voortaan online door" in html


def test_status_van_het_lezen_als_json_zonder_bedragen(wereld: Wereld) -> None:
    verklaring = Inkomstenverklaring.objects.get(klant=wereld.a.klanten["eigen"])
    verklaring.lees_status = LeesStatus.WACHT
    verklaring.save()
    client = _klant(wereld)
    data = client.get(f"/mijn/inkomsten/{verklaring.pk}/status/").json()
    assert data["klaar"] is False and data["lees_status"] == "wacht"
    assert "612" not in str(data)
    html = client.get(f"/mijn/inkomsten/{verklaring.pk}/").content.decode()
    assert "We lezen je loonstrook" in html
    Inkomstenverklaring.objects.filter(pk=verklaring.pk).update(lees_status=LeesStatus.NIET_GELUKT)
    assert client.get(f"/mijn/inkomsten/{verklaring.pk}/status/").json()["klaar"] is True
    html = client.get(f"/mijn/inkomsten/{verklaring.pk}/").content.decode()
    assert "type de bedragen over" in html


def test_in_behandeling_kan_de_klant_niet_meer_wijzigen(wereld: Wereld) -> None:
    verklaring = Inkomstenverklaring.objects.get(klant=wereld.a.klanten["eigen"])
    Inkomstenverklaring.objects.filter(pk=verklaring.pk).update(status="in_behandeling")
    response = _klant(wereld).post(
        f"/mijn/inkomsten/{verklaring.pk}/bevestigen/",
        {"netto_loon": "1", "uren": "1"},
    )
    assert response.status_code == 400
    assert "al met deze verklaring bezig" in response.content.decode()
    verklaring.refresh_from_db()
    assert verklaring.netto_loon == Decimal("612.40")


def test_te_groot_verzoek_krijgt_413_in_het_nederlands(wereld: Wereld, settings: Any) -> None:
    settings.OPSTAP_MAX_VERKLARING_BYTES = 50_000
    response = _klant(wereld).post(
        "/mijn/inkomsten/doorgeven/",
        {
            "baan": _baan(wereld).pk,
            "maand": _vorige_maand().strftime("%Y-%m"),
            "uren": "40",
            "loonstrook": SimpleUploadedFile("groot.pdf", b"%PDF-1.4\n" + b"0" * 60_000),
        },
    )
    assert response.status_code == 413
    assert "Wat je stuurt is te groot" in response.content.decode()
    assert not _nieuwe(wereld).exists()


def test_in_het_engels_als_de_klant_dat_kiest(wereld: Wereld) -> None:
    client = _klant(wereld)
    client.post("/i18n/taal/", {"language": "en", "next": "/mijn/inkomsten/"})
    html = client.get("/mijn/inkomsten/").content.decode()
    assert "Report my income" in html and "Mijn inkomsten doorgeven" not in html
    formulier = client.get("/mijn/inkomsten/doorgeven/").content.decode()
    assert "Photo or PDF of your payslip" in formulier


def test_de_inkomensconsulent_zet_papier_aan_en_ziet_wie_online_ging(wereld: Wereld) -> None:
    desk = Client()
    desk.force_login(wereld.a.gebruikers[Rol.INKOMENSCONSULENT])
    klant = wereld.a.klanten["eigen"]
    html = desk.get(f"/inkomen/papier/?zoek={klant.achternaam}").content.decode()
    assert f'name="klant" value="{klant.pk}"' in html
    assert desk.post("/inkomen/papier/", {"klant": klant.pk}).status_code == 302
    assert Papierformulier.objects.get(klant=klant).actief
    html = desk.get("/inkomen/papier/").content.decode()
    assert klant.naam in html.split("Overgestapt op online")[0]
    assert Inzage.objects.filter(
        klant=klant, gebruiker=wereld.a.gebruikers[Rol.INKOMENSCONSULENT], actie=Actie.WIJZIGEN
    ).exists()
    # The client switches to online; the desk sees it.
    _klant(wereld).post("/mijn/inkomsten/online/")
    html = desk.get("/inkomen/papier/").content.decode()
    assert klant.naam in html.split("Overgestapt op online")[1]
    # A client of another municipality cannot be put on paper; other roles are refused.
    vreemd = wereld.b.klanten["caseload"]
    assert desk.post("/inkomen/papier/", {"klant": vreemd.pk}).status_code == 404
    cp = Client()
    cp.force_login(wereld.a.gebruikers[Rol.CONTACTPERSOON])
    assert cp.post("/inkomen/papier/", {"klant": klant.pk}).status_code == 403
