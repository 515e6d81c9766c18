"""Reading matches: clients and vacancies as matching profiles, and the ranked matches.

`passende_vacatures(klant)` and `passende_klanten(vacature, klanten)` are the interface other
apps call (e.g. bemiddeling, to propose a candidate): both return `Match` objects with the
reasons in plain Dutch. They decide nothing about access: the caller passes a client or a queryset
it got from `accounts.toegang`, and logs the reads of personal data it shows.
"""

import threading
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, Max, QuerySet

from opstap.klanten.models import Klant
from opstap.werkgevers.models import Vacature

from . import matching

TOP_K = 10


@dataclass(frozen=True)
class Match:
    klant: Klant
    vacature: Vacature
    score: float
    redenen: list[str]
    regelen: list[str]
    reis: matching.Reis | None

    @property
    def vacature_id(self) -> int:
        return self.vacature.pk


def _lijst(waarde: object) -> tuple[str, ...]:
    if not isinstance(waarde, list):
        return ()
    return tuple(str(w) for w in waarde if str(w).strip())


def klant_profiel(klant: Klant, *, heeft_kinderen: bool | None = None) -> matching.KlantProfiel:
    if heeft_kinderen is None:
        aantal = getattr(klant, "aantal_kinderen", None)
        heeft_kinderen = bool(aantal) if aantal is not None else klant.kinderen.exists()
    return matching.KlantProfiel(
        id=klant.pk,
        alleen_schooltijden=klant.alleen_schooltijden,
        heeft_auto=klant.heeft_auto,
        fysiek_beperkt=bool(klant.fysiek_beperkt),
        max_uren=klant.max_uren_per_week,
        breedtegraad=klant.breedtegraad,
        lengtegraad=klant.lengtegraad,
        gewenste_beroepen=_lijst(klant.gewenste_beroepen),
        mogelijke_beroepen=_lijst(klant.mogelijke_beroepen),
        ervaring=_lijst(klant.ervaring),
        vaardigheden=_lijst(klant.vaardigheden),
        interesses=_lijst(klant.interesses),
        heeft_kinderen=heeft_kinderen,
    )


def vacature_profiel(vacature: Vacature) -> matching.VacatureProfiel:
    return matching.VacatureProfiel(
        id=vacature.pk,
        uren_min=vacature.uren_per_week_min,
        uren_max=vacature.uren_per_week_max,
        binnen_schooltijden=vacature.binnen_schooltijden,
        avond_weekend=vacature.avond_weekend,
        bereikbaar_zonder_auto=vacature.bereikbaar_zonder_auto,
        fysiek_zwaar=vacature.fysiek_zwaar,
        parttime_mogelijk=vacature.parttime_mogelijk,
        beroep=vacature.beroep,
        vaardigheden=_lijst(vacature.vaardigheden),
        taalniveau=vacature.taalniveau,
        breedtegraad=vacature.breedtegraad,
        lengtegraad=vacature.lengtegraad,
    )


def open_vacatures(gemeente_id: int) -> QuerySet[Vacature]:
    return Vacature.objects.filter(gemeente_id=gemeente_id, open=True).select_related("werkgever")


# One index per municipality, rebuilt when a vacancy is added, changed, closed or removed.
_INDEXEN: dict[int, tuple[tuple[object, ...], matching.VacatureIndex, dict[int, Vacature]]] = {}
_SLOT = threading.Lock()


def vacature_index(gemeente_id: int) -> tuple[matching.VacatureIndex, dict[int, Vacature]]:
    vacatures = open_vacatures(gemeente_id)
    stand = vacatures.aggregate(n=Count("id"), laatst=Max("gewijzigd"), hoogst=Max("id"))
    sleutel = (stand["n"], stand["laatst"], stand["hoogst"])
    with _SLOT:
        bewaard = _INDEXEN.get(gemeente_id)
    if bewaard is not None and bewaard[0] == sleutel:
        return bewaard[1], bewaard[2]
    per_id = {v.pk: v for v in vacatures}
    index = matching.VacatureIndex([vacature_profiel(v) for v in per_id.values()])
    with _SLOT:
        _INDEXEN[gemeente_id] = (sleutel, index, per_id)
    return index, per_id


def passende_vacatures(klant: Klant, k: int = TOP_K) -> list[Match]:
    """The k best open vacancies of the client's municipality, hard constraints respected."""
    index, per_id = vacature_index(klant.gemeente_id)
    return [
        Match(klant, per_id[m.vacature_id], m.score, m.redenen, m.regelen, m.reis)
        for m in index.voor_klant(klant_profiel(klant), k)
    ]


def beoordeling(klant: Klant, vacature: Vacature) -> tuple[list[str], list[str], list[str]]:
    """For one vacancy the client opened: (bezwaren, redenen, regelen). No bezwaren: it fits."""
    kp, vp = klant_profiel(klant), vacature_profiel(vacature)
    reis = matching.reis(kp, vp)
    redenen, regelen = matching.redenen_en_regelen(kp, vp, reis)
    return matching.bezwaren(kp, vp), redenen, regelen


def passende_klanten(vacature: Vacature, klanten_qs: Iterable[Klant]) -> list[Match]:
    """The clients (from a queryset the caller may see) for whom this vacancy is a match, best
    first. Physical limits are encrypted, so this reads them in Python for the given clients."""
    if isinstance(klanten_qs, QuerySet):
        klanten_qs = klanten_qs.annotate(aantal_kinderen=Count("kinderen"))
    klanten = list(klanten_qs)
    per_id = {k.pk: k for k in klanten}
    uitkomst = matching.passende_klanten(
        vacature_profiel(vacature), [klant_profiel(k) for k in klanten]
    )
    return [
        Match(per_id[m.klant_id], vacature, m.score, m.redenen, m.regelen, m.reis) for m in uitkomst
    ]


def aantal_passende_klanten(vacature: Vacature) -> int:
    """How many clients of the municipality match: a number for the temp agency, nobody named."""
    klanten = Klant.objects.filter(gemeente_id=vacature.gemeente_id)
    return len(passende_klanten(vacature, klanten))


def wensen_begin(klant: Klant) -> dict[str, object]:
    """A client's work wishes as a form's initial values."""
    return {
        "alleen_schooltijden": klant.alleen_schooltijden,
        "heeft_auto": klant.heeft_auto,
        "fysiek_beperkt": bool(klant.fysiek_beperkt),
        "max_uren_per_week": klant.max_uren_per_week,
        "gewenste_beroepen": klant.gewenste_beroepen,
        "mogelijke_beroepen": klant.mogelijke_beroepen,
        "vaardigheden": klant.vaardigheden,
        "interesses": klant.interesses,
        "ervaring": klant.ervaring,
    }
