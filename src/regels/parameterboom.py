"""Loading and checking the dated parameter files (src/regels/parameters/**.yaml).

Every file holds one concept; every value carries its date, unit, source (bron) and
confidence (zekerheid). The schema is checked when the files are read: a file that breaks
it raises ``ParameterFout`` naming the file and key. Nothing is swallowed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from regels.fouten import ParameterFout

PARAMETER_MAP = Path(__file__).parent / "parameters"

EENHEDEN = frozenset(
    {
        "EUR",
        "EUR/maand",
        "EUR/jaar",
        "EUR/kwartaal",
        "EUR/uur",
        "percentage",
        "uren",
        "jaren",
        "maanden",
        "maand",
        "aantal",
        "ja/nee",
    }
)
ZEKERHEDEN = ("hoog", "midden", "laag")
_BESTAND_SLEUTELS = frozenset({"beschrijving", "parameters"})
_PARAMETER_SLEUTELS = frozenset({"beschrijving", "eenheid", "waarden"})
_WAARDE_SLEUTELS = frozenset({"waarde", "bron", "zekerheid", "toelichting"})


@dataclass(frozen=True)
class Bron:
    titel: str
    url: str


@dataclass(frozen=True)
class Waarde:
    geldig_vanaf: dt.date
    waarde: Decimal | None
    bronnen: tuple[Bron, ...]
    zekerheid: str
    toelichting: str | None


@dataclass(frozen=True)
class Parameter:
    pad: str
    beschrijving: str
    eenheid: str
    waarden: tuple[Waarde, ...]  # sorted by geldig_vanaf
    bestand: str

    def op(self, peildatum: dt.date) -> Waarde:
        """The value in force on ``peildatum`` (latest geldig_vanaf on or before it)."""
        gekozen: Waarde | None = None
        for w in self.waarden:
            if w.geldig_vanaf <= peildatum:
                gekozen = w
            else:
                break
        if gekozen is None:
            raise KeyError(self.pad)
        return gekozen

    @property
    def is_geld(self) -> bool:
        return self.eenheid.startswith("EUR")


def _datum(sleutel: object, bestand: str, pad: str) -> dt.date:
    if isinstance(sleutel, dt.datetime):
        return sleutel.date()
    if isinstance(sleutel, dt.date):
        return sleutel
    if isinstance(sleutel, str):
        try:
            return dt.date.fromisoformat(sleutel)
        except ValueError:
            pass
    raise ParameterFout(bestand, pad, f"'{sleutel}' is geen geldige datum (verwacht JJJJ-MM-DD).")


def _bronnen(ruw: object, bestand: str, pad: str) -> tuple[Bron, ...]:
    if ruw is None:
        raise ParameterFout(bestand, pad, "bron (wettelijke verwijzing) ontbreekt.")
    lijst = ruw if isinstance(ruw, list) else [ruw]
    if not lijst:
        raise ParameterFout(bestand, pad, "bron (wettelijke verwijzing) is leeg.")
    uit: list[Bron] = []
    for item in lijst:
        if not isinstance(item, dict):
            raise ParameterFout(bestand, pad, "bron moet titel en url hebben.")
        titel, url = item.get("titel"), item.get("url")
        if not isinstance(titel, str) or not titel.strip():
            raise ParameterFout(bestand, pad + ".bron.titel", "titel van de bron ontbreekt.")
        if not isinstance(url, str) or not url.startswith("https://"):
            raise ParameterFout(
                bestand, pad + ".bron.url", "url van de bron ontbreekt of is geen https-adres."
            )
        uit.append(Bron(titel.strip(), url))
    return tuple(uit)


def _lees_parameter(naam: str, ruw: object, bestand: str, prefix: str) -> Parameter:
    pad = f"{prefix}.{naam}"
    if not isinstance(ruw, dict):
        raise ParameterFout(
            bestand, pad, "verwacht een mapping met beschrijving, eenheid en waarden."
        )
    onbekend = set(ruw) - _PARAMETER_SLEUTELS
    if onbekend:
        raise ParameterFout(bestand, pad, f"onbekende sleutel(s): {sorted(onbekend)}.")
    beschrijving = ruw.get("beschrijving")
    if not isinstance(beschrijving, str) or not beschrijving.strip():
        raise ParameterFout(bestand, pad + ".beschrijving", "beschrijving ontbreekt.")
    eenheid = ruw.get("eenheid")
    if eenheid is None:
        raise ParameterFout(bestand, pad + ".eenheid", "eenheid ontbreekt.")
    if eenheid not in EENHEDEN:
        raise ParameterFout(
            bestand,
            pad + ".eenheid",
            f"onbekende eenheid '{eenheid}'; kies uit {sorted(EENHEDEN)}.",
        )
    waarden_ruw = ruw.get("waarden")
    if not isinstance(waarden_ruw, dict) or not waarden_ruw:
        raise ParameterFout(
            bestand, pad + ".waarden", "waarden met een datum (geldig vanaf) ontbreken."
        )
    waarden: list[Waarde] = []
    for sleutel, item in waarden_ruw.items():
        datum = _datum(sleutel, bestand, pad)
        wpad = f"{pad}.waarden.{datum.isoformat()}"
        if not isinstance(item, dict):
            raise ParameterFout(bestand, wpad, "verwacht waarde, bron en zekerheid.")
        onbekend = set(item) - _WAARDE_SLEUTELS
        if onbekend:
            raise ParameterFout(bestand, wpad, f"onbekende sleutel(s): {sorted(onbekend)}.")
        if "waarde" not in item:
            raise ParameterFout(bestand, wpad + ".waarde", "waarde ontbreekt.")
        w = item["waarde"]
        if w is not None and (isinstance(w, bool) or not isinstance(w, (int, float))):
            raise ParameterFout(bestand, wpad + ".waarde", f"'{w}' is geen getal.")
        if eenheid == "ja/nee" and w is not None and w not in (0, 1):
            raise ParameterFout(
                bestand, wpad + ".waarde", f"'{w}': eenheid ja/nee verwacht 1 (ja) of 0 (nee)."
            )
        zekerheid = item.get("zekerheid")
        if zekerheid not in ZEKERHEDEN:
            raise ParameterFout(
                bestand, wpad + ".zekerheid", f"zekerheid moet een van {ZEKERHEDEN} zijn."
            )
        toelichting = item.get("toelichting")
        if zekerheid != "hoog" and not (isinstance(toelichting, str) and toelichting.strip()):
            raise ParameterFout(
                bestand,
                wpad + ".toelichting",
                "bij zekerheid midden of laag is een toelichting verplicht.",
            )
        waarden.append(
            Waarde(
                geldig_vanaf=datum,
                waarde=None if w is None else Decimal(str(w)),
                bronnen=_bronnen(item.get("bron"), bestand, wpad),
                zekerheid=str(zekerheid),
                toelichting=toelichting if isinstance(toelichting, str) else None,
            )
        )
    waarden.sort(key=lambda x: x.geldig_vanaf)
    return Parameter(pad, beschrijving.strip(), str(eenheid), tuple(waarden), bestand)


def lees_bestand(pad_bestand: Path, prefix: str) -> dict[str, Parameter]:
    """Read and check one parameter file. ``prefix`` is its dotted path (e.g. 'zorgtoeslag')."""
    bestand = str(pad_bestand)
    try:
        with pad_bestand.open(encoding="utf-8") as fh:
            ruw: Any = yaml.safe_load(fh)
    except yaml.YAMLError as exc:
        raise ParameterFout(bestand, "-", f"geen geldige YAML: {exc}") from exc
    if not isinstance(ruw, dict):
        raise ParameterFout(bestand, "-", "verwacht een mapping met beschrijving en parameters.")
    onbekend = set(ruw) - _BESTAND_SLEUTELS
    if onbekend:
        raise ParameterFout(bestand, "-", f"onbekende sleutel(s): {sorted(onbekend)}.")
    if not isinstance(ruw.get("beschrijving"), str):
        raise ParameterFout(bestand, "beschrijving", "beschrijving van het bestand ontbreekt.")
    params = ruw.get("parameters")
    if not isinstance(params, dict) or not params:
        raise ParameterFout(bestand, "parameters", "geen parameters gevonden.")
    return {
        f"{prefix}.{naam}": _lees_parameter(str(naam), item, bestand, prefix)
        for naam, item in params.items()
    }


def lees_map(map_: Path) -> dict[str, Parameter]:
    """All national parameter files under ``map_`` (the municipal layer is read elsewhere)."""
    alles: dict[str, Parameter] = {}
    for pad_bestand in sorted(map_.rglob("*.yaml")):
        relatief = pad_bestand.relative_to(map_)
        if relatief.parts[0] == "gemeenten":
            continue
        prefix = ".".join(relatief.with_suffix("").parts)
        alles.update(lees_bestand(pad_bestand, prefix))
    return alles


@lru_cache(maxsize=1)
def parameterboom() -> dict[str, Parameter]:
    """The national parameter tree, read and checked once per process."""
    return lees_map(PARAMETER_MAP)
