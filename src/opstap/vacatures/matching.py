"""Matching vacancies to clients: hard constraints never broken, soft criteria rank, every match
with its reasons in plain Dutch and what would need arranging.

Pure Python and numpy, no Django: `selectors.py` turns models into profiles. One client against
10,000 vacancies is one row of arrays; all clients go in blocks of rows (see bench/matching.py).

Hard constraints (a vacancy that breaks one is never a match):
- only within school hours → the job is within school hours and has no evening or weekend work;
- no car → the vacancy is reachable without a car (the employer says so);
- physically limited → the job is not physically heavy;
- maximum hours → the fewest hours the job asks (its maximum when part-time is not possible) are
  at most the client's maximum;
- when both locations are known: the journey takes at most `MAX_REISTIJD_MIN` minutes.

Soft criteria (the ranking): the occupation is one the client wishes, put on the list of possible
occupations with the contact person, or has worked in; shared skills; interests; travel time.

Travel time is a documented simple model, computed locally from the straight-line distance
(haversine) times a detour factor of 1.3: cycling 15 km/h (up to 10 km), bus or train 25 km/h plus
10 minutes to walk to the stop and wait, car 50 km/h plus 5 minutes. Without a car the faster of
cycling and public transport counts; with a car the faster of cycling and the car. Places within
3 km are described by their distance. It is an estimate, and the reasons say so plainly.
"""

import math
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

AARDSTRAAL_KM = 6371.0
OMWEG = 1.3
MAX_REISTIJD_MIN = 60
STANDAARD_MAX_UREN = 40
DICHTBIJ_KM = 3.0

# (name, speed km/h, fixed minutes, longest distance km) of each way to travel.
FIETS = ("fiets", 15.0, 0.0, 10.0)
BUS = ("bus", 25.0, 10.0, float("inf"))
AUTO = ("auto", 50.0, 5.0, float("inf"))
VERVOER = [FIETS, BUS, AUTO]  # walking is never faster than cycling: not a choice

# Weights of the soft criteria.
GEWICHT_WENS = 3.0  # an occupation the client wishes, or on the list made with the contact person
GEWICHT_ERVARING = 2.0
GEWICHT_VAARDIGHEID = 1.0
GEWICHT_INTERESSE = 1.0
VACATURE_BEROEP = 1.0
VACATURE_VAARDIGHEID = 0.6
STRAF_PER_HALF_UUR = 1.0
STRAF_ONBEKEND = 1.0
HOGE_TAALNIVEAUS = ("B2", "C1", "C2")


def _woord(tekst: str) -> str:
    return " ".join(tekst.lower().split())


@dataclass(frozen=True)
class KlantProfiel:
    id: int
    alleen_schooltijden: bool = False
    heeft_auto: bool = False
    fysiek_beperkt: bool = False
    max_uren: int | None = None
    breedtegraad: float | None = None
    lengtegraad: float | None = None
    gewenste_beroepen: tuple[str, ...] = ()
    mogelijke_beroepen: tuple[str, ...] = ()
    ervaring: tuple[str, ...] = ()
    vaardigheden: tuple[str, ...] = ()
    interesses: tuple[str, ...] = ()
    heeft_kinderen: bool = False

    @property
    def uren_grens(self) -> int:
        return self.max_uren if self.max_uren is not None else STANDAARD_MAX_UREN


@dataclass(frozen=True)
class VacatureProfiel:
    id: int
    uren_min: int
    uren_max: int
    binnen_schooltijden: bool = False
    avond_weekend: bool = False
    bereikbaar_zonder_auto: bool = True
    fysiek_zwaar: bool = False
    parttime_mogelijk: bool = True
    beroep: str = ""
    vaardigheden: tuple[str, ...] = ()
    taalniveau: str = "B1"
    breedtegraad: float | None = None
    lengtegraad: float | None = None

    @property
    def minste_uren(self) -> int:
        """The fewest hours the job can be done in: its minimum, or its maximum when part-time
        is not possible."""
        return self.uren_min if self.parttime_mogelijk else self.uren_max


