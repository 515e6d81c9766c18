"""The parser over text with columns: the rules that keep a wrong value out."""

from datetime import date
from decimal import Decimal

from loonstrook.ontleden import ontleed
from loonstrook.regels import uit_opmaaktekst


def lees_tekst(tekst: str) -> dict[str, object]:
    return ontleed(uit_opmaaktekst(tekst))


def test_jaarkolom_wordt_niet_als_bruto_genomen() -> None:
    velden = lees_tekst("""
Omschrijving              Cumulatief          Deze periode
Bruto loon                  7.034,01              2.345,67
Netto te betalen            5.400,00              1.800,00
""")
    assert velden["bruto_loon"] == Decimal("2345.67")
    assert velden["netto_loon"] == Decimal("1800.00")


def test_alleen_een_jaarblok_geeft_geen_bruto() -> None:
    velden = lees_tekst("""
Totalen t/m deze periode
Bruto loon                  7.034,01
Netto te betalen            5.400,00
""")
    assert velden["bruto_loon"] is None
    assert velden["netto_loon"] is None


def test_twee_bedragen_zonder_kolomkoppen_is_onduidelijk() -> None:
    velden = lees_tekst("Bruto loon     2.345,67     7.034,01\nUit te betalen    1.800,00\n")
    assert velden["bruto_loon"] is None
    assert velden["netto_loon"] == Decimal("1800.00")


def test_uit_te_betalen_gaat_voor_netto_loon() -> None:
    velden = lees_tekst(
        "Bruto loon   2.000,00\nNetto loon   1.700,00\nNetto inhouding   20,00\nUit te betalen   1.680,00\n"
    )
    assert velden["netto_loon"] == Decimal("1680.00")


def test_twee_verschillende_netto_bedragen_geeft_null() -> None:
    velden = lees_tekst(
        "Bruto loon   2.000,00\nNetto te betalen   1.700,00\nNetto te betalen   1.650,00\n"
    )
    assert velden["netto_loon"] is None


def test_netto_boven_bruto_is_twijfel() -> None:
    velden = lees_tekst("Bruto loon   1.000,00\nNetto te betalen   1.700,00\n")
    assert velden["bruto_loon"] is None and velden["netto_loon"] is None


def test_uren_buiten_bereik_geeft_null() -> None:
    assert lees_tekst("Gewerkte uren   800\n")["uren"] is None
    assert lees_tekst("Gewerkte uren   86,5\n")["uren"] == Decimal("86.5")
    # Contract hours are not hours worked.
    assert lees_tekst("Contracturen per week   24\n")["uren"] is None


def test_periode_als_maand_in_woorden() -> None:
    velden = lees_tekst("Loonperiode: februari 2028\n")
    assert (velden["periode_van"], velden["periode_tot"]) == (date(2028, 2, 1), date(2028, 2, 29))


def test_periodenummer_alleen_bij_maandloon() -> None:
    maand = lees_tekst("Loontijdvak: maand\nPeriode 3 2026\n")
    assert (maand["periode_van"], maand["periode_tot"]) == (date(2026, 3, 1), date(2026, 3, 31))
    # Four-weekly: employers start their periods on different days, so the dates are unknown.
    vier = lees_tekst("Loontijdvak: 4 weken\nPeriode 3 2026\n")
    assert vier["periode_van"] is None and vier["periode_tot"] is None


def test_ongeldige_periode_geeft_null() -> None:
    assert lees_tekst("Periode: 31-03-2026 t/m 01-03-2026\n")["periode_van"] is None
    assert lees_tekst("Periode: 31-02-2026 t/m 31-03-2026\n")["periode_van"] is None
    assert (
        lees_tekst("Periode: 01-01-2026 t/m 31-12-2026\n")["periode_van"] is None
    )  # a year, not a pay period


def test_werkgever_niet_de_werknemer() -> None:
    velden = lees_tekst("Werknemer: A. de Vries\nNaam werkgever:   Kaasboerderij Het Gras\n")
    assert velden["werkgever"] == "Kaasboerderij Het Gras"
    assert lees_tekst("Werknemer: A. de Vries\nBruto loon  100,00\n")["werkgever"] is None


def test_geen_loonstrook_geeft_niets() -> None:
    velden = lees_tekst(
        "Beste meneer Jansen,\nHierbij sturen wij u de factuur van 12,50 voor maart.\n"
    )
    assert set(velden.values()) == {None}


def test_uurloon_maal_uren_zonder_brutoregel() -> None:
    velden = lees_tekst("""
Omschrijving                                  Periode          Jaar
Uurloon 14,25 x 58,50 uur                    833,63      4.168,15
Uit te betalen                                 800,00      4.000,00
""")
    assert velden["bruto_loon"] == Decimal("833.63")
    assert velden["uren"] == Decimal("58.50")


def test_ocr_spikkel_voor_de_werkgever_gaat_weg() -> None:
    assert (
        lees_tekst("Werkgever: . Fietsenmakerij Trapvast\n")["werkgever"]
        == "Fietsenmakerij Trapvast"
    )
    assert (
        lees_tekst("Werkgever: ‘Bakkerij De Korst B.V.\n")["werkgever"] == "Bakkerij De Korst B.V."
    )


def test_rechtsvorm_alleen_is_geen_werkgever() -> None:
    assert lees_tekst("Stichting\nBruto loon  100,00\n")["werkgever"] is None
    assert (
        lees_tekst("Stichting Zorggroep Lindelaan\nBruto loon  100,00\n")["werkgever"]
        == "Stichting Zorggroep Lindelaan"
    )


def test_onzeker_ocr_woord_geeft_null() -> None:
    """An amount or name Tesseract is unsure of is not used, even when it parses."""
    from loonstrook.regels import Woord, uit_woorden

    def regel(*woorden: tuple[str, float, float]) -> list[Woord]:
        return [Woord(t, x, x + 10 * len(t), 100, 120, z) for t, x, z in woorden]

    zeker = uit_woorden(regel(("Bruto", 0, 95), ("loon", 60, 95), ("1.281,80", 400, 96)), 1000)
    onzeker = uit_woorden(regel(("Bruto", 0, 95), ("loon", 60, 95), ("1.231,80", 400, 41)), 1000)
    assert ontleed(zeker)["bruto_loon"] == Decimal("1281.80")
    assert ontleed(onzeker)["bruto_loon"] is None
    naam = uit_woorden(
        regel(("Werkgever:", 0, 95), ("Bakker", 120, 30), ("De", 190, 90), ("Korst", 230, 90)), 1000
    )
    assert ontleed(naam)["werkgever"] is None
