"""The PDOK Locatieserver client against recorded answers: never the network in tests."""

import json
import urllib.error
import urllib.parse
import urllib.request
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from opstap.vacatures import pdok
from opstap.vacatures.services import plek_van_klant, vacature_opslaan
from opstap.werkgevers.models import Vacature
from tests.wereld import Wereld

OPNAMES = Path(__file__).parent / "opnames"


class Opname:
    """Plays back a recorded answer and remembers what was asked."""

    def __init__(self, naam: str) -> None:
        self.inhoud = (OPNAMES / naam).read_bytes()
        self.urls: list[str] = []

    def __call__(self, url: str, timeout: float) -> bytes:
        self.urls.append(url)
        assert timeout <= 5
        return self.inhoud


@pytest.fixture(autouse=True)
def geen_netwerk(monkeypatch: pytest.MonkeyPatch) -> None:
    def weigeren(*args: object, **kwargs: object) -> None:
        raise AssertionError("geen netwerk in tests")

    monkeypatch.setattr(urllib.request, "urlopen", weigeren)


def test_adres_wordt_coordinaat_van_het_beste_document() -> None:
    opname = Opname("pdok_adres.json")
    locatie = pdok.zoek_locatie("Havenweg 12", "9934ab", "Demodam", ophalen=opname)
    assert locatie.plek is not None and locatie.melding == ""
    assert locatie.plek.breedtegraad == pytest.approx(53.32011223)
    assert locatie.plek.lengtegraad == pytest.approx(6.87912345)  # POINT(lon lat): not swapped
    assert locatie.plek.weergavenaam == "Havenweg 12, 9934AB Demodam"
    vraag = urllib.parse.parse_qs(urllib.parse.urlsplit(opname.urls[0]).query)
    assert opname.urls[0].startswith(pdok.STANDAARD_URL)
    assert vraag["q"] == ["Havenweg 12 9934AB Demodam"]
    assert "type:(adres OR postcode OR woonplaats)" in vraag["fq"]


def test_postcode_alleen() -> None:
    locatie = pdok.zoek_locatie(postcode="9901 AB", ophalen=Opname("pdok_postcode.json"))
    assert locatie.plek is not None and locatie.plek.soort == "postcode"
    assert locatie.plek.breedtegraad == pytest.approx(53.3301145)


@pytest.mark.parametrize("naam", ["pdok_leeg.json", "pdok_alleen_gemeente.json"])
def test_niets_bruikbaars_gevonden_geeft_een_nederlandse_melding(naam: str) -> None:
    locatie = pdok.zoek_locatie("Nergensweg 1", "9999 ZZ", ophalen=Opname(naam))
    assert locatie.plek is None
    assert locatie.melding == pdok.NIET_GEVONDEN and "niet vinden" in locatie.melding


@pytest.mark.parametrize(
    "fout",
    [urllib.error.URLError("geen verbinding"), TimeoutError(), ConnectionResetError()],
)
def test_onbereikbaar_valt_netjes_terug(fout: Exception) -> None:
    def kapot(url: str, timeout: float) -> bytes:
        raise fout

    locatie = pdok.zoek_locatie("Havenweg 12", "9934 AB", ophalen=kapot)
    assert locatie.plek is None and locatie.melding == pdok.NIET_BEREIKBAAR
    assert "niet bereikbaar" in locatie.melding


def test_kapotte_json_valt_netjes_terug() -> None:
    locatie = pdok.zoek_locatie("Havenweg 12", ophalen=lambda url, timeout: b"<html>storing")
    assert locatie.plek is None and locatie.melding == pdok.NIET_BEREIKBAAR


def test_punt_buiten_nederland_wordt_niet_gebruikt() -> None:
    data = json.loads((OPNAMES / "pdok_adres.json").read_text())
    for doc in data["response"]["docs"]:
        doc["centroide_ll"] = "POINT(53.32 6.87)"  # lat and lon swapped: somewhere at sea
    assert pdok.lees_antwoord(data) is None


def test_zonder_adres_geen_vraag() -> None:
    opname = Opname("pdok_adres.json")
    assert pdok.zoek_locatie("  ", "", "", ophalen=opname).plek is None
    assert opname.urls == []


def test_in_tests_staat_de_echte_zoeker_uit() -> None:
    """OPSTAP_PDOK_URL is empty in the test settings: no request at all (urlopen would fail)."""
    locatie = pdok.zoek_locatie("Havenweg 12", "9934 AB", "Demodam")
    assert locatie.plek is None and locatie.melding == pdok.NIET_BEREIKBAAR


@pytest.mark.django_db
def test_vacature_krijgt_plek_en_verliest_hem_bij_een_onvindbaar_nieuw_adres(
    wereld: Wereld,
) -> None:
    assert wereld.a.werkgever is not None
    vacature = Vacature(
        gemeente=wereld.a.gemeente,
        werkgever=wereld.a.werkgever,
        geplaatst_op=date(2026, 3, 1),
    )
    gegevens = {
        "titel": "Kassamedewerker",
        "omschrijving": "Afrekenen en klanten helpen.",
        "uren_per_week_min": 8,
        "uren_per_week_max": 16,
        "bruto_uurloon": Decimal("15.00"),
        "adres": "Havenweg 12",
        "postcode": "9934 AB",
        "plaats": "Demodam",
    }
    melding = vacature_opslaan(
        vacature=vacature, gegevens=gegevens, ophalen=Opname("pdok_adres.json")
    )
    vacature.refresh_from_db()
    assert melding == ""
    assert (vacature.breedtegraad, vacature.lengtegraad) == (53.32011, 6.87912)
    melding = vacature_opslaan(
        vacature=vacature,
        gegevens={**gegevens, "adres": "Nergensweg 1"},
        ophalen=Opname("pdok_leeg.json"),
    )
    vacature.refresh_from_db()
    assert melding == pdok.NIET_GEVONDEN
    assert vacature.adres == "Nergensweg 1"  # what was typed is kept
    assert vacature.breedtegraad is None  # the old place belonged to the old address


@pytest.mark.django_db
def test_klant_plek_uit_het_woonadres(wereld: Wereld) -> None:
    klant = wereld.a.klanten["eigen"]
    opname = Opname("pdok_postcode.json")
    assert plek_van_klant(klant, ophalen=opname) == ""
    klant.refresh_from_db()
    assert klant.breedtegraad == pytest.approx(53.33011)
    assert "q=1 9999 AA&" in urllib.parse.unquote_plus(opname.urls[0])  # number and postcode
