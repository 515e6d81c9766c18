"""On 1 January the rules engine does not know the new year's amounts yet (LAATSTE_PEILDATUM):
every page, letter, settlement and API answer that computes with today (or a month of the new
year) still works, with the last known amounts, and says so (inkomen/rekendatum.py). At a date
the engine knows, nothing is said. Errors that are not about the date still show."""

from collections.abc import Iterator
from datetime import UTC, date, datetime
from decimal import Decimal
from io import BytesIO
from unittest import mock

import pytest
from pypdf import PdfReader

from django.test import Client

from opstap.accounts.models import Rol
from opstap.inkomen.rekendatum import rekendatum
from opstap.verklaringen.models import Inkomstenverklaring, Status, Verrekening
from opstap.werken.models import Baan
from opstap.werken.rekenen import geld_met_banen
from regels.peilparameters import LAATSTE_PEILDATUM
from tests.wereld import Wereld

pytestmark = pytest.mark.django_db

JANUARI = date(2027, 1, 1)
NOTITIE = "De bedragen voor 2027 zijn nog niet bekend."


def _klok(moment: datetime) -> Iterator[None]:
    with mock.patch("django.utils.timezone.now", return_value=moment):
        yield


@pytest.fixture
def in_2027() -> Iterator[None]:
    yield from _klok(datetime(2027, 1, 5, 9, 0, tzinfo=UTC))


@pytest.fixture
def in_2026() -> Iterator[None]:
    yield from _klok(datetime(2026, 12, 6, 9, 0, tzinfo=UTC))


def _client(wereld: Wereld, rol: str) -> Client:
    client = Client()
    client.force_login(wereld.a.gebruikers[rol])
    return client


def _baan(wereld: Wereld) -> Baan:
    return Baan.objects.get(klant=wereld.a.klanten["eigen"])


def _januari_verklaring(wereld: Wereld) -> Inkomstenverklaring:
    baan = _baan(wereld)
    return Inkomstenverklaring.objects.create(
        gemeente=baan.gemeente,
        klant=baan.klant,
        baan=baan,
        maand=JANUARI,
        uren=Decimal(52),
        netto_loon=Decimal("655.10"),
        kenmerk="IV-JAN2027",
        status=Status.IN_BEHANDELING,
    )


def test_de_rekendatum() -> None:
    assert date(2026, 12, 31) == LAATSTE_PEILDATUM  # when the engine learns 2027, move the test
    nieuw = rekendatum(date(2027, 1, 5))
    assert (nieuw.datum, nieuw.voorlopig) == (LAATSTE_PEILDATUM, True)
    assert nieuw.melding == (
        "De bedragen voor 2027 zijn nog niet bekend. Dit is berekend met de bedragen van "
        "december 2026. Zodra de nieuwe bedragen er zijn, rekenen we opnieuw."
    )
    assert nieuw.als_json() == {"rekendatum": "2026-12-31", "voorlopig": True}
    for dag in (date(2026, 12, 6), LAATSTE_PEILDATUM, date(2026, 3, 1)):
        bekend = rekendatum(dag)
        assert (bekend.datum, bekend.voorlopig, bekend.melding) == (dag, False, "")


def test_de_klant_rekent_en_ziet_zijn_werk_in_januari_2027(wereld: Wereld, in_2027: None) -> None:
    client = _client(wereld, Rol.KLANT)
    baan = _baan(wereld)

    inkomen = client.get("/mijn/inkomen/?uren=12")
    tekst = inkomen.content.decode()
    assert inkomen.status_code == 200
    assert NOTITIE in tekst and "december 2026" in tekst
    assert "Je hebt dan ongeveer" in tekst and "€" in tekst
    assert "Berekend met de regels die gelden op 31 december 2026" in tekst
    assert 'role="alert"' not in tekst

    werk = client.get(f"/mijn/werk/?nieuw={baan.pk}").content.decode()
    assert "Bij 12 uur per week heb je ongeveer" in werk
    assert "Je geld per maand" in werk
    assert werk.count(NOTITIE) == 1  # once per page, not beside every amount
    assert "Vraag je contactpersoon om het samen uit te rekenen" not in werk

    meer = client.get(f"/mijn/werk/{baan.pk}/meer-uren/").content.decode()
    assert NOTITIE in meer and "Wat meer uren doen met je geld per maand" in meer

    brief = client.get("/mijn/werk/brief.pdf")
    assert brief.status_code == 200 and brief["Content-Type"] == "application/pdf"
    pdf = " ".join(
        " ".join((p.extract_text() or "").split()) for p in PdfReader(BytesIO(brief.content)).pages
    )
    assert "per maand" in pdf and "€" in pdf
    assert NOTITIE in pdf

    regelingen = client.get("/mijn/regelingen/").content.decode()
    assert NOTITIE in regelingen
    assert "We kunnen dit op dit moment niet voor je uitrekenen" not in regelingen