@dataclass(frozen=True)
class Reis:
    afstand_km: float
    minuten: int
    vervoer: str  # fiets, bus, auto
    precies: float = 0.0  # minutes before rounding: what the limit is checked against


@dataclass(frozen=True)
class Match:
    klant_id: int
    vacature_id: int
    score: float
    redenen: list[str] = field(default_factory=list)
    regelen: list[str] = field(default_factory=list)
    reis: Reis | None = None


# --- travel -------------------------------------------------------------------------------------


def afstand_km(
    lat1: npt.ArrayLike, lon1: npt.ArrayLike, lat2: npt.ArrayLike, lon2: npt.ArrayLike
) -> npt.NDArray[np.float64]:
    """Haversine distance in km (broadcasts; NaN where a location is unknown)."""
    f1, f2 = np.radians(lat1), np.radians(lat2)
    dlat = f2 - f1
    dlon = np.radians(lon2) - np.radians(lon1)
    a = np.sin(dlat / 2) ** 2 + np.cos(f1) * np.cos(f2) * np.sin(dlon / 2) ** 2
    return 2 * AARDSTRAAL_KM * np.arcsin(np.sqrt(np.clip(a, 0, 1)))  # type: ignore[no-any-return]


def _snelste_minuten(
    afstand: npt.NDArray[np.float32], auto: npt.NDArray[np.bool_]
) -> npt.NDArray[np.float32]:
    """The travel model (see `reis`), only the minutes, for a whole block at once: the fastest
    of the bike and the bus (no car) or the car. The bike's limit never bites here, because the
    other way is faster well before it (checked below), so it is two lines per client."""
    f = np.float32
    vast = np.where(auto, f(AUTO[2]), f(BUS[2])).astype(np.float32)
    per_km = np.where(auto, f(OMWEG * 60.0 / AUTO[1]), f(OMWEG * 60.0 / BUS[1])).astype(np.float32)
    anders = afstand * per_km
    anders += vast
    fiets = afstand * f(OMWEG * 60.0 / FIETS[1])
    np.minimum(anders, fiets, out=anders)
    return anders  # NaN (unknown) stays NaN


def _kruispunt(snel: tuple[str, float, float, float]) -> float:
    """Distance (km) above which `snel` beats the bike."""
    fiets = OMWEG * 60.0 / FIETS[1]
    return snel[2] / (fiets - OMWEG * 60.0 / snel[1])


assert max(_kruispunt(BUS), _kruispunt(AUTO)) < FIETS[3]  # the block formula above relies on it


def reis(klant: KlantProfiel, vacature: VacatureProfiel) -> Reis | None:
    """The journey for one pair (plain Python: the same formulas as the arrays, for one pair)."""
    if (
        klant.breedtegraad is None
        or klant.lengtegraad is None
        or vacature.breedtegraad is None
        or vacature.lengtegraad is None
    ):
        return None
    f1, f2 = math.radians(klant.breedtegraad), math.radians(vacature.breedtegraad)
    a = (
        math.sin((f2 - f1) / 2) ** 2
        + math.cos(f1)
        * math.cos(f2)
        * math.sin(math.radians(vacature.lengtegraad - klant.lengtegraad) / 2) ** 2
    )
    d = 2 * AARDSTRAAL_KM * math.asin(min(1.0, math.sqrt(a)))
    beste = min(
        (vast + d * OMWEG / snelheid * 60.0, naam)
        for naam, snelheid, vast, grens in VERVOER
        if d <= grens and (naam != "auto" or klant.heeft_auto)
    )
    return Reis(d, int(round(beste[0])), beste[1], beste[0])


# --- the rules, one pair at a time (for pages and tests) -----------------------------------------


