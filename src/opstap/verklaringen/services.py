"""Writing declarations: stored whole or not at all, and only then a receipt.

A declaration and its payslips go in one database transaction. Each file is written (encrypted)
and flushed to disk inside that transaction, before the commit; if anything fails the files
written so far are removed again. A process killed between writing a file and the commit can
leave a file without a row: `wezen_opruimen` removes those (at server start and hourly), so a
file on disk always belongs to a declaration the client got a receipt for."""

import logging
import secrets
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from functools import cache
from typing import Any

import redis

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from opstap.accounts.models import Gebruiker
from opstap.contact.meldingen import melden
from opstap.gemeenten.models import Gemeente
from opstap.invoegen import invoegen
from opstap.klanten.models import Klant
from opstap.privacy.models import Actie
from opstap.privacy.services import inzage_vastleggen
from opstap.taken import taak
from opstap.werken.models import Baan

from . import selectors
from .bestanden import Voorbereid
from .models import (
    Herinnering,
    Inkomstenverklaring,
    LeesStatus,
    Loonstrookbestand,
    Papierformulier,
    Status,
)

logger = logging.getLogger(__name__)

MAX_UREN_PER_MAAND = Decimal(744)  # 31 days × 24 hours: more cannot have been worked
MAX_NETTO_PER_MAAND = Decimal(100_000)
_KENMERK_TEKENS = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, 1/I: read aloud on the phone
BESTANDEN_MAP = "verklaringen"


def nieuw_kenmerk() -> str:
    """A reference number a person can read out: IV-XXXXX-XXXXX (50 random bits)."""
    tekens = "".join(secrets.choice(_KENMERK_TEKENS) for _ in range(10))
    return f"IV-{tekens[:5]}-{tekens[5:]}"


def maand_uit_tekst(tekst: str) -> date:
    """'2026-11' → 1 November 2026. Raises ValidationError (Dutch) for anything else."""
    try:
        jaar, maand = tekst.strip().split("-")
        if len(jaar) != 4 or len(maand) != 2:
            raise ValueError(tekst)
        return date(int(jaar), int(maand), 1)
    except (ValueError, AttributeError):
        raise ValidationError(
            {"maand": _("Vul de maand in als JJJJ-MM, bijvoorbeeld 2026-11.")}
        ) from None


@dataclass(frozen=True)
class Opgave:
    """What the client declares for one job and one month."""

    baan: Baan
    maand: date
    uren: Decimal
    netto_loon: Decimal | None  # None only with a payslip: the client confirms the figures read
    bruto_loon: Decimal | None = None
    schatting: bool = False


def _controleren(klant: Klant, opgave: Opgave, vandaag: date, *, met_bestand: bool) -> None:
    fouten: dict[str, str] = {}
    if opgave.baan.klant_id != klant.pk:
        fouten["baan"] = _("Kies een van je eigen banen.")
    else:
        begin = opgave.baan.begonnen_op.replace(day=1)
        if opgave.maand < begin:
            fouten["maand"] = _(
                "Deze baan begon pas in %(maand)s. Kies een maand vanaf de start van je baan."
            ) % {"maand": opgave.baan.begonnen_op.strftime("%m-%Y")}
    if opgave.maand > vandaag.replace(day=1):
        fouten["maand"] = _("Je kunt een maand pas doorgeven als die begonnen is.")
    if not (Decimal(0) <= opgave.uren <= MAX_UREN_PER_MAAND):
        fouten["uren"] = _("Vul het aantal gewerkte uren in deze maand in, tussen 0 en 744.")
    if opgave.netto_loon is None:
        if not met_bestand or opgave.schatting:
            fouten["netto_loon"] = _(
                "Vul het netto loon in, het bedrag dat je kreeg, bijvoorbeeld 612,40. "
                "Of stuur je loonstrook mee: dan lezen wij het bedrag voor je."
            )
    elif not (Decimal(0) <= opgave.netto_loon <= MAX_NETTO_PER_MAAND):
        fouten["netto_loon"] = _(
            "Vul het netto loon in, het bedrag dat je kreeg, bijvoorbeeld 612,40."
        )
    if opgave.bruto_loon is not None and not (
        Decimal(0) <= opgave.bruto_loon <= MAX_NETTO_PER_MAAND
    ):
        fouten["bruto_loon"] = _("Vul het bruto loon in, bijvoorbeeld 812,50, of laat het leeg.")
    if fouten:
        raise ValidationError(fouten)


