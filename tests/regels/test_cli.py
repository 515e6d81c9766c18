"""CLI: exit 0 with JSON on stdout; 1 for an unreadable file or bad JSON; 2 for InvoerFout."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from regels.cli import main

INVOER = {
    "peildatum": "2026-01-01",
    "gemeente": "demodam",
    "aanvrager": {"geboortedatum": "1980-05-01"},
    "partner": None,
    "kinderen": [{"geboortedatum": "2018-03-01"}],
    "kostendelers": 0,
    "kale_huur": 700.00,
    "servicekosten": 30.00,
    "vermogen": 0,
    "vrijlating_maanden_gebruikt": 0,
    "werk": {"bruto_uurloon": 15.00, "uren_per_week": [0, 8, 16, 24, 32, 36]},
}


def _bestand(tmp_path: Path, inhoud: str) -> str:
    pad = tmp_path / "invoer.json"
    pad.write_text(inhoud, encoding="utf-8")
    return str(pad)


def test_goede_invoer_geeft_json_en_code_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["bereken", _bestand(tmp_path, json.dumps(INVOER))]) == 0
    uit = json.loads(capsys.readouterr().out)
    assert uit["peildatum"] == "2026-01-01"
    assert [r["uren_per_week"] for r in uit["resultaten"]] == [0, 8, 16, 24, 32, 36]
    assert uit["resultaten"][0]["bijstand"] == 1401.50
    assert uit["resultaten"][0]["bijstand_uitbetaald"] == 1331.42
    assert "uitleg" not in uit


def test_uitleg_op_verzoek(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bereken", _bestand(tmp_path, json.dumps(INVOER)), "--uitleg"]) == 0
    uit = json.loads(capsys.readouterr().out)
    assert uit["uitleg"]["regelversie"] == uit["regelversie"]
    assert "bijstand" in uit["uitleg"]["niveaus"][1]["tekst"]


def test_onleesbaar_bestand_geeft_code_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["bereken", str(tmp_path / "bestaat-niet.json")]) == 1
    assert "Kan het bestand" in capsys.readouterr().err


def test_kapotte_json_geeft_code_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bereken", _bestand(tmp_path, "{kapot")]) == 1
    fout = capsys.readouterr().err
    assert "geen geldige JSON" in fout and "regel 1" in fout


def test_ongeldige_invoer_geeft_code_2_en_noemt_het_veld(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    invoer = {**INVOER, "aanvrager": {"geboortedatum": "1950-01-01"}}
    assert main(["bereken", _bestand(tmp_path, json.dumps(invoer))]) == 2
    fout = capsys.readouterr().err
    assert "aanvrager.geboortedatum" in fout and "AOW-leeftijd" in fout


def test_onbekend_veld_geeft_code_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bereken", _bestand(tmp_path, json.dumps({**INVOER, "huur": 5}))]) == 2
    assert "'huur'" in capsys.readouterr().err


def test_json_zonder_object_geeft_code_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["bereken", _bestand(tmp_path, "[1, 2]")]) == 2
    assert "invoer" in capsys.readouterr().err


def test_varianten_naast_het_huishouden_zoals_de_api(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    invoer = {
        **INVOER,
        "varianten": [
            {"naam": "premie", "regel": "premie_na_zes_maanden"},
            {"naam": "ruimer", "parameters": {"participatiewet.inkomensvrijlating.n_maximum": 400}},
        ],
    }
    assert main(["bereken", _bestand(tmp_path, json.dumps(invoer))]) == 0
    uit = json.loads(capsys.readouterr().out)
    assert [v["naam"] for v in uit["varianten"]] == ["premie", "ruimer"]
    assert uit["varianten"][1]["parameters"] == {
        "participatiewet.inkomensvrijlating.n_maximum": 400.0
    }


def test_foute_variant_geeft_code_2_en_noemt_het_veld(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    invoer = {**INVOER, "varianten": [{"naam": "x", "parameters": {"bestaat.niet": 1}}]}
    assert main(["bereken", _bestand(tmp_path, json.dumps(invoer))]) == 2
    assert "varianten[0].parameters.bestaat.niet" in capsys.readouterr().err
