"""The engine's estimate of what potential part-timers save, for this municipality's real
caseload (F1), beside the study's average method (besparing.py).

Potential part-timers: clients in the caseload today, in the chosen trede groups, without a
job. Each one's own household is computed by the rules engine (`regels.bereken_batch`, the same
batch interface the whole-caseload recalculation uses) at 0 hours and at N hours a week at a
plausible wage (the statutory minimum wage on the date, or a chosen one), with today's rules
and optionally a policy variant. Per N: the bijstand the municipality no longer pays (after
inkomensvrijlating; holiday pay included, as the engine's `bijstand` is), and what the household
gains in total net income. Runs as a background job with progress; only suppressed totals
are stored.

How it runs (about 360,000 potential part-timers in bench/dashboard.py's 500,000 clients): per
block of BLOKGROOTTE clients, huishoudens.py reads what the engine needs with two SQL queries and
builds the engine's arrays column-wise (the same households, and the same refusals, as
`invoer_voor_klant` → `regels.huishoudens_uit_invoer` per client; tests/beleid/
test_schatting_snel.py compares the two), decrypting only the medical limit, for the block at
once. Every client read gets an access-log entry, written by the database (INSERT … SELECT); on
PostgreSQL two threads with their own connections write them while the next blocks are read and
computed (_Inzagelog), as writing the log is most of the database's work.
"""

import logging
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import date
from decimal import Decimal
from typing import Any

import numpy as np

from django.db import connection, transaction
from django.utils import timezone

import regels
from opstap.accounts.models import Gebruiker
from opstap.gemeenten.models import Gemeente
from opstap.inkomen.services import minimumloon_per_uur
from opstap.privacy.services import inzages_door_systeem_voor_ids
from opstap.taken import taak
from regels.geld import euro_naar_centen
from regels.invoer import MAX_UURLOON

from . import telling
from .besparing import PARTTIME_MAANDLOON, studiemethode
from .huishoudens import Invoerbouwer
from .models import Besparingsschatting
from .onderdrukking import afgerond, gemiddelde_toonbaar
from .verloop import verlopen_per_klant

logger = logging.getLogger(__name__)

SCHATTEN = "opstap.beleid.tasks.besparing_schatten"
BLOKGROOTTE = 10_000  # clients per block: progress is saved after each
STANDAARD_TREDEN = ["3", "4"]
STANDAARD_UREN = [8, 12, 16, 20, 24]


def potentiele_parttimers(
    gemeente: Gemeente, treden: list[str], *, vandaag: date | None = None
) -> tuple[list[int], int]:
    """(ids of clients in the chosen trede groups without a job today, how many of that trede
    group already work): the study's two counts, from the real caseload."""
    dag = vandaag or timezone.localdate()
    if dag >= timezone.localdate():  # today's trede: counted in the database (telling.py)
        return telling.potentiele_parttimers(gemeente, treden, dag)
    zonder, met = [], 0
    for pk, v in sorted(verlopen_per_klant(gemeente).items()):
        trede = v.trede_nu if dag >= timezone.localdate() else v.trede_op(dag)
        if not v.in_bestand(dag) or trede.split(".")[0] not in treden:
            continue
        if v.uren_op(dag) is None:
            zonder.append(pk)
        else:
            met += 1
    return zonder, met


def besparing_starten(
    *,
    door: Gebruiker,
    gemeente: Gemeente,
    peildatum: date,
    treden: list[str],
    uren: list[int],
    bruto_uurloon: Decimal | None = None,
    maandloon_studie: Decimal = PARTTIME_MAANDLOON.waarde,
    variant_naam: str = "",
    variant_regel: str = "",
    variant_parameters: dict[str, float] | None = None,
) -> Besparingsschatting:
    """Queue an estimate; raises regels.InvoerFout for an unknown rule, parameter or date."""
    parameters = variant_parameters or {}
    regels.bereken_batch(
        peildatum,
        {},
        np.zeros(0, dtype=np.int64),
        [0],
        parameters=parameters or None,
        regel=variant_regel or None,
    )
    schatting = Besparingsschatting.objects.create(
        gemeente=gemeente,
        gestart_door=door,
        peildatum=peildatum,
        treden=sorted(set(treden)),
        uren=sorted(set(int(u) for u in uren)),
        bruto_uurloon=bruto_uurloon,
        maandloon_studie=maandloon_studie,
        variant_naam=variant_naam,
        variant_regel=variant_regel,
        variant_parameters=parameters,
    )
    transaction.on_commit(lambda: taak(SCHATTEN).delay(schatting.pk))
    return schatting


