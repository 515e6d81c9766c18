from dataclasses import dataclass, field
from datetime import date, datetime

from django.db.models import Count, Max, QuerySet
from django.db.models.functions import TruncDate
from django.utils.translation import gettext as _

from opstap.accounts.models import Gebruiker, Rol
from opstap.klanten.models import Klant

from .models import Actie, Inzage

# How many (day, person, part, purpose) rows the client's page groups; far more than a year of
# staff reads for one client, and the client's own reads are counted apart so they never crowd
# the staff out.
MAX_RIJEN_ANDEREN = 1000
MAX_RIJEN_EIGEN = 300


def inzages_voor_klant(klant: Klant) -> QuerySet[Inzage]:
    return Inzage.objects.filter(klant=klant).select_related("gebruiker")


@dataclass
class Inzicht:
    """What one person did with one part of the file on one day, and why (possibly several times)."""

    actie: str
    onderdeel: str
    doel: str
    aantal: int
    laatst: datetime


@dataclass
class Bezoek:
    """One person (or the system) on one day: every part they read or changed."""

    datum: date
    wie: str
    rol: str
    inzichten: list[Inzicht] = field(default_factory=list)

    @property
    def laatst(self) -> datetime:
        return max(i.laatst for i in self.inzichten)

    @property
    def aantal(self) -> int:
        return sum(i.aantal for i in self.inzichten)


@dataclass
class WieKeek:
    anderen: list[Bezoek]  # staff, employers, the system: newest day first
    eigen: list[Bezoek]  # the client's own reads, per day
    eigen_aantal: int


def _bezoeken(inzages: QuerySet[Inzage], max_rijen: int) -> list[Bezoek]:
    rijen = list(
        inzages.annotate(dag=TruncDate("tijdstip"))  # the day in the municipality's time zone
        .values("dag", "gebruiker_id", "rol", "actie", "onderdeel", "doel")
        .annotate(aantal=Count("id"), laatst=Max("tijdstip"))
        .order_by("-laatst")[:max_rijen]
    )
    namen = {
        g.pk: g.weergavenaam
        for g in Gebruiker.objects.filter(pk__in={r["gebruiker_id"] for r in rijen})
    }
    rollen = dict(Rol.choices)
    acties = dict(Actie.choices)
    bezoeken: dict[tuple[date, int | None, str], Bezoek] = {}
    for r in rijen:  # newest first, so each visit's parts are newest first too
        sleutel = (r["dag"], r["gebruiker_id"], r["rol"])
        if sleutel not in bezoeken:
            wie = namen.get(r["gebruiker_id"], "") if r["gebruiker_id"] else _("Het systeem")
            rol = str(rollen.get(r["rol"], "")) if r["gebruiker_id"] else ""
            bezoeken[sleutel] = Bezoek(datum=r["dag"], wie=wie, rol=rol)
        bezoeken[sleutel].inzichten.append(
            Inzicht(
                actie=acties.get(r["actie"], r["actie"]),
                onderdeel=r["onderdeel"],
                doel=r["doel"],
                aantal=r["aantal"],
                laatst=r["laatst"],
            )
        )
    return sorted(bezoeken.values(), key=lambda b: (b.datum, b.laatst), reverse=True)


def wie_keek(klant: Klant, eigen: Gebruiker | None) -> WieKeek:
    """The client's "who looked at my file": others grouped per person and day, newest first;
    the client's own reads apart, so a busy client never hides a staff member's read."""
    alle = Inzage.objects.filter(klant=klant)
    if eigen is None:
        return WieKeek(anderen=_bezoeken(alle, MAX_RIJEN_ANDEREN), eigen=[], eigen_aantal=0)
    zelf = alle.filter(gebruiker=eigen)
    return WieKeek(
        anderen=_bezoeken(alle.exclude(gebruiker=eigen), MAX_RIJEN_ANDEREN),
        eigen=_bezoeken(zelf, MAX_RIJEN_EIGEN),
        eigen_aantal=zelf.count(),
    )
