"""Former known deviations of the engine from the law, written as the law reads.

A review found four places where the engine deviated from the 2026 law; they were strict
xfail tests until regelversie 2026.2.0 fixed them (docs/changelog-regels.md). They now guard
the fix. Where the 2025 law still had the old rule, a test checks that a 2025 peildatum keeps
it (the difference comes from dated parameters, not from a hard-coded year). Regelversie
2026.3.0 resolved more of the listed simplifications (kindgebonden budget per calendar month,
basishuur 2025, servicekosten 2025 at most EUR 48); their tests follow at the end.
"""

from __future__ import annotations

from typing import Any

import regels

BASIS: dict[str, Any] = {
    "peildatum": "2026-01-01",
    "aanvrager": {"geboortedatum": "1990-01-01"},
    "kale_huur": 700.00,
}


def _rij(invoer: dict[str, Any]) -> dict[str, Any]:
    rij: dict[str, Any] = regels.bereken(invoer)["resultaten"][0]
    return rij


def test_servicekosten_tellen_vanaf_2026_niet_mee_voor_de_huurtoeslag() -> None:
    assert _rij({**BASIS, "servicekosten": 30.00})["huurtoeslag"] == _rij(BASIS)["huurtoeslag"]


def test_huur_boven_de_maximale_huurgrens_geeft_huurtoeslag_tot_die_grens() -> None:
    tot_de_grens = _rij({**BASIS, "kale_huur": 932.93})["huurtoeslag"]
    assert tot_de_grens > 0
    assert _rij({**BASIS, "kale_huur": 950.00})["huurtoeslag"] == tot_de_grens


def test_iack_kijkt_naar_de_leeftijd_van_het_kind_op_1_januari() -> None:
    werk = {
        "peildatum": "2026-07-01",
        "aanvrager": {"geboortedatum": "1990-01-01"},
        "vakantiegeld_in_mei": False,
        "werk": {"bruto_uurloon": 15.00, "uren_per_week": [20]},
    }
    elf_het_hele_jaar = _rij({**werk, "kinderen": [{"geboortedatum": "2014-08-01"}]})
    twaalf_in_maart = _rij(
        {**werk, "kinderen": [{"geboortedatum": "2014-03-01"}]}
    )  # 11 on 1-1-2026
    assert elf_het_hele_jaar["inkomensafhankelijke_combinatiekorting"] > 0
    assert (
        twaalf_in_maart["inkomensafhankelijke_combinatiekorting"]
        == elf_het_hele_jaar["inkomensafhankelijke_combinatiekorting"]
    )


def test_kinderbijslag_kijkt_naar_de_leeftijd_op_de_eerste_dag_van_het_kwartaal() -> None:
    # 11 on 1-1-2026, 12 from 1-2-2026: the first quarter still has the 6-11 amount (358,30 / 3).
    rij = _rij(
        {
            "peildatum": "2026-03-15",
            "aanvrager": {"geboortedatum": "1990-01-01"},
            "kinderen": [{"geboortedatum": "2014-02-01"}],
        }
    )
    assert rij["kinderbijslag"] == 119.43


def test_in_2025_tellen_servicekosten_nog_mee_voor_de_huurtoeslag() -> None:
    """Wet op de huurtoeslag art. 5 lid 1 (tekst 2025); parameter huurtoeslag.servicekosten_in_rekenhuur."""
    basis = {**BASIS, "peildatum": "2025-07-01", "kale_huur": 450.00}
    met = _rij({**basis, "servicekosten": 20.00})["huurtoeslag"]
    assert met == _rij({**basis, "kale_huur": 470.00})["huurtoeslag"]
    assert met > _rij(basis)["huurtoeslag"]


def test_in_2025_gaf_huur_boven_de_maximale_huurgrens_geen_huurtoeslag() -> None:
    """Wet op de huurtoeslag art. 13 lid 1 (tekst 2025, EUR 900,07)."""
    basis = {**BASIS, "peildatum": "2025-07-01"}
    assert _rij({**basis, "kale_huur": 900.07})["huurtoeslag"] > 0
    assert _rij({**basis, "kale_huur": 900.08})["huurtoeslag"] == 0


def test_iack_ook_met_netto_loon_als_invoer() -> None:
    """The net-wage path derives the gross wage with the same IACK rule (child under 12 on 1 January)."""
    netto = {
        "peildatum": "2026-07-01",
        "aanvrager": {"geboortedatum": "1990-01-01"},
        "werk": {"netto_loon_per_maand": [1200]},
    }
    twaalf_in_maart = _rij({**netto, "kinderen": [{"geboortedatum": "2014-03-01"}]})
    elf = _rij({**netto, "kinderen": [{"geboortedatum": "2014-08-01"}]})
    assert (
        twaalf_in_maart["inkomensafhankelijke_combinatiekorting"]
        == elf["inkomensafhankelijke_combinatiekorting"]
        > 0
    )
    assert twaalf_in_maart["bruto_loon_per_maand"] == elf["bruto_loon_per_maand"]


