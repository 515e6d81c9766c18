"""Pages on both sides: never lost, read status, B1 check before publishing, PDFs, 'view as client'."""

from datetime import date
from io import BytesIO

import pytest
from pypdf import PdfReader

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from opstap.accounts.models import Rol
from opstap.contact.models import Bericht, Contactmoment, Gespreksverslag, Overdracht
from opstap.privacy.models import Inzage
from opstap.werken.models import Baan
from tests.wereld import Wereld

pytestmark = pytest.mark.django_db

GELDIGE_SLEUTELS = {"p256dh": "B" + "A" * 86, "auth": "A" * 22}  # 65 and 16 bytes, base64url


def pdf_tekst(inhoud: bytes) -> str:
    assert inhoud.startswith(b"%PDF")
    return "\n".join(p.extract_text() for p in PdfReader(BytesIO(inhoud)).pages)


def test_klant_stuurt_bericht_en_ziet_het(klant_client: Client, wereld: Wereld) -> None:
    response = klant_client.post(
        "/mijn/berichten/", {"tekst": "Mag ik op vakantie in juli?"}, follow=True
    )
    assert response.status_code == 200
    tekst = response.content.decode()
    assert "Je bericht is verstuurd" in tekst and "Mag ik op vakantie in juli?" in tekst
    assert Bericht.objects.filter(klant=wereld.a.klanten["eigen"], van_klant=True).count() == 1


def test_fout_in_bijlage_bewaart_de_getypte_tekst(klant_client: Client, wereld: Wereld) -> None:
    response = klant_client.post(
        "/mijn/berichten/",
        {
            "tekst": "Hier is mijn loonstrook van maart",
            "bijlage": SimpleUploadedFile("loon.exe", b"MZ\x90\x00binary"),
        },
    )
    assert response.status_code == 400
    tekst = response.content.decode()
    assert "Hier is mijn loonstrook van maart" in tekst  # kept in the textarea
    assert "Stuur een PDF, JPG of PNG" in tekst
    assert "nog niet verstuurd" in tekst
    assert not Bericht.objects.filter(van_klant=True).exists()


def test_bericht_lezen_zet_leesstatus(
    klant_client: Client, cp_client: Client, wereld: Wereld
) -> None:
    klant_client.post("/mijn/berichten/", {"tekst": "Vraag"})
    bericht = Bericht.objects.get(van_klant=True)
    assert "Verstuurd, nog niet gelezen" in klant_client.get("/mijn/berichten/").content.decode()
    cp_client.get(f"/werk/klanten/{wereld.a.klanten['eigen'].pk}/berichten/")
    bericht.refresh_from_db()
    assert bericht.gelezen_op is not None
    assert "Gelezen" in klant_client.get("/mijn/berichten/").content.decode()


def test_bijlage_openen(klant_client: Client, wereld: Wereld) -> None:
    bericht = Bericht.objects.filter(klant=wereld.a.klanten["eigen"]).first()
    assert bericht is not None
    response = klant_client.get(f"/mijn/berichten/{bericht.pk}/bijlage/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")  # type: ignore[attr-defined]


def test_contactpersoon_publiceert_verslag_en_klant_leest_het(
    cp_client: Client, klant_client: Client, wereld: Wereld
) -> None:
    klant = wereld.a.klanten["eigen"]
    response = cp_client.post(
        f"/werk/klanten/{klant.pk}/verslagen/nieuw/",
        {
            "gesprek_op": "2026-03-02",
            "soort": "telefoon",
            "samenvatting": "We praatten over je nieuwe rooster.",
            "afspraken": "Je werkt op dinsdag en donderdag.",
            "volgende_stappen": "Ik stuur je de regels.",
            "publiceren": "1",
        },
    )
    assert response.status_code == 302
    verslag = Gespreksverslag.objects.get(
        samenvatting__isnull=False, klant=klant, gesprek_op="2026-03-02"
    )
    assert verslag.gepubliceerd_op is not None
    lijst = klant_client.get("/mijn/gesprekken/").content.decode()
    assert "nieuw" in lijst
    pagina = klant_client.get(f"/mijn/gesprekken/{verslag.pk}/").content.decode()
    assert "Je werkt op dinsdag en donderdag." in pagina
    verslag.refresh_from_db()
    assert verslag.gelezen_op is not None