def verklaring_indienen(
    *,
    klant: Klant,
    door: Gebruiker | None,
    opgave: Opgave,
    bestanden: list[Voorbereid],
) -> Inkomstenverklaring:
    """Store a declaration with its payslips, durably, and queue reading them; the access log gets
    the entry in the same transaction. Returns only after the commit: the caller may then show the
    receipt. Raises ValidationError (Dutch)."""
    _controleren(klant, opgave, timezone.localdate(), met_bestand=bool(bestanden))
    geschreven: list[Loonstrookbestand] = []
    try:
        with transaction.atomic():
            nu = timezone.now()
            verklaring = Inkomstenverklaring(
                gemeente_id=klant.gemeente_id,
                klant=klant,
                baan=opgave.baan,
                maand=opgave.maand,
                uren=opgave.uren,
                netto_loon=opgave.netto_loon,
                bruto_loon=opgave.bruto_loon,
                schatting=opgave.schatting,
                kenmerk=nieuw_kenmerk(),
                ingediend_door=door,
                lees_status=LeesStatus.WACHT if bestanden else LeesStatus.GEEN,
                ontvangen_op=nu,
                # Typed by the client with no payslip to read: that is already their statement.
                bevestigd_op=nu if opgave.netto_loon is not None else None,
            )
            invoegen(verklaring)
            _bestanden_schrijven(verklaring, bestanden, geschreven, nu)
            # In the same transaction: one commit (one disk flush) for the data and its log.
            inzage_vastleggen(
                gebruiker=door,
                klant=klant,
                onderdeel="inkomstenverklaringen",
                doel=f"Inkomsten doorgegeven over {opgave.maand:%m-%Y} ({verklaring.kenmerk})",
                actie=Actie.AANMAKEN,
            )
    except BaseException:
        _weer_weg(geschreven)
        raise
    # What the receipt shows, without asking the database again: these files (as Django's
    # prefetch would leave them), no settlement yet.
    bestanden_qs = verklaring.bestanden.all()
    bestanden_qs._result_cache = geschreven
    bestanden_qs._prefetch_done = True  # type: ignore[attr-defined]
    verklaring._prefetched_objects_cache = {"bestanden": bestanden_qs}  # type: ignore[attr-defined]
    verklaring._state.fields_cache["verrekening"] = None
    return verklaring


def _bestanden_schrijven(
    verklaring: Inkomstenverklaring,
    bestanden: list[Voorbereid],
    geschreven: list[Loonstrookbestand],
    nu: datetime,
) -> None:
    """Inside the caller's transaction: each file written encrypted and flushed to disk
    (privacy/opslag.py) before the commit, its row saved; reading queued after the commit."""
    for b in bestanden:
        rij = Loonstrookbestand(
            verklaring=verklaring,
            naam=b.naam,
            soort=b.soort,
            sha256=b.sha256,
            sha256_opgeslagen=b.sha256_opgeslagen,
            grootte=len(b.inhoud),
            ontvangen_op=nu,
        )
        # Written encrypted and flushed to disk (privacy/opslag.py) before the commit.
        rij.bestand.save("loonstrook", ContentFile(b.inhoud), save=False)
        geschreven.append(rij)
        invoegen(rij)
    if bestanden:
        pk = verklaring.pk
        transaction.on_commit(lambda: lezen_inplannen(pk))


# --- reading payslips: queued after the commit -------------------------------------------------
#
# On deadline day thousands of payslips arrive within minutes. A Celery message per declaration
# cost the web process more CPU than storing the declaration did, so with a Redis broker the ids
# go into one Redis set and at most one task a second (LEZEN_WACHTRIJ, a second later) hands them
# to the readers. A beat task (`lezen_vangnet`) reads what is still waiting after VANGNET_NA, so a
# lost message (Redis restarted, a worker died) never leaves a payslip unread.

LEZEN = "opstap.verklaringen.tasks.loonstrook_lezen"
LEZEN_WACHTRIJ = "opstap.verklaringen.tasks.wachtrij_lezen"
WACHTRIJ_SLEUTEL = "opstap:verklaringen:te-lezen"
GEPLAND_SLEUTEL = "opstap:verklaringen:lezen-gepland"
GEPLAND_SECONDEN = 1  # at most one hand-over task per this many seconds
VANGNET_NA = timedelta(minutes=10)