def bezwaren(klant: KlantProfiel, vacature: VacatureProfiel) -> list[str]:
    """Why this vacancy is not a match for this client (hard constraints), in plain Dutch.
    Empty: nothing stands in the way."""
    uit = []
    if klant.alleen_schooltijden and (not vacature.binnen_schooltijden or vacature.avond_weekend):
        uit.append(
            "Dit werk is ook 's avonds of in het weekend"
            if vacature.avond_weekend
            else "Dit werk is niet alleen onder schooltijd"
        )
    if not klant.heeft_auto and not vacature.bereikbaar_zonder_auto:
        uit.append("Je hebt een auto nodig om er te komen")
    if klant.fysiek_beperkt and vacature.fysiek_zwaar:
        uit.append("Dit werk is lichamelijk zwaar")
    if vacature.minste_uren > klant.uren_grens:
        uit.append(
            f"Dit werk is minstens {vacature.minste_uren} uur per week; "
            f"jij werkt hoogstens {klant.uren_grens} uur"
        )
    r = reis(klant, vacature)
    if r is not None and r.precies > MAX_REISTIJD_MIN:
        uit.append(f"De reis duurt te lang: ongeveer {r.minuten} minuten")
    return uit


def _km(afstand: float) -> str:
    if afstand < 1:
        return f"{max(100, round(afstand * 1000, -2)):.0f} meter van huis"
    return f"{afstand:.1f}".replace(".", ",").replace(",0", "") + " km van huis"


def reis_tekst(r: Reis | None) -> str:
    if r is None:
        return "Reistijd onbekend: het adres ontbreekt nog"
    if r.afstand_km <= DICHTBIJ_KM:
        return _km(r.afstand_km)
    wijze = {"fiets": "met de fiets", "bus": "met de bus", "auto": "met de auto"}
    return f"{wijze[r.vervoer]} {max(r.minuten, 1)} minuten"


def _gedeeld(a: Sequence[str], b: Sequence[str]) -> list[str]:
    bw = {_woord(x) for x in b}
    return [x for x in a if _woord(x) in bw]


def redenen_en_regelen(
    klant: KlantProfiel, vacature: VacatureProfiel, r: Reis | None
) -> tuple[list[str], list[str]]:
    """The plain reasons a vacancy fits, and what would need arranging."""
    redenen: list[str] = []
    regelen: list[str] = []
    beroep = _woord(vacature.beroep)
    if beroep:
        if beroep in {_woord(b) for b in klant.gewenste_beroepen}:
            redenen.append(f"Je wilt graag werken als {vacature.beroep.lower()}")
        elif beroep in {_woord(b) for b in klant.mogelijke_beroepen}:
            redenen.append(
                f"{vacature.beroep.capitalize()} staat op je lijst met mogelijke beroepen"
            )
        if beroep in {_woord(b) for b in klant.ervaring}:
            redenen.append(f"Je hebt al gewerkt als {vacature.beroep.lower()}")
    kan = _gedeeld(vacature.vaardigheden, klant.vaardigheden)
    if kan:
        redenen.append("Je kunt al: " + ", ".join(kan))
    leuk = _gedeeld([vacature.beroep, *vacature.vaardigheden], klant.interesses)
    if leuk:
        redenen.append("Past bij wat je leuk vindt: " + ", ".join(x.lower() for x in leuk))
    if vacature.binnen_schooltijden and not vacature.avond_weekend:
        redenen.append("Binnen schooltijd")
    if klant.fysiek_beperkt and not vacature.fysiek_zwaar:
        redenen.append("Geen zwaar tilwerk")
    redenen.append(reis_tekst(r))
    if vacature.uren_min == vacature.uren_max:
        uren = f"{vacature.uren_min} uur per week"
    else:
        uren = f"{vacature.uren_min} tot {vacature.uren_max} uur per week"
    if klant.max_uren is not None:
        redenen.append(f"{uren}: past bij jouw hoogstens {klant.max_uren} uur")
    else:
        redenen.append(uren)
    if vacature.parttime_mogelijk and vacature.uren_min < vacature.uren_max:
        redenen.append("Parttime kan")
    # What would need arranging.
    if klant.heeft_kinderen and not vacature.binnen_schooltijden:
        regelen.append("Opvang voor je kinderen buiten schooltijd")
    if vacature.avond_weekend:
        regelen.append("Werk in de avond of het weekend: vervoer en opvang op die tijden")
    if r is not None and not klant.heeft_auto and r.vervoer == "bus":
        regelen.append("Een bus- of treinabonnement (vraag naar een reiskostenvergoeding)")
    if r is not None and r.vervoer == "fiets" and r.minuten > 20:
        regelen.append("Een goede fiets")
    if vacature.taalniveau.upper() in HOGE_TAALNIVEAUS:
        regelen.append(
            f"Taalniveau {vacature.taalniveau.upper()} gevraagd: misschien een taalcursus"
        )
    return redenen, regelen


