"""Settling declarations (D4): the income desk picks one up, asks for what is missing, or settles
it; the rules engine computes what the municipality pays on top of the wage.

One settlement per declaration, but the engine is always asked for the client's whole month: the
net wage of ALL their jobs in that month together (for each job its latest declaration for the
month, with the settled figures where it was settled). So a month is settled again when a second
job's declaration, or the real figures after an estimate, come in: that later settlement corrects
the month's previous one (`corrigeert`), and the difference in bijstand is paid, or set off, in
the next payment month (`verrekenen_in`). See docs/verrekening.md."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

import regels
from opstap.accounts.models import Gebruiker
from opstap.inkomen.services import berekening_vastleggen, invoer_voor_klant
from opstap.klanten.models import Klant
from opstap.privacy.models import Actie
from opstap.privacy.services import inzage_vastleggen

from .models import Inkomstenverklaring, Status, Verrekening
from .services import MAX_NETTO_PER_MAAND, MAX_UREN_PER_MAAND, nieuw_kenmerk

ONDERDEEL = "inkomstenverklaringen"
CENT = Decimal("0.01")


def bedrag(waarde: Any) -> Decimal:
    """An engine amount (a float in euros) as exact cents."""
    return Decimal(str(waarde)).quantize(CENT)


def volgende_maand(maand: date) -> date:
    return date(maand.year + maand.month // 12, maand.month % 12 + 1, 1)


@dataclass(frozen=True)
class Maandinkomen:
    """The net wage of a client's month as the settlement uses it, and where it came from."""

    netto: Decimal
    verklaringen: list[Inkomstenverklaring]


def _geldende_cijfers(verklaring: Inkomstenverklaring) -> Decimal:
    verrekening: Verrekening | None = getattr(verklaring, "verrekening", None)
    netto: Decimal = verrekening.netto_loon if verrekening is not None else verklaring.netto_loon
    return netto


def maandinkomen(
    klant: Klant,
    maand: date,
    *,
    vervang: Inkomstenverklaring | None = None,
    netto: Decimal | None = None,
) -> Maandinkomen:
    """The month's net wage over all jobs: per job the latest declaration for the month (a later
    one replaces an estimate), its settled figure where settled. `vervang` with `netto` puts the
    figure being settled in place of that declaration's own."""
    laatste: dict[int, Inkomstenverklaring] = {}
    rijen = (
        Inkomstenverklaring.objects.filter(klant=klant, maand=maand)
        .select_related("verrekening", "baan")
        .order_by("ontvangen_op", "pk")
    )
    for v in rijen:
        laatste[v.baan_id] = v  # ordered: the latest per job wins
    if vervang is not None:
        laatste[vervang.baan_id] = vervang
    totaal = Decimal(0)
    for v in laatste.values():
        if vervang is not None and v.pk == vervang.pk and netto is not None:
            totaal += netto
        else:
            totaal += _geldende_cijfers(v)
    return Maandinkomen(totaal, list(laatste.values()))


def invoer_voor_maand(klant: Klant, maand: date, netto_maand: Decimal) -> dict[str, Any]:
    """The engine's input for one month: the household as the municipality knows it, on the
    month's first day, with the month's net wage (the JSON `opstap bereken` takes too)."""
    return invoer_voor_klant(
        klant, peildatum=maand, werk={"netto_loon_per_maand": [float(netto_maand)]}
    )


def _figuur(naam: str, waarde: Decimal | None, maximum: Decimal) -> None:
    if waarde is not None and not (Decimal(0) <= waarde <= maximum):
        raise ValidationError({naam: _("Vul een getal in tussen 0 en %(max)s.") % {"max": maximum}})


def vorige_verrekening(klant: Klant, maand: date) -> Verrekening | None:
    """The month's latest settlement so far: what a new one for the month corrects."""
    return (
        Verrekening.objects.filter(klant=klant, maand=maand)
        .select_related("verklaring", "verklaring__baan")
        .order_by("-verrekend_op", "-pk")
        .first()
    )


