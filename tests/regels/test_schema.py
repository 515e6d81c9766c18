"""Parameter files are checked when read; a broken file fails loudly, naming file and key."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from regels.fouten import ParameterFout
from regels.gemeenten import _lees_gemeente
from regels.parameterboom import lees_bestand, lees_map, parameterboom
from regels.peilparameters import peilparameters

GOED = """\
beschrijving: Test.
parameters:
  bedrag:
    beschrijving: Een bedrag.
    eenheid: EUR/maand
    waarden:
      2026-01-01:
        waarde: 10.00
        bron: {titel: "Wet art. 1", url: "https://wetten.overheid.nl/BWBR0000000/2026-01-01#Artikel1"}
        zekerheid: hoog
"""


def _schrijf(tmp_path: Path, tekst: str) -> Path:
    pad = tmp_path / "test.yaml"
    pad.write_text(tekst, encoding="utf-8")
    return pad


def test_goed_bestand_wordt_gelezen(tmp_path: Path) -> None:
    params = lees_bestand(_schrijf(tmp_path, GOED), "test")
    assert params["test.bedrag"].op(dt.date(2026, 2, 1)).waarde == 10


@pytest.mark.parametrize(
    ("vervang", "door", "sleutel"),
    [
        (
            '        bron: {titel: "Wet art. 1", url: "https://wetten.overheid.nl/BWBR0000000/2026-01-01#Artikel1"}\n',
            "",
            "test.bedrag.waarden.2026-01-01",
        ),
        ("    eenheid: EUR/maand\n", "", "test.bedrag.eenheid"),
        ("    eenheid: EUR/maand\n", "    eenheid: gulden\n", "test.bedrag.eenheid"),
        ("      2026-01-01:\n", "      ooit:\n", "test.bedrag"),
        (
            "        zekerheid: hoog\n",
            "        zekerheid: laag\n",
            "test.bedrag.waarden.2026-01-01.toelichting",
        ),
        ("        waarde: 10.00\n", "", "test.bedrag.waarden.2026-01-01.waarde"),
        ('url: "https://wetten', 'url: "http://wetten', "test.bedrag.waarden.2026-01-01.bron.url"),
    ],
    ids=[
        "zonder bron",
        "zonder eenheid",
        "onbekende eenheid",
        "zonder datum",
        "laag zonder toelichting",
        "zonder waarde",
        "geen https",
    ],
)
def test_kapot_bestand_faalt_luid(tmp_path: Path, vervang: str, door: str, sleutel: str) -> None:
    assert vervang in GOED
    pad = _schrijf(tmp_path, GOED.replace(vervang, door))
    with pytest.raises(ParameterFout) as fout:
        lees_bestand(pad, "test")
    assert fout.value.bestand == str(pad)
    assert fout.value.sleutel.startswith(sleutel)
    assert str(pad) in str(fout.value)


def test_alle_parameters_hebben_drie_perioden_en_een_bron() -> None:
    for pad, param in parameterboom().items():
        for peildatum in (dt.date(2025, 7, 1), dt.date(2026, 1, 1), dt.date(2026, 7, 1)):
            w = param.op(peildatum)
            assert w.bronnen and w.bronnen[0].url.startswith("https://"), pad
        datums = {w.geldig_vanaf for w in param.waarden}
        assert dt.date(2026, 7, 1) in datums, (
            f"{pad}: 1-7-2026 expliciet (doortrekken met toelichting)"
        )
        assert param.beschrijving.endswith("."), pad


def test_peildatum_kiest_de_waarde_die_die_dag_geldt() -> None:
    assert peilparameters(dt.date(2025, 12, 31)).norm_alleenstaande == 136906
    assert peilparameters(dt.date(2026, 1, 1)).norm_alleenstaande == 140150
    assert peilparameters(dt.date(2026, 6, 30)).norm_alleenstaande == 140150
    assert peilparameters(dt.date(2026, 7, 1)).norm_alleenstaande == 141946


@pytest.mark.parametrize(
    ("vervang", "door", "sleutel"),
    [
        # A value directly under 'waarden', without a date: the date is missing.
        (
            "    waarden:\n      2026-01-01:\n        waarde: 10.00\n        bron:",
            "    waarden:\n        waarde: 10.00\n        bron:",
            "test.bedrag",
        ),
        (
            '{titel: "Wet art. 1", url: "https://wetten.overheid.nl/BWBR0000000/2026-01-01#Artikel1"}',
            "[]",
            "test.bedrag.waarden.2026-01-01",
        ),
        ('titel: "Wet art. 1", ', "", "test.bedrag.waarden.2026-01-01.bron.titel"),
        (
            ', url: "https://wetten.overheid.nl/BWBR0000000/2026-01-01#Artikel1"',
            "",
            "test.bedrag.waarden.2026-01-01.bron.url",
        ),
        ("        zekerheid: hoog\n", "", "test.bedrag.waarden.2026-01-01.zekerheid"),
        ("    eenheid: EUR/maand\n", "    eenheid: EUR/maand\n    unit: EUR\n", "test.bedrag"),
    ],
    ids=[
        "waarde zonder datum",
        "lege bron",
        "bron zonder titel",
        "bron zonder url",
        "zonder zekerheid",
        "onbekende sleutel",
    ],
)
def test_kapot_bestand_faalt_luid_meer(
    tmp_path: Path, vervang: str, door: str, sleutel: str
) -> None:
    assert vervang in GOED
    pad = _schrijf(tmp_path, GOED.replace(vervang, door))
    with pytest.raises(ParameterFout) as fout:
        lees_bestand(pad, "test")
    assert fout.value.sleutel.startswith(sleutel)


def test_een_kapot_bestand_in_de_map_stopt_het_laden(tmp_path: Path) -> None:
    """The whole tree fails, not just the one file: nothing is skipped silently."""
    (tmp_path / "goed.yaml").write_text(GOED, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "kapot.yaml").write_text(
        GOED.replace("    eenheid: EUR/maand\n", ""), encoding="utf-8"
    )
    with pytest.raises(ParameterFout) as fout:
        lees_map(tmp_path)
    assert (
        fout.value.bestand.endswith("kapot.yaml")
        and fout.value.sleutel == "sub.kapot.bedrag.eenheid"
    )


GEMEENTE = """\
naam: Gemeente Test
code: test
cbs_code: GM0000
fictief: true
toelichting: Test.
"""
REGELING = """\
naam: Stadspas
soort: stadspas
beschrijving: Korting op sport en cultuur.
versies:
  - geldig_vanaf: 2026-01-01
    inkomensgrens_procent: 120
    bedragen:
      - {huishouden: alle, bedrag: 100, per: jaar}
    bron: {titel: "Verordening", url: "https://lokaleregelgeving.overheid.nl/CVDR000000"}
    zekerheid: hoog
