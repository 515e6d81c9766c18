"""Aggregates for policy staff. Small groups are suppressed (onderdrukking.py) so no one can be singled out."""

from dataclasses import dataclass

from django.db.models import QuerySet

from opstap.accounts.models import Gebruiker
from opstap.gemeenten.models import Gemeente

from .models import Doorrekening
from .onderdrukking import MINIMALE_CELGROOTTE, VERBORGEN_TEKEN, weergave
from .telling import bestandsbeeld_nu
from .tijdreeks import INDELINGEN


@dataclass(frozen=True)
class Cel:
    label: str
    aantal: int | None  # None: suppressed

    @property
    def weergave(self) -> str:
        return weergave(self.aantal)


def bestandsbeeld(gemeente: Gemeente) -> dict[str, object]:
    """Today's caseload picture: the last point of the series in tijdreeks.py, so the page, the
    trends and the API show the same numbers (two sets of numbers on one day that differ by a
    small group would give that group away). Counted in the database (telling.py), the same
    cells as tijdreeks.py's last month."""
    nu = bestandsbeeld_nu(gemeente)
    beeld: dict[str, object] = {
        "totaal": Cel("Totaal", nu.totaal),
        "minimale_celgrootte": MINIMALE_CELGROOTTE,
        "verborgen_teken": VERBORGEN_TEKEN,
    }
    for indeling in INDELINGEN:
        beeld[indeling.sleutel] = [
            Cel(str(label), n)
            for (_c, label), n in zip(
                indeling.categorieen, nu.tabellen[indeling.sleutel], strict=True
            )
        ]
    return beeld


def doorrekeningen_van(gebruiker: Gebruiker) -> QuerySet[Doorrekening]:
    """The recalculations of the user's own municipality (policy staff only reach this)."""
    if gebruiker.gemeente_id is None:
        return Doorrekening.objects.none()
    return Doorrekening.objects.filter(gemeente_id=gebruiker.gemeente_id).select_related(
        "gestart_door"
    )


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
        rijen.append(
            DoorrekeningRij(
                uren=uren,
                gemiddeld=basis["gemiddeld_totaal_per_maand"][i],
                met_bijstand=basis["met_bijstand"][i],
                **extra,
            )
        )
    return rijen
