"""The fixed set of fictitious client stories with known identifiers, and how well the
de-identification finds them. `python -m tests.leernetwerk.corpus` prints the table.

A gold identifier counts as found when every one of its characters is inside a placeholder
(any kind: it is gone from the text); `soort_goed` also asks for the right kind. Ordinary words
(every word outside a gold identifier) must survive unchanged."""

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from opstap.leernetwerk.anonimiseren import Vondst, vervang, vondsten

CORPUS = Path(__file__).with_name("corpus.txt")
AFKORTINGEN = {
    "P": "PERSOON",
    "A": "ADRES",
    "PC": "POSTCODE",
    "PL": "PLAATS",
    "T": "TELEFOON",
    "E": "EMAIL",
    "B": "BSN",
    "I": "IBAN",
    "D": "DATUM",
    "O": "ORGANISATIE",
}
MARKERING = re.compile(r"\{(?P<soort>[A-Z]+):(?P<tekst>[^{}]+)\}")
# The kinds the issue sets a bar for (recall >= 0.95).
MET_DREMPEL = ("PERSOON", "ADRES", "POSTCODE", "TELEFOON", "EMAIL", "BSN", "IBAN")


@dataclass(frozen=True)
class Verhaal:
    tekst: str
    goud: tuple[Vondst, ...]

    @property
    def verwacht(self) -> str:
        return vervang(self.tekst, self.goud)


def lees_corpus(pad: Path = CORPUS) -> list[Verhaal]:
    regels = [r for r in pad.read_text(encoding="utf-8").splitlines() if not r.startswith("#")]
    verhalen = []
    for blok in "\n".join(regels).split("\n---\n"):
        blok = blok.strip("\n-")
        if not blok.strip():
            continue
        tekst, goud, positie = [], [], 0
        for m in MARKERING.finditer(blok):
            tekst.append(blok[positie : m.start()])
            begin = sum(len(t) for t in tekst)
            tekst.append(m.group("tekst"))
            goud.append(Vondst(begin, begin + len(m.group("tekst")), AFKORTINGEN[m.group("soort")]))
            positie = m.end()
        tekst.append(blok[positie:])
        verhalen.append(Verhaal("".join(tekst), tuple(goud)))
    return verhalen


@dataclass
class Meting:
    gevonden: Counter[str]
    soort_goed: Counter[str]
    totaal: Counter[str]
    woorden_totaal: int
    woorden_behouden: int
    precies_gelijk: int
    verhalen: int
    gemist: list[str]
    geraakt: list[str]

    def recall(self, soort: str) -> float:
        return self.gevonden[soort] / self.totaal[soort] if self.totaal[soort] else 1.0

    @property
    def behouden(self) -> float:
        return self.woorden_behouden / self.woorden_totaal


def meet(verhalen: list[Verhaal], *, alleen_deduce: bool = False) -> Meting:
    meting = Meting(Counter(), Counter(), Counter(), 0, 0, 0, len(verhalen), [], [])
    for verhaal in verhalen:
        gevonden = vondsten(verhaal.tekst, alleen_deduce=alleen_deduce)
        bedekt = set()
        soort_op: dict[int, str] = {}
        for v in gevonden:
            for i in range(v.begin, v.einde):
                bedekt.add(i)
                soort_op[i] = v.soort
        for g in verhaal.goud:
            meting.totaal[g.soort] += 1
            if all(i in bedekt for i in range(g.begin, g.einde)):
                meting.gevonden[g.soort] += 1
                if all(soort_op[i] == g.soort for i in range(g.begin, g.einde)):
                    meting.soort_goed[g.soort] += 1
            else:
                meting.gemist.append(f"{g.soort}: {verhaal.tekst[g.begin : g.einde]!r}")
        goud_tekens = {i for g in verhaal.goud for i in range(g.begin, g.einde)}
        for w in re.finditer(r"\w+", verhaal.tekst):
            if any(i in goud_tekens for i in range(w.start(), w.end())):
                continue
            meting.woorden_totaal += 1
            if any(i in bedekt for i in range(w.start(), w.end())):
                meting.geraakt.append(w.group())
            else:
                meting.woorden_behouden += 1
        if not alleen_deduce and vervang(verhaal.tekst, gevonden) == verhaal.verwacht:
            meting.precies_gelijk += 1
    return meting


def tabel() -> str:
    verhalen = lees_corpus()
    ons, kaal = meet(verhalen), meet(verhalen, alleen_deduce=True)
    regels = [
        f"{len(verhalen)} verhalen, {sum(ons.totaal.values())} identificerende stukken",
        f"{'soort':<12} {'aantal':>6} {'recall':>7} {'juiste soort':>13} {'kale deduce':>12}",
    ]
    for soort in sorted(ons.totaal, key=lambda s: -ons.totaal[s]):
        regels.append(
            f"{soort:<12} {ons.totaal[soort]:>6} {ons.recall(soort):>7.3f} "
            f"{ons.soort_goed[soort] / ons.totaal[soort]:>13.3f} {kaal.recall(soort):>12.3f}"
        )
    regels.append(
        f"gewone woorden behouden: {ons.behouden:.3f} (kale deduce {kaal.behouden:.3f}); "
        f"precies de verwachte tekst: {ons.precies_gelijk}/{ons.verhalen}"
    )
    regels += [f"gemist: {g}" for g in ons.gemist]
    regels.append(f"te veel weggehaald: {', '.join(ons.geraakt) or '-'}")
    return "\n".join(regels)


if __name__ == "__main__":
    import django

    django.setup()
    print(tabel())
