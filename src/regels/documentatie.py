"""Generated parts of docs/regels.md and docs/changelog-regels.md, read from the parameter files.

``python -m regels.documentatie bronnen`` prints the source table (national parameters and
municipal regulations); ``python -m regels.documentatie wijzigingen`` prints the changes per
period. Nothing here is written by hand: every title, link and value comes from the YAML files.
tests/regels/test_documentatie.py checks that the docs hold exactly this text.
"""

from __future__ import annotations

import datetime as dt
import sys
from decimal import Decimal

from regels.gemeenten import alle_gemeenten
from regels.parameterboom import Bron, Parameter, Waarde, parameterboom

PERIODEN = (dt.date(2025, 7, 1), dt.date(2026, 1, 1), dt.date(2026, 7, 1))
BEGIN = "<!-- {naam}:begin (gegenereerd: python -m regels.documentatie {naam}) -->"
EINDE = "<!-- {naam}:einde -->"


def _getal(w: Decimal, *, centen: bool = False) -> str:
    """Dutch notation: 1401.5 → '1.401,50' with ``centen``, 35.75 → '35,75', 8000 → '8.000'."""
    if centen:
        tekst = f"{w:,.2f}"
    elif w == w.to_integral_value():
        tekst = f"{int(w):,}"
    else:
        tekst = f"{w.normalize():,f}"
    return tekst.replace(",", "X").replace(".", ",").replace("X", ".")


def waarde_tekst(par: Parameter, w: Waarde) -> str:
    if w.waarde is None:
        return "vervallen"
    if par.eenheid == "percentage":
        return f"{_getal(w.waarde)} %"
    if par.eenheid == "ja/nee":
        return "ja" if w.waarde == 1 else "nee"
    if par.is_geld:
        return f"€ {_getal(w.waarde, centen=par.eenheid not in ('EUR', 'EUR/jaar'))}"
    return _getal(w.waarde)


def _tekst(s: str) -> str:
    return s.replace("|", "/").replace("[", "(").replace("]", ")").replace("\n", " ")


def _links(bronnen: tuple[Bron, ...]) -> str:
    return "; ".join(f"[{_tekst(b.titel)}]({b.url})" for b in bronnen)


def _zekerheid(w: Waarde) -> str:
    return "" if w.zekerheid == "hoog" else f" ({w.zekerheid})"


def bronnentabel() -> str:
    """Markdown tables: every national parameter with its values per period and its sources,
    then every municipal regulation version with its sources."""
    regels = [
        "| parameter (pad) | eenheid | "
        + " | ".join(f"{d.day}-{d.month}-{d.year}" for d in PERIODEN)
        + " | bron (waarde per 1-1-2026) |",
        "|---|---|" + "---|" * len(PERIODEN) + "---|",
    ]
    for pad, par in sorted(parameterboom().items()):
        waarden = [par.op(d) for d in PERIODEN]
        cellen = [waarde_tekst(par, w) + _zekerheid(w) for w in waarden]
        regels.append(
            f"| `{pad}` | {par.eenheid} | "
            + " | ".join(cellen)
            + f" | {_links(par.op(PERIODEN[1]).bronnen)} |"
        )
    regels += [
        "",
        "| gemeente | regeling (soort) | geldig | inkomensgrens | bron | zekerheid |",
        "|---|---|---|---|---|---|",
    ]
    for g in alle_gemeenten().values():
        naam = g.naam + (" (fictief)" if g.fictief else "")
        for r in g.regelingen:
            for v in r.versies:
                geldig = f"{v.geldig_vanaf.isoformat()} – {v.geldig_tot.isoformat() if v.geldig_tot else '…'}"
                regels.append(
                    f"| {naam} | {_tekst(r.naam)} ({r.soort}) | {geldig} | {_getal(v.inkomensgrens_procent)} % van de bijstandsnorm "
                    f"| {_links(v.bronnen)} | {v.zekerheid} |"
                )
    return "\n".join(regels)


def wijzigingen() -> str:
    """Markdown: per period the parameters whose value changed, and the values of low certainty."""
    boom = parameterboom()
    delen: list[str] = []
    for i, datum in enumerate(PERIODEN):
        kop = f"### {datum.isoformat()}"
        if i == 0:
            delen += [
                kop,
                "",
                "Beginstand van de regelbasis (eerste peildatum die het model kent).",
                "",
            ]
        else:
            vorige = PERIODEN[i - 1]
            veranderd = []
            for pad, par in sorted(boom.items()):
                oud, nieuw = par.op(vorige), par.op(datum)
                if oud.waarde != nieuw.waarde:
                    veranderd.append(
                        f"- `{pad}`: {waarde_tekst(par, oud)} → {waarde_tekst(par, nieuw)}{_zekerheid(nieuw)} "
                        f"— {_links(nieuw.bronnen)}"
                    )
            delen += [
                kop,
                "",
                f"Gewijzigde waarden ten opzichte van {vorige.isoformat()} ({len(veranderd)}):",
                "",
            ]
            delen += veranderd or ["- geen"]
            delen.append("")
        laag: dict[str, list[str]] = {}
        for pad, par in sorted(boom.items()):
            w = par.op(datum)
            if w.zekerheid == "laag":
                laag.setdefault(_tekst(w.toelichting or ""), []).append(f"`{pad}`")
        aantal = sum(len(paden) for paden in laag.values())
        delen += [f"Waarden met zekerheid 'laag' op {datum.isoformat()} ({aantal}):", ""]
        delen += [f"- {', '.join(paden)}: {reden}" for reden, paden in laag.items()] or ["- geen"]
        delen.append("")
    return "\n".join(delen).rstrip()


def blok(naam: str, inhoud: str) -> str:
    return f"{BEGIN.format(naam=naam)}\n{inhoud}\n{EINDE.format(naam=naam)}"


def main(argv: list[str]) -> int:
    opdrachten = {"bronnen": bronnentabel, "wijzigingen": wijzigingen}
    if len(argv) != 1 or argv[0] not in opdrachten:
        print(f"gebruik: python -m regels.documentatie {{{'|'.join(opdrachten)}}}", file=sys.stderr)
        return 2
    print(blok(argv[0], opdrachten[argv[0]]()))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main(sys.argv[1:]))
