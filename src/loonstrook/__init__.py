"""Reading a Dutch payslip (loonstrook): period, gross, net, hours and employer.

Django-free, so a Celery task, the management command and the tests call the same thing:

    from loonstrook import lees
    lees("strook.pdf")  # {"periode_van": "2026-03-01", ..., "werkgever": "Bakkerij De Korst B.V."}

The work (PDF parsing, image decoding, Tesseract) runs in a child process with a wall-clock
timeout and memory and CPU limits: a hostile or broken file gives all fields None, never an
exception or a hung worker. See docs/loonstrook.md."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from .ontleden import VELDEN

__all__ = ["VELDEN", "Leesresultaat", "lees", "lees_uitgebreid", "naar_json"]

TIJDSLIMIET = 120  # seconds for one file, OCR included
GEHEUGEN = 2 * 1024**3  # bytes of address space for the child (and Tesseract under it)


@dataclass
class Leesresultaat:
    velden: dict[str, object]  # the six fields, JSON-ready: dates as "YYYY-MM-DD", numbers as float
    bron: str = "geen"  # "tekstlaag" (the PDF's text), "ocr" (photo or scan) or "geen"
    meldingen: list[str] = field(default_factory=list)  # why a file was not (fully) read, in Dutch


def leeg() -> dict[str, object]:
    return dict.fromkeys(VELDEN)


def lees(pad: str | os.PathLike[str]) -> dict[str, object]:
    """The six fields of a payslip file; None for each field that cannot be read with confidence."""
    return lees_uitgebreid(pad).velden


def lees_uitgebreid(pad: str | os.PathLike[str], tijdslimiet: float = TIJDSLIMIET) -> Leesresultaat:
    """`lees`, plus where the text came from and why something was not read."""
    pad = Path(pad)
    omgeving = {
        **os.environ,
        "OMP_THREAD_LIMIT": "1",  # Tesseract: one core per file, this machine is shared
        "PYTHONPATH": os.pathsep.join(
            [str(Path(__file__).resolve().parent.parent), os.environ.get("PYTHONPATH", "")]
        ),
    }
    try:
        uitvoer = subprocess.run(  # noqa: S603 - our own interpreter and module, the path as one argument
            [sys.executable, "-m", "loonstrook", str(pad)],
            capture_output=True,
            timeout=tijdslimiet,
            env=omgeving,
            check=False,
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired:
        return Leesresultaat(leeg(), meldingen=["Het lezen duurde te lang."])
    except OSError:
        return Leesresultaat(leeg(), meldingen=["Het lezen kon niet starten."])
    try:
        antwoord = json.loads(uitvoer.stdout)
        velden = {k: antwoord["velden"].get(k) for k in VELDEN}
        return Leesresultaat(
            velden, str(antwoord.get("bron", "geen")), list(antwoord.get("meldingen", []))
        )
    except (ValueError, KeyError, TypeError, AttributeError):
        return Leesresultaat(leeg(), meldingen=["Het bestand kon niet gelezen worden."])


def naar_velden(ruw: dict[str, object]) -> dict[str, object]:
    """The parser's values (date, Decimal) as JSON-ready values."""
    uit = leeg()
    for k in VELDEN:
        v = ruw.get(k)
        if isinstance(v, date):
            uit[k] = v.isoformat()
        elif isinstance(v, Decimal):
            uit[k] = float(v.quantize(Decimal("0.01")))
        elif isinstance(v, str):
            uit[k] = v
    return uit


def naar_json(velden: dict[str, object]) -> str:
    """One JSON object; amounts with exactly two decimals (1234.50), hours as a plain number."""
    delen = []
    for k in VELDEN:
        v = velden.get(k)
        if v is None:
            tekst = "null"
        elif k in ("bruto_loon", "netto_loon") and isinstance(v, int | float):
            tekst = f"{v:.2f}"
        elif k == "uren" and isinstance(v, int | float):
            tekst = f"{v:.2f}".rstrip("0").rstrip(".")
        else:
            tekst = json.dumps(v, ensure_ascii=False)
        delen.append(f"{json.dumps(k)}: {tekst}")
    return "{" + ", ".join(delen) + "}"