def test_b1_controle_houdt_publiceren_tegen_maar_concept_blijft(
    cp_client: Client, wereld: Wereld
) -> None:
    klant = wereld.a.klanten["eigen"]
    data = {
        "gesprek_op": "2026-03-02",
        "soort": "telefoon",
        "samenvatting": "Conform de afspraken dient u de inkomstenverrekening te retourneren.",
        "publiceren": "1",
    }
    response = cp_client.post(f"/werk/klanten/{klant.pk}/verslagen/nieuw/", data)
    assert response.status_code == 400
    tekst = response.content.decode()
    assert (
        "Taalcheck (B1)" in tekst and "Toch publiceren" in tekst and "inkomstenverrekening" in tekst
    )
    verslag = Gespreksverslag.objects.get(klant=klant, gesprek_op="2026-03-02")
    assert verslag.gepubliceerd_op is None  # stored as a draft
    data.pop("publiceren")
    data["toch_publiceren"] = "1"
    cp_client.post(f"/werk/klanten/{klant.pk}/verslagen/{verslag.pk}/", data)
    verslag.refresh_from_db()
    assert verslag.gepubliceerd_op is not None


def test_concept_is_niet_zichtbaar_voor_klant(
    cp_client: Client, klant_client: Client, wereld: Wereld
) -> None:
    klant = wereld.a.klanten["eigen"]
    cp_client.post(
        f"/werk/klanten/{klant.pk}/verslagen/nieuw/",
        {
            "gesprek_op": "2026-03-05",
            "soort": "kantoor",
            "samenvatting": "Concepttekst",
            "opslaan": "1",
        },
    )
    verslag = Gespreksverslag.objects.get(gesprek_op="2026-03-05")
    concept = klant_client.get(f"/mijn/gesprekken/{verslag.pk}/")
    assert concept.status_code == 403  # the client's own file, but not theirs to read yet
    assert "Concepttekst" not in concept.content.decode()
    assert klant_client.get(f"/mijn/gesprekken/{verslag.pk}/pdf/").status_code == 403
    assert "Concepttekst" not in klant_client.get("/mijn/gesprekken/").content.decode()


def test_vraag_onder_verslag(klant_client: Client, wereld: Wereld) -> None:
    verslag = Gespreksverslag.objects.get(klant=wereld.a.klanten["eigen"])
    response = klant_client.post(
        f"/mijn/gesprekken/{verslag.pk}/", {"tekst": "Welke bureaus?"}, follow=True
    )
    assert "Je vraag is verstuurd" in response.content.decode()
    assert Bericht.objects.get(verslag=verslag).tekst == "Welke bureaus?"


def test_verslag_als_pdf_met_naam_contactpersoon(klant_client: Client, wereld: Wereld) -> None:
    verslag = Gespreksverslag.objects.get(klant=wereld.a.klanten["eigen"])
    response = klant_client.get(f"/mijn/gesprekken/{verslag.pk}/pdf/")
    assert response["Content-Type"] == "application/pdf"
    tekst = pdf_tekst(response.content)
    assert wereld.a.gebruikers[Rol.CONTACTPERSOON].weergavenaam in tekst
    assert "uitzendbureaus" in tekst


def test_regels_als_brief_met_naam_contactpersoon(klant_client: Client, wereld: Wereld) -> None:
    pagina = klant_client.get("/mijn/regels/").content.decode()
    assert "Vrijwilligerswerk" in pagina and "Veranderingen doorgeven" in pagina
    response = klant_client.get("/mijn/regels/pdf/")
    tekst = pdf_tekst(response.content)
    assert wereld.a.gebruikers[Rol.CONTACTPERSOON].weergavenaam in tekst
    assert "06-12345678" in tekst
    assert "Vakantie" in tekst or "vakantie" in tekst


def test_thuis_toont_ongelezen_en_wat_er_komt(
    cp_client: Client, klant_client: Client, wereld: Wereld
) -> None:
    klant = wereld.a.klanten["eigen"]
    response = cp_client.post(
        f"/werk/klanten/{klant.pk}/contactmomenten/",
        {
            "datum": "2031-05-06",
            "tijd": "10:30",
            "soort": "telefoon",
            "onderwerp": "je rooster",
            "waarom": "Even bijpraten.",
        },
    )
    assert response.status_code == 302
    assert Contactmoment.objects.filter(klant=klant).count() == 1
    thuis = klant_client.get("/mijn/").content.decode()
    assert "je rooster" in thuis
    assert "nieuwe berichten" in thuis or "nieuw bericht" in thuis
    afspraken = klant_client.get("/mijn/afspraken/").content.decode()
    assert "Even bijpraten." in afspraken and "10:30" in afspraken


