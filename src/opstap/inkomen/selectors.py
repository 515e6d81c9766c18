"""Reading calculations: the explanation of one level, and the calculations kept for a client."""

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import QuerySet

from opstap.klanten.models import Klant

from .models import Berekening


@dataclass(frozen=True)
class Stap:
    naam: str
    waarde: float
    formule: str
    artikel: str
    parameters: list[dict[str, Any]]  # path, description, value, unit, date, sources


@dataclass(frozen=True)
class NiveauUitleg:
    """How one amount was reached: the B1 text for everybody, the trace for professionals."""

    uren_per_week: float | None
    tekst: str
    algemeen: str
    regelversie: str
    peildatum: str
    stappen: list[Stap] = field(default_factory=list)
    vereenvoudigingen: list[str] = field(default_factory=list)


def uitleg_voor_niveau(uitleg: dict[str, Any], index: int) -> NiveauUitleg | None:
    """The explanation of level `index` from the engine's `uitleg` (live or stored)."""
    niveaus = uitleg.get("niveaus") or []
    if not 0 <= index < len(niveaus):
        return None
    niveau = niveaus[index]
    parameters = uitleg.get("parameters") or {}
    stappen = [
        Stap(
            naam=s["naam"].replace("_", " "),
            waarde=s["waarde"],
            formule=s["formule"],
            artikel=s["artikel"],
            parameters=[
                {"pad": pad, **parameters[pad]}
                for pad in s.get("parameters", [])
                if pad in parameters
            ],
        )
        for s in niveau.get("stappen", [])
    ]
    return NiveauUitleg(
        uren_per_week=niveau.get("uren_per_week"),
        tekst=niveau.get("tekst", ""),
        algemeen=uitleg.get("tekst", ""),
        regelversie=uitleg.get("regelversie", ""),
        peildatum=uitleg.get("peildatum", ""),
        stappen=stappen,
        vereenvoudigingen=list(uitleg.get("vereenvoudigingen") or []),
    )


def berekeningen_van(klant: Klant) -> QuerySet[Berekening]:
    return Berekening.objects.filter(klant=klant).select_related("gemaakt_door")


@dataclass(frozen=True)
class VrijlatingStand:
    """Why the client keeps part of the wage, or not, and until when (from the engine's output)."""

    soort: str  # "loopt" (n, r or y now), "op" (months used up), "te_jong" (under the minimum age), "geen"
    onderdeel: str = ""
    bedrag: float = 0.0  # kept per month at the chosen level
    laatste_maand: date | None = None
    nog_maanden: int | None = None  # including the current month
    daarna_tot: date | None = None  # sub r after sub n: until this month
    duur_maanden: int = 0
    gebruikt: int = 0
    minimumleeftijd: int = 0
    vanaf_datum: date | None = None  # te_jong: the birthday from which it applies


def _maand(tekst: str | None) -> date | None:
    if not tekst:
        return None
    jaar, maand = tekst.split("-")
    return date(int(jaar), int(maand), 1)


def _plus_maanden(maand: date | None, n: int) -> date | None:
    if maand is None or n == 0:
        return maand
    totaal = maand.year * 12 + maand.month - 1 + n
    return date(totaal // 12, totaal % 12 + 1, 1)


def vrijlating_stand(
    uitkomst: dict[str, Any], index: int, *, vandaag: date | None = None
) -> VrijlatingStand:
    """Read the documented output (docs/regels.md): `vrijlating` (onderdeel, laatste_maand, daarna),
    the row's `inkomensvrijlating`, and from `uitleg` the input months used, the birth date and the
    parameters n_duur_maanden and minimumleeftijd. Needs `uitleg=True`.

    `vandaag`: the day asked for, when the engine computed with an earlier one (rekendatum: its
    last known date). The engine counts the months still to go from its own peildatum's month;
    the client's months run from `vandaag`'s month, so the end months move up by the difference."""
    uitleg = uitkomst.get("uitleg") or {}
    parameters = uitleg.get("parameters") or {}
    invoer = uitleg.get("invoer") or {}
    rij = uitkomst["resultaten"][index]
    peildatum = date.fromisoformat(uitkomst["peildatum"])
    verschuiving = 0
    if vandaag is not None and vandaag > peildatum:
        verschuiving = (vandaag.year - peildatum.year) * 12 + vandaag.month - peildatum.month
        peildatum = vandaag
    pad = "participatiewet.inkomensvrijlating."
    duur = int(parameters[pad + "n_duur_maanden"]["waarde"])
    minimumleeftijd = int(parameters[pad + "minimumleeftijd"]["waarde"])
    gebruikt = int(invoer.get("vrijlating_maanden_gebruikt") or 0)
    vrij = uitkomst.get("vrijlating")
    if vrij:
        laatste = _plus_maanden(_maand(vrij.get("laatste_maand")), verschuiving)
        nog = None
        if laatste is not None:
            nog = (laatste.year - peildatum.year) * 12 + laatste.month - peildatum.month + 1
        daarna = vrij.get("daarna") or {}
        return VrijlatingStand(
            "loopt",
            onderdeel=vrij["onderdeel"],
            bedrag=float(rij["inkomensvrijlating"]),
            laatste_maand=laatste,
            nog_maanden=nog,
            daarna_tot=_plus_maanden(_maand(daarna.get("laatste_maand")), verschuiving),
            duur_maanden=duur,
            gebruikt=gebruikt,
            minimumleeftijd=minimumleeftijd,
        )
    geboren = date.fromisoformat(invoer["aanvrager"]["geboortedatum"])
    try:
        verjaardag = geboren.replace(year=geboren.year + minimumleeftijd)
    except ValueError:  # born on 29 February
        verjaardag = date(geboren.year + minimumleeftijd, 3, 1)
    if verjaardag > peildatum:
        return VrijlatingStand(
            "te_jong",
            duur_maanden=duur,
            gebruikt=gebruikt,
            minimumleeftijd=minimumleeftijd,
            vanaf_datum=verjaardag,
        )
    if gebruikt >= duur:
        return VrijlatingStand(
            "op", duur_maanden=duur, gebruikt=gebruikt, minimumleeftijd=minimumleeftijd
        )
    return VrijlatingStand(
        "geen", duur_maanden=duur, gebruikt=gebruikt, minimumleeftijd=minimumleeftijd
    )
