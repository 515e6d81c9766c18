"""Known deviations of the engine from the law, written as the law reads (strict xfail).

Each test states the legal outcome and its source. It fails today on purpose; when the engine
is fixed the test passes, strict xfail turns that into a failure, and the marker must go.
See docs/regels.md, "Bekende afwijkingen".
"""

from __future__ import annotations

from typing import Any

import pytest

import regels

BASIS: dict[str, Any] = {
    "peildatum": "2026-01-01",
    "aanvrager": {"geboortedatum": "1990-01-01"},
    "kale_huur": 700.00,
}


def _rij(invoer: dict[str, Any]) -> dict[str, Any]:
    rij: dict[str, Any] = regels.bereken(invoer)["resultaten"][0]
    return rij


@pytest.mark.xfail(
    strict=True,
    raises=AssertionError,
    reason="Wet op de huurtoeslag art. 5 lid 1 (tekst 1-1-2026): de rekenhuur is de huurprijs zonder "
    "servicekosten; de engine telt servicekosten nog mee.",
)
def test_servicekosten_tellen_vanaf_2026_niet_mee_voor_de_huurtoeslag() -> None:
    assert _rij({**BASIS, "servicekosten": 30.00})["huurtoeslag"] == _rij(BASIS)["huurtoeslag"]


@pytest.mark.xfail(
    strict=True,
    raises=AssertionError,
    reason="Wet op de huurtoeslag art. 13 lid 1 en art. 21 lid 1 onderdeel d (tekst 1-1-2026): het deel "
    "van de rekenhuur boven de maximale huurgrens wordt niet gesubsidieerd; de engine geeft dan geen huurtoeslag.",
)
def test_huur_boven_de_maximale_huurgrens_geeft_huurtoeslag_tot_die_grens() -> None:
    tot_de_grens = _rij({**BASIS, "kale_huur": 932.93})["huurtoeslag"]
    assert tot_de_grens > 0
    assert _rij({**BASIS, "kale_huur": 950.00})["huurtoeslag"] == tot_de_grens


@pytest.mark.xfail(
    strict=True,
    raises=AssertionError,
    reason="Wet IB 2001 art. 8.14a: het kind moet op 1 januari jonger zijn dan 12 (Belastingdienst, "
    "'Uw kind is op 1 januari jonger dan 12 jaar'); de engine kijkt naar de leeftijd op de peildatum.",
)
def test_iack_kijkt_naar_de_leeftijd_van_het_kind_op_1_januari() -> None:
    werk = {"peildatum": "2026-07-01", "aanvrager": {"geboortedatum": "1990-01-01"}, "vakantiegeld_in_mei": False,
            "werk": {"bruto_uurloon": 15.00, "uren_per_week": [20]}}
    elf_het_hele_jaar = _rij({**werk, "kinderen": [{"geboortedatum": "2014-08-01"}]})
    twaalf_in_maart = _rij({**werk, "kinderen": [{"geboortedatum": "2014-03-01"}]})  # 11 on 1-1-2026
    assert elf_het_hele_jaar["inkomensafhankelijke_combinatiekorting"] > 0
    assert twaalf_in_maart["inkomensafhankelijke_combinatiekorting"] == elf_het_hele_jaar["inkomensafhankelijke_combinatiekorting"]


@pytest.mark.xfail(
    strict=True,
    raises=AssertionError,
    reason="AKW: de leeftijd op de eerste dag van het kwartaal bepaalt de kinderbijslag (SVB); de engine "
    "kijkt naar de leeftijd op de peildatum.",
)
def test_kinderbijslag_kijkt_naar_de_leeftijd_op_de_eerste_dag_van_het_kwartaal() -> None:
    # 11 on 1-1-2026, 12 from 1-2-2026: the first quarter still has the 6-11 amount (358,30 / 3).
    rij = _rij({"peildatum": "2026-03-15", "aanvrager": {"geboortedatum": "1990-01-01"},
                "kinderen": [{"geboortedatum": "2014-02-01"}]})
    assert rij["kinderbijslag"] == 119.43