# --- many at once ------------------------------------------------------------------------------


def _gewichten(klant: KlantProfiel) -> dict[str, float]:
    w: dict[str, float] = {}
    for termen, gewicht in (
        (klant.interesses, GEWICHT_INTERESSE),
        (klant.vaardigheden, GEWICHT_VAARDIGHEID),
        (klant.ervaring, GEWICHT_ERVARING),
        (klant.mogelijke_beroepen, GEWICHT_WENS),
        (klant.gewenste_beroepen, GEWICHT_WENS),
    ):
        for t in termen:
            woord = _woord(t)
            if woord:
                w[woord] = max(w.get(woord, 0.0), gewicht)
    return w


def _coordinaat(waarde: float | None) -> float:
    return float("nan") if waarde is None else float(waarde)


class VacatureIndex:
    """The vacancies as arrays, built once and asked many times."""

    def __init__(self, vacatures: Sequence[VacatureProfiel]) -> None:
        self.vacatures = list(vacatures)
        n = len(self.vacatures)
        self.ids = np.array([v.id for v in self.vacatures], dtype=np.int64)
        self.per_id = {v.id: v for v in self.vacatures}
        self.termen: dict[str, int] = {}
        rijen: list[int] = []
        kolommen: list[int] = []
        waarden: list[float] = []
        for i, v in enumerate(self.vacatures):
            gezien: dict[int, float] = {}
            for woord, gewicht in [(v.beroep, VACATURE_BEROEP)] + [
                (s, VACATURE_VAARDIGHEID) for s in v.vaardigheden
            ]:
                w = _woord(woord)
                if not w:
                    continue
                j = self.termen.setdefault(w, len(self.termen))
                gezien[j] = max(gezien.get(j, 0.0), gewicht)
            for j, g in gezien.items():
                rijen.append(i)
                kolommen.append(j)
                waarden.append(g)
        # Terms x vacancies, so a block of clients times this matrix scores every pair at once.
        self.termmatrix = np.zeros((max(len(self.termen), 1), n), dtype=np.float32)
        self.termmatrix[kolommen, rijen] = waarden
        self.lat = np.array([_coordinaat(v.breedtegraad) for v in self.vacatures], dtype=np.float64)
        self.lon = np.array([_coordinaat(v.lengtegraad) for v in self.vacatures], dtype=np.float64)
        self.half_lat = (np.radians(self.lat) / 2).astype(np.float32)
        self.half_lon = (np.radians(self.lon) / 2).astype(np.float32)
        self.cos_lat = np.cos(np.radians(self.lat)).astype(np.float32)
        self.minste_uren = np.array([v.minste_uren for v in self.vacatures], dtype=np.int16)
        self.schooltijd_ok = np.array(
            [v.binnen_schooltijden and not v.avond_weekend for v in self.vacatures], dtype=bool
        )
        self.zonder_auto = np.array([v.bereikbaar_zonder_auto for v in self.vacatures], dtype=bool)
        self.zwaar = np.array([v.fysiek_zwaar for v in self.vacatures], dtype=bool)
        self._maskers: dict[tuple[bool, bool, bool, int], npt.NDArray[np.bool_]] = {}
        self.bonus = np.array(
            [0.2 * (v.parttime_mogelijk and v.uren_min < v.uren_max) for v in self.vacatures],
            dtype=np.float32,
        )

    def __len__(self) -> int:
        return len(self.vacatures)

    def _klantmatrix(self, klanten: Sequence[KlantProfiel]) -> npt.NDArray[np.float32]:
        m = np.zeros((len(klanten), self.termmatrix.shape[0]), dtype=np.float32)
        for i, k in enumerate(klanten):
            for woord, gewicht in _gewichten(k).items():
                j = self.termen.get(woord)
                if j is not None:
                    m[i, j] = gewicht
        return m

    def scores(
        self, klanten: Sequence[KlantProfiel]
    ) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.float32]]:
        """Scores (clients x vacancies; -inf where a hard constraint is broken) and travel minutes
        (NaN where a location is unknown)."""
        score, minuten = self._score(klanten, None)
        np.copyto(score, np.float32(-np.inf), where=~self._soortmaskers(klanten))
        return score, minuten

    def _score(
        self, klanten: Sequence[KlantProfiel], kolommen: npt.NDArray[np.intp] | None
    ) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.float32]]:
        """Scores against all vacancies or the given columns, with the travel limit applied
        (-inf); the other hard constraints are the caller's (a mask, or choosing the columns)."""
        auto = np.array([k.heeft_auto for k in klanten], dtype=bool)[:, None]
        afstand = self._afstanden(klanten, kolommen)
        minuten = _snelste_minuten(afstand, auto)
        straf = np.nan_to_num(minuten, nan=30.0 * STRAF_ONBEKEND / STRAF_PER_HALF_UUR)
        straf *= np.float32(STRAF_PER_HALF_UUR / 30.0)
        termen = self.termmatrix if kolommen is None else self.termmatrix[:, kolommen]
        score = self._klantmatrix(klanten) @ termen
        score += self.bonus if kolommen is None else self.bonus[kolommen]
        score -= straf
        # NaN (a location unknown) is not too far: the comparison is False for NaN.
        np.copyto(score, np.float32(-np.inf), where=minuten > MAX_REISTIJD_MIN)
        return score, minuten

    def _soortmasker(
        self, school: bool, auto: bool, beperkt: bool, uren: int
    ) -> npt.NDArray[np.bool_]:
        """The vacancies a client of this kind may get, before travel: the hard constraints."""
        sleutel = (school, auto, beperkt, uren)
        masker = self._maskers.get(sleutel)
        if masker is None:
            masker = self.minste_uren <= uren
            if school:
                masker &= self.schooltijd_ok
            if not auto:
                masker &= self.zonder_auto
            if beperkt:
                masker &= ~self.zwaar
            self._maskers[sleutel] = masker
        return masker

    def _soortmaskers(self, klanten: Sequence[KlantProfiel]) -> npt.NDArray[np.bool_]:
        """Clients x vacancies: allowed by the hard constraints other than travel. Clients come
        in few kinds (school hours, car, physical limit, maximum hours), so one row per kind."""
        return np.stack(
            [
                self._soortmasker(
                    k.alleen_schooltijden, k.heeft_auto, k.fysiek_beperkt, k.uren_grens
                )
                for k in klanten
            ]
        )

    def _afstanden(
        self, klanten: Sequence[KlantProfiel], kolommen: npt.NDArray[np.intp] | None = None
    ) -> npt.NDArray[np.float32]:
        """Haversine distances (km), clients x vacancies, in float32 and in place: the half
        angles and cosines of the vacancies are computed once (error well under a metre)."""
        f = np.float32
        half_lat, half_lon, cos_lat = self.half_lat, self.half_lon, self.cos_lat
        if kolommen is not None:
            half_lat, half_lon, cos_lat = half_lat[kolommen], half_lon[kolommen], cos_lat[kolommen]
        lat = np.radians([_coordinaat(k.breedtegraad) for k in klanten])
        lon = np.radians([_coordinaat(k.lengtegraad) for k in klanten])
        a = np.subtract(half_lat, (lat / 2).astype(f)[:, None])
        np.sin(a, out=a)
        a *= a
        b = np.subtract(half_lon, (lon / 2).astype(f)[:, None])
        np.sin(b, out=b)
        b *= b
        b *= cos_lat
        b *= np.cos(lat).astype(f)[:, None]
        a += b
        np.sqrt(a, out=a)
        np.minimum(a, f(1.0), out=a)
        np.arcsin(a, out=a)
        a *= f(2 * AARDSTRAAL_KM)
        return a

    def beste_ids(
        self, klanten: Sequence[KlantProfiel], k: int = 10, blok: int = 256, draden: int = 2
    ) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float32]]:
        """Top k vacancy ids per client (-1 where fewer than k match), best first.

        Clients are grouped by kind (school hours, car, physical limit, maximum hours); each kind
        is scored only against the vacancies its hard constraints allow, in blocks of clients,
        on `draden` threads (numpy lets go of the GIL for the array work)."""
        k = min(k, len(self))
        ids = np.full((len(klanten), k), -1, dtype=np.int64)
        beste = np.full((len(klanten), k), -np.inf, dtype=np.float32)
        if k == 0 or not klanten:
            return ids, beste
        soorten: dict[tuple[bool, bool, bool, int], list[int]] = {}
        for i, klant in enumerate(klanten):
            soort = (
                klant.alleen_schooltijden,
                klant.heeft_auto,
                klant.fysiek_beperkt,
                klant.uren_grens,
            )
            soorten.setdefault(soort, []).append(i)
        taken: list[tuple[npt.NDArray[np.intp], list[int]]] = []
        for soort, rijen in soorten.items():
            kolommen = np.flatnonzero(self._soortmasker(*soort))
            if kolommen.size:
                taken += [(kolommen, rijen[b : b + blok]) for b in range(0, len(rijen), blok)]

        def doe_blok(taak: tuple[npt.NDArray[np.intp], list[int]]) -> None:
            kolommen, rijen = taak
            score, _ = self._score([klanten[i] for i in rijen], kolommen)
            kk = min(k, score.shape[1])
            np.negative(score, out=score)
            top = np.argpartition(score, kk - 1, axis=1)[:, :kk]
            top_score = np.take_along_axis(score, top, axis=1)
            orde = np.argsort(top_score, axis=1, kind="stable")
            top = np.take_along_axis(top, orde, axis=1)
            top_score = -np.take_along_axis(top_score, orde, axis=1)
            ids[rijen, :kk] = np.where(np.isfinite(top_score), self.ids[kolommen[top]], -1)
            beste[rijen, :kk] = top_score

        if draden <= 1 or len(taken) <= 1:
            for taak in taken:
                doe_blok(taak)
        else:
            with ThreadPoolExecutor(max_workers=draden) as pool:
                list(pool.map(doe_blok, taken))
        return ids, beste

    def voor_klant(self, klant: KlantProfiel, k: int = 10) -> list[Match]:
        """The k best matches for one client, each with its reasons."""
        ids, scores = self.beste_ids([klant], k, draden=1)
        per_id = self.per_id
        uit = []
        for vid, score in zip(ids[0], scores[0], strict=True):
            if vid < 0:
                continue
            v = per_id[int(vid)]
            r = reis(klant, v)
            redenen, regelen = redenen_en_regelen(klant, v, r)
            uit.append(Match(klant.id, v.id, float(score), redenen, regelen, r))
        return uit


def passende_klanten(vacature: VacatureProfiel, klanten: Sequence[KlantProfiel]) -> list[Match]:
    """The clients for whom this vacancy is a match, best first, each with the reasons."""
    if not klanten:
        return []
    index = VacatureIndex([vacature])
    score, _ = index.scores(klanten)
    uit = []
    for klant, s in zip(klanten, score[:, 0], strict=True):
        if not np.isfinite(s):
            continue
        r = reis(klant, vacature)
        redenen, regelen = redenen_en_regelen(klant, vacature, r)
        uit.append(Match(klant.id, vacature.id, float(s), redenen, regelen, r))
    uit.sort(key=lambda m: (-m.score, m.klant_id))
    return uit
