"""Each client's path through the caseload, read from the data as it is (F1, F2).

One `Klantverloop` per client, filled by the sources in BRONNEN. Each source reads one kind of
data in bulk (a few queries for the whole municipality, never one per client). Definitions:

- in the caseload on a day: started (bijstand_sinds, else the day the record was made) and
  not yet flowed out;
- outflow to work: the first change to trede 6 ("regulier werk zonder ondersteuning") after the
  start; a change from trede 6 back down is a fall back as well;
- part-time work and hours: the jobs the client reported (werken.Baan), active on that day;
- falling back: a job that ends with no other job running the next day, while in the caseload;
- household type and phase have no history yet: today's value is used for every month (phase
  is only shown for today);
- a barrier counts from the start until the day it was solved (barriers have no start date).

New data plugs in as another source: when income declarations land, a source that sets the
hours actually worked per month (instead of the contract hours); when activities land, a source
that adds their dates. Each source is a function (gemeente, {klant_id: Klantverloop}) -> None.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from opstap.gemeenten.models import Gemeente
from opstap.klanten.models import Drempel, Klant, TredeWijziging
from opstap.werken.models import Baan

from .models import Aanpak


@dataclass
class Baanperiode:
    begin: date
    einde: date | None
    uren: float | None  # None: on-call contract

    def loopt_op(self, dag: date) -> bool:
        return self.begin <= dag and (self.einde is None or self.einde >= dag)


@dataclass
class Klantverloop:
    start: date
    trede_nu: str
    fase: str
    huishouden: str
    geboortedatum: date
    tredes: list[tuple[date, str]] = field(default_factory=list)  # ascending
    drempels: list[tuple[str, date | None]] = field(default_factory=list)  # kind, solved on
    banen: list[Baanperiode] = field(default_factory=list)
    aanpak: str = Aanpak.Soort.REGULIER

    @property
    def uitstroom(self) -> date | None:
        """The first change to trede 6 after the start."""
        return next((d for d, t in self.tredes if d > self.start and t.startswith("6")), None)

    def in_bestand(self, dag: date) -> bool:
        uit = self.uitstroom
        return self.start <= dag and (uit is None or uit > dag)

    def trede_op(self, dag: date) -> str:
        eerder = [t for d, t in self.tredes if d <= dag]
        if eerder:
            return eerder[-1]
        return self.tredes[0][1] if self.tredes else self.trede_nu

    def uren_op(self, dag: date) -> float | None:
        """Hours a week of the jobs running that day; None without a job; -1 on call only."""
        lopend = [b for b in self.banen if b.loopt_op(dag)]
        if not lopend:
            return None
        vast = [b.uren for b in lopend if b.uren is not None]
        return float(sum(vast)) if vast else -1.0

    def eerste_baan(self) -> date | None:
        """The first job begun after the start (or outflow to work, if that came first)."""
        kandidaten = [b.begin for b in self.banen if b.begin >= self.start]
        if self.uitstroom is not None:
            kandidaten.append(self.uitstroom)
        return min(kandidaten, default=None)

    def terugvallen(self) -> list[date]:
        """Days a client fell back: a job ended with no job running the next day, or a change
        from trede 6 back down."""
        dagen = []
        for b in self.banen:
            if b.einde is None:
                continue
            volgende = b.einde + timedelta(days=1)
            if self.in_bestand(b.einde) and not any(x.loopt_op(volgende) for x in self.banen):
                dagen.append(b.einde)
        vorige = ""
        for d, t in self.tredes:
            if vorige.startswith("6") and not t.startswith("6") and d > self.start:
                dagen.append(d)
            vorige = t
        return sorted(dagen)


Bron = Callable[[Gemeente, dict[int, Klantverloop]], None]


def _klanten(gemeente: Gemeente) -> dict[int, Klantverloop]:
    rijen = Klant.objects.filter(gemeente=gemeente).values_list(
        "pk", "bijstand_sinds", "aangemaakt", "trede", "fase", "huishouden", "geboortedatum"
    )
    return {
        pk: Klantverloop(
            start=sinds or aangemaakt.date(),
            trede_nu=trede,
            fase=fase,
            huishouden=huishouden,
            geboortedatum=geboren,
        )
        for pk, sinds, aangemaakt, trede, fase, huishouden, geboren in rijen
    }


def _tredes(gemeente: Gemeente, verlopen: dict[int, Klantverloop]) -> None:
    rijen = (
        TredeWijziging.objects.filter(klant__gemeente=gemeente)
        .order_by("datum", "id")
        .values_list("klant_id", "datum", "trede")
    )
    for klant_id, datum, trede in rijen:
        verlopen[klant_id].tredes.append((datum, trede))


def _drempels(gemeente: Gemeente, verlopen: dict[int, Klantverloop]) -> None:
    # The kind is encrypted: read per row (decrypted by the field), counted in Python.
    for klant_id, soort, opgelost in Drempel.objects.filter(klant__gemeente=gemeente).values_list(
        "klant_id", "soort", "opgelost_op"
    ):
        verlopen[klant_id].drempels.append((soort, opgelost))


def _banen(gemeente: Gemeente, verlopen: dict[int, Klantverloop]) -> None:
    for klant_id, begin, einde, uren, oproep in Baan.objects.filter(
        gemeente=gemeente, klant__gemeente=gemeente
    ).values_list("klant_id", "begonnen_op", "einde_op", "uren_per_week", "oproepcontract"):
        verlopen[klant_id].banen.append(
            Baanperiode(begin, einde, None if (uren is None or oproep) else float(uren))
        )


def _aanpakken(gemeente: Gemeente, verlopen: dict[int, Klantverloop]) -> None:
    for klant_id, soort in Aanpak.objects.filter(klant__gemeente=gemeente).values_list(
        "klant_id", "soort"
    ):
        verlopen[klant_id].aanpak = soort


# Add a source here when new data lands (declarations: hours actually worked; activities).
BRONNEN: list[Bron] = [_tredes, _drempels, _banen, _aanpakken]


def verlopen_per_klant(gemeente: Gemeente) -> dict[int, Klantverloop]:
    verlopen = _klanten(gemeente)
    for bron in BRONNEN:
        bron(gemeente, verlopen)
    return verlopen


def verlopen_van(gemeente: Gemeente) -> list[Klantverloop]:
    return list(verlopen_per_klant(gemeente).values())
