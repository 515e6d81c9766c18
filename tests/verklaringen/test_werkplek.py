"""The income administrator's workspace (/werk/inkomsten/) and the client's settlement page
(/mijn/inkomsten/verrekening/): the queue and its signals, the payslip beside the figures (logged),
approve or correct with a reason the client reads, the export, and the preview before settling."""

import csv
import io
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest

from django.core.files.base import ContentFile
from django.test import Client
from django.utils import timezone

import regels
from opstap.accounts.models import Rol
from opstap.inkomen.services import invoer_voor_klant
from opstap.privacy.models import Actie, Inzage
from opstap.verklaringen import selectors_werk, verrekening
from opstap.verklaringen.models import Inkomstenverklaring, LeesStatus, Status, Verrekening
from opstap.werken.models import Baan
from tests.loonstrook import strookjes
from tests.wereld import WACHTWOORD, Wereld

pytestmark = pytest.mark.django_db

MAART = date(2026, 3, 1)


def _consulent(wereld: Wereld) -> Client:
    client = Client()
    client.force_login(wereld.a.gebruikers[Rol.INKOMENSCONSULENT])
    return client


def _klant(wereld: Wereld) -> Client:
    client = Client()
    client.force_login(wereld.a.gebruikers[Rol.KLANT])
    return client


def _verklaring(wereld: Wereld, naam: str = "eigen") -> Inkomstenverklaring:
    return Inkomstenverklaring.objects.select_related("baan").get(
        klant=wereld.a.klanten[naam], maand=MAART
    )


def _soorten(verklaring: Inkomstenverklaring, **extra: object) -> set[str]:
    return {s.soort for s in selectors_werk.signalen(verklaring, dag=5, **extra)}  # type: ignore[arg-type]


# --- signals ------------------------------------------------------------------------------------


def test_uren_ver_van_het_contract(wereld: Wereld) -> None:
    v = _verklaring(wereld)  # 12 hours a week; March has 31 days: about 53,1 hours
    v.ontvangen_op = timezone.make_aware(datetime(2026, 4, 2, 12))
    v.uren = Decimal(52)
    assert "uren" not in _soorten(v)
    v.uren = Decimal(20)
    assert "uren" in _soorten(v)
    v.uren = Decimal(80)
    assert "uren" in _soorten(v)
    v.baan.uren_per_week, v.baan.oproepcontract = None, True  # on call: no contract hours
    assert "uren" not in _soorten(v)


def test_netto_onwaarschijnlijk_bij_bruto(wereld: Wereld) -> None:
    v = _verklaring(wereld)
    v.ontvangen_op = timezone.make_aware(datetime(2026, 4, 2, 12))
    v.bruto_loon = Decimal("700.00")  # net 612,40: 87 %
    assert "netto" not in _soorten(v)
    v.bruto_loon = Decimal("1500.00")  # 41 %
    assert "netto" in _soorten(v)
    v.bruto_loon = Decimal("500.00")  # net above gross
    assert "netto" in _soorten(v)


def test_loonstrook_over_een_andere_periode_of_werkgever(wereld: Wereld) -> None:
    v = _verklaring(wereld)
    v.ontvangen_op = timezone.make_aware(datetime(2026, 4, 2, 12))
    v.gelezen = {
        "periode_van": "2026-03-01",
        "periode_tot": "2026-03-31",
        "werkgever": v.baan.werkgever_naam.upper(),
        "netto_loon": 612.40,
    }
    assert _soorten(v) == set()
    v.gelezen = {"periode_van": "2026-01-01", "periode_tot": "2026-01-31", "werkgever": "Ander BV"}
    assert {"periode", "werkgever"} <= _soorten(v)
    v.gelezen = {"netto_loon": 500.0}
    assert "loonstrook" in _soorten(v)


def test_te_laat_na_de_uiterste_datum_van_de_gemeente(wereld: Wereld) -> None:
    v = _verklaring(wereld)
    assert selectors_werk.uiterste_datum(MAART, 5) == date(2026, 4, 5)
    v.ontvangen_op = timezone.make_aware(datetime(2026, 4, 5, 20))
    assert "te_laat" not in _soorten(v)
    v.ontvangen_op = timezone.make_aware(datetime(2026, 4, 6, 9))
    assert "te_laat" in _soorten(v)
    gemeente = wereld.a.gemeente
    gemeente.instellingen = {"inkomstenverklaring_dag": 10}
    gemeente.save()
    assert selectors_werk.verklaring_dag(gemeente) == 10
    assert "te_laat" not in {s.soort for s in selectors_werk.signalen(v, dag=10)}