def test_caseload_toont_signaal_en_filtert(
    cp_client: Client, klant_client: Client, wereld: Wereld
) -> None:
    klant_client.post("/mijn/berichten/", {"tekst": "Kunt u mij bellen?"})
    # The other client's job ended after March (else its undeclared months are a signal too).
    Baan.objects.filter(klant=wereld.a.klanten["caseload"]).update(einde_op=date(2026, 3, 31))
    tekst = cp_client.get("/werk/?aandacht=1").content.decode()
    assert "Onbeantwoord bericht" in tekst
    assert "Eigenaar" in tekst and "Caseload" not in tekst.split("<tbody>")[1]


def test_bekijk_als_klant_komt_in_inzagelog(cp_client: Client, wereld: Wereld) -> None:
    klant = wereld.a.klanten["eigen"]
    response = cp_client.get(f"/werk/klanten/{klant.pk}/als-klant/")
    assert response.status_code == 200
    assert "<form" not in response.content.decode().split('class="als-klant"')[1]  # read-only
    assert Inzage.objects.filter(
        klant=klant,
        onderdeel="weergave als klant",
        gebruiker=wereld.a.gebruikers[Rol.CONTACTPERSOON],
    ).exists()


def test_overdracht_via_scherm(cp_client: Client, klant_client: Client, wereld: Wereld) -> None:
    klant = wereld.a.klanten["eigen"]
    collega = wereld.a.gebruikers["collega"]
    response = cp_client.post(
        f"/werk/klanten/{klant.pk}/overdracht/",
        {
            "soort": "overdracht",
            "naar": collega.pk,
            "begin": timezone.localdate().isoformat(),
            "reden": "werkverdeling",
        },
    )
    assert response.status_code == 302 and response["Location"] == "/werk/"
    assert Overdracht.objects.filter(klant=klant, naar=collega).exists()
    thuis = klant_client.get("/mijn/").content.decode()
    assert collega.weergavenaam in thuis


def test_stappenplan_beide_kanten(cp_client: Client, klant_client: Client, wereld: Wereld) -> None:
    klant = wereld.a.klanten["eigen"]
    cp_client.post(
        f"/werk/klanten/{klant.pk}/stappenplan/",
        {"doel-soort": "doel", "doel-tekst": "Beter Nederlands"},
    )
    cp_client.post(
        f"/werk/klanten/{klant.pk}/stappenplan/",
        {"stap-wat": "Taalcafé bezoeken", "stap-wie": "klant"},
    )
    pagina = klant_client.get("/mijn/stappenplan/").content.decode()
    assert "Beter Nederlands" in pagina and "Taalcafé bezoeken" in pagina
    assert "Taalcafé bezoeken" in klant_client.get("/mijn/").content.decode()  # my next step
    stap = klant.stappen.get()  # type: ignore[attr-defined]
    klant_client.post("/mijn/stappenplan/", {"stap": stap.pk, "gedaan": "1"})
    stap.refresh_from_db()
    assert stap.gedaan_op is not None


def test_hulp_zoeken(klant_client: Client) -> None:
    tekst = klant_client.get("/mijn/hulp/?zoek=gebeld").content.decode()
    assert "Ik word gebeld door de gemeente" in tekst
    assert "Mag ik vrijwilligerswerk doen" not in tekst


def test_manifest_en_service_worker(client: Client) -> None:
    manifest = client.get("/manifest.webmanifest")
    assert manifest.status_code == 200 and manifest.json()["start_url"] == "/mijn/"
    assert any(i["sizes"] == "512x512" for i in manifest.json()["icons"])
    sw = client.get("/sw.js")
    assert (
        sw["Content-Type"].startswith("application/javascript")
        and sw["Service-Worker-Allowed"] == "/"
    )
    assert b"opstap-lezen" in sw.content


def test_push_inschrijving_wordt_bewaard(klant_client: Client, wereld: Wereld) -> None:
    response = klant_client.post(
        "/mijn/meldingen/push/",
        data={"endpoint": "https://fcm.googleapis.com/fcm/send/abc", "keys": GELDIGE_SLEUTELS},
        content_type="application/json",
    )
    assert response.status_code == 201
    assert wereld.a.gebruikers[Rol.KLANT].meldingskanalen.filter(soort="push").count() == 1  # type: ignore[attr-defined]
    assert (
        klant_client.post(
            "/mijn/meldingen/push/",
            data={"endpoint": "http://onveilig"},
            content_type="application/json",
        ).status_code
        == 400
    )