@cache
def _redis_client(url: str) -> redis.Redis:
    return redis.Redis.from_url(url)  # one client per process and URL: its pool is shared


def _wachtrij() -> redis.Redis | None:
    """The broker's Redis, when Celery sends work to one (not under `make run` or in the tests,
    where a task runs at once)."""
    url = str(settings.CELERY_BROKER_URL)
    if settings.CELERY_TASK_ALWAYS_EAGER or not url.startswith(("redis://", "rediss://")):
        return None
    return _redis_client(url)


def lezen_inplannen(verklaring_id: int) -> None:
    """Queue reading a declaration's payslips. Runs after the commit: the receipt is already
    safe, so a broker that is down is logged (the safety net reads it later), not raised."""
    try:
        wachtrij = _wachtrij()
        if wachtrij is None:
            taak(LEZEN).delay(verklaring_id)
            return
        pijp = wachtrij.pipeline()
        pijp.sadd(WACHTRIJ_SLEUTEL, verklaring_id)
        pijp.set(GEPLAND_SLEUTEL, 1, nx=True, ex=GEPLAND_SECONDEN)
        _, nieuw = pijp.execute()
        if nieuw:  # the first in this second: one task reads everything queued until it runs
            taak(LEZEN_WACHTRIJ).apply_async(countdown=GEPLAND_SECONDEN)
    except Exception:
        logger.exception(
            "lezen van verklaring %s niet ingepland; het vangnet leest hem", verklaring_id
        )


def wachtrij_legen() -> int:
    """Hand every queued declaration to a reader task (run by a worker). Returns how many."""
    wachtrij = _wachtrij()
    if wachtrij is None:
        return 0
    aantal = 0
    while ids := wachtrij.spop(WACHTRIJ_SLEUTEL, 500):
        for verklaring_id in ids:
            taak(LEZEN).delay(int(verklaring_id))
        aantal += len(ids)
    return aantal


def lezen_vangnet(nu: datetime | None = None) -> int:
    """Read payslips still waiting after VANGNET_NA (run by beat). Reading twice is harmless:
    the figures found are stored again. Returns how many were queued."""
    wachtrij_legen()
    grens = (nu or timezone.now()) - VANGNET_NA
    ids = list(
        Inkomstenverklaring.objects.filter(
            lees_status=LeesStatus.WACHT, ontvangen_op__lt=grens
        ).values_list("pk", flat=True)
    )
    for verklaring_id in ids:
        taak(LEZEN).delay(verklaring_id)
    return len(ids)


def _weer_weg(geschreven: list[Loonstrookbestand]) -> None:
    for rij in geschreven:
        if rij.bestand.name:
            rij.bestand.storage.delete(rij.bestand.name)


# While the client may still change a declaration: before the income desk starts on it, or when it
# asked for something ("we missen nog iets").
AANPASBAAR = frozenset({Status.ONTVANGEN, Status.AANVULLING_NODIG})


def bestanden_toevoegen(
    *, verklaring: Inkomstenverklaring, bestanden: list[Voorbereid]
) -> list[Loonstrookbestand]:
    """Add payslips to a declaration (a second four-weekly payslip, or what the income desk asked
    for), as durably as the first: returns after the commit. Reading starts again over all files."""
    if verklaring.status not in AANPASBAAR:
        raise ValidationError(
            {
                "loonstrook": _(
                    "Deze verklaring wordt al behandeld. Stuur je loonstrook als bericht."
                )
            }
        )
    if not bestanden:
        raise ValidationError({"loonstrook": _("Kies de foto of PDF van je loonstrook.")})
    geschreven: list[Loonstrookbestand] = []
    try:
        with transaction.atomic():
            nu = timezone.now()
            _bestanden_schrijven(verklaring, bestanden, geschreven, nu)
            velden: dict[str, Any] = {"lees_status": LeesStatus.WACHT}
            if verklaring.status == Status.AANVULLING_NODIG:
                velden["status"] = Status.ONTVANGEN
            Inkomstenverklaring.objects.filter(pk=verklaring.pk).update(**velden)
    except BaseException:
        _weer_weg(geschreven)
        raise
    verklaring.refresh_from_db()
    return geschreven