def test_ontbrekende_maand_van_een_baan(wereld: Wereld) -> None:
    v = _verklaring(wereld)
    baan = v.baan
    februari, april = date(2026, 2, 1), date(2026, 4, 1)  # the job began on 1 February
    vandaag = date(2026, 5, 20)  # February, March and April are due; April was not declared
    ontbreekt = selectors_werk.ontbrekende_maanden(
        [baan], {(baan.pk, februari), (baan.pk, MAART)}, dag=5, vandaag=vandaag
    )
    assert ontbreekt == [(baan, april)]
    assert (
        selectors_werk.ontbrekende_maanden(
            [baan],
            {(baan.pk, februari), (baan.pk, MAART), (baan.pk, april)},
            dag=5,
            vandaag=vandaag,
        )
        == []
    )
    # Before the deadline (5 May) April is not due yet.
    assert (
        selectors_werk.ontbrekende_maanden(
            [baan], {(baan.pk, februari), (baan.pk, MAART)}, dag=5, vandaag=date(2026, 5, 4)
        )
        == []
    )
    assert "ontbreekt" in _soorten(v, ontbrekend=ontbreekt)


def test_de_werklijst_toont_signalen_en_volgorde(wereld: Wereld) -> None:
    eigen = _verklaring(wereld)
    eigen.bruto_loon = Decimal("2000.00")
    eigen.save()
    pagina = _consulent(wereld).get("/werk/inkomsten/").content.decode()
    assert "Netto past niet bij bruto" in pagina
    assert eigen.kenmerk in pagina
    assert "5 april 2026" in pagina  # the deadline, in Dutch
    # The other municipality's declarations are not there.
    assert wereld.b.klanten["eigen"].achternaam not in pagina


# --- one declaration: payslip, approve, correct -------------------------------------------------


def test_de_loonstrook_naast_de_cijfers_gelogd(wereld: Wereld) -> None:
    v = _verklaring(wereld)
    client = _consulent(wereld)
    pagina = client.get(f"/werk/inkomsten/{v.pk}/").content.decode()
    assert f"/werk/inkomsten/{v.pk}/loonstrook/?nr=0" in pagina
    assert "612,40" in pagina
    voor = Inzage.objects.order_by("-pk").values_list("pk", flat=True).first()
    beeld = client.get(f"/werk/inkomsten/{v.pk}/loonstrook/?nr=0")
    assert beeld.status_code == 200 and beeld["Content-Type"] == "image/png"
    assert beeld.content.startswith(b"\x89PNG")
    assert "no-store" in beeld["Cache-Control"]
    gelogd = Inzage.objects.get(pk__gt=voor)
    assert (gelogd.onderdeel, gelogd.klant_id) == ("loonstrook", v.klant_id)
    assert gelogd.gebruiker == wereld.a.gebruikers[Rol.INKOMENSCONSULENT]
    # Nobody else gets the payslip.
    for rol in (Rol.KLANT, Rol.CONTACTPERSOON, Rol.WERKGEVER, Rol.BELEIDSMEDEWERKER):
        anders = Client()
        anders.force_login(wereld.a.gebruikers[rol])
        assert anders.get(f"/werk/inkomsten/{v.pk}/loonstrook/").status_code in (403, 404)


def test_een_pdf_loonstrook_wordt_een_beeld(wereld: Wereld) -> None:
    v = _verklaring(wereld)
    strook = v.bestanden.get()
    strook.soort = "application/pdf"
    strook.bestand.save("loonstrook", ContentFile(strookjes.pdf(strookjes.STROKEN[0])), save=True)
    beeld = _consulent(wereld).get(f"/werk/inkomsten/{v.pk}/loonstrook/")
    assert beeld["Content-Type"] == "image/png" and beeld.content.startswith(b"\x89PNG")
    origineel = _consulent(wereld).get(f"/werk/inkomsten/{v.pk}/loonstrook/?origineel=1")
    assert origineel["Content-Type"] == "application/pdf"