"""


@pytest.mark.parametrize(
    ("vervang", "door", "sleutel"),
    [
        (
            '    bron: {titel: "Verordening", url: "https://lokaleregelgeving.overheid.nl/CVDR000000"}\n',
            "",
            "versies[0]",
        ),
        (
            "  - geldig_vanaf: 2026-01-01\n    inkomensgrens_procent",
            "  - inkomensgrens_procent",
            "versies[0].geldig_vanaf",
        ),
        ("    inkomensgrens_procent: 120\n", "", "versies[0].inkomensgrens_procent"),
        ("    zekerheid: hoog\n", "    zekerheid: laag\n", "versies[0].toelichting"),
        ("per: jaar", "per: week", "versies[0].bedragen[0]"),
    ],
    ids=[
        "regeling zonder bron",
        "regeling zonder datum",
        "regeling zonder inkomensgrens",
        "laag zonder toelichting",
        "onbekende periode",
    ],
)
def test_kapotte_gemeentelijke_regeling_faalt_luid(
    tmp_path: Path, vervang: str, door: str, sleutel: str
) -> None:
    assert vervang in REGELING
    map_ = tmp_path / "test"
    map_.mkdir()
    (map_ / "gemeente.yaml").write_text(GEMEENTE, encoding="utf-8")
    (map_ / "stadspas.yaml").write_text(REGELING.replace(vervang, door), encoding="utf-8")
    with pytest.raises(ParameterFout) as fout:
        _lees_gemeente(map_)
    assert fout.value.bestand.endswith("stadspas.yaml")
    assert fout.value.sleutel.startswith(sleutel)


def test_goede_gemeentelijke_regeling_wordt_gelezen(tmp_path: Path) -> None:
    map_ = tmp_path / "test"
    map_.mkdir()
    (map_ / "gemeente.yaml").write_text(GEMEENTE, encoding="utf-8")
    (map_ / "stadspas.yaml").write_text(REGELING, encoding="utf-8")
    g = _lees_gemeente(map_)
    assert g.regelingen[0].op(dt.date(2026, 3, 1)) is not None


def test_ja_nee_parameter_kent_alleen_nul_en_een(tmp_path: Path) -> None:
    tekst = GOED.replace("eenheid: EUR/maand", "eenheid: ja/nee").replace(
        "waarde: 10.00", "waarde: 1"
    )
    assert (
        lees_bestand(_schrijf(tmp_path, tekst), "test")["test.bedrag"]
        .op(dt.date(2026, 1, 1))
        .waarde
        == 1
    )
    with pytest.raises(ParameterFout) as fout:
        lees_bestand(_schrijf(tmp_path, tekst.replace("waarde: 1", "waarde: 2")), "test")
    assert fout.value.sleutel == "test.bedrag.waarden.2026-01-01.waarde"
