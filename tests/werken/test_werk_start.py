"""D1 complete, D2, D5: the rules that now apply (page and PDF letter) with the engine's amounts,
several jobs together, changing and ending a job with history, the contract check (encrypted,
access-logged), check-ins, a difficult start, more hours, and the contact person's work signals."""

import re
from datetime import date, timedelta
from decimal import Decimal
from io import BytesIO
from typing import Any

import pytest
from pypdf import PdfReader
from reportlab.pdfgen import canvas

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

import regels
from opstap.accounts.models import Rol
from opstap.inkomen.services import invoer_voor_klant
from opstap.privacy.models import Actie, Inzage
from opstap.privacy.opslag import versleutelde_opslag
from opstap.web.geld import euro
from opstap.werken.models import (
    Baan,
    BaanWijziging,
    Contract,
    MoeilijkeStart,
    Startgesprek,
    Werkstand,
    WijzigingSoort,
)
from opstap.werken.rekenen import geld_met_banen, meer_uren, regels_bij_werk
from opstap.werken.selectors import werk_signalen
from opstap.werken.services import baan_aanmelden, contract_uploaden
from tests.wereld import WACHTWOORD, Wereld

pytestmark = pytest.mark.django_db

VIJFTIG = Decimal(50)


def _inloggen(gebruikersnaam: str) -> Client:
    """Through the real login form, with CSRF checks on."""
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


def _csrf(client: Client, pad: str) -> str:
    token = re.search(
        r'name="csrfmiddlewaretoken" value="([^"]+)"', client.get(pad).content.decode()
    )
    assert token
    return token.group(1)


def _ingelogd(wereld: Wereld, rol: str, tenant: str = "a") -> Client:
    client = Client()
    client.force_login(getattr(wereld, tenant).gebruikers[rol])
    return client


def _pdf_bytes(tekst: str = "Arbeidsovereenkomst") -> bytes:
    buffer = BytesIO()
    c = canvas.Canvas(buffer)
    c.drawString(72, 720, tekst)
    c.save()
    return buffer.getvalue()


def _pdf_tekst(data: bytes) -> str:
    return " ".join(p.extract_text() or "" for p in PdfReader(BytesIO(data)).pages)


def _baan(wereld: Wereld, **extra: Any) -> Baan:
    klant = wereld.a.klanten["eigen"]
    gegevens: dict[str, Any] = {
        "werkgever_naam": "Bakkerij De Korenbloem",
        "begonnen_op": timezone.localdate() - timedelta(days=3),
        "uren_per_week": Decimal(16),
        "bruto_uurloon": Decimal("15.00"),
        "loonperiode": "maand",
    }
    gegevens.update(extra)
    return baan_aanmelden(klant=klant, gegevens=gegevens, door=klant.gebruiker)


def _uitkomst(klant: Any, uurloon: float, uren: list[float]) -> dict[str, Any]:
    invoer = invoer_voor_klant(
        klant,
        peildatum=timezone.localdate(),
        werk={"bruto_uurloon": uurloon, "uren_per_week": uren},
    )
    return regels.bereken(invoer, uitleg=True)


# --- services -----------------------------------------------------------------------------------


def test_aanmelden_plant_startgesprekken_volgens_de_gemeente_en_bewaart_de_stand(
    wereld: Wereld,
) -> None:
    gemeente = wereld.a.gemeente
    gemeente.instellingen = {**gemeente.instellingen, "werk_startgesprekken_weken": [1, 3, 6]}
    gemeente.save()
    baan = _baan(wereld, begonnen_op=date(2026, 11, 2))
    gesprekken = list(Startgesprek.objects.filter(baan=baan))
    assert [(g.week, g.gepland_op) for g in gesprekken] == [
        (1, date(2026, 11, 9)),
        (3, date(2026, 11, 23)),
        (6, date(2026, 12, 14)),
    ]
    wijziging = BaanWijziging.objects.get(baan=baan)
    assert wijziging.soort == WijzigingSoort.AANGEMELD
    # The stored exit hours are the engine's for both running jobs together (world's 12 h at
    # € 14,40 and this 16 h at € 15,00).
    klant = wereld.a.klanten["eigen"]
    # Same gross wage per week as one wage: 12 × 14,40 + 16 × 15,00 = 27,52 × 15,00.
    verwacht = _uitkomst(klant, 15.00, [0, 27.52, 60])
    stand = Werkstand.objects.get(klant=klant)
    assert stand.uren_per_week == 28
    gemiddeld = Decimal("412.80") / 28
    uit = Decimal(str(verwacht["uren_uit_bijstand"]))
    assert stand.uren_uit_bijstand == (28 + (uit - Decimal("27.52")) * 15 / gemiddeld).quantize(
        Decimal("0.1")
    )
    assert stand.vrijlating_tot == date.fromisoformat(verwacht["vrijlating_eindigt"] + "-01")


