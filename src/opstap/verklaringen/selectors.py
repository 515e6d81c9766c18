"""Reading declarations for the client's pages: what is declared per month and job, what is still
to do and by when, the reminder on screen, and the paper form.

The deadline of month M is day `inkomstenverklaring_dag` of month M+1 (Gemeente.instellingen);
reminders go `inkomstenverklaring_herinnering_dagen` days before it; a paper form for month M goes
on the post on day `papierformulier_dag` of month M."""

import calendar
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.formats import date_format

from opstap.contact.selectors import Signaal
from opstap.gemeenten.models import Gemeente
from opstap.klanten.models import Klant
from opstap.werken.models import Baan

from .models import Inkomstenverklaring, Papierformulier

STANDAARD_DAG = 5
STANDAARD_HERINNERING_DAGEN = (3, 1)
STANDAARD_PAPIER_DAG = 25
TERUG_MAANDEN = 3  # open months older than this are the income desk's business, not a to-do


def _dag_in(maand: date, dag: int) -> date:
    return maand.replace(day=max(1, min(dag, calendar.monthrange(maand.year, maand.month)[1])))


def volgende_maand(maand: date) -> date:
    return (maand.replace(day=28) + timedelta(days=4)).replace(day=1)


def vorige_maand(maand: date) -> date:
    return (maand.replace(day=1) - timedelta(days=1)).replace(day=1)


def laatste_dag(maand: date) -> date:
    return volgende_maand(maand) - timedelta(days=1)


def _getal(gemeente: Gemeente, sleutel: str, standaard: int) -> int:
    waarde = gemeente.instelling(sleutel, standaard)
    try:
        return int(str(waarde))
    except ValueError:
        return standaard


def termijn(gemeente: Gemeente, maand: date) -> date:
    """The last day to declare month `maand`: that day of the next month."""
    return _dag_in(
        volgende_maand(maand), _getal(gemeente, "inkomstenverklaring_dag", STANDAARD_DAG)
    )


def herinnering_dagen(gemeente: Gemeente) -> list[int]:
    """How many days before the deadline a reminder goes, largest first (e.g. [3, 1])."""
    waarde = gemeente.instelling(
        "inkomstenverklaring_herinnering_dagen", STANDAARD_HERINNERING_DAGEN
    )
    lijst: list[object] = list(waarde) if isinstance(waarde, list | tuple) else [waarde]
    try:
        dagen = {int(str(d)) for d in lijst if 0 <= int(str(d)) <= 28}
    except ValueError:
        dagen = set(STANDAARD_HERINNERING_DAGEN)
    return sorted(dagen, reverse=True)


def papier_verzenddatum(gemeente: Gemeente, maand: date) -> date:
    """When the paper form about month `maand` goes on the post."""
    return _dag_in(maand, _getal(gemeente, "papierformulier_dag", STANDAARD_PAPIER_DAG))


def banen_in_maand(banen: Iterable[Baan], maand: date) -> list[Baan]:
    """The jobs that ran (a day or more) in this month."""
    eind = laatste_dag(maand)
    return [
        b for b in banen if b.begonnen_op <= eind and (b.einde_op is None or b.einde_op >= maand)
    ]


def banen_in_maand_qs(gemeente: Gemeente, maand: date) -> QuerySet[Baan]:
    return Baan.objects.filter(gemeente=gemeente, begonnen_op__lte=laatste_dag(maand)).filter(
        Q(einde_op__isnull=True) | Q(einde_op__gte=maand)
    )


@dataclass(frozen=True)
class Open:
    """A job and month with nothing declared yet."""

    baan: Baan
    maand: date
    termijn: date
    lopend: bool  # the month is not over yet
    te_laat: bool


def te_doen(
    klant: Klant, banen: list[Baan], verklaringen: list[Inkomstenverklaring], vandaag: date
) -> list[Open]:
    """Per job, the months (the last few, up to this one) with no declaration: oldest first."""
    gedaan = {(v.baan_id, v.maand) for v in verklaringen}
    deze_maand = vandaag.replace(day=1)
    maand = deze_maand
    for _ in range(TERUG_MAANDEN):
        maand = vorige_maand(maand)
    uit: list[Open] = []
    while maand <= deze_maand:
        for baan in banen_in_maand(banen, maand):
            if (baan.pk, maand) in gedaan:
                continue
            t = termijn(klant.gemeente, maand)
            uit.append(Open(baan, maand, t, lopend=maand == deze_maand, te_laat=t < vandaag))
        maand = volgende_maand(maand)
    return uit


def herinnering_op_scherm(klant: Klant, open_: list[Open], vandaag: date) -> Open | None:
    """The month to remind the client of on screen: a finished month not yet declared (from the
    first reminder day on, or late), or this month when its deadline is that close."""
    dagen = herinnering_dagen(klant.gemeente)
    venster = timedelta(days=max(dagen, default=0))
    for item in open_:
        if vandaag >= item.termijn - venster or (not item.lopend and item.te_laat):
            return item
    for item in open_:
        if not item.lopend:
            return item
    return None


