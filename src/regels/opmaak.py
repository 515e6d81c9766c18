"""Small formatting helpers for Dutch B1 text."""

from __future__ import annotations

import datetime as dt

MAANDEN = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def euro(centen: int) -> str:
    """1234567 → '€ 12.345,67' (Dutch notation)."""
    teken = "-" if centen < 0 else ""
    c = abs(int(centen))
    hele = f"{c // 100:,}".replace(",", ".")
    return f"{teken}€ {hele},{c % 100:02d}"


def maand_tekst(maand: str) -> str:
    """'2026-06' → 'juni 2026'."""
    jaar, m = maand.split("-")
    return f"{MAANDEN[int(m) - 1]} {jaar}"


def maand_plus(datum: dt.date, maanden: int) -> str:
    """Calendar month of ``datum`` plus ``maanden``, as 'JJJJ-MM'."""
    totaal = datum.year * 12 + datum.month - 1 + maanden
    return f"{totaal // 12:04d}-{totaal % 12 + 1:02d}"


def uren_tekst(uren: float) -> str:
    return f"{uren:g}".replace(".", ",")