def test_geld_met_twee_banen_is_het_bruto_van_beide_samen(wereld: Wereld) -> None:
    klant = wereld.a.klanten["eigen"]
    _baan(wereld)
    banen = list(Baan.objects.filter(klant=klant))
    geld = geld_met_banen(klant, banen)
    assert geld is not None and len(geld.banen) == 2
    uitkomst = _uitkomst(klant, 15.00, [0, 27.52])
    rij = uitkomst["resultaten"][1]
    # The engine's gross is the sum of the two jobs' gross wages (uurloon × uren × 52 / 12).
    los = [_uitkomst(klant, 14.40, [12])["resultaten"][0], _uitkomst(klant, 15.0, [16])]
    assert (
        abs(
            rij["bruto_loon_per_maand"]
            - los[0]["bruto_loon_per_maand"]
            - los[1]["resultaten"][0]["bruto_loon_per_maand"]
        )
        < 0.005
    )
    assert geld.met_werk == Decimal(str(rij["totaal_netto_per_maand"]))
    assert geld.bijstand == Decimal(str(rij["bijstand"]))
    # An on-call job is listed apart, not counted.
    oproep = _baan(
        wereld, werkgever_naam="Uitzendbureau Flex", uren_per_week=None, oproepcontract=True
    )
    geld2 = geld_met_banen(klant, list(Baan.objects.filter(klant=klant)))
    assert geld2 is not None
    assert geld2.zonder_vaste_uren == [oproep] and geld2.met_werk == geld.met_werk


def test_regels_noemen_de_bedragen_en_artikelen_van_de_rekenregels(wereld: Wereld) -> None:
    klant = wereld.a.klanten["eigen"]
    geld = geld_met_banen(klant, list(Baan.objects.filter(klant=klant)))
    assert geld is not None
    tekst = " ".join(
        " ".join([r.titel, *r.alineas, r.bron]) for r in regels_bij_werk(geld, klant.gemeente)
    )
    uitkomst = _uitkomst(klant, 14.40, [0, 12, 60])
    p = uitkomst["uitleg"]["parameters"]
    n_max = Decimal(str(p["participatiewet.inkomensvrijlating.n_maximum"]["waarde"]))
    assert euro(n_max) in tekst
    assert euro(Decimal(str(uitkomst["resultaten"][1]["inkomensvrijlating"]))) in tekst
    assert p["participatiewet.inkomensvrijlating.n_percentage"]["bron"][0]["titel"] in tekst
    assert "uiterlijk de 5e van de volgende maand" in tekst  # the municipality's setting
    assert str(uitkomst["uren_uit_bijstand"]).replace(".", ",") in tekst
    # A different setting changes the text: nothing is hard-coded.
    klant.gemeente.instellingen = {"inkomstenverklaring_dag": 8}
    tekst2 = " ".join(" ".join(r.alineas) for r in regels_bij_werk(geld, klant.gemeente))
    assert "uiterlijk de 8e" in tekst2


# --- the client's pages -------------------------------------------------------------------------


