"""Tone: every client-facing engine text speaks informally ("je/jouw"), never "u/uw".

Covers the plain-Dutch explanation, the warnings, the reasons of the municipal regulations,
the regulation descriptions and the InvoerFout messages.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

import regels

FORMEEL = re.compile(r"\b(u|uw|uzelf)\b", re.IGNORECASE)

BASIS: dict[str, Any] = {
    "peildatum": "2026-01-01",
    "gemeente": "demodam",
    "aanvrager": {"geboortedatum": "1980-05-01"},
    "partner": None,
    "kinderen": [{"geboortedatum": "2018-03-01"}],
    "kostendelers": 1,
    "kale_huur": 700.00,
    "servicekosten": 30.00,
    "vermogen": 0,
    "vrijlating_maanden_gebruikt": 0,
    "werk": {"bruto_uurloon": 11.00, "uren_per_week": [0, 8, 16, 20, 24, 25, 26, 32, 36]},
}
VARIATIES: list[dict[str, Any]] = [
    {},
    {"vermogen": 20000},
    {"partner": {"geboortedatum": "1982-02-02"}, "kinderopvang_uren_per_maand": 40},
    {"jaren_laag_inkomen": 1},
    {
        "werk": {"netto_loon_per_maand": [0, 400, 800, 1200]},
        "medisch_urenbeperkt": True,
        "vrijlating_maanden_gebruikt": 6,
    },
    {"peildatum": "2025-07-01", "gemeente": "alphen_aan_den_rijn"},
    {"peildatum": "2026-03-15", "kinderen": [{"geboortedatum": "2026-02-10"}]},
]


def _teksten(uit: dict[str, Any]) -> list[str]:
    teksten = list(uit["waarschuwingen"])
    uitleg = uit.get("uitleg") or {}
    teksten.append(uitleg.get("tekst", ""))
    teksten.extend(n["tekst"] for n in uitleg.get("niveaus", []))
    return teksten


def _zonder_u(teksten: list[str]) -> None:
    fout = [t for t in teksten if FORMEEL.search(t)]
    assert not fout, "formele aanspreekvorm in: " + " | ".join(fout)


@pytest.mark.parametrize("variatie", VARIATIES, ids=range(len(VARIATIES)))
def test_uitleg_en_waarschuwingen_in_je_vorm(variatie: dict[str, Any]) -> None:
    invoer = {**BASIS, **variatie}
    uit = regels.bereken(invoer, uitleg=True)
    teksten = _teksten(uit)
    assert any(re.search(r"\bje\b", t, re.IGNORECASE) for t in teksten)
    _zonder_u(teksten)
    _zonder_u([r["reden"] for r in regels.regelingen_voor_huishouden(invoer)])


def test_regelingen_van_de_gemeente_in_je_vorm() -> None:
    for code in ("demodam", "alphen_aan_den_rijn"):
        _zonder_u([r["beschrijving"] for r in regels.gemeentelijke_regelingen(code)])


@pytest.mark.parametrize(
    "wijziging",
    [
        {"aanvrager": {"geboortedatum": "1950-01-01"}},
        {"aanvrager": {"geboortedatum": "2010-01-01"}},
        {"kinderen": [{"geboortedatum": "2000-01-01"}]},
        {"peildatum": "2027-01-01"},
        {"servicekosten": 20, "kale_huur": 0},
        {"werk": {"bruto_uurloon": 15, "uren_per_week": [70]}},
        {"gemeente": "atlantis"},
        {"onbekend": 1},
    ],
)
def test_foutmeldingen_zonder_u(wijziging: dict[str, Any]) -> None:
    with pytest.raises(regels.InvoerFout) as fout:
        regels.bereken({**BASIS, **wijziging})
    _zonder_u([fout.value.melding])