def test_goedkeuren_via_de_werkplek(wereld: Wereld) -> None:
    v = _verklaring(wereld)
    client = _consulent(wereld)
    assert client.post(f"/werk/inkomsten/{v.pk}/oppakken/").status_code == 302
    v.refresh_from_db()
    assert v.status == Status.IN_BEHANDELING
    response = client.post(
        f"/werk/inkomsten/{v.pk}/verrekenen/",
        {"netto_loon": "612,40", "bruto_loon": "", "uren": "48", "reden": ""},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    v.refresh_from_db()
    assert v.status == Status.VERREKEND
    assert not v.verrekening.gecorrigeerd
    pagina = client.get(f"/werk/inkomsten/{v.pk}/").content.decode()
    assert "Verrekend" in pagina


def test_corrigeren_zonder_reden_houdt_wat_je_typte(wereld: Wereld) -> None:
    v = _verklaring(wereld)
    client = _consulent(wereld)
    response = client.post(
        f"/werk/inkomsten/{v.pk}/verrekenen/",
        {"netto_loon": "700,00", "bruto_loon": "", "uren": "48", "reden": ""},
    )
    assert response.status_code == 400
    tekst = response.content.decode()
    assert "Schrijf waarom je de cijfers aanpast" in tekst
    assert 'value="700,00"' in tekst
    assert not Verrekening.objects.exists()


def test_correctie_met_reden_leest_de_klant(wereld: Wereld) -> None:
    v = _verklaring(wereld)
    reden = "Op je loonstrook staat 700 euro netto."
    response = _consulent(wereld).post(
        f"/werk/inkomsten/{v.pk}/verrekenen/",
        {"netto_loon": "700,00", "bruto_loon": "", "uren": "48", "reden": reden},
    )
    assert response.status_code == 302
    pagina = _klant(wereld).get("/mijn/inkomsten/verrekening/").content.decode()
    assert reden in pagina
    assert "Voorlopig" not in pagina
    settled = Verrekening.objects.get()
    assert f"{settled.bijstand:.2f}".replace(".", ",") in pagina.replace(".", "")


def test_aanvulling_vragen_via_de_werkplek(wereld: Wereld) -> None:
    v = _verklaring(wereld)
    client = _consulent(wereld)
    leeg = client.post(f"/werk/inkomsten/{v.pk}/aanvulling/", {"ontbreekt": ""})
    assert leeg.status_code == 400
    client.post(f"/werk/inkomsten/{v.pk}/aanvulling/", {"ontbreekt": "De loonstrook van week 12."})
    v.refresh_from_db()
    assert v.status == Status.AANVULLING_NODIG and v.ontbreekt == "De loonstrook van week 12."


def test_de_oude_zoekpagina_is_weg(wereld: Wereld) -> None:
    assert _consulent(wereld).get("/inkomen/").status_code == 404
    client = Client()
    client.post("/inloggen/", {"username": "alfa-inkomensconsulent", "password": WACHTWOORD})
    assert client.get("/")["Location"] == "/werk/inkomsten/"


def test_geen_begeleidingsgegevens_in_de_werkplek(wereld: Wereld) -> None:
    v = _verklaring(wereld)
    client = _consulent(wereld)
    for pad in ("/werk/inkomsten/", f"/werk/inkomsten/{v.pk}/"):
        tekst = client.get(pad).content.decode()
        assert "Welkom! Hier kun je me altijd een bericht sturen." not in tekst
        assert "We hebben kennisgemaakt." not in tekst
        assert f"/werk/klanten/{v.klant_id}/berichten" not in tekst


# --- export -------------------------------------------------------------------------------------


def test_export_csv_en_json(wereld: Wereld) -> None:
    consulent = wereld.a.gebruikers[Rol.INKOMENSCONSULENT]
    eerste = verrekening.verrekenen(_verklaring(wereld), door=consulent)
    tweede = verrekening.verrekenen(_verklaring(wereld, "caseload"), door=consulent)
    client = _consulent(wereld)
    response = client.get("/werk/inkomsten/export.csv?maand=2026-03")
    assert response["Content-Type"].startswith("text/csv")
    rijen = list(csv.DictReader(io.StringIO(response.content.decode()), delimiter=";"))
    assert [r["kenmerk"] for r in rijen] == [
        eerste.verklaring.kenmerk,
        tweede.verklaring.kenmerk,
    ]
    rij = rijen[0]
    assert list(rij) == selectors_werk.EXPORT_VELDEN
    assert rij["klantnummer"] == str(eerste.klant_id)
    assert rij["maand"] == "2026-03"
    assert rij["netto_inkomen"] == "612.40"
    assert rij["bijstand"] == rij["te_betalen"] == f"{eerste.bijstand:.2f}"
    assert rij["inkomensvrijlating"] == f"{eerste.inkomensvrijlating:.2f}"
    assert rij["regelversie"] == regels.REGELVERSIE
    assert (rij["rekendatum"], rij["voorlopig"]) == ("2026-03-01", "nee")
    assert rij["verrekend_op"].startswith(str(timezone.localdate().year))
    klant = eerste.klant
    assert klant.bsn_versleuteld not in response.content.decode()  # no BSN
    assert Inzage.objects.filter(klant=klant, actie=Actie.EXPORTEREN).exists()

    data = client.get("/werk/inkomsten/export.json?maand=2026-03").json()
    assert data["maand"] == "2026-03"
    assert data["verrekeningen"] == rijen
    # Another month: empty.
    assert client.get("/werk/inkomsten/export.json?maand=2026-02").json()["verrekeningen"] == []


def test_export_met_een_correctie(wereld: Wereld) -> None:
    consulent = wereld.a.gebruikers[Rol.INKOMENSCONSULENT]
    schatting_v = _verklaring(wereld)
    schatting_v.schatting = True
    schatting_v.save()
    schatting = verrekening.verrekenen(schatting_v, door=consulent)
    correctie = verrekening.schatting_corrigeren(
        schatting, door=consulent, netto_loon=Decimal("500.00"), uren=Decimal(40), reden="Echt"
    )
    rijen = (
        _consulent(wereld).get("/werk/inkomsten/export.json?maand=2026-03").json()["verrekeningen"]
    )
    laatste = rijen[-1]
    assert laatste["corrigeert"] == schatting.verklaring.kenmerk
    assert laatste["te_betalen"] == laatste["verschil"] == f"{correctie.verschil:.2f}"
    assert laatste["verrekenen_in"] >= "2026-04"


# --- the client's settlement ---------------------------------------------------------------------


def test_voorbeeld_voordat_de_gemeente_keek(wereld: Wereld) -> None:
    v = _verklaring(wereld)
    v.lees_status = LeesStatus.KLAAR
    v.save()
    pagina = _klant(wereld).get("/mijn/inkomsten/verrekening/").content.decode()
    assert "Voorlopig" in pagina and "Dit verwachten we te verrekenen" in pagina
    invoer = invoer_voor_klant(v.klant, peildatum=MAART, werk={"netto_loon_per_maand": [612.40]})
    rij = regels.bereken(invoer)["resultaten"][0]
    uitbetaald = f"{Decimal(str(rij['bijstand_uitbetaald'])):.2f}".replace(".", ",")
    assert uitbetaald in pagina  # the engine's amount, in Dutch notation
    assert "<svg" in pagina and "Hoe rekenen we dit uit?" in pagina
    assert Inzage.objects.filter(klant=v.klant, doel__contains="verrekening per maand").exists()


def test_wacht_op_lezen_geeft_nog_geen_voorbeeld(wereld: Wereld) -> None:
    v = _verklaring(wereld)
    v.lees_status = LeesStatus.WACHT
    v.save()
    pagina = _klant(wereld).get("/mijn/inkomsten/verrekening/").content.decode()
    assert "Dit verwachten we te verrekenen" not in pagina
    assert "Je loonstrook van maart 2026 lezen we nog" in pagina


def test_correctie_van_een_schatting_uitgelegd(wereld: Wereld) -> None:
    consulent = wereld.a.gebruikers[Rol.INKOMENSCONSULENT]
    v = _verklaring(wereld)
    v.schatting = True
    v.save()
    schatting = verrekening.verrekenen(v, door=consulent)
    echt = Inkomstenverklaring.objects.create(
        gemeente=v.gemeente,
        klant=v.klant,
        baan=v.baan,
        maand=MAART,
        uren=Decimal(52),
        netto_loon=Decimal("700.00"),
        kenmerk="IV-ECHT-MRT",
        ontvangen_op=timezone.now() + timedelta(seconds=1),
    )
    correctie = verrekening.verrekenen(echt, door=consulent)
    pagina = _klant(wereld).get("/mijn/inkomsten/verrekening/").content.decode()
    assert "In maart schatten we € 612,40; het werd € 700,00." in pagina.replace("\xa0", " ")
    assert correctie.verschil is not None and correctie.verschil < 0
    assert "te veel" in pagina
    assert schatting.pk != correctie.pk


def test_verwachting_van_de_rekenhulp(wereld: Wereld) -> None:
    v = _verklaring(wereld)
    pagina = _klant(wereld).get("/mijn/inkomsten/verrekening/").content.decode()
    assert "Wat de rekenhulp verwachtte" in pagina
    assert v.baan.werkgever_naam in pagina


def test_andere_rollen_zien_de_verrekenpagina_niet(wereld: Wereld) -> None:
    for rol in (Rol.CONTACTPERSOON, Rol.INKOMENSCONSULENT):
        client = Client()
        client.force_login(wereld.a.gebruikers[rol])
        assert client.get("/mijn/inkomsten/verrekening/").status_code == 403


def test_twee_banen_in_de_werkplek(wereld: Wereld) -> None:
    klant = wereld.a.klanten["eigen"]
    Baan.objects.create(
        gemeente=klant.gemeente,
        klant=klant,
        werkgever_naam="Tweede Baan BV",
        begonnen_op=date(2026, 1, 1),
        uren_per_week=Decimal(4),
        bruto_uurloon=Decimal("14.40"),
        loonperiode="maand",
    )
    v = _verklaring(wereld)
    pagina = _consulent(wereld).get(f"/werk/inkomsten/{v.pk}/").content.decode()
    assert "Geen verklaring van Tweede Baan BV over" in pagina