def test_de_contactpersoon_rekent_in_januari_2027(wereld: Wereld, in_2027: None) -> None:
    klant = wereld.a.klanten["eigen"]
    client = _client(wereld, Rol.CONTACTPERSOON)
    pagina = client.get(f"/werk/klanten/{klant.pk}/inkomen/?uren=12").content.decode()
    assert NOTITIE in pagina and "ongeveer" in pagina
    vastleggen = client.post(
        f"/werk/klanten/{klant.pk}/inkomen/vastleggen/",
        {"bruto_uurloon": "14.40", "uren": "12", "doel": "advies meer uren"},
    )
    assert vastleggen.status_code == 302, vastleggen.content.decode()[:2000]
    assert klant.berekeningen.get(doel="advies meer uren").peildatum == LAATSTE_PEILDATUM
    aanvragen = client.get(f"/werk/klanten/{klant.pk}/aanvragen/").content.decode()
    assert NOTITIE in aanvragen and "kunnen dit huishouden niet doorrekenen" not in aanvragen


def test_de_inkomensconsulent_verrekent_januari_2027_voorlopig(
    wereld: Wereld, in_2027: None
) -> None:
    verklaring = _januari_verklaring(wereld)
    consulent = _client(wereld, Rol.INKOMENSCONSULENT)
    vooraf = consulent.get(f"/werk/inkomsten/{verklaring.pk}/").content.decode()
    assert "De verrekening wordt voorlopig: gerekend met de bedragen van december 2026" in vooraf

    response = consulent.post(
        f"/werk/inkomsten/{verklaring.pk}/verrekenen/",
        {"netto_loon": "655,10", "bruto_loon": "", "uren": "52", "reden": ""},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    verrekening = Verrekening.objects.get(verklaring=verklaring)
    assert verrekening.maand == JANUARI
    assert verrekening.berekening.peildatum == LAATSTE_PEILDATUM
    assert verrekening.rekendatum.voorlopig
    assert verrekening.bijstand > 0 and verrekening.netto_maand == Decimal("655.10")

    na = consulent.get(f"/werk/inkomsten/{verklaring.pk}/").content.decode()
    assert "Voorlopig verrekend: de bedragen voor 2027 waren nog niet bekend." in na
    export = consulent.get("/werk/inkomsten/export.json?maand=2027-01").json()
    (rij,) = export["verrekeningen"]
    assert (rij["kenmerk"], rij["rekendatum"], rij["voorlopig"]) == (
        "IV-JAN2027",
        "2026-12-31",
        "ja",
    )

    klant = _client(wereld, Rol.KLANT).get("/mijn/inkomsten/verrekening/").content.decode()
    assert "Toen we dit verrekenden, waren de bedragen voor 2027 nog niet bekend." in klant
    assert "januari 2027" in klant


def test_de_klant_ziet_de_verwachting_voor_januari_2027(wereld: Wereld, in_2027: None) -> None:
    verklaring = _januari_verklaring(wereld)
    Inkomstenverklaring.objects.filter(pk=verklaring.pk).update(status=Status.ONTVANGEN)
    pagina = _client(wereld, Rol.KLANT).get("/mijn/inkomsten/verrekening/").content.decode()
    assert "Dit verwachten we te verrekenen." in pagina
    assert NOTITIE in pagina and "januari 2027" in pagina


def test_de_api_verrekent_januari_2027_en_zegt_dat_het_voorlopig_is(
    wereld: Wereld, in_2027: None
) -> None:
    verklaring = _januari_verklaring(wereld)
    consulent = _client(wereld, Rol.INKOMENSCONSULENT)
    response = consulent.post(f"/api/v1/inkomstenverklaringen/{verklaring.pk}/verrekening/")
    assert response.status_code == 201, response.content
    v = response.json()["verrekening"]
    assert v["maand"] == "2027-01"
    assert (v["voorlopig"], v["rekendatum"]) == (True, "2026-12-31")
    assert Decimal(v["bijstand"]) > 0
    # The earlier month, settled the same way, is not provisional.
    maart = Inkomstenverklaring.objects.get(klant=verklaring.klant, maand=date(2026, 3, 1))
    eerder = consulent.post(f"/api/v1/inkomstenverklaringen/{maart.pk}/verrekening/").json()
    assert (eerder["verrekening"]["voorlopig"], eerder["verrekening"]["rekendatum"]) == (
        False,
        "2026-03-01",
    )
    lijst = consulent.get("/api/v1/inkomstenverklaringen/").json()
    rijen = lijst["results"] if isinstance(lijst, dict) else lijst
    per_maand = {r["maand"]: r["verrekening"] for r in rijen if r["verrekening"]}
    assert per_maand["2027-01"]["voorlopig"] is True

    regelingen = _client(wereld, Rol.KLANT).get("/api/v1/regelingen/").json()
    assert (regelingen["voorlopig"], regelingen["rekendatum"]) == (True, "2026-12-31")
    assert regelingen["melding"] == ""


def test_het_schema_beschrijft_voorlopig_en_rekendatum(wereld: Wereld) -> None:
    schema = Client().get("/api/v1/schema/", HTTP_ACCEPT="application/json")
    tekst = schema.content.decode()
    assert schema.status_code == 200
    assert tekst.count('"voorlopig"') >= 2 and tekst.count('"rekendatum"') >= 2


def test_in_december_2026_geen_notitie(wereld: Wereld, in_2026: None) -> None:
    client = _client(wereld, Rol.KLANT)
    baan = _baan(wereld)
    for url in (
        "/mijn/inkomen/?uren=12",
        f"/mijn/werk/?nieuw={baan.pk}",
        f"/mijn/werk/{baan.pk}/meer-uren/",
        "/mijn/regelingen/",
    ):
        tekst = client.get(url).content.decode()
        assert "ongeveer" in tekst or "recht" in tekst, url
        assert "data-voorlopig" not in tekst and "nog niet bekend" not in tekst, url
    inkomen = client.get("/mijn/inkomen/?uren=12").content.decode()
    assert "Berekend met de regels die gelden op 6 december 2026" in inkomen
    assert _client(wereld, Rol.KLANT).get("/api/v1/regelingen/").json()["voorlopig"] is False
    beleid = _client(wereld, Rol.BELEIDSMEDEWERKER).get("/beleid/doorrekeningen/").content.decode()
    assert 'value="2026-12-06"' in beleid and "data-voorlopig" not in beleid


def test_een_fout_die_niet_over_de_datum_gaat_blijft_zichtbaar(
    wereld: Wereld, in_2027: None
) -> None:
    """A client past the AOW age is outside the model in 2027 too: the page says so."""
    klant = wereld.a.klanten["eigen"]
    type(klant).objects.filter(pk=klant.pk).update(geboortedatum=date(1950, 1, 1))
    tekst = _client(wereld, Rol.KLANT).get("/mijn/inkomen/").content.decode()
    assert "aanvrager.geboortedatum" in tekst or "AOW" in tekst
    assert "Vraag je contactpersoon om het samen uit te rekenen." in tekst


def test_de_notitie_in_het_engels(wereld: Wereld, in_2027: None) -> None:
    client = _client(wereld, Rol.KLANT)
    client.post("/i18n/taal/", {"language": "en", "next": "/mijn/"})
    tekst = client.get("/mijn/inkomen/?uren=12").content.decode()
    assert (
        "The amounts for 2027 are not known yet. This was worked out with the amounts of "
        "December 2026." in tekst
    )
    assert NOTITIE not in tekst


def test_de_vrijlating_telt_door_vanaf_de_maand_van_nu(wereld: Wereld) -> None:
    """The engine counts the exemption's months from its own peildatum; in January 2027 it
    computes with 31 December 2026, but the client's months run from January."""
    klant = wereld.a.klanten["eigen"]
    type(klant).objects.filter(pk=klant.pk).update(vrijlating_maanden_gebruikt=2)
    klant.refresh_from_db()
    banen = [_baan(wereld)]
    december = geld_met_banen(klant, banen, peildatum=date(2026, 12, 6))
    januari = geld_met_banen(klant, banen, peildatum=date(2027, 1, 5))
    assert december is not None and januari is not None
    assert december.vrijlating.soort == januari.vrijlating.soort == "loopt"
    duur = december.vrijlating.duur_maanden
    assert december.vrijlating.laatste_maand == _maand_plus(date(2026, 12, 1), duur - 2 - 1)
    assert januari.vrijlating.laatste_maand == _maand_plus(date(2027, 1, 1), duur - 2 - 1)
    assert januari.vrijlating.nog_maanden == december.vrijlating.nog_maanden == duur - 2
    # The amounts are December's: the same household, the same figures.
    assert januari.met_werk == december.met_werk


def _maand_plus(maand: date, n: int) -> date:
    totaal = maand.year * 12 + maand.month - 1 + n
    return date(totaal // 12, totaal % 12 + 1, 1)


def test_beleid_begint_in_2027_bij_de_laatste_bekende_dag(wereld: Wereld, in_2027: None) -> None:
    client = _client(wereld, Rol.BELEIDSMEDEWERKER)
    for url in ("/beleid/doorrekeningen/", "/beleid/besparing/"):
        tekst = client.get(url).content.decode()
        assert 'value="2026-12-31"' in tekst, url
        assert "De rekenregels kennen de bedragen voor 2027 nog niet." in tekst, url
    response = client.post("/beleid/doorrekeningen/", {"peildatum": "2026-12-31"})
    assert response.status_code == 302, response.content.decode()[:2000]
