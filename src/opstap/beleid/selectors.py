"""Aggregates for policy staff. Small groups are suppressed so no one can be singled out."""

from dataclasses import dataclass

from django.db.models import Count, QuerySet

from opstap.accounts.models import Gebruiker
from opstap.gemeenten.models import Gemeente
from opstap.klanten.keuzes import TREDE_GROEP, DrempelGroep, Fase
from opstap.klanten.models import Drempel, Klant

from .models import Doorrekening

# Cells with fewer people than this are shown as "< 10", as CBS does for small numbers.
MINIMALE_CELGROOTTE = 10


@dataclass(frozen=True)
class Cel:
    label: str
    aantal: int | None  # None: suppressed

    @property
    def weergave(self) -> str:
        return f"< {MINIMALE_CELGROOTTE}" if self.aantal is None else str(self.aantal)


def toonbaar_aantal(aantal: int) -> int | None:
    """A count that may be shown: 0 or at least the minimum cell size, else suppressed (None)."""
    return aantal if aantal == 0 or aantal >= MINIMALE_CELGROOTTE else None


def _cel(label: str, aantal: int) -> Cel:
    return Cel(label, toonbaar_aantal(aantal))


def bestandsbeeld(gemeente: Gemeente) -> dict[str, object]:
    klanten = Klant.objects.filter(gemeente=gemeente)
    per_trede = dict(
        klanten.values_list("trede").annotate(n=Count("id")).values_list("trede", "n")
    )
    trede_groepen = {groep: 0 for groep in TREDE_GROEP}
    for trede, aantal in per_trede.items():
        trede_groepen[trede.split(".")[0]] += aantal
    per_fase = dict(klanten.values("fase").annotate(n=Count("id")).values_list("fase", "n"))
    drempels = Drempel.objects.filter(klant__gemeente=gemeente, opgelost_op__isnull=True)
    from opstap.klanten.keuzes import DREMPEL_GROEP_VAN, DrempelSoort

    # The kind of barrier is encrypted, so it is counted here, not in SQL (distinct clients).
    klanten_per_soort: dict[str, set[int]] = {s: set() for s in DrempelSoort.values}
    per_groep: dict[str, set[int]] = {g: set() for g in DrempelGroep.values}
    for soort, klant_id in drempels.values_list("soort", "klant_id"):
        klanten_per_soort.setdefault(soort, set()).add(klant_id)
        per_groep[DREMPEL_GROEP_VAN[soort]].add(klant_id)
    per_soort = {soort: len(ids) for soort, ids in klanten_per_soort.items()}
    return {
        "totaal": _cel("Totaal", klanten.count()),
        "trede": [_cel(f"{g}: {TREDE_GROEP[g]}", n) for g, n in trede_groepen.items()],
        "fase": [_cel(str(label), per_fase.get(waarde, 0)) for waarde, label in Fase.choices],
        "drempelgroep": [_cel(str(DrempelGroep(g).label), len(ids)) for g, ids in per_groep.items()],
        "drempel": [_cel(str(label), per_soort.get(waarde, 0)) for waarde, label in DrempelSoort.choices],
        "minimale_celgrootte": MINIMALE_CELGROOTTE,
    }


def doorrekeningen_van(gebruiker: Gebruiker) -> QuerySet[Doorrekening]:
    """The recalculations of the user's own municipality (policy staff only reach this)."""
    if gebruiker.gemeente_id is None:
        return Doorrekening.objects.none()
    return Doorrekening.objects.filter(gemeente_id=gebruiker.gemeente_id).select_related("gestart_door")


@dataclass(frozen=True)
class DoorrekeningRij:
    uren: int
    gemiddeld: float | None
    met_bijstand: int | None
    variant_gemiddeld: float | None = None
    verschil: float | None = None
    variant_met_bijstand: int | None = None
    beter_af: int | None = None
    slechter_af: int | None = None


TABEL_UREN = (0, 4, 8, 12, 16, 20, 24, 28, 32, 36, 40)


def doorrekening_tabel(d: Doorrekening) -> list[DoorrekeningRij]:
    """Rows for every fourth hour: enough to read, the API has all 41 levels."""
    r = d.resultaat or {}
    if "basis" not in r:
        return []
    basis, variant = r["basis"], r.get("variant")
    rijen = []
    for uren in TABEL_UREN:
        i = r["uren"].index(uren)
        extra = {}
        if variant:
            extra = {
                "variant_gemiddeld": variant["gemiddeld_totaal_per_maand"][i],
                "verschil": variant["gemiddeld_verschil_per_maand"][i],
                "variant_met_bijstand": variant["met_bijstand"][i],
                "beter_af": variant["beter_af"][i],
                "slechter_af": variant["slechter_af"][i],
            }
        rijen.append(DoorrekeningRij(uren=uren, gemiddeld=basis["gemiddeld_totaal_per_maand"][i],
                                     met_bijstand=basis["met_bijstand"][i], **extra))
    return rijen