@dataclass(frozen=True)
class Cijfers:
    """What the client confirms (or corrects) after the payslip was read."""

    uren: Decimal
    netto_loon: Decimal
    bruto_loon: Decimal | None = None
    periode_van: date | None = None
    periode_tot: date | None = None


def cijfers_bevestigen(*, verklaring: Inkomstenverklaring, cijfers: Cijfers) -> None:
    """Store the client's confirmed figures. What reading found stays in `gelezen`; where the
    client changed it, the client's figures are their statement."""
    if verklaring.status not in AANPASBAAR:
        raise ValidationError(
            {
                NON_FIELD_ERRORS: _(
                    "Deze verklaring wordt al behandeld. Wil je iets veranderen? Stuur een bericht."
                )
            }
        )
    fouten: dict[str, str] = {}
    if not (Decimal(0) <= cijfers.uren <= MAX_UREN_PER_MAAND):
        fouten["uren"] = _("Vul het aantal gewerkte uren in deze maand in, tussen 0 en 744.")
    if not (Decimal(0) <= cijfers.netto_loon <= MAX_NETTO_PER_MAAND):
        fouten["netto_loon"] = _("Vul het netto loon in, bijvoorbeeld 612,40.")
    if cijfers.bruto_loon is not None and not (
        Decimal(0) <= cijfers.bruto_loon <= MAX_NETTO_PER_MAAND
    ):
        fouten["bruto_loon"] = _("Vul het bruto loon in, bijvoorbeeld 812,50, of laat het leeg.")
    if cijfers.periode_van and cijfers.periode_tot and cijfers.periode_tot < cijfers.periode_van:
        fouten["periode_tot"] = _("De laatste dag van de periode moet na de eerste dag liggen.")
    if fouten:
        raise ValidationError(fouten)
    verklaring.uren = cijfers.uren
    verklaring.netto_loon = cijfers.netto_loon
    verklaring.bruto_loon = cijfers.bruto_loon
    verklaring.periode_van = cijfers.periode_van
    verklaring.periode_tot = cijfers.periode_tot
    verklaring.bevestigd_op = timezone.now()
    velden = ["uren", "netto_loon", "bruto_loon", "periode_van", "periode_tot", "bevestigd_op"]
    if verklaring.status == Status.AANVULLING_NODIG:
        verklaring.status = Status.ONTVANGEN
        velden.append("status")
    verklaring.save(update_fields=[*velden, "bijgewerkt_op"])


def gelezen_vastleggen(verklaring_id: int, velden: dict[str, Any] | None) -> None:
    """Store what reading the payslip found (None: it could not be read)."""
    Inkomstenverklaring.objects.filter(pk=verklaring_id).update(
        lees_status=LeesStatus.KLAAR if velden else LeesStatus.NIET_GELUKT,
        gelezen=velden or None,
    )


def gelezen_samenvoegen(gelezen: list[dict[str, Any]]) -> dict[str, Any] | None:
    """One payslip: what was read. Two or more in one month (four-weekly pay): the amounts and
    hours added up, the period from the first day to the last, each payslip under `stroken`. A sum
    is only given when every payslip had that figure: a wrong total is worse than none."""
    if not gelezen:
        return None
    if len(gelezen) == 1:
        return gelezen[0]
    samen: dict[str, Any] = {}
    for veld in ("bruto_loon", "netto_loon", "uren"):
        waarden = [g.get(veld) for g in gelezen]
        samen[veld] = (
            float(sum(Decimal(str(w)) for w in waarden if w is not None))
            if all(w is not None for w in waarden)
            else None
        )
    vanaf = [g["periode_van"] for g in gelezen if g.get("periode_van")]
    tot = [g["periode_tot"] for g in gelezen if g.get("periode_tot")]
    samen["periode_van"] = min(vanaf) if len(vanaf) == len(gelezen) else None
    samen["periode_tot"] = max(tot) if len(tot) == len(gelezen) else None
    werkgevers = {g.get("werkgever") for g in gelezen}
    samen["werkgever"] = werkgevers.pop() if len(werkgevers) == 1 else None
    samen["stroken"] = gelezen
    return samen


