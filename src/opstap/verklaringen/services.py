"""Writing declarations: stored whole or not at all, and only then a receipt.

A declaration and its payslips go in one database transaction. Each file is written (encrypted)
and flushed to disk inside that transaction, before the commit; if anything fails the files
written so far are removed again. A process killed between writing a file and the commit can
leave a file without a row: `wezen_opruimen` removes those (at server start and hourly), so a
file on disk always belongs to a declaration the client got a receipt for."""

import secrets
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from opstap.accounts.models import Gebruiker
from opstap.klanten.models import Klant
from opstap.privacy.models import Actie
from opstap.privacy.services import inzage_vastleggen
from opstap.taken import taak
from opstap.werken.models import Baan

from .bestanden import Voorbereid
from .models import Inkomstenverklaring, LeesStatus, Loonstrookbestand

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
    netto_loon: Decimal
    bruto_loon: Decimal | None = None
    schatting: bool = False


def _controleren(klant: Klant, opgave: Opgave, vandaag: date) -> None:
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
    if not (Decimal(0) <= opgave.netto_loon <= MAX_NETTO_PER_MAAND):
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
    _controleren(klant, opgave, timezone.localdate())
    geschreven: list[Loonstrookbestand] = []
    try:
        with transaction.atomic():
            verklaring = Inkomstenverklaring.objects.create(
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
            )
            for b in bestanden:
                rij = Loonstrookbestand(
                    verklaring=verklaring,
                    naam=b.naam,
                    soort=b.soort,
                    sha256=b.sha256,
                    grootte=len(b.inhoud),
                )
                # Written encrypted and flushed to disk (privacy/opslag.py) before the commit.
                rij.bestand.save("loonstrook", ContentFile(b.inhoud), save=False)
                geschreven.append(rij)
                rij.save()
            # In the same transaction: one commit (one disk flush) for the data and its log.
            inzage_vastleggen(
                gebruiker=door,
                klant=klant,
                onderdeel="inkomstenverklaringen",
                doel=f"Inkomsten doorgegeven over {opgave.maand:%m-%Y} ({verklaring.kenmerk})",
                actie=Actie.AANMAKEN,
            )
            if bestanden:
                transaction.on_commit(
                    lambda: taak("opstap.verklaringen.tasks.loonstrook_lezen").delay(verklaring.pk)
                )
    except BaseException:
        for rij in geschreven:
            if rij.bestand.name:
                rij.bestand.storage.delete(rij.bestand.name)
        raise
    return verklaring


def gelezen_vastleggen(verklaring_id: int, velden: dict[str, Any] | None) -> None:
    """Store what reading the payslip found (None: it could not be read)."""
    Inkomstenverklaring.objects.filter(pk=verklaring_id).update(
        lees_status=LeesStatus.KLAAR if velden else LeesStatus.NIET_GELUKT,
        gelezen=velden or None,
    )


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
