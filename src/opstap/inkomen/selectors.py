"""Reading calculations: the explanation of one level, and the calculations kept for a client."""

from dataclasses import dataclass, field
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
        Stap(naam=s["naam"].replace("_", " "), waarde=s["waarde"], formule=s["formule"], artikel=s["artikel"],
             parameters=[{"pad": pad, **parameters[pad]} for pad in s.get("parameters", []) if pad in parameters])
        for s in niveau.get("stappen", [])
    ]
    return NiveauUitleg(
        uren_per_week=niveau.get("uren_per_week"), tekst=niveau.get("tekst", ""), algemeen=uitleg.get("tekst", ""),
        regelversie=uitleg.get("regelversie", ""), peildatum=uitleg.get("peildatum", ""), stappen=stappen,
        vereenvoudigingen=list(uitleg.get("vereenvoudigingen") or []),
    )


def berekeningen_van(klant: Klant) -> QuerySet[Berekening]:
    return Berekening.objects.filter(klant=klant).select_related("gemaakt_door")