@transaction.atomic
def verrekenen(
    verklaring: Inkomstenverklaring,
    *,
    door: Gebruiker | None,
    netto_loon: Decimal | None = None,
    bruto_loon: Decimal | None = None,
    uren: Decimal | None = None,
    reden: str = "",
) -> Verrekening:
    """Settle a declaration: as declared, or with corrected figures and a reason the client reads.
    Stores the engine's calculation (input, result, explanation, rule version) and sets the
    status to verrekend. Raises ValidationError (Dutch, per field)."""
    verklaring = Inkomstenverklaring.objects.select_for_update().get(pk=verklaring.pk)
    if Verrekening.objects.filter(verklaring=verklaring).exists():
        raise ValidationError(_("Deze verklaring is al verrekend."))
    _figuur("netto_loon", netto_loon, MAX_NETTO_PER_MAAND)
    _figuur("bruto_loon", bruto_loon, MAX_NETTO_PER_MAAND)
    _figuur("uren", uren, MAX_UREN_PER_MAAND)
    netto = verklaring.netto_loon if netto_loon is None else netto_loon
    bruto = verklaring.bruto_loon if bruto_loon is None else bruto_loon
    gewerkt = verklaring.uren if uren is None else uren
    gecorrigeerd = (
        netto != verklaring.netto_loon
        or bruto != verklaring.bruto_loon
        or gewerkt != verklaring.uren
    )
    reden = reden.strip()
    if gecorrigeerd and not reden:
        raise ValidationError(
            {
                "reden": _(
                    "Schrijf waarom je de cijfers aanpast. De klant leest deze reden bij de verrekening."
                )
            }
        )
    klant = verklaring.klant
    maand = maandinkomen(klant, verklaring.maand, vervang=verklaring, netto=netto)
    invoer = invoer_voor_maand(klant, verklaring.maand, maand.netto)
    try:
        berekening = berekening_vastleggen(
            klant=klant,
            gemeente_id=klant.gemeente_id,
            door=door,
            doel=f"verrekening inkomstenverklaring {verklaring.kenmerk}",
            invoer=invoer,
        )
    except regels.InvoerFout as fout:
        raise ValidationError(str(fout)) from fout
    rij = berekening.uitkomst["resultaten"][0]
    vorige = vorige_verrekening(klant, verklaring.maand)
    nieuw_bijstand = bedrag(rij["bijstand"])
    verrekening = Verrekening.objects.create(
        verklaring=verklaring,
        gemeente_id=klant.gemeente_id,
        klant=klant,
        maand=verklaring.maand,
        berekening=berekening,
        regelversie=berekening.regelversie,
        uren=gewerkt,
        netto_loon=netto,
        bruto_loon=bruto,
        gecorrigeerd=gecorrigeerd,
        reden=reden,
        netto_maand=maand.netto,
        bijstandsnorm=bedrag(rij["bijstandsnorm"]),
        inkomensvrijlating=bedrag(rij["inkomensvrijlating"]),
        bijstand=nieuw_bijstand,
        zelf_verdiend=bedrag(rij["zelf_verdiend"]),
        corrigeert=vorige,
        verschil=(nieuw_bijstand - vorige.bijstand) if vorige is not None else None,
        verrekenen_in=(
            max(volgende_maand(verklaring.maand), timezone.localdate().replace(day=1))
            if vorige is not None
            else None
        ),
        verrekend_door=door,
    )
    verklaring.status = Status.VERREKEND
    verklaring.ontbreekt = ""
    verklaring.save(update_fields=["status", "ontbreekt", "bijgewerkt_op"])
    inzage_vastleggen(
        gebruiker=door,
        klant=klant,
        onderdeel=ONDERDEEL,
        actie=Actie.WIJZIGEN,
        doel=f"Inkomstenverklaring {verklaring.kenmerk} verrekend",
    )
    return verrekening


def in_behandeling_nemen(verklaring: Inkomstenverklaring, *, door: Gebruiker | None) -> bool:
    """The income desk picks a declaration up. False when it was already settled (nothing done)."""
    bijgewerkt = Inkomstenverklaring.objects.filter(
        pk=verklaring.pk, status__in=[Status.ONTVANGEN, Status.AANVULLING_NODIG]
    ).update(status=Status.IN_BEHANDELING, bijgewerkt_op=timezone.now())
    if bijgewerkt:
        verklaring.refresh_from_db(fields=["status", "bijgewerkt_op"])
        inzage_vastleggen(
            gebruiker=door,
            klant=verklaring.klant,
            onderdeel=ONDERDEEL,
            actie=Actie.WIJZIGEN,
            doel=f"Inkomstenverklaring {verklaring.kenmerk} in behandeling genomen",
        )
    return bool(bijgewerkt)


def aanvulling_vragen(
    verklaring: Inkomstenverklaring, *, door: Gebruiker | None, ontbreekt: str
) -> None:
    """'We missen nog iets': exactly what, in words the client reads. Raises ValidationError."""
    ontbreekt = ontbreekt.strip()
    if not ontbreekt:
        raise ValidationError(
            {
                "ontbreekt": _(
                    "Schrijf precies wat er ontbreekt, bijvoorbeeld: de loonstrook van week 40."
                )
            }
        )
    if verklaring.status == Status.VERREKEND:
        raise ValidationError(_("Deze verklaring is al verrekend."))
    verklaring.status = Status.AANVULLING_NODIG
    verklaring.ontbreekt = ontbreekt[:2000]
    verklaring.save(update_fields=["status", "ontbreekt", "bijgewerkt_op"])
    inzage_vastleggen(
        gebruiker=door,
        klant=verklaring.klant,
        onderdeel=ONDERDEEL,
        actie=Actie.WIJZIGEN,
        doel=f"Inkomstenverklaring {verklaring.kenmerk}: aanvulling gevraagd",
    )


@transaction.atomic
def schatting_corrigeren(
    verrekening: Verrekening,
    *,
    door: Gebruiker | None,
    netto_loon: Decimal,
    uren: Decimal,
    bruto_loon: Decimal | None = None,
    reden: str = "",
) -> Verrekening:
    """The administrator enters the real figures of an estimated month (the payslip came by
    another way): recorded as a new declaration for the same job and month, settled at once,
    correcting the estimate's settlement like a client's own follow-up declaration would."""
    oud = verrekening.verklaring
    nieuw = Inkomstenverklaring.objects.create(
        gemeente_id=oud.gemeente_id,
        klant=oud.klant,
        baan=oud.baan,
        maand=oud.maand,
        uren=uren,
        netto_loon=netto_loon,
        bruto_loon=bruto_loon,
        schatting=False,
        kenmerk=nieuw_kenmerk(),
        ingediend_door=door,
        status=Status.IN_BEHANDELING,
    )
    return verrekenen(nieuw, door=door, reden=reden)


def voorbeeld(klant: Klant, maand: date) -> dict[str, Any] | None:
    """What we expect to settle for a month that is not settled yet (the client's preview): the
    engine on the declared figures, with its explanation. Nothing is stored. None when the engine
    cannot compute this household."""
    inkomen = maandinkomen(klant, maand)
    try:
        return regels.bereken(invoer_voor_maand(klant, maand, inkomen.netto), uitleg=True)
    except regels.InvoerFout:
        return None
