"""The one door from contact and guidance to the rules engine for provisions (B1).

Which provisions a municipality has, what each gives and who is entitled come only from the
`regels` package: nothing here knows an amount or an income limit. The engine's API is
`regels.gemeentelijke_regelingen(code, peildatum)` (the local provisions of one municipality) and
`regels.regelingen_voor_huishouden(invoer)` (every provision with `recht`, the amount and the
reason, for one household); this module adapts that shape to `Regeling` and `Uitkomst`, so a
changed engine API is a change in this file only. An older per-provision check
(`recht_op_regeling(code, invoer)` and similar names) is still understood.

When the engine cannot answer, `beschikbaar()` is False and the pages say so kindly instead of
guessing.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from opstap.inkomen.services import invoer_voor_klant as inkomen_invoer
from opstap.klanten.models import Klant

logger = logging.getLogger(__name__)

# Names the engine may give the per-provision entitlement check, in order of preference.
_TOETS_NAMEN = ("recht_op_regeling", "heeft_recht", "toets_regeling", "regeling_toetsen", "toets_recht")
STANDAARD_STAPPEN = ["Aanvraag ontvangen", "We bekijken je aanvraag", "Je krijgt een besluit"]


class NietTeBerekenen(Exception):
    """The engine cannot compute this household (a situation it does not model); the message says why."""


@dataclass(frozen=True)
class Regeling:
    code: str
    naam: str
    omschrijving: str = ""
    wat_het_geeft: str = ""
    voorwaarden: list[str] = field(default_factory=list)
    hoe_aanvragen: str = ""
    behandeltermijn_weken: int | None = None
    stappen: list[str] = field(default_factory=list)
    bron: str = ""


@dataclass(frozen=True)
class Uitkomst:
    regeling: Regeling
    recht: bool
    waarde: str = ""  # what it gives this household, as the engine words or computes it
    reden: str = ""


def _regels() -> Any:
    try:
        import regels
    except ImportError:
        return None
    return regels


def _toets_functie() -> Callable[..., Any] | None:
    regels = _regels()
    if regels is None:
        return None
    for naam in _TOETS_NAMEN:
        functie = getattr(regels, naam, None)
        if callable(functie):
            return functie  # type: ignore[no-any-return]
    return None


def _huishouden_functie() -> Callable[..., Any] | None:
    regels = _regels()
    functie = getattr(regels, "regelingen_voor_huishouden", None) if regels is not None else None
    return functie if callable(functie) else None


def beschikbaar() -> bool:
    regels = _regels()
    return bool(regels is not None and callable(getattr(regels, "gemeentelijke_regelingen", None))
                and (_huishouden_functie() is not None or _toets_functie() is not None))


def _veld(bron: Any, *namen: str, standaard: Any = "") -> Any:
    for naam in namen:
        waarde = bron.get(naam) if isinstance(bron, dict) else getattr(bron, naam, None)
        if waarde not in (None, ""):
            return waarde
    return standaard


def _als_lijst(waarde: Any) -> list[str]:
    if not waarde:
        return []
    if isinstance(waarde, str):
        return [waarde]
    if isinstance(waarde, dict):
        return [f"{k}: {v}" for k, v in waarde.items() if v is not None]
    return [str(_veld(w, "tekst", "omschrijving", "titel", "naam", standaard=w)) for w in waarde]


_HUISHOUDEN_LABEL = {"alleenstaande": "alleenstaande", "alleenstaande_ouder": "alleenstaande ouder",
                     "gehuwden": "gehuwd of samenwonend", "gehuwden_met_kinderen": "gehuwd met kinderen"}


def _wat_het_geeft(ruw: Any) -> str:
    """The engine's amounts in words (nothing computed or invented here)."""
    if not isinstance(ruw, dict):
        return ""
    delen = []
    for soort, b in (ruw.get("bedragen") or {}).items():
        delen.append(f"{_HUISHOUDEN_LABEL.get(soort, soort)}: {_euro(b.get('bedrag'))} per {b.get('per', 'maand')}")
    if ruw.get("bedrag_per_kind_per_maand"):
        delen.append(f"{_euro(ruw['bedrag_per_kind_per_maand'])} per kind per maand")
    if ruw.get("bedrag_per_persoon_per_maand"):
        delen.append(f"{_euro(ruw['bedrag_per_persoon_per_maand'])} per persoon per maand")
    return "; ".join(delen)


