"""Municipal layer: regulations per municipality under parameters/gemeenten/<code>/.

A municipality has a ``gemeente.yaml`` and one file per regulation. Each regulation has dated
versions with an income limit as a percentage of the household's bijstandsnorm, amounts per
household type (and optionally per child or per person), conditions and a source.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import yaml

from regels.fouten import InvoerFout, ParameterFout
from regels.geld import Tarief, euro_naar_centen
from regels.parameterboom import PARAMETER_MAP, ZEKERHEDEN, Bron, _bronnen, _datum

GEMEENTEN_MAP = PARAMETER_MAP / "gemeenten"

SOORTEN = frozenset(
    {
        "individuele_inkomenstoeslag",
        "bijzondere_bijstand",
        "kwijtschelding",
        "stadspas",
        "kindregeling",
        "overig",
    }
)
HUISHOUDENS = (
    "alleenstaande",
    "alleenstaande_ouder",
    "alleenstaande_ouder_kind_12_plus",
    "gehuwden",
    "gehuwden_met_kinderen",
    "gehuwden_kind_12_plus",
    "alle",
)
# Most specific first; the first type the regulation defines an amount for is used.
_TERUGVAL: dict[str, tuple[str, ...]] = {
    "alleenstaande": ("alleenstaande", "alle"),
    "alleenstaande_ouder": ("alleenstaande_ouder", "alle"),
    "alleenstaande_ouder_kind_12_plus": (
        "alleenstaande_ouder_kind_12_plus",
        "alleenstaande_ouder",
        "alle",
    ),
    "gehuwden": ("gehuwden", "alle"),
    "gehuwden_met_kinderen": ("gehuwden_met_kinderen", "gehuwden", "alle"),
    "gehuwden_kind_12_plus": ("gehuwden_kind_12_plus", "gehuwden_met_kinderen", "gehuwden", "alle"),
}
HUISHOUDTYPE_CODES = tuple(_TERUGVAL)


@dataclass(frozen=True)
class RegelingVersie:
    geldig_vanaf: dt.date
    geldig_tot: dt.date | None
    inkomensgrens_procent: Decimal
    bedragen_per_maand: dict[str, int]  # household type → cents per month
    bedragen_origineel: dict[str, tuple[Decimal, str]]
    per_kind_per_maand: int
    per_persoon_per_maand: int
    per_kind_per_jaar: int
    per_persoon_per_jaar: int
    jaren_laag_inkomen_minimaal: int | None
    bronnen: tuple[Bron, ...]
    zekerheid: str
    toelichting: str | None

    @property
    def grens(self) -> Tarief:
        return Tarief.uit_percentage(self.inkomensgrens_procent)


@dataclass(frozen=True)
class Regeling:
    id: str
    naam: str
    soort: str
    beschrijving: str
    versies: tuple[RegelingVersie, ...]

    def op(self, peildatum: dt.date) -> RegelingVersie | None:
        gekozen = None
        for v in self.versies:
            if v.geldig_vanaf <= peildatum and (v.geldig_tot is None or peildatum <= v.geldig_tot):
                gekozen = v
        return gekozen


@dataclass(frozen=True)
class Gemeente:
    code: str
    naam: str
    cbs_code: str
    fictief: bool
    toelichting: str
    regelingen: tuple[Regeling, ...]


def _per_maand(bedrag: object, per: object, bestand: str, sleutel: str) -> tuple[int, Decimal, str]:
    if per not in ("maand", "jaar"):
        raise ParameterFout(bestand, sleutel, "'per' moet 'maand' of 'jaar' zijn.")
    if bedrag is None or isinstance(bedrag, bool) or not isinstance(bedrag, (int, float)):
        raise ParameterFout(bestand, sleutel, "bedrag ontbreekt of is geen getal.")
    centen = euro_naar_centen(bedrag)
    # Yearly amounts are shown per month (1/12, half up) so they add up with the other income.
    maand = centen if per == "maand" else (centen + 6) // 12
    return maand, Decimal(str(bedrag)), str(per)


def _lees_regeling(pad: Path) -> Regeling:
    bestand = str(pad)
    try:
        ruw: Any = yaml.safe_load(pad.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ParameterFout(bestand, "-", f"geen geldige YAML: {exc}") from exc
    if not isinstance(ruw, dict):
        raise ParameterFout(bestand, "-", "verwacht een mapping.")
    for sleutel in ("naam", "soort", "beschrijving", "versies"):
        if sleutel not in ruw:
            raise ParameterFout(bestand, sleutel, "ontbreekt.")
    if ruw["soort"] not in SOORTEN:
        raise ParameterFout(bestand, "soort", f"onbekende soort; kies uit {sorted(SOORTEN)}.")
    versies: list[RegelingVersie] = []
    for i, v in enumerate(ruw["versies"]):
        s = f"versies[{i}]"
        if not isinstance(v, dict):
            raise ParameterFout(bestand, s, "verwacht een mapping.")
        if "geldig_vanaf" not in v:
            raise ParameterFout(bestand, s + ".geldig_vanaf", "datum ontbreekt.")
        vanaf = _datum(v["geldig_vanaf"], bestand, s + ".geldig_vanaf")
        tot = _datum(v["geldig_tot"], bestand, s + ".geldig_tot") if v.get("geldig_tot") else None
        grens = v.get("inkomensgrens_procent")
        if grens is None or isinstance(grens, bool) or not isinstance(grens, (int, float)):
            raise ParameterFout(
                bestand,
                s + ".inkomensgrens_procent",
                "inkomensgrens (percentage van de bijstandsnorm) ontbreekt.",
            )
        bedragen: dict[str, int] = {}
        origineel: dict[str, tuple[Decimal, str]] = {}
        for j, b in enumerate(v.get("bedragen") or []):
            bs = f"{s}.bedragen[{j}]"
            if not isinstance(b, dict) or b.get("huishouden") not in HUISHOUDENS:
                raise ParameterFout(bestand, bs + ".huishouden", f"kies uit {HUISHOUDENS}.")
            maand, dec, per = _per_maand(b.get("bedrag"), b.get("per"), bestand, bs)
            bedragen[str(b["huishouden"])] = maand
            origineel[str(b["huishouden"])] = (dec, per)
        per_kind = per_persoon = per_kind_jaar = per_persoon_jaar = 0
        if v.get("bedrag_per_kind") is not None:
            bk = v["bedrag_per_kind"]
            per_kind, dec, per = _per_maand(
                bk.get("bedrag"), bk.get("per"), bestand, s + ".bedrag_per_kind"
            )
            per_kind_jaar = euro_naar_centen(dec) * (12 if per == "maand" else 1)
        if v.get("bedrag_per_persoon") is not None:
            bp = v["bedrag_per_persoon"]
            per_persoon, dec, per = _per_maand(
                bp.get("bedrag"), bp.get("per"), bestand, s + ".bedrag_per_persoon"
            )
            per_persoon_jaar = euro_naar_centen(dec) * (12 if per == "maand" else 1)
        if not bedragen and not per_kind and not per_persoon:
            raise ParameterFout(bestand, s + ".bedragen", "geen bedrag opgegeven.")
        zekerheid = v.get("zekerheid")
        if zekerheid not in ZEKERHEDEN:
            raise ParameterFout(
                bestand, s + ".zekerheid", f"zekerheid moet een van {ZEKERHEDEN} zijn."
            )
        toelichting = v.get("toelichting")
        if zekerheid != "hoog" and not toelichting:
            raise ParameterFout(
                bestand,
                s + ".toelichting",
                "bij zekerheid midden of laag is een toelichting verplicht.",
            )
        voorwaarden = v.get("voorwaarden") or {}
        jaren = voorwaarden.get("jaren_laag_inkomen_minimaal")
        versies.append(
            RegelingVersie(
                geldig_vanaf=vanaf,
                geldig_tot=tot,
                inkomensgrens_procent=Decimal(str(grens)),
                bedragen_per_maand=bedragen,
                bedragen_origineel=origineel,
                per_kind_per_maand=per_kind,
                per_persoon_per_maand=per_persoon,
                per_kind_per_jaar=per_kind_jaar,
                per_persoon_per_jaar=per_persoon_jaar,
                jaren_laag_inkomen_minimaal=int(jaren) if jaren is not None else None,
                bronnen=_bronnen(v.get("bron"), bestand, s),
                zekerheid=str(zekerheid),
                toelichting=str(toelichting) if toelichting else None,
            )
        )
    versies.sort(key=lambda x: x.geldig_vanaf)
    return Regeling(
        pad.stem,
        str(ruw["naam"]),
        str(ruw["soort"]),
        str(ruw["beschrijving"]).strip(),
        tuple(versies),
    )


def _lees_gemeente(map_: Path) -> Gemeente:
    bestand = map_ / "gemeente.yaml"
    if not bestand.exists():
        raise ParameterFout(str(bestand), "-", "gemeente.yaml ontbreekt.")
    ruw: Any = yaml.safe_load(bestand.read_text(encoding="utf-8"))
    if not isinstance(ruw, dict):
        raise ParameterFout(str(bestand), "-", "verwacht een mapping.")
    for sleutel in ("naam", "code", "cbs_code", "fictief", "toelichting"):
        if sleutel not in ruw:
            raise ParameterFout(str(bestand), sleutel, "ontbreekt.")
    if ruw["code"] != map_.name:
        raise ParameterFout(
            str(bestand),
            "code",
            f"code '{ruw['code']}' moet gelijk zijn aan de mapnaam '{map_.name}'.",
        )
    regelingen = tuple(
        _lees_regeling(p) for p in sorted(map_.glob("*.yaml")) if p.name != "gemeente.yaml"
    )
    return Gemeente(
        str(ruw["code"]),
        str(ruw["naam"]),
        str(ruw["cbs_code"]),
        bool(ruw["fictief"]),
        str(ruw["toelichting"]).strip(),
        regelingen,
    )


@lru_cache(maxsize=1)
def alle_gemeenten() -> dict[str, Gemeente]:
    uit: dict[str, Gemeente] = {}
    for map_ in sorted(p for p in GEMEENTEN_MAP.iterdir() if p.is_dir()):
        g = _lees_gemeente(map_)
        uit[g.code] = g
    return uit


def gemeente(code: str, veld: str = "gemeente") -> Gemeente:
    """Look up by folder code ('demodam') or CBS code ('GM9999'), case-insensitive."""
    if not isinstance(code, str):
        raise InvoerFout(veld, "verwacht de code van een gemeente, bijvoorbeeld 'demodam'.")
    alle = alle_gemeenten()
    sleutel = code.strip().lower()
    for g in alle.values():
        if sleutel in (g.code.lower(), g.cbs_code.lower()):
            return g
    raise InvoerFout(
        veld, f"gemeente '{code}' is onbekend; bekend zijn: {', '.join(sorted(alle))}."
    )


def gemeentelijke_regelingen(
    gemeente_code: str, peildatum: dt.date | str | None = None
) -> list[dict[str, Any]]:
    """All regulations of a municipality (for the provisions pages), optionally on one date."""
    g = gemeente(gemeente_code)
    datum = dt.date.fromisoformat(peildatum) if isinstance(peildatum, str) else peildatum
    uit: list[dict[str, Any]] = []
    for r in g.regelingen:
        versies = [v for v in r.versies if datum is None or v is r.op(datum)]
        for v in versies:
            uit.append(
                {
                    "id": r.id,
                    "naam": r.naam,
                    "soort": r.soort,
                    "beschrijving": r.beschrijving,
                    "gemeente": g.naam,
                    "fictief": g.fictief,
                    "geldig_vanaf": v.geldig_vanaf.isoformat(),
                    "geldig_tot": v.geldig_tot.isoformat() if v.geldig_tot else None,
                    "inkomensgrens_procent_van_bijstandsnorm": float(v.inkomensgrens_procent),
                    "bedragen": {
                        k: {"bedrag": float(b), "per": per}
                        for k, (b, per) in v.bedragen_origineel.items()
                    },
                    "bedrag_per_kind_per_maand": v.per_kind_per_maand / 100
                    if v.per_kind_per_maand
                    else None,
                    "bedrag_per_persoon_per_maand": v.per_persoon_per_maand / 100
                    if v.per_persoon_per_maand
                    else None,
                    "voorwaarden": {"jaren_laag_inkomen_minimaal": v.jaren_laag_inkomen_minimaal},
                    "bron": [{"titel": b.titel, "url": b.url} for b in v.bronnen],
                    "zekerheid": v.zekerheid,
                    "toelichting": v.toelichting,
                }
            )
    return uit


def jaarbedrag(
    versie: RegelingVersie, huishoudtype_index: int, kinderen: int, personen: int
) -> int:
    """The yearly amount in cents as the regulation states it (no rounding through months)."""
    code = HUISHOUDTYPE_CODES[huishoudtype_index]
    basis = 0
    for kandidaat in _TERUGVAL[code]:
        if kandidaat in versie.bedragen_origineel:
            bedrag, per = versie.bedragen_origineel[kandidaat]
            basis = euro_naar_centen(bedrag) * (12 if per == "maand" else 1)
            break
    return basis + versie.per_kind_per_jaar * kinderen + versie.per_persoon_per_jaar * personen


@dataclass(frozen=True, eq=False)
class RegelingRekenvorm:
    """One regulation version prepared for the engine (per household type → cents per month)."""

    regeling: Regeling
    versie: RegelingVersie
    bedrag_per_type: npt.NDArray[np.int64]  # indexed by HUISHOUDTYPE_CODES
    grens: Tarief


@dataclass(frozen=True)
class RegelingenMatrix:
    """All regulations of one municipality on one date, stacked for the engine (R regulations)."""

    namen: tuple[str, ...]
    per_type: npt.NDArray[np.int64]  # (R, 6) cents per month by household type
    per_kind: npt.NDArray[np.int64]  # (R,)
    per_persoon: npt.NDArray[np.int64]  # (R,)
    jaren_minimaal: npt.NDArray[np.int64]  # (R,), -1 = no condition
    grens_num: npt.NDArray[np.int64]  # (R,) income limit as num/den of the bijstandsnorm
    grens_den: int
    # The distinct limits, ascending (G,), and which regulations are still open at each:
    # open_bij_grens[g, r] = 1 when regulation r's limit is at least limit g. Limits are percentages
    # of one norm, so their order is the same for every household.
    grenzen: npt.NDArray[np.int64]
    open_bij_grens: npt.NDArray[np.int64]  # (G, R) 0/1


@lru_cache(maxsize=64)
def regelingen_matrix(regelingen: tuple[RegelingRekenvorm, ...]) -> RegelingenMatrix:
    from math import lcm

    den = lcm(*(rv.grens.den for rv in regelingen)) if regelingen else 1
    grens_num = np.array(
        [rv.grens.num * (den // rv.grens.den) for rv in regelingen], dtype=np.int64
    )
    grenzen = np.unique(grens_num)
    return RegelingenMatrix(
        namen=tuple(rv.regeling.naam for rv in regelingen),
        per_type=np.array([rv.bedrag_per_type for rv in regelingen], dtype=np.int64).reshape(
            len(regelingen), -1
        ),
        per_kind=np.array([rv.versie.per_kind_per_maand for rv in regelingen], dtype=np.int64),
        per_persoon=np.array(
            [rv.versie.per_persoon_per_maand for rv in regelingen], dtype=np.int64
        ),
        jaren_minimaal=np.array(
            [
                -1
                if rv.versie.jaren_laag_inkomen_minimaal is None
                else rv.versie.jaren_laag_inkomen_minimaal
                for rv in regelingen
            ],
            dtype=np.int64,
        ),
        grens_num=grens_num,
        grens_den=den,
        grenzen=grenzen,
        open_bij_grens=(grens_num[None, :] >= grenzen[:, None]).astype(np.int64),
    )


@lru_cache(maxsize=64)
def rekenvormen(gemeente_code: str, peildatum: dt.date) -> tuple[RegelingRekenvorm, ...]:
    g = gemeente(gemeente_code)
    uit: list[RegelingRekenvorm] = []
    for r in g.regelingen:
        v = r.op(peildatum)
        if v is None:
            continue
        per_type = np.zeros(len(HUISHOUDTYPE_CODES), dtype=np.int64)
        for i, code in enumerate(HUISHOUDTYPE_CODES):
            for kandidaat in _TERUGVAL[code]:
                if kandidaat in v.bedragen_per_maand:
                    per_type[i] = v.bedragen_per_maand[kandidaat]
                    break
        uit.append(RegelingRekenvorm(r, v, per_type, v.grens))
    return tuple(uit)
