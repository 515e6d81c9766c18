"""Lines of text with horizontal positions: the common ground of a PDF's text layer and OCR.

Columns matter on a payslip (this period versus year to date), so every character keeps its
x position, as a fraction of the page width (0 = left edge, 1 = right edge)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# A gap this wide (as a fraction of the page width) between two words separates two cells.
CEL_AFSTAND = 0.025


@dataclass(frozen=True)
class Regel:
    tekst: str
    xs: tuple[float, ...]  # the x position of each character of `tekst`
    zeker: tuple[float, ...] = ()  # OCR confidence (0-100) of each character; empty: a text layer

    def zekerheid(self, begin: int, eind: int) -> float:
        """The lowest OCR confidence over tekst[begin:eind] (100 for a text layer)."""
        deel = self.zeker[begin:eind]
        return min(deel) if deel else 100.0

    def x(self, begin: int, eind: int) -> tuple[float, float]:
        """Left and right edge of the characters tekst[begin:eind]."""
        if not self.xs:
            return 0.0, 0.0
        eind = max(begin + 1, eind)
        return self.xs[min(begin, len(self.xs) - 1)], self.xs[min(eind - 1, len(self.xs) - 1)]

    def cellen(self) -> list[tuple[int, int]]:
        """Spans of `tekst` separated by a wide gap (a table cell, or a label and its value)."""
        spans: list[tuple[int, int]] = []
        for m in re.finditer(r"\S+(?: \S+)*", self.tekst):  # three spaces: a gap in layout text
            # Split further where two neighbouring words are far apart on the page.
            begin = m.start()
            for w in re.finditer(r" ", m.group()):
                i = m.start() + w.start()
                if i + 1 < len(self.xs) and self.xs[i + 1] - self.xs[i - 1] > CEL_AFSTAND:
                    spans.append((begin, i))
                    begin = i + 1
            spans.append((begin, m.end()))
        return spans


def uit_opmaaktekst(tekst: str) -> list[Regel]:
    """Lines from a layout-preserving text dump (monospaced: a character's column is its x).

    Runs of two or more spaces are column gaps; they are kept as three spaces so that
    `Regel.cellen` sees them, and the x positions keep the true columns."""
    ruwe = [r.rstrip() for r in tekst.splitlines()]
    breedte = max(
        max((len(r) for r in ruwe), default=1), 120
    )  # one space stays narrower than a cell gap
    regels: list[Regel] = []
    for ruw in ruwe:
        if not ruw.strip():
            continue
        tekens: list[str] = []
        xs: list[float] = []
        for m in re.finditer(r"\S+", ruw):
            if tekens:
                # One space is a word gap; wider is a column gap, kept as three spaces.
                gat = " " if ruw[m.start() - 2] != " " else "   "
                tekens.extend(gat)
                xs.extend([(m.start() - 1) / breedte] * len(gat))
            for j, teken in enumerate(m.group()):
                tekens.append(teken)
                xs.append((m.start() + j) / breedte)
        regels.append(Regel("".join(tekens), tuple(xs)))
    return regels


@dataclass(frozen=True)
class Woord:
    tekst: str
    links: float
    rechts: float
    boven: float
    onder: float
    zeker: float = 100.0


def uit_woorden(woorden: Iterable[Woord], breedte: float) -> list[Regel]:
    """Lines from OCR words with boxes (pixels): words whose vertical middles are close form a line.

    Grouping by position rather than by Tesseract's own line numbers keeps a table row whole
    even when Tesseract splits the columns into separate blocks."""
    lijst = sorted((w for w in woorden if w.tekst.strip()), key=lambda w: (w.boven + w.onder) / 2)
    if not lijst:
        return []
    hoogtes = sorted(w.onder - w.boven for w in lijst)
    hoogte = max(hoogtes[len(hoogtes) // 2], 1.0)
    groepen: list[list[Woord]] = []
    for w in lijst:
        midden = (w.boven + w.onder) / 2
        if groepen:
            laatste = groepen[-1]
            m = sum((v.boven + v.onder) / 2 for v in laatste) / len(laatste)
            if abs(midden - m) < hoogte * 0.6:
                laatste.append(w)
                continue
        groepen.append([w])
    regels = []
    for groep in groepen:
        regels.append(_regel_uit(sorted(groep, key=lambda w: w.links), breedte))
    return regels


def _regel_uit(woorden: Sequence[Woord], breedte: float) -> Regel:
    tekens: list[str] = []
    xs: list[float] = []
    zeker: list[float] = []
    for w in woorden:
        if tekens:
            tekens.append(" ")
            xs.append(w.links / breedte)
            zeker.append(100.0)
        n = len(w.tekst)
        stap = (w.rechts - w.links) / max(n, 1)
        for j, teken in enumerate(w.tekst):
            tekens.append(teken)
            xs.append((w.links + stap * (j + 0.5)) / breedte)
            zeker.append(w.zeker)
    return Regel("".join(tekens), tuple(xs), tuple(zeker))