def wezen_opruimen(*, ouder_dan: timedelta = timedelta(hours=1), nu: datetime | None = None) -> int:
    """Remove payslip files no declaration points at (left by a process killed before its commit).
    Only files older than `ouder_dan`, so an upload still on its way to its commit is left alone.
    Returns how many were removed."""
    opslag = Loonstrookbestand._meta.get_field("bestand").storage
    grens = (nu or timezone.now()) - ouder_dan
    bekend = set(Loonstrookbestand.objects.values_list("bestand", flat=True))
    weg = 0
    for naam in _alle_bestanden(opslag, BESTANDEN_MAP):
        if naam in bekend:
            continue
        if opslag.get_modified_time(naam) > grens:
            continue
        opslag.delete(naam)
        weg += 1
    return weg


def _alle_bestanden(opslag: Any, map_: str) -> list[str]:
    if not opslag.exists(map_):
        return []
    mappen, bestanden = opslag.listdir(map_)
    uit = [f"{map_}/{b}" for b in bestanden]
    for sub in mappen:
        uit.extend(_alle_bestanden(opslag, f"{map_}/{sub}"))
    return uit


# --- reminders before the deadline ----------------------------------------------------------------

HERINNERING_MELDING = "herinnering_inkomsten"  # a fixed text in contact.meldingen.MELDINGEN
INKOMSTEN_PAD = "/mijn/inkomsten/"


def herinneringen_versturen(*, vandaag: date | None = None) -> int:
    """Remind clients with a job in a month and no declaration for it, a few days before the
    deadline (setting `inkomstenverklaring_herinnering_dagen`, e.g. 3 and 1). Once per client, month
    and reminder day: the row is claimed before the e-mail goes (a unique constraint), so two runs
    never send twice. A day missed (beat was down) is caught up the next day, without doubles.
    Returns how many clients were reminded."""
    vandaag = vandaag or timezone.localdate()
    verstuurd = 0
    for gemeente in Gemeente.objects.all():
        dagen = selectors.herinnering_dagen(gemeente)
        deze_maand = vandaag.replace(day=1)
        for maand in (selectors.vorige_maand(deze_maand), deze_maand):
            t = selectors.termijn(gemeente, maand)
            # The reminder day due today: the nearest to the deadline that has come.
            aan_de_beurt = [n for n in dagen if t - timedelta(days=n) <= vandaag <= t]
            if not aan_de_beurt:
                continue
            verstuurd += _herinneren(gemeente, maand, min(aan_de_beurt))
    return verstuurd


def _herinneren(gemeente: Gemeente, maand: date, dagen_voor: int) -> int:
    banen = selectors.banen_in_maand_qs(gemeente, maand).values_list("pk", "klant_id")
    gedaan = set(
        Inkomstenverklaring.objects.filter(gemeente=gemeente, maand=maand).values_list(
            "baan_id", flat=True
        )
    )
    klant_ids = {klant_id for baan_id, klant_id in banen if baan_id not in gedaan}
    al = set(
        Herinnering.objects.filter(
            klant_id__in=klant_ids, maand=maand, dagen_voor=dagen_voor
        ).values_list("klant_id", flat=True)
    )
    aantal = 0
    for klant in Klant.objects.filter(pk__in=klant_ids - al, gemeente=gemeente).select_related(
        "gebruiker"
    ):
        with transaction.atomic():
            _, nieuw = Herinnering.objects.get_or_create(
                klant=klant, maand=maand, dagen_voor=dagen_voor
            )
            if not nieuw:
                continue
            melden(klant.gebruiker, HERINNERING_MELDING, url=INKOMSTEN_PAD)
        aantal += 1
    return aantal


# --- paper forms ------------------------------------------------------------------------------------


def papier_aanzetten(*, klant: Klant) -> Papierformulier:
    """The income desk (or the demo) puts a client on the paper form."""
    formulier, _nieuw = Papierformulier.objects.update_or_create(
        klant=klant,
        defaults={"gemeente_id": klant.gemeente_id, "online_sinds": None, "online_door": None},
    )
    return formulier


def naar_online(*, klant: Klant, door: Gebruiker | None) -> Papierformulier | None:
    """The client declares online from now on: the paper form stops (the income desk sees when and
    by whom in `online_sinds`/`online_door`). Returns None when there was no paper form."""
    formulier = selectors.papierformulier_van(klant)
    if formulier is None or not formulier.actief:
        return formulier
    formulier.online_sinds = timezone.now()
    formulier.online_door = door
    formulier.save(update_fields=["online_sinds", "online_door"])
    return formulier