def test_kindgebonden_budget_begint_de_maand_na_de_geboorte() -> None:
    """Wet op het kindgebonden budget art. 2 lid 1: from the calendar month after the birth (not
    from the birth itself, and not from the next quarter as the kinderbijslag)."""
    ouder = {"peildatum": "2026-03-15", "aanvrager": {"geboortedatum": "1990-01-01"}}
    deze_maand = _rij({**ouder, "kinderen": [{"geboortedatum": "2026-03-02"}]})
    vorige_maand = _rij({**ouder, "kinderen": [{"geboortedatum": "2026-02-27"}]})
    assert deze_maand["kindgebonden_budget"] == 0
    assert vorige_maand["kindgebonden_budget"] == 499.67  # (2.580 + 3.416) / 12
    assert vorige_maand["kinderbijslag"] == 0  # the kinderbijslag starts with the next quarter


def test_verhoging_kindgebonden_budget_vanaf_de_maand_na_de_verjaardag() -> None:
    """Art. 2 lid 3 and 5: the increases for 12 and 16 start the month after the birthday's month."""
    kind = {
        "aanvrager": {"geboortedatum": "1980-01-01"},
        "partner": {"geboortedatum": "1980-01-01"},
    }
    twaalf_in_mei = {**kind, "kinderen": [{"geboortedatum": "2014-05-10"}]}
    assert (
        _rij({**twaalf_in_mei, "peildatum": "2026-05-20"})["kindgebonden_budget"] == 215.00
    )  # 2.580 / 12
    assert (
        _rij({**twaalf_in_mei, "peildatum": "2026-06-01"})["kindgebonden_budget"] == 275.33
    )  # (2.580 + 724) / 12
    zestien_in_mei = {**kind, "kinderen": [{"geboortedatum": "2010-05-10"}]}
    assert _rij({**zestien_in_mei, "peildatum": "2026-05-20"})["kindgebonden_budget"] == 275.33
    assert (
        _rij({**zestien_in_mei, "peildatum": "2026-06-01"})["kindgebonden_budget"] == 295.33
    )  # (2.580 + 964) / 12


def test_servicekosten_in_2025_tellen_tot_ten_hoogste_48_euro() -> None:
    """Wet op de huurtoeslag art. 5 lid 3 (tekst 2025): four kinds of service costs, at most EUR 12
    each; parameter huurtoeslag.servicekosten_maximum."""
    basis = {**BASIS, "peildatum": "2025-07-01", "kale_huur": 450.00}
    veel = _rij({**basis, "servicekosten": 100.00})["huurtoeslag"]
    assert (
        veel
        == _rij({**basis, "servicekosten": 48.00})["huurtoeslag"]
        == _rij({**basis, "kale_huur": 498.00})["huurtoeslag"]
    )
    assert veel > _rij({**basis, "servicekosten": 47.00})["huurtoeslag"]


def test_basishuur_2025_bevat_de_verlaging_van_de_eigen_bijdrage() -> None:
    """Basishuur 2025 = 238,01 - 1,82 - 37,14 = 199,05 (art. 17 lid 2-3 tekst 2025, Wet verlaging eigen
    bijdrage huurtoeslag art. 1 onderdeel b): a rent just above it gives huurtoeslag, the old 238,01
    would have given none."""
    basis = {**BASIS, "peildatum": "2025-07-01", "vermogen": 10000.00}  # no bijstand, no income
    assert _rij({**basis, "kale_huur": 199.05})["huurtoeslag"] == 0
    assert _rij({**basis, "kale_huur": 238.01})["huurtoeslag"] == 38.96


def test_minimum_inkomensijkpunt_2026_is_het_gepubliceerde_bedrag_zonder_waarschuwing() -> None:
    """Regeling huurtoeslaggrenzen 2026 (Stcrt. 2025, 39783): EUR 23.425 / EUR 31.500, the expected
    AOW over the whole year incl. the July increase (art. 17 lid 1). The derivation from the January
    amounts gave EUR 23.275 / EUR 31.275 with zekerheid 'laag' and a warning to the client; both are gone."""
    import datetime as dt

    from regels.peilparameters import peilparameters

    for dag in (dt.date(2026, 1, 1), dt.date(2026, 7, 1)):
        p = peilparameters(dag)
        assert (p.ht_ijkpunt_een, p.ht_ijkpunt_meer) == (2_342_500, 3_150_000)
    uit = regels.bereken(
        {**BASIS, "kale_huur": 500.00, "werk": {"bruto_uurloon": 14.71, "uren_per_week": [16]}}
    )
    assert not any(pad.startswith("huurtoeslag.") for pad in uit["onzekere_parameters"])
    assert not any("inkomensijkpunt" in w or "schatting" in w for w in uit["waarschuwingen"])