def _voorwaarden(ruw: Any) -> list[str]:
    if not isinstance(ruw, dict) or "inkomensgrens_procent_van_bijstandsnorm" not in ruw:
        return _als_lijst(_veld(ruw, "voorwaarden", "regels", standaard=[]))
    pct = f"{ruw['inkomensgrens_procent_van_bijstandsnorm']:g}".replace(".", ",")
    lijst = [f"Inkomen niet hoger dan {pct}% van de bijstandsnorm"]
    jaren = (ruw.get("voorwaarden") or {}).get("jaren_laag_inkomen_minimaal")
    if jaren:
        lijst.append(f"Minstens {jaren} jaar een laag inkomen")
    return lijst


def _euro(bedrag: Any) -> str:
    try:
        getal = float(bedrag)
    except (TypeError, ValueError):
        return str(bedrag)
    tekst = f"{getal:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
    return f"€ {tekst}"


def naar_regeling(ruw: Any) -> Regeling:
    termijn = _veld(ruw, "behandeltermijn_weken", "doorlooptijd_weken", "behandeltermijn", standaard=None)
    try:
        termijn = int(termijn) if termijn is not None else None
    except (TypeError, ValueError):
        termijn = None
    return Regeling(
        code=str(_veld(ruw, "code", "id", "naam")),
        naam=str(_veld(ruw, "naam", "titel", "code")),
        omschrijving=str(_veld(ruw, "omschrijving", "beschrijving", "uitleg", "description")),
        wat_het_geeft=str(_veld(ruw, "wat_het_geeft", "wat", "vergoeding", "tekst_bedrag") or _wat_het_geeft(ruw)),
        voorwaarden=_voorwaarden(ruw),
        hoe_aanvragen=str(_veld(ruw, "hoe_aanvragen", "aanvragen", "aanvraag")),
        behandeltermijn_weken=termijn,
        stappen=_als_lijst(_veld(ruw, "stappen", "procedure", standaard=[])),
        bron="; ".join(_als_lijst(_veld(ruw, "bron", "verwijzing", "reference", standaard=[]))),
    )


def regelingen_van_gemeente(regels_code: str, *, peildatum: date | None = None) -> list[Regeling]:
    """All local provisions of one municipality in force on `peildatum` (default today). Empty if unknown."""
    regels = _regels()
    functie = getattr(regels, "gemeentelijke_regelingen", None) if regels is not None else None
    if not callable(functie):
        return []
    dag = peildatum or date.today()
    try:
        try:
            ruwe = functie(regels_code, dag)
        except TypeError:
            ruwe = functie(regels_code)
    except Exception:  # an unknown municipality layer must not break a page
        logger.exception("regelingen van %s niet te laden", regels_code)
        return []
    if isinstance(ruwe, dict):
        ruwe = [{"code": k, **v} if isinstance(v, dict) else v for k, v in ruwe.items()]
    return [naar_regeling(r) for r in ruwe]


def invoer_voor_klant(klant: Klant, *, peildatum: date, netto_loon_per_maand: float = 0) -> dict[str, Any]:
    """The household as the engine's JSON contract wants it: from what the municipality knows."""
    return inkomen_invoer(klant, peildatum=peildatum, werk={"netto_loon_per_maand": [netto_loon_per_maand]})


