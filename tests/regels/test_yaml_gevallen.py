"""Runs the rule cases in src/regels/tests_yaml/*.yaml (one pytest item per case)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

import regels

MAP = Path(regels.__file__).parent / "tests_yaml"


def _gevallen() -> list[Any]:
    uit = []
    for bestand in sorted(MAP.glob("*.yaml")):
        inhoud = yaml.safe_load(bestand.read_text(encoding="utf-8"))
        for geval in inhoud["gevallen"]:
            invoer = {**inhoud["basis"], **geval.get("invoer", {})}
            uit.append(pytest.param(geval, invoer, id=f"{bestand.stem}: {geval['naam']}"))
    return uit


def _gelijk(verwacht: Any, werkelijk: Any) -> bool:
    if verwacht is None or isinstance(verwacht, str):
        return bool(verwacht == werkelijk)
    return Decimal(str(verwacht)) == Decimal(str(werkelijk))


@pytest.mark.parametrize(("geval", "invoer"), _gevallen())
def test_regelgeval(geval: dict[str, Any], invoer: dict[str, Any]) -> None:
    assert geval.get("bron"), "elk geval noemt zijn bron"
    if "fout" in geval:
        with pytest.raises(regels.InvoerFout) as fout:
            regels.bereken(invoer)
        assert fout.value.veld == geval["fout"]
        if "fout_bevat" in geval:
            assert geval["fout_bevat"] in fout.value.melding, fout.value.melding
        return
    uit = regels.bereken(invoer)
    rij = uit["resultaten"][geval.get("niveau", 0)]
    for sleutel, waarde in (geval.get("verwacht") or {}).items():
        assert _gelijk(waarde, rij[sleutel]), f"{sleutel}: verwacht {waarde}, kreeg {rij[sleutel]}"
    for sleutel, waarde in (geval.get("uitvoer") or {}).items():
        assert _gelijk(waarde, uit[sleutel]), f"{sleutel}: verwacht {waarde}, kreeg {uit[sleutel]}"
    if "waarschuwing_bevat" in geval:
        assert any(geval["waarschuwing_bevat"] in w for w in uit["waarschuwingen"]), uit[
            "waarschuwingen"
        ]