class _Inzagelog:
    """The access-log entries of the job, one per client read (privacy: the client sees them).

    On PostgreSQL, outside a transaction, each block's entries are written by a thread with its
    own connection while the next blocks are read and computed: writing them (six indexes, the
    foreign-key checks) is most of the database's work, and it runs in server processes of its
    own, on the other core. At most SCHRIJVERS blocks are in flight (two server processes: the
    writing is what limits the job); the job is done only when every entry is written, and an
    error in writing them fails the job. Inside a transaction (a test, a caller's atomic block)
    another connection would not see the clients: written in line then."""

    ONDERDEEL = "huishouden en inkomen"
    DOEL = (
        "Beleidsonderzoek: wat parttime werk bespaart, alle huishoudens samen doorgerekend. "
        "Niemand bekijkt jouw gegevens apart; alleen totalen."
    )
    SCHRIJVERS = 2

    def __init__(self) -> None:
        apart = connection.vendor == "postgresql" and not connection.in_atomic_block
        self.pool = ThreadPoolExecutor(max_workers=self.SCHRIJVERS) if apart else None
        self.bezig: deque[Future[None]] = deque()

    def __enter__(self) -> "_Inzagelog":
        return self

    def schrijf(self, ids: list[int]) -> None:
        if self.pool is None:
            self._schrijf(ids)
            return
        while len(self.bezig) >= self.SCHRIJVERS:
            self.bezig.popleft().result()
        self.bezig.append(self.pool.submit(self._in_thread, ids))

    def _schrijf(self, ids: list[int]) -> None:
        inzages_door_systeem_voor_ids(ids, onderdeel=self.ONDERDEEL, doel=self.DOEL)

    def _in_thread(self, ids: list[int]) -> None:
        try:
            self._schrijf(ids)
        finally:
            connection.close()  # the thread's own connection (`connection` is per thread)

    def __exit__(self, *fout: object) -> None:
        if self.pool is None:
            return
        try:
            while self.bezig:
                self.bezig.popleft().result()
        finally:
            self.pool.shutdown()


class _Som:
    def __init__(self, niveaus: int) -> None:
        self.bespaard = np.zeros(niveaus, dtype=np.int64)  # cents a month
        self.winst = np.zeros(niveaus, dtype=np.int64)

    def voeg_toe(self, b: dict[str, Any]) -> None:
        bijstand, totaal = b["bijstand"], b["totaal_netto_per_maand"]
        self.bespaard += (bijstand[:, :1] - bijstand[:, 1:]).sum(axis=0)
        self.winst += (totaal[:, 1:] - totaal[:, :1]).sum(axis=0)

    def samenvatting(self, uren: list[int], berekend: int) -> list[dict[str, Any]]:
        """Per level a sum (bijstand saved) and an average (what a household gains): together
        they do not give the number of households computed, which is not published (the
        potential minus it would be the households outside the model, a small group)."""
        toonbaar = gemiddelde_toonbaar(berekend)
        return [
            {
                "uren": n,
                "bespaard_per_jaar": round(12 * float(self.bespaard[i]) / 100, 2)
                if toonbaar
                else None,
                "huishouden_erop_vooruit_per_maand": round(float(self.winst[i]) / berekend / 100, 2)
                if toonbaar
                else None,
            }
            for i, n in enumerate(uren)
        ]


