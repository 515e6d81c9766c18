"""docs/regels.md and docs/changelog-regels.md stay current with the rule base.

The source table and the changes per period are generated from the YAML files
(``python -m regels.documentatie``); the contract tables must name every input field, output
field, rule variant and the rule version.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from regels.api import _RIJ_SLEUTELS
from regels.documentatie import blok, bronnentabel, wijzigingen
from regels.invoer import TOPSLEUTELS
from regels.kern import REGELS
from regels.peilparameters import bekende_paden
from regels.versie import REGELVERSIE

DOCS = Path(__file__).resolve().parents[2] / "docs"
HERGENEREER = "werk het blok bij met: cd src && ../.venv/bin/python -m regels.documentatie {naam}"


@pytest.fixture(scope="module")
def regels_md() -> str:
    return (DOCS / "regels.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def changelog_md() -> str:
    return (DOCS / "changelog-regels.md").read_text(encoding="utf-8")


def test_bronnentabel_is_bij(regels_md: str) -> None:
    assert blok("bronnen", bronnentabel()) in regels_md, HERGENEREER.format(naam="bronnen")


def test_wijzigingen_per_periode_zijn_bij(changelog_md: str) -> None:
    assert blok("wijzigingen", wijzigingen()) in changelog_md, HERGENEREER.format(
        naam="wijzigingen"
    )


def test_changelog_noemt_de_regelversie(changelog_md: str, regels_md: str) -> None:
    assert f"`{REGELVERSIE}`" in changelog_md
    assert f"`{REGELVERSIE}`" in regels_md


def test_contract_noemt_elk_veld_en_elke_regel(regels_md: str) -> None:
    ontbreekt = [
        f"`{naam}`"
        for naam in (*TOPSLEUTELS, *_RIJ_SLEUTELS, *REGELS, "varianten")
        if f"`{naam}`" not in regels_md
    ]
    assert not ontbreekt, f"docs/regels.md noemt niet: {', '.join(sorted(ontbreekt))}"


def test_elk_parameterpad_staat_in_de_bronnentabel(regels_md: str) -> None:
    assert all(f"| `{pad}` |" in regels_md for pad in bekende_paden())
