"""The one door from contact and guidance to the rules engine for provisions (B1).

Which provisions a municipality has, what each gives and who is entitled come only from the
`regels` package (docs/regels.md): nothing here knows an amount or an income limit. It calls the
engine's documented interface, `regels.gemeentelijke_regelingen(code, peildatum)` and
`regels.regelingen_voor_huishouden(invoer)`, and adapts the answers to `Regeling` and `Uitkomst`.

A household outside the engine's model is the engine's documented `regels.InvoerFout`; only that
becomes a kind message on the page (`voor_weergave`). Anything else is a bug and surfaces.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import regels
from opstap.inkomen.rekendatum import rekendatum
from opstap.inkomen.services import invoer_voor_klant as inkomen_invoer
from opstap.klanten.models import Klant
from opstap.web.geld import euro

STANDAARD_STAPPEN = ["Aanvraag ontvangen", "We bekijken je aanvraag", "Je krijgt een besluit"]


@dataclass(frozen=True)
class Regeling:
    code: str
    naam: str
    omschrijving: str = ""
    wat_het_geeft: str = ""
    voorwaarden: list[str] = field(default_factory=list)
    # The engine knows the rules, not the municipality's procedure: these stay empty and the
    # municipality's default processing time and steps apply (see `procedure`).
    hoe_aanvragen: str = ""
    behandeltermijn_weken: int | None = None
    stappen: list[str] = field(default_factory=list)
    bron: str = ""


@dataclass(frozen=True)
class Uitkomst:
    regeling: Regeling
    recht: bool
    waarde: str = ""  # what it gives this household, from the engine's amounts
    reden: str = ""


_HUISHOUDEN_LABEL = {
    "alleenstaande": "alleenstaande",
    "alleenstaande_ouder": "alleenstaande ouder",
    "gehuwden": "gehuwd of samenwonend",
    "gehuwden_met_kinderen": "gehuwd met kinderen",
}


def _wat_het_geeft(ruw: dict[str, Any]) -> str:
    """The engine's amounts in words (nothing computed or invented here)."""
    delen = [
        f"{_HUISHOUDEN_LABEL.get(soort, soort)}: {euro(b['bedrag'])} per {b['per']}"
        for soort, b in ruw["bedragen"].items()
    ]
    if ruw["bedrag_per_kind_per_maand"]:
        delen.append(f"{euro(ruw['bedrag_per_kind_per_maand'])} per kind per maand")
    if ruw["bedrag_per_persoon_per_maand"]:
        delen.append(f"{euro(ruw['bedrag_per_persoon_per_maand'])} per persoon per maand")
    return "; ".join(delen)


def _voorwaarden(ruw: dict[str, Any]) -> list[str]:
    pct = f"{ruw['inkomensgrens_procent_van_bijstandsnorm']:g}".replace(".", ",")
    lijst = [f"Inkomen niet hoger dan {pct}% van de bijstandsnorm"]
    jaren = ruw["voorwaarden"]["jaren_laag_inkomen_minimaal"]
    if jaren:
        lijst.append(f"Minstens {jaren} jaar een laag inkomen")
    return lijst


def naar_regeling(ruw: dict[str, Any]) -> Regeling:
    """One entry of `regels.gemeentelijke_regelingen` as a `Regeling`."""
    return Regeling(
        code=ruw["id"],
        naam=ruw["naam"],
        omschrijving=ruw["beschrijving"],
        wat_het_geeft=_wat_het_geeft(ruw),
        voorwaarden=_voorwaarden(ruw),
        bron="; ".join(b["titel"] for b in ruw["bron"]),
    )


def regelingen_van_gemeente(regels_code: str, *, peildatum: date | None = None) -> list[Regeling]:
    """All local provisions of one municipality in force on `peildatum` (default today; after the
    engine's last known date, on that date, like the household's outcomes: see rekendatum).
    An unknown municipality code is a configuration error: `regels.InvoerFout` surfaces."""
    return [
        naar_regeling(r)
        for r in regels.gemeentelijke_regelingen(regels_code, rekendatum(peildatum).datum)
    ]


def invoer_voor_klant(
    klant: Klant, *, peildatum: date, netto_loon_per_maand: float = 0
) -> dict[str, Any]:
    """The household as the engine's JSON contract wants it: from what the municipality knows."""
    return inkomen_invoer(
        klant, peildatum=peildatum, werk={"netto_loon_per_maand": [netto_loon_per_maand]}
    )


def _waarde(ruw: dict[str, Any]) -> str:
    if not ruw["recht"]:
        return ""
    waarde = f"{euro(ruw['bedrag_per_maand'])} per maand"
    return waarde + (
        f" ({euro(ruw['bedrag_per_jaar'])} per jaar)" if ruw["bedrag_per_jaar"] else ""
    )


def alle_uitkomsten(
    klant: Klant, *, peildatum: date, netto_loon_per_maand: float = 0
) -> list[Uitkomst]:
    """Every provision with the engine's verdict for this household (the contact person sees why).
    Raises `regels.InvoerFout` when the household is outside what the engine models."""
    invoer = invoer_voor_klant(
        klant, peildatum=peildatum, netto_loon_per_maand=netto_loon_per_maand
    )
    per_code = {
        r.code: r for r in regelingen_van_gemeente(klant.gemeente.regels_code, peildatum=peildatum)
    }
    return [
        Uitkomst(per_code[ruw["id"]], bool(ruw["recht"]), waarde=_waarde(ruw), reden=ruw["reden"])
        for ruw in regels.regelingen_voor_huishouden(invoer)
    ]


def regelingen_voor_klant(
    klant: Klant, *, peildatum: date, netto_loon_per_maand: float = 0
) -> list[Uitkomst]:
    """Only the provisions this household is entitled to, according to the rules engine."""
    return [
        u
        for u in alle_uitkomsten(
            klant, peildatum=peildatum, netto_loon_per_maand=netto_loon_per_maand
        )
        if u.recht
    ]


def voor_weergave(
    klant: Klant, *, peildatum: date, alleen_recht: bool = True
) -> tuple[list[Uitkomst], str]:
    """For a page: the outcomes, and the engine's reason when this household is outside its model
    (then the page says "ask your contact person" instead of "nothing for you")."""
    try:
        if alleen_recht:
            return regelingen_voor_klant(klant, peildatum=peildatum), ""
        return alle_uitkomsten(klant, peildatum=peildatum), ""
    except regels.InvoerFout as fout:
        return [], str(fout)


def procedure(regeling: Regeling, *, vanaf: date, standaard_weken: int) -> list[dict[str, Any]]:
    """The procedure's steps with expected dates, spread over the processing time."""
    namen = regeling.stappen or STANDAARD_STAPPEN
    weken = regeling.behandeltermijn_weken or standaard_weken
    stappen = []
    for i, naam in enumerate(namen):
        dagen = 0 if i == 0 else round(weken * 7 * i / max(len(namen) - 1, 1))
        stappen.append(
            {
                "naam": naam,
                "verwacht_op": (vanaf + timedelta(days=dagen)).isoformat(),
                "gedaan_op": vanaf.isoformat() if i == 0 else None,
            }
        )
    return stappen