@dataclass
class Maandregel:
    baan: Baan
    verklaringen: list[Inkomstenverklaring] = field(default_factory=list)
    open: Open | None = None


@dataclass
class Maandoverzicht:
    maand: date
    termijn: date
    regels: list[Maandregel]


def overzicht(
    klant: Klant, banen: list[Baan], verklaringen: list[Inkomstenverklaring], open_: list[Open]
) -> list[Maandoverzicht]:
    """Per month (newest first), per job: what was declared, or that it is still to do."""
    per_maand: dict[date, dict[int, Maandregel]] = {}
    for v in verklaringen:
        regel = per_maand.setdefault(v.maand, {}).setdefault(v.baan_id, Maandregel(v.baan))
        regel.verklaringen.append(v)
    for item in open_:
        per_maand.setdefault(item.maand, {}).setdefault(
            item.baan.pk, Maandregel(item.baan)
        ).open = item
    return [
        Maandoverzicht(maand, termijn(klant.gemeente, maand), list(regels.values()))
        for maand, regels in sorted(per_maand.items(), reverse=True)
    ]


def papierformulier_van(klant: Klant) -> Papierformulier | None:
    return Papierformulier.objects.filter(klant=klant, gemeente_id=klant.gemeente_id).first()


@dataclass(frozen=True)
class Papierbericht:
    maand: date
    verzenddatum: date
    al_verstuurd: bool


def papier_bericht(klant: Klant, vandaag: date) -> Papierbericht:
    """Which paper form is next (or just went): the one about this month, on its post day; after
    that day it is on its way."""
    maand = vandaag.replace(day=1)
    datum = papier_verzenddatum(klant.gemeente, maand)
    return Papierbericht(maand, datum, al_verstuurd=datum <= vandaag)


def herinnering_voor(klant: Klant, vandaag: date) -> Open | None:
    """The reminder for the client's start page (the client's own jobs and declarations)."""
    banen = list(Baan.objects.filter(klant=klant, gemeente_id=klant.gemeente_id))
    if not banen:
        return None
    verklaringen = list(
        Inkomstenverklaring.objects.filter(klant=klant, gemeente_id=klant.gemeente_id).only(
            "baan_id", "maand"
        )
    )
    return herinnering_op_scherm(klant, te_doen(klant, banen, verklaringen, vandaag), vandaag)


# Hours in a month this much below the month before are a signal (and at least this many hours less).
MINDER_UREN_FRACTIE = Decimal("0.75")
MINDER_UREN_MINIMAAL = Decimal(8)


def verklaring_signalen(
    gemeente: Gemeente, klant_pks: Iterable[int], *, vandaag: date | None = None
) -> dict[int, list[Signaal]]:
    """Part-time work signals from the declarations (D5), for the contact person's caseload: a
    declaration missing after its deadline, and hours falling month on month (a job can fade out
    before it ends). Never the amounts themselves. Three queries for any number of clients."""
    vandaag = vandaag or timezone.localdate()
    pks = list(klant_pks)
    uit: dict[int, list[Signaal]] = {}
    # The latest month whose deadline has passed.
    maand = vorige_maand(vandaag.replace(day=1))
    if termijn(gemeente, maand) >= vandaag:
        maand = vorige_maand(maand)
    vorige = vorige_maand(maand)
    verklaringen = list(
        Inkomstenverklaring.objects.filter(
            gemeente=gemeente, klant_id__in=pks, maand__in=[vorige, maand]
        ).only("pk", "klant_id", "baan_id", "maand", "uren")
    )
    gedaan = {(v.baan_id, v.maand) for v in verklaringen}
    for baan in banen_in_maand(
        Baan.objects.filter(gemeente=gemeente, klant_id__in=pks).only(
            "pk", "klant_id", "werkgever_naam", "begonnen_op", "einde_op"
        ),
        maand,
    ):
        if (baan.pk, maand) not in gedaan:
            uit.setdefault(baan.klant_id, []).append(
                Signaal(
                    "verklaring_mist",
                    f"Inkomsten over {date_format(maand, 'F')} bij {baan.werkgever_naam} "
                    "nog niet doorgegeven",
                )
            )
    uren: dict[tuple[int, int, date], Decimal] = {}
    for v in verklaringen:  # the hours are encrypted: compared here, on a narrowed set
        sleutel = (v.klant_id, v.baan_id, v.maand)
        uren[sleutel] = uren.get(sleutel, Decimal(0)) + (v.uren or Decimal(0))
    for (klant_pk, baan_pk, m), nu in uren.items():
        if m != maand:
            continue
        eerder = uren.get((klant_pk, baan_pk, vorige))
        if eerder and nu < eerder * MINDER_UREN_FRACTIE and eerder - nu >= MINDER_UREN_MINIMAAL:
            uit.setdefault(klant_pk, []).append(
                Signaal(
                    "verklaring_minder_uren",
                    f"Minder uren gewerkt: {_uren(nu)} uur in {date_format(maand, 'F')}, "
                    f"{_uren(eerder)} uur in {date_format(vorige, 'F')}",
                )
            )
    return uit


def _uren(waarde: Decimal) -> str:
    return f"{waarde.normalize():f}".replace(".", ",")
