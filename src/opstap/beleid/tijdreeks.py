"""The caseload picture over time (F1): counts per month by trede, household type, age band,
work and hours, barriers, and outflow to work and falling back; phase for today only.

Every count goes through onderdrukking.py. Per month and per breakdown the cells split the
month's caseload, whose size is shown: complementary suppression per table (onderdruk_met_totaal),
so no hidden cell is the total minus the shown ones. The barrier tables have no known total (a
client can have several barriers); outflow and falling back are single counts. The tables of one
month share no cells, and no two published numbers differ by a hidden group (no inflow is
published, so the change in caseload from one month to the next does not give the outflow):
tests/beleid/test_tijdreeks.py attacks every month's tables together with linear programming.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import timezone
from django.utils.functional import Promise
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from opstap.gemeenten.models import Gemeente
from opstap.klanten.keuzes import (
    DREMPEL_GROEP_VAN,
    TREDE_GROEP,
    DrempelGroep,
    DrempelSoort,
    Fase,
    Huishouden,
)

from .onderdrukking import onderdruk, onderdruk_met_totaal, toonbaar_aantal
from .verloop import Klantverloop, verlopen_van

AANTAL_MAANDEN = 24

LEEFTIJDSBANDEN = (  # seed 003 looks at 45-55 and 55+ separately
    ("tot27", _("Jonger dan 27"), 0, 27),
    ("27tot45", _("27 tot 45 jaar"), 27, 45),
    ("45tot55", _("45 tot 55 jaar"), 45, 55),
    ("55plus", _("55 jaar en ouder"), 55, 200),
)
WERK = (
    ("geen", _("Geen baan")),
    ("oproep", _("Oproepcontract")),
    ("1tot12", _("Baan, 1 tot 12 uur per week")),
    ("12tot20", _("Baan, 12 tot 20 uur per week")),
    ("20tot28", _("Baan, 20 tot 28 uur per week")),
    ("28plus", _("Baan, 28 uur of meer per week")),
)


def leeftijd(geboren: date, dag: date) -> int:
    return dag.year - geboren.year - ((dag.month, dag.day) < (geboren.month, geboren.day))


def _leeftijdsband(v: Klantverloop, dag: date, vandaag: date) -> set[str]:
    jaren = leeftijd(v.geboortedatum, dag)
    return {s for s, _l, van, tot in LEEFTIJDSBANDEN if van <= jaren < tot}


def _werk(v: Klantverloop, dag: date, vandaag: date) -> set[str]:
    uren = v.uren_op(dag)
    if uren is None:
        return {"geen"}
    if uren < 0:
        return {"oproep"}
    for sleutel, grens in (("1tot12", 12), ("12tot20", 20), ("20tot28", 28)):
        if uren < grens:
            return {sleutel}
    return {"28plus"}


def _trede(v: Klantverloop, dag: date, vandaag: date) -> set[str]:
    trede = v.trede_nu if dag >= vandaag else v.trede_op(dag)
    return {trede.split(".")[0]}


def _open_drempels(v: Klantverloop, dag: date) -> set[str]:
    return {s for s, opgelost in v.drempels if opgelost is None or opgelost > dag}


@dataclass(frozen=True)
class Indeling:
    sleutel: str
    titel: str | Promise
    categorieen: tuple[tuple[str, str | Promise], ...]
    indelen: Callable[[Klantverloop, date, date], set[str]]
    deelt_totaal: bool = True  # the categories split the caseload (its size is shown)
    alleen_nu: bool = False  # no history: today only


INDELINGEN: tuple[Indeling, ...] = (
    Indeling(
        "trede",
        _("Trede"),
        tuple((g, format_lazy("{}: {}", g, label)) for g, label in TREDE_GROEP.items()),
        _trede,
    ),
    Indeling(
        "huishouden",
        _("Soort huishouden"),
        tuple(Huishouden.choices),
        lambda v, dag, vandaag: {v.huishouden},
    ),
    Indeling(
        "leeftijd",
        _("Leeftijd"),
        tuple((s, label) for s, label, _v, _t in LEEFTIJDSBANDEN),
        _leeftijdsband,
    ),
    Indeling("werk", _("Parttime werk en uren"), WERK, _werk),
    Indeling(
        "drempelgroep",
        _("Drempels per groep"),
        tuple(DrempelGroep.choices),
        lambda v, dag, vandaag: {str(DREMPEL_GROEP_VAN[s]) for s in _open_drempels(v, dag)},
        deelt_totaal=False,
    ),
    Indeling(
        "drempel",
        _("Per drempel"),
        tuple(DrempelSoort.choices),
        lambda v, dag, vandaag: _open_drempels(v, dag),
        deelt_totaal=False,
    ),
    Indeling(
        "fase",
        _("Fase van de klantreis"),
        tuple(Fase.choices),
        lambda v, dag, vandaag: {v.fase},
        alleen_nu=True,
    ),
)
INDELING = {i.sleutel: i for i in INDELINGEN}
GEBEURTENISSEN = (
    ("uitstroom", _("Uitgestroomd naar werk")),
    ("terugval", _("Teruggevallen")),
)


@dataclass(frozen=True)
class Maand:
    eerste: date  # the first day of the month
    peildag: date  # its last day, or today for the current month
    totaal: int | None  # the caseload that day
    tabellen: dict[str, list[int | None]]  # per breakdown, per category (None: hidden)
    gebeurtenissen: dict[str, int | None]  # outflow and falling back during the month


@dataclass(frozen=True)
class Bestandsbeeld:
    peildag: date
    maanden: list[Maand]

    @property
    def nu(self) -> Maand:
        return self.maanden[-1]


def maanden_tot(vandaag: date, aantal: int = AANTAL_MAANDEN) -> list[tuple[date, date]]:
    """(first day, day of the count) for the last `aantal` months, the current one up to today."""
    uit = []
    jaar, maand = vandaag.year, vandaag.month
    for _i in range(aantal):
        eerste = date(jaar, maand, 1)
        volgende = date(jaar + (maand == 12), maand % 12 + 1, 1)
        uit.append((eerste, min(volgende - timedelta(days=1), vandaag)))
        jaar, maand = (jaar - 1, 12) if maand == 1 else (jaar, maand - 1)
    return uit[::-1]


def _maand(verlopen: list[Klantverloop], eerste: date, peildag: date, vandaag: date) -> Maand:
    aanwezig = [v for v in verlopen if v.in_bestand(peildag)]
    totaal = len(aanwezig)
    totaal_getoond = toonbaar_aantal(totaal)
    tabellen: dict[str, list[int | None]] = {}
    for indeling in INDELINGEN:
        if indeling.alleen_nu and peildag < vandaag:
            continue
        tellingen = dict.fromkeys((c for c, _l in indeling.categorieen), 0)
        for v in aanwezig:
            for c in indeling.indelen(v, peildag, vandaag):
                tellingen[c] += 1
        cellen = list(tellingen.values())
        if totaal_getoond is None:  # a hidden caseload hides everything about it
            tabellen[indeling.sleutel] = [None] * len(cellen)
        elif indeling.deelt_totaal:
            tabellen[indeling.sleutel] = onderdruk_met_totaal(totaal, cellen)[1]
        else:
            tabellen[indeling.sleutel] = onderdruk(cellen, totaal_bekend=False)
    uit = sum(1 for v in verlopen if (d := v.uitstroom) is not None and eerste <= d <= peildag)
    terug = sum(1 for v in verlopen if any(eerste <= d <= peildag for d in v.terugvallen()))
    gebeurtenissen = {
        "uitstroom": toonbaar_aantal(uit) if totaal_getoond is not None else None,
        "terugval": toonbaar_aantal(terug) if totaal_getoond is not None else None,
    }
    return Maand(eerste, peildag, totaal_getoond, tabellen, gebeurtenissen)


def bestandsbeeld_in_de_tijd(
    gemeente: Gemeente, *, vandaag: date | None = None, aantal_maanden: int = AANTAL_MAANDEN
) -> Bestandsbeeld:
    dag = vandaag or timezone.localdate()
    verlopen = verlopen_van(gemeente)
    return Bestandsbeeld(
        peildag=dag,
        maanden=[_maand(verlopen, e, p, dag) for e, p in maanden_tot(dag, aantal_maanden)],
    )