def besparing_uitvoeren(schatting: Besparingsschatting) -> Besparingsschatting:
    s = schatting
    gemeente = s.gemeente
    ids, werkend = potentiele_parttimers(gemeente, list(s.treden), vandaag=s.peildatum)
    Besparingsschatting.objects.filter(pk=s.pk).update(
        status=Besparingsschatting.Status.BEZIG, aantal_totaal=len(ids), aantal_verwerkt=0
    )
    uurloon = s.bruto_uurloon or minimumloon_per_uur(s.peildatum)
    uren = [int(u) for u in s.uren]
    niveaus = [0, *uren]
    basis, variant = _Som(len(uren)), _Som(len(uren))
    berekend = verwerkt = buiten = 0
    opties: dict[str, Any] = {
        "gemeente": gemeente.regels_code,
        "uitvoer": ("bijstand", "totaal_netto_per_maand"),
    }
    bouwer = Invoerbouwer(s.peildatum)
    # The per-client path refuses every household for an hourly wage outside the contract.
    loon_geldig = 0 <= euro_naar_centen(float(uurloon)) <= MAX_UURLOON * 100
    with _Inzagelog() as log:
        for start in range(0, len(ids), BLOKGROOTTE):
            blok = bouwer.blok(ids[start : start + BLOKGROOTTE])
            log.schrijf(blok.ids)  # every client read is logged, inside the model or not
            geldig = blok.binnen if loon_geldig else 0
            buiten += len(blok.ids) - geldig
            if geldig:
                loon = np.full(geldig, int(uurloon * 100), dtype=np.int64)
                zelfde = (s.peildatum, blok.huishoudens, loon, niveaus)
                basis.voeg_toe(regels.bereken_batch(*zelfde, **opties))
                if s.heeft_variant:
                    variant.voeg_toe(
                        regels.bereken_batch(
                            *zelfde,
                            **opties,
                            parameters=s.variant_parameters or None,
                            regel=s.variant_regel or None,
                        )
                    )
            berekend += geldig
            verwerkt += len(blok.ids)
            Besparingsschatting.objects.filter(pk=s.pk).update(aantal_verwerkt=verwerkt)
    # The counts overlap the caseload tables (the target group is a sum of trede groups, the
    # potential part of "no job"): rounded to tens, so no hidden cell there can be worked out.
    doelgroep, potentieel, werkend_getoond = (
        afgerond(len(ids) + werkend),
        afgerond(len(ids)),
        afgerond(werkend),
    )
    studie = studiemethode(doelgroep=potentieel or 0, parttimers=0, maandloon=s.maandloon_studie)
    resultaat: dict[str, Any] = {
        "doelgroep": doelgroep,
        "potentieel": potentieel,
        "al_parttime": werkend_getoond,
        "afgerond_op": 10,
        "studiemethode_besparing_per_jaar": float(studie.besparing_per_jaar)
        if potentieel is not None
        else None,
        "buiten_model_gemeld": buiten > 0,  # how many is not published (a small group)
        "bruto_uurloon": float(uurloon),
        "basis": basis.samenvatting(uren, berekend),
    }
    if s.heeft_variant:
        resultaat["variant"] = variant.samenvatting(uren, berekend)
    Besparingsschatting.objects.filter(pk=s.pk).update(
        status=Besparingsschatting.Status.KLAAR,
        aantal_verwerkt=verwerkt,
        resultaat=resultaat,
        regelversie=regels.REGELVERSIE,
        klaar_op=timezone.now(),
    )
    s.refresh_from_db()
    return s


def besparing_mislukt(pk: int) -> None:
    logger.exception("besparingsschatting %s mislukt", pk)
    Besparingsschatting.objects.filter(pk=pk).update(
        status=Besparingsschatting.Status.MISLUKT,
        melding="De schatting is niet gelukt. Er is niets veranderd aan de gegevens. "
        "Probeer het opnieuw; lukt het weer niet, meld het dan bij de beheerder.",
    )