def test_klant_meldt_baan_en_leest_regels_en_brief(wereld: Wereld) -> None:
    client = _inloggen("alfa-klant")
    token = _csrf(client, "/mijn/werk/")
    response = client.post(
        "/mijn/werk/",
        {
            "csrfmiddlewaretoken": token,
            "werkgever": "Zorgcentrum Het Anker",
            "begonnen_op": "2026-11-16",
            "uren_per_week": "16",
            "bruto_uurloon": "15,00",
            "loonperiode": "vier_weken",
        },
        follow=True,
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Gefeliciteerd met je baan!" in html
    assert "De regels die nu voor je gelden" in html
    assert "met al je banen samen" in html  # the world's job and this one
    klant = wereld.a.klanten["eigen"]
    geld = geld_met_banen(klant, list(Baan.objects.filter(klant=klant)))
    assert geld is not None
    assert euro(geld.met_werk) in html
    pdf = client.get("/mijn/werk/brief.pdf")
    assert pdf["Content-Type"] == "application/pdf"
    tekst = _pdf_tekst(pdf.content)
    assert euro(geld.met_werk) in tekst
    assert euro(geld.zelf_verdiend) in tekst
    assert geld.verschil > 0 and f"Dat is {euro(geld.verschil)} meer." in " ".join(tekst.split())
    assert euro(Decimal(str(geld.vrijlating.bedrag))) in tekst
    assert "Zorgcentrum Het Anker" in tekst and f"Werkgever van {klant.pk}" in tekst
    assert "Participatiewet art. 31 lid 2 onderdeel n" in tekst
    assert Inzage.objects.filter(klant=klant, actie=Actie.EXPORTEREN, onderdeel="werk").exists()


def test_klant_wijzigt_uren_en_beeindigt_baan_met_geschiedenis(wereld: Wereld) -> None:
    klant = wereld.a.klanten["eigen"]
    baan = _baan(wereld)
    client = _ingelogd(wereld, Rol.KLANT)
    pad = f"/mijn/werk/{baan.pk}/wijzigen/"
    pagina = client.get(pad).content.decode()
    assert 'value="16,00"' in pagina  # prefilled: never ask what we know
    # A date field the browser fills: the value in the form the date input reads.
    assert re.search(r'name="ingaand_op" value="\d{4}-\d{2}-\d{2}"', pagina)
    fout = client.post(pad, {"uren_per_week": "abc", "bruto_uurloon": "15,00", "ingaand_op": ""})
    assert fout.status_code == 400
    assert (
        "Vul een aantal uren in" in fout.content.decode() and 'value="abc"' in fout.content.decode()
    )
    vandaag = timezone.localdate()
    r = client.post(
        pad,
        {"uren_per_week": "24", "bruto_uurloon": "15,50", "ingaand_op": vandaag.isoformat()},
    )
    assert r.status_code == 302
    baan.refresh_from_db()
    assert baan.uren_per_week == 24 and baan.bruto_uurloon == Decimal("15.50")
    stand = Werkstand.objects.get(klant=klant)
    assert stand.uren_per_week == 36  # 12 + 24, recomputed
    r = client.post(
        pad,
        {
            "uren_per_week": "24",
            "bruto_uurloon": "15,50",
            "ingaand_op": vandaag.isoformat(),
            "einde_op": (vandaag - timedelta(days=1)).isoformat(),
        },
    )
    assert r.status_code == 302
    soorten = list(BaanWijziging.objects.filter(baan=baan).values_list("soort", flat=True))
    assert soorten == [WijzigingSoort.BEEINDIGD, WijzigingSoort.GEWIJZIGD, WijzigingSoort.AANGEMELD]
    html = client.get(f"/mijn/werk/{baan.pk}/").content.decode()
    assert "uren per week: 16 → 24" in html
    assert "€ 15,00 → € 15,50" in html
    overzicht = client.get("/mijn/werk/").content.decode()
    assert "Banen die gestopt zijn" in overzicht
    # The ended job no longer counts: the stand is the world's 12 hours again.
    assert Werkstand.objects.get(klant=klant).uren_per_week == 12
    # Someone else's job cannot be changed.
    vreemd = Baan.objects.get(klant=wereld.a.klanten["caseload"])
    assert client.post(f"/mijn/werk/{vreemd.pk}/wijzigen/", {}).status_code == 404


def test_meer_uren_toont_uren_uit_bijstand_en_tabel_van_de_rekenregels(wereld: Wereld) -> None:
    klant = wereld.a.klanten["eigen"]
    Baan.objects.filter(klant=klant).update(einde_op=date(2026, 3, 1))  # only the new job runs
    baan = _baan(wereld, uren_per_week=Decimal(12), bruto_uurloon=Decimal("14.71"))
    response = _ingelogd(wereld, Rol.KLANT).get(f"/mijn/werk/{baan.pk}/meer-uren/")
    assert response.status_code == 200
    html = response.content.decode()
    uitkomst = _uitkomst(klant, 14.71, [0, 12, 16, 52])
    extra = Decimal(str(uitkomst["uren_uit_bijstand"])) - 12
    assert f"{extra.normalize():f}".replace(".", ",") + " uur per week meer" in html
    assert euro(Decimal(str(uitkomst["resultaten"][2]["totaal_netto_per_maand"]))) in html
    verschil = Decimal(str(uitkomst["resultaten"][2]["totaal_netto_per_maand"])) - Decimal(
        str(uitkomst["resultaten"][1]["totaal_netto_per_maand"])
    )
    assert euro(verschil) in html
    assert "Zo vraag je je werkgever om meer uren" in html


def test_meer_uren_met_een_tweede_baan_rekent_terug_naar_uren_bij_deze_baan(
    wereld: Wereld,
) -> None:
    klant = wereld.a.klanten["eigen"]
    baan = _baan(wereld, uren_per_week=Decimal(8), bruto_uurloon=Decimal("16.00"))
    meer = meer_uren(klant, baan, list(Baan.objects.filter(klant=klant)))
    assert meer is not None and meer.andere_banen
    assert meer.uren_uit_bijstand_bij_baan is not None and meer.extra_uren_uit_bijstand is not None
    # At the exit hours found, the engine (both jobs as their gross) gives no bijstand; 1 hour
    # less at this job still gives some.
    for uren, bijstand_nul in (
        (meer.uren_uit_bijstand_bij_baan + Decimal("0.2"), True),
        (meer.uren_uit_bijstand_bij_baan - 1, False),
    ):
        totaal_uren = 12 + float(uren)
        uurloon = (12 * 14.40 + float(uren) * 16.0) / totaal_uren
        rij = _uitkomst(klant, uurloon, [totaal_uren])["resultaten"][0]
        assert (rij["bijstand"] == 0) is bijstand_nul


# --- D2: contract check -------------------------------------------------------------------------


def test_contract_uploaden_controleren_en_klant_leest_opmerking(wereld: Wereld) -> None:
    klant = wereld.a.klanten["eigen"]
    baan = _baan(wereld)
    client = _ingelogd(wereld, Rol.KLANT)
    inhoud = _pdf_bytes("Arbeidsovereenkomst Bakkerij")
    r = client.post(
        f"/mijn/werk/{baan.pk}/",
        {"actie": "contract", "bestand": SimpleUploadedFile("mijn contract.pdf", inhoud)},
    )
    assert r.status_code == 302
    contract = Contract.objects.get(baan=baan)
    # Encrypted at rest: the stored bytes are not the PDF; opening through the storage gives it back.
    assert versleutelde_opslag().ruw_lezen(contract.bestand.name) != inhoud
    with contract.bestand.open("rb") as f:
        assert f.read() == inhoud
    assert (
        "Je contactpersoon kijkt er nog naar"
        in client.get(f"/mijn/werk/{baan.pk}/").content.decode()
    )

    cp = _ingelogd(wereld, Rol.CONTACTPERSOON)
    lijst = cp.get("/werk/contracten/").content.decode()
    assert klant.achternaam in lijst and "Bakkerij De Korenbloem" in lijst
    assert Inzage.objects.filter(
        klant=klant, onderdeel="werk", doel__contains="lijst van contracten"
    ).exists()
    pagina = cp.get(f"/werk/klanten/{klant.pk}/werk/{baan.pk}/contract/")
    assert pagina.status_code == 200
    bestand = cp.get(f"/werk/klanten/{klant.pk}/werk/{baan.pk}/contract/bestand/")
    assert b"".join(bestand.streaming_content) == inhoud
    assert bestand["Content-Type"] == "application/pdf"
    assert 'filename="mijn contract.pdf"' in bestand["Content-Disposition"]
    assert Inzage.objects.filter(
        klant=klant,
        gebruiker=wereld.a.gebruikers[Rol.CONTACTPERSOON],
        doel="Begeleiding: je arbeidscontract geopend",
    ).exists()
    # A comment is required; what was typed stays.
    leeg = cp.post(
        f"/werk/klanten/{klant.pk}/werk/{baan.pk}/contract/", {"aandachtspunten": ["proeftijd"]}
    )
    assert leeg.status_code == 400 and "Schrijf een korte opmerking" in leeg.content.decode()
    assert 'value="proeftijd" checked' in leeg.content.decode()
    r = cp.post(
        f"/werk/klanten/{klant.pk}/werk/{baan.pk}/contract/",
        {
            "aandachtspunten": ["proeftijd", "einddatum"],
            "opmerking": "Fijn contract! De proeftijd is een maand.",
        },
    )
    assert r.status_code == 302
    assert "Bakkerij De Korenbloem" not in cp.get("/werk/contracten/").content.decode()
    html = client.get(f"/mijn/werk/{baan.pk}/").content.decode()
    assert "Fijn contract! De proeftijd is een maand." in html
    assert "de proeftijd" in html and "de einddatum" in html
    # The colleague, and the other municipality, cannot open it.
    collega = Client()
    collega.force_login(wereld.a.gebruikers["collega"])
    assert (
        collega.get(f"/werk/klanten/{klant.pk}/werk/{baan.pk}/contract/bestand/").status_code == 404
    )
    ander = _ingelogd(wereld, Rol.CONTACTPERSOON, "b")
    assert ander.get(f"/werk/klanten/{klant.pk}/werk/{baan.pk}/contract/").status_code == 404


def test_contract_wordt_op_inhoud_en_grootte_gecontroleerd(wereld: Wereld) -> None:
    baan = _baan(wereld)
    client = _ingelogd(wereld, Rol.KLANT)
    r = client.post(
        f"/mijn/werk/{baan.pk}/",
        {"actie": "contract", "bestand": SimpleUploadedFile("contract.pdf", b"<html>nee</html>")},
    )
    assert r.status_code == 400
    assert "Dit soort bestand kunnen we niet openen" in r.content.decode()
    groot = SimpleUploadedFile("groot.pdf", _pdf_bytes() + b"0" * (5 * 1024 * 1024))
    with pytest.raises(Exception, match="te groot"):
        contract_uploaden(baan=baan, bestand=groot)
    assert not Contract.objects.filter(baan=baan).exists()


# --- D2: a good start ---------------------------------------------------------------------------


def test_startgesprek_en_moeilijke_start_door_klant_en_contactpersoon(wereld: Wereld) -> None:
    klant = wereld.a.klanten["eigen"]
    baan = _baan(wereld)
    gesprek = Startgesprek.objects.filter(baan=baan).first()
    assert gesprek is not None
    client = _ingelogd(wereld, Rol.KLANT)
    r = client.post(
        f"/mijn/werk/{baan.pk}/",
        {
            "actie": "startgesprek",
            "gesprek": gesprek.pk,
            f"g{gesprek.pk}-notitie": "Gaat goed, leuke collega's.",
        },
    )
    assert r.status_code == 302
    # A number that is not one is 'not found', never a server error; on either side.
    onzin = {"actie": "startgesprek", "gesprek": "x", "baan": "y"}
    assert client.post(f"/mijn/werk/{baan.pk}/", onzin).status_code == 404
    r = client.post(
        f"/mijn/werk/{baan.pk}/",
        {"actie": "moeilijk", "moeilijk-toelichting": "De reistijd is lang."},
    )
    assert r.status_code == 302
    cp = _ingelogd(wereld, Rol.CONTACTPERSOON)
    html = cp.get(f"/werk/klanten/{klant.pk}/werk/").content.decode()
    assert "Gaat goed, leuke collega&#x27;s." in html
    assert "De reistijd is lang." in html
    caseload = cp.get("/werk/").content.decode()
    assert "Moeilijke start bij Bakkerij De Korenbloem" in caseload
    r = cp.post(f"/werk/klanten/{klant.pk}/werk/", {"baan": baan.pk, "actie": "opgelost"})
    assert r.status_code == 302
    assert MoeilijkeStart.objects.get(baan=baan).opgelost_op is not None
    assert "Moeilijke start bij" not in cp.get("/werk/").content.decode()
    # The contact person can raise it too.
    cp.post(
        f"/werk/klanten/{klant.pk}/werk/",
        {"baan": baan.pk, "actie": "moeilijk", f"m{baan.pk}-toelichting": ""},
    )
    assert MoeilijkeStart.objects.filter(baan=baan, opgelost_op__isnull=True).count() == 1
    assert cp.post(f"/werk/klanten/{klant.pk}/werk/", onzin).status_code == 404
    # A colleague without a substitution cannot post for this client.
    collega = Client()
    collega.force_login(wereld.a.gebruikers["collega"])
    assert (
        collega.post(
            f"/werk/klanten/{klant.pk}/werk/", {"baan": baan.pk, "actie": "opgelost"}
        ).status_code
        == 404
    )


# --- D5: signals --------------------------------------------------------------------------------


def test_signalen_met_reden_en_instelbaar(wereld: Wereld) -> None:
    gemeente = wereld.a.gemeente
    klant = wereld.a.klanten["eigen"]
    vandaag = timezone.localdate()
    Baan.objects.filter(klant=klant).update(einde_op=date(2026, 3, 1))
    baan = _baan(wereld, uren_per_week=Decimal(12), einde_op=vandaag + timedelta(weeks=3))
    signalen = {s.soort: s.tekst for s in werk_signalen(gemeente, [klant.pk])[klant.pk]}
    assert signalen["werk_einde"].startswith("Contract bij Bakkerij De Korenbloem eindigt op")
    stand = Werkstand.objects.get(klant=klant)
    assert stand.uren_uit_bijstand is not None and stand.uren_uit_bijstand - 12 >= 4
    assert "werk_meer_uren" in signalen and "nu 12 uur" in signalen["werk_meer_uren"]
    # The exemption runs for months from now: no signal yet, until the setting reaches it.
    assert "werk_vrijlating" not in signalen
    gemeente.instellingen = {"werk_signaal_weken": 2, "werk_meer_uren_marge": 40}
    gemeente.save()
    signalen = {s.soort for s in werk_signalen(gemeente, [klant.pk]).get(klant.pk, [])}
    assert "werk_einde" not in signalen and "werk_meer_uren" not in signalen
    # Exemption used up to its last month: a signal with the month.
    klant.vrijlating_maanden_gebruikt = 5
    klant.save()
    from opstap.werken.services import werkstand_bijwerken

    werkstand_bijwerken(klant)
    teksten = [s.tekst for s in werk_signalen(gemeente, [klant.pk])[klant.pk]]
    assert any(t.startswith("Inkomensvrijlating stopt na") for t in teksten)
    assert baan.pk


def test_signalen_kosten_een_vast_aantal_queries(
    wereld: Wereld, django_assert_max_num_queries: Any
) -> None:
    gemeente = wereld.a.gemeente
    pks = [k.pk for k in wereld.a.klanten.values()]
    with django_assert_max_num_queries(5):
        werk_signalen(gemeente, pks)


def test_contactpersoon_ziet_banen_van_klant_alleen_lezen(wereld: Wereld) -> None:
    klant = wereld.a.klanten["eigen"]
    _baan(wereld)
    cp = _ingelogd(wereld, Rol.CONTACTPERSOON)
    html = cp.get(f"/werk/klanten/{klant.pk}/werk/").content.decode()
    assert "Bakkerij De Korenbloem" in html and f"Werkgever van {klant.pk}" in html
    assert "Week 1" in html
    assert 'href="/mijn/werk/' not in html  # no client's edit links
    assert Inzage.objects.filter(klant=klant, doel="Begeleiding: de banen bekeken").exists()
    dossier = cp.get(f"/werk/klanten/{klant.pk}/").content.decode()  # the coaching file lists them
    assert "Bakkerij De Korenbloem: 16 uur per week" in dossier
    # The contact person cannot change the job through the client's pages.
    assert cp.get(
        f"/mijn/werk/{Baan.objects.filter(klant=klant).first().pk}/wijzigen/"
    ).status_code in (302, 403)  # type: ignore[union-attr]
