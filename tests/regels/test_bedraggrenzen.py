"""Absurd amounts, NaN and infinity are refused with a Dutch message naming the field — in the
engine's input check, so the API, the CLI and the batch all get it (1e26 used to crash the Decimal
rounding with decimal.InvalidOperation). And one call's work is bounded: variants and levels."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import regels
from regels.api import MAX_NIVEAUS_UITLEG, MAX_REKENRIJEN, MAX_VARIANTEN
from regels.batch import huishoudens_uit_invoer

BASIS: dict[str, Any] = {
    "peildatum": "2026-01-01",
    "gemeente": "demodam",
    "aanvrager": {"geboortedatum": "1980-05-01"},
    "kinderen": [{"geboortedatum": "2018-03-01"}],
    "kale_huur": 700.00,
    "servicekosten": 30.00,
    "werk": {"bruto_uurloon": 15.00, "uren_per_week": [0, 8, 16]},
}


def _met(pad: str, waarde: object) -> dict[str, Any]:
    invoer = copy.deepcopy(BASIS)
    doel = invoer
    *ouders, laatste = pad.split(".")
    for o in ouders:
        doel = doel[o]
    doel[laatste] = waarde
    return invoer


ABSURD = [
    ("werk.bruto_uurloon", 1e26),
    ("werk.bruto_uurloon", "1e26"),
    ("werk.bruto_uurloon", float("nan")),
    ("werk.bruto_uurloon", float("inf")),
    ("werk.bruto_uurloon", 10**30),
    ("werk.bruto_uurloon", 600),
    ("kale_huur", 1e26),
    ("kale_huur", 10_001),
    ("kale_huur", float("inf")),
    ("kale_huur", -1),
    ("servicekosten", 1e26),
    ("vermogen", 1e26),
    ("vermogen", -1e26),
    ("vermogen", float("-inf")),
    ("kinderopvang_uurprijs", 1e26),
    ("kinderopvang_uurprijs", 101),
    ("inkomen_medebewoners_per_jaar", 1e26),
    ("inkomen_medebewoners_per_jaar", float("nan")),
    ("kostendelers", float("inf")),
    ("kostendelers", float("nan")),
    ("vrijlating_maanden_gebruikt", 1e26),
    ("jaren_laag_inkomen", float("-inf")),
]


@pytest.mark.parametrize(("veld", "waarde"), ABSURD, ids=[f"{v}={w!r}" for v, w in ABSURD])
def test_absurd_bedrag_geeft_nederlandse_fout_met_het_veld(veld: str, waarde: object) -> None:
    with pytest.raises(regels.InvoerFout) as fout:
        regels.bereken(_met(veld, waarde))
    assert fout.value.veld == veld
    assert any(w in fout.value.melding for w in ("verwacht", "te groot", "geen geldig", "negatief"))


def test_netto_loon_van_1e26_en_nan() -> None:
    for waarde in (1e26, float("nan")):
        invoer = {**BASIS, "werk": {"netto_loon_per_maand": [0, waarde]}}
        with pytest.raises(regels.InvoerFout) as fout:
            regels.bereken(invoer)
        assert fout.value.veld == "werk.netto_loon_per_maand[1]"


def test_echte_bedragen_blijven_geldig() -> None:
    """The bounds refuse nothing a real household has: a high rent, savings, debts, a good wage."""
    invoer = {
        **BASIS,
        "kale_huur": 2500,
        "servicekosten": 300,
        "vermogen": -250_000,
        "inkomen_medebewoners_per_jaar": 90_000,
        "kinderopvang_uren_per_maand": 80,
        "kinderopvang_uurprijs": 12.5,
        "werk": {"bruto_uurloon": 20, "uren_per_week": [0, 24]},
    }
    assert (
        len(
            regels.bereken(
                {
                    **invoer,
                    "kinderopvang_uren_per_maand": 0,
                    "werk": {"bruto_uurloon": 150, "uren_per_week": [0, 36]},
                }
            )["resultaten"]
        )
        == 2
    )
    assert len(regels.bereken(invoer)["resultaten"]) == 2
    assert len(regels.bereken({**invoer, "vermogen": 2_000_000})["resultaten"]) == 2


def test_batch_invoer_weigert_ook() -> None:
    _hh, geldig, fouten = huishoudens_uit_invoer([BASIS, _met("kale_huur", 1e26)])
    assert geldig == [0]
    assert fouten[0][0] == 1 and fouten[0][1].veld == "kale_huur"


def test_variantparameter_van_1e26_of_nan_geeft_fout() -> None:
    for waarde in (1e26, "NaN", "Infinity"):
        with pytest.raises(regels.InvoerFout) as fout:
            regels.bereken(
                BASIS,
                varianten=[
                    {
                        "naam": "x",
                        "parameters": {"participatiewet.inkomensvrijlating.n_maximum": waarde},
                    }
                ],
            )
        assert (
            fout.value.veld
            == "varianten[0].parameters.participatiewet.inkomensvrijlating.n_maximum"
        )


def test_te_veel_varianten() -> None:
    varianten = [{"naam": f"v{i}"} for i in range(MAX_VARIANTEN + 1)]
    with pytest.raises(regels.InvoerFout, match=f"hooguit {MAX_VARIANTEN} varianten") as fout:
        regels.bereken(BASIS, varianten=varianten)
    assert fout.value.veld == "varianten"
    assert (
        len(regels.bereken(BASIS, varianten=varianten[:MAX_VARIANTEN])["varianten"])
        == MAX_VARIANTEN
    )


def test_niveaus_maal_varianten_begrensd() -> None:
    uren = [i / 10 for i in range(401)]
    invoer = _met("werk.uren_per_week", uren)
    assert len(regels.bereken(invoer, varianten=[{"naam": "een"}])["varianten"]) == 1  # 802 rows
    with pytest.raises(regels.InvoerFout, match=str(MAX_REKENRIJEN)) as fout:
        regels.bereken(invoer, varianten=[{"naam": "een"}, {"naam": "twee"}])  # 1203 rows
    assert fout.value.veld == "varianten"


def test_uitleg_bij_veel_niveaus_begrensd() -> None:
    invoer = _met("werk.uren_per_week", [i / 10 for i in range(MAX_NIVEAUS_UITLEG + 1)])
    with pytest.raises(regels.InvoerFout, match="met uitleg") as fout:
        regels.bereken(invoer, uitleg=True)
    assert fout.value.veld == "werk.uren_per_week"
    assert "uitleg" not in regels.bereken(invoer)
    assert regels.bereken(_met("werk.uren_per_week", list(range(41))), uitleg=True)["uitleg"]


def test_cli_geeft_nederlandse_fout_en_code_2_zonder_traceback(tmp_path: Path) -> None:
    pad = tmp_path / "invoer.json"
    opstap = (
        Path(sys.executable).parent / "opstap"
    )  # the command as staff type it: `opstap bereken`
    for waarde, melding in ((1e26, "te groot"), (600, "verwacht een uurloon van 0 tot € 500,00")):
        pad.write_text(json.dumps(_met("werk.bruto_uurloon", waarde)), encoding="utf-8")
        uit = subprocess.run(
            [str(opstap), "bereken", str(pad)],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            env={**os.environ, "DJANGO_SETTINGS_MODULE": "opstap.conf.test"},
        )
        assert uit.returncode == 2, uit.stderr
        assert "Traceback" not in uit.stderr
        assert "Fout in veld 'werk.bruto_uurloon'" in uit.stderr and melding in uit.stderr
        assert uit.stdout == ""