def _toets(functie: Callable[..., Any], regeling: Regeling, invoer: dict[str, Any]) -> Uitkomst:
    try:
        try:
            ruw = functie(regeling.code, invoer)
        except TypeError:
            ruw = functie(invoer, regeling.code)
    except Exception as fout:  # noqa: BLE001 — an unmodelled situation is "ask your contact person"
        logger.info("toets %s niet gelukt: %s", regeling.code, fout)
        return Uitkomst(regeling, False, reden=str(fout))
    if isinstance(ruw, bool):
        return Uitkomst(regeling, ruw)
    recht = bool(_veld(ruw, "recht", "heeft_recht", "rechthebbend", standaard=False))
    bedrag = _veld(ruw, "bedrag", "bedrag_per_maand", "bedrag_per_jaar", "waarde", standaard=None)
    waarde = _veld(ruw, "omschrijving", "tekst", standaard="")
    if bedrag is not None and not waarde:
        periode = _veld(ruw, "periode", standaard="")
        waarde = _euro(bedrag) + (f" per {periode}" if periode else "")
    return Uitkomst(regeling, recht, waarde=str(waarde), reden=str(_veld(ruw, "reden", "uitleg", standaard="")))


def _per_huishouden(functie: Callable[..., Any], regelingen: list[Regeling],
                    invoer: dict[str, Any]) -> list[Uitkomst]:
    try:
        ruwe = functie(invoer)
    except Exception as fout:  # an unmodelled household: say so, never pretend "nothing for you"
        logger.info("regelingen voor huishouden niet te bepalen: %s", fout)
        raise NietTeBerekenen(str(fout)) from fout
    per_code = {r.code: r for r in regelingen}
    uitkomsten = []
    for ruw in ruwe:
        code = str(_veld(ruw, "id", "code", "naam"))
        regeling = per_code.get(code) or naar_regeling(ruw)
        maand, jaar = _veld(ruw, "bedrag_per_maand", standaard=None), _veld(ruw, "bedrag_per_jaar", standaard=None)
        waarde = ""
        if maand:
            waarde = f"{_euro(maand)} per maand" + (f" ({_euro(jaar)} per jaar)" if jaar else "")
        uitkomsten.append(Uitkomst(regeling, bool(_veld(ruw, "recht", standaard=False)), waarde=waarde,
                                   reden=str(_veld(ruw, "reden", standaard=""))))
    return uitkomsten


def alle_uitkomsten(klant: Klant, *, peildatum: date, netto_loon_per_maand: float = 0) -> list[Uitkomst]:
    """Every provision with the engine's verdict for this household (the contact person sees why).
    Raises NietTeBerekenen when the engine cannot compute this household."""
    invoer = invoer_voor_klant(klant, peildatum=peildatum, netto_loon_per_maand=netto_loon_per_maand)
    regelingen = regelingen_van_gemeente(klant.gemeente.regels_code, peildatum=peildatum)
    huishouden = _huishouden_functie()
    if huishouden is not None:
        return _per_huishouden(huishouden, regelingen, invoer)
    toets = _toets_functie()
    if toets is None:
        return []
    return [_toets(toets, r, invoer) for r in regelingen]


def regelingen_voor_klant(klant: Klant, *, peildatum: date, netto_loon_per_maand: float = 0) -> list[Uitkomst]:
    """Only the provisions this household is entitled to, according to the rules engine."""
    return [u for u in alle_uitkomsten(klant, peildatum=peildatum, netto_loon_per_maand=netto_loon_per_maand)
            if u.recht]


def voor_weergave(klant: Klant, *, peildatum: date, alleen_recht: bool = True) -> tuple[list[Uitkomst], str]:
    """For a page: the outcomes, and the engine's reason when it could not compute this household
    (then the page says "ask your contact person" instead of "nothing for you")."""
    try:
        if alleen_recht:
            return regelingen_voor_klant(klant, peildatum=peildatum), ""
        return alle_uitkomsten(klant, peildatum=peildatum), ""
    except NietTeBerekenen as fout:
        return [], str(fout)




def procedure(regeling: Regeling, *, vanaf: date, standaard_weken: int) -> list[dict[str, Any]]:
    """The procedure's steps with expected dates, spread over the processing time."""
    namen = regeling.stappen or STANDAARD_STAPPEN
    weken = regeling.behandeltermijn_weken or standaard_weken
    stappen = []
    for i, naam in enumerate(namen):
        dagen = 0 if i == 0 else round(weken * 7 * i / max(len(namen) - 1, 1))
        stappen.append({"naam": naam, "verwacht_op": (vanaf + timedelta(days=dagen)).isoformat(),
                        "gedaan_op": vanaf.isoformat() if i == 0 else None})
    return stappen
