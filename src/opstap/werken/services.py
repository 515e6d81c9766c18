import hashlib
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

import regels
from opstap.accounts.models import Gebruiker
from opstap.contact.bijlagen import BijlageFout, bijlage_soort
from opstap.inkomen.selectors import vrijlating_stand
from opstap.inkomen.services import invoer_voor_klant
from opstap.klanten.models import Klant

from .models import (
    Aandachtspunt,
    Baan,
    BaanWijziging,
    Contract,
    MoeilijkeStart,
    Startgesprek,
    Werkstand,
    WijzigingSoort,
)
from .rekenen import geld_met_banen

CONTRACT_MAX_BYTES = 5 * 1024 * 1024  # below the upload limit of a request (6 MB)
MAX_NOTITIE = 2000


@transaction.atomic
def baan_aanmelden(
    *, klant: Klant, gegevens: dict[str, Any], door: Gebruiker | None = None
) -> Baan:
    """Store a reported job; `gegevens` holds the model's fields. Raises ValidationError (Dutch).
    Plans the check-ins of the first weeks and stores what the engine finds for the signals."""
    baan = Baan(klant=klant, gemeente_id=klant.gemeente_id, **gegevens)
    if baan.oproepcontract:
        baan.uren_per_week = None
    baan.full_clean()
    baan.save()
    BaanWijziging.objects.create(
        gemeente_id=klant.gemeente_id,
        baan=baan,
        soort=WijzigingSoort.AANGEMELD,
        ingaand_op=baan.begonnen_op,
        velden={v: [None, _tekst(getattr(baan, v))] for v in GEVOLGDE_VELDEN},
        door=door,
    )
    startgesprekken_plannen(baan)
    werkstand_bijwerken(klant)
    return baan


GEVOLGDE_VELDEN = ("uren_per_week", "bruto_uurloon", "einde_op")


def _tekst(waarde: Any) -> str | None:
    if waarde is None:
        return None
    if isinstance(waarde, date):
        return waarde.isoformat()
    return str(waarde)


@transaction.atomic
def baan_wijzigen(
    *,
    baan: Baan,
    door: Gebruiker,
    ingaand_op: date,
    uren_per_week: Decimal | None,
    bruto_uurloon: Decimal,
    einde_op: date | None,
) -> BaanWijziging | None:
    """The client changes hours or wage, or ends the job (einde_op). The old values stay in the
    history. None when nothing changed. Raises ValidationError (Dutch)."""
    baan = Baan.objects.select_for_update().get(pk=baan.pk)
    nieuw = {
        "uren_per_week": None if baan.oproepcontract else uren_per_week,
        "bruto_uurloon": bruto_uurloon,
        "einde_op": einde_op,
    }
    if not baan.oproepcontract and uren_per_week is None:
        raise ValidationError({"uren_per_week": "Vul in hoeveel uur per week je nu werkt."})
    if ingaand_op < baan.begonnen_op:
        raise ValidationError(
            {"ingaand_op": "Deze datum ligt voor de start van je baan. Kies een latere datum."}
        )
    velden = {
        v: [_tekst(getattr(baan, v)), _tekst(nieuw[v])]
        for v in GEVOLGDE_VELDEN
        if getattr(baan, v) != nieuw[v]
    }
    if not velden:
        return None
    for veld, waarde in nieuw.items():
        setattr(baan, veld, waarde)
    baan.full_clean()
    baan.save(update_fields=list(nieuw))
    soort = (
        WijzigingSoort.BEEINDIGD
        if "einde_op" in velden and einde_op is not None
        else WijzigingSoort.GEWIJZIGD
    )
    wijziging = BaanWijziging.objects.create(
        gemeente_id=baan.gemeente_id,
        baan=baan,
        soort=soort,
        ingaand_op=einde_op if soort == WijzigingSoort.BEEINDIGD and einde_op else ingaand_op,
        velden=velden,
        door=door,
    )
    werkstand_bijwerken(baan.klant)
    return wijziging


def werkstand_bijwerken(klant: Klant, *, peildatum: date | None = None) -> Werkstand | None:
    """Store what the engine finds for the client's running jobs together (exit hours, end of the
    income exemption), for the caseload's signals. Outside the model: nothing stored."""
    peildatum = peildatum or timezone.localdate()
    banen = list(Baan.objects.filter(klant=klant, gemeente_id=klant.gemeente_id))
    try:
        geld = geld_met_banen(klant, banen, peildatum=peildatum)
    except regels.InvoerFout:
        geld = None
    Werkstand.objects.filter(klant=klant).delete()
    if geld is None:
        return None
    v = geld.vrijlating
    return Werkstand.objects.create(
        gemeente_id=klant.gemeente_id,
        klant=klant,
        berekend_op=peildatum,
        uren_per_week=geld.uren_per_week,
        uren_uit_bijstand=geld.uren_uit_bijstand,
        vrijlating_tot=(v.daarna_tot or v.laatste_maand) if v.soort == "loopt" else None,
    )


def geld_bij_baan(baan: Baan, *, peildatum: date | None = None) -> dict[str, Any] | None:
    """What this job means for the client's money per month, by the engine, next to not working.
    None for an on-call contract (no fixed hours to compute with). Raises regels.InvoerFout."""
    if baan.uren_per_week is None:
        return None
    peildatum = peildatum or timezone.localdate()
    invoer = invoer_voor_klant(
        baan.klant,
        peildatum=peildatum,
        werk={
            "bruto_uurloon": float(baan.bruto_uurloon),
            "uren_per_week": [0, float(baan.uren_per_week)],
        },
    )
    uitkomst = regels.bereken(
        invoer, uitleg=True
    )  # the explanation says how long the vrijlating runs
    nul, met_baan = uitkomst["resultaten"][0], uitkomst["resultaten"][1]
    return {
        "zonder_werk": Decimal(str(nul["totaal_netto_per_maand"])),
        "met_werk": Decimal(str(met_baan["totaal_netto_per_maand"])),
        "zelf_verdiend": Decimal(
            str(met_baan.get("zelf_verdiend", met_baan["netto_loon_per_maand"]))
        ),
        "bijstand": Decimal(str(met_baan["bijstand"])),
        "verschil": Decimal(str(met_baan["totaal_netto_per_maand"]))
        - Decimal(str(nul["totaal_netto_per_maand"])),
        "waarschuwingen": list(uitkomst.get("waarschuwingen") or []),
        # How much of the wage the client keeps, until when, and what comes after (D1).
        "vrijlating": vrijlating_stand(uitkomst, 1, vandaag=peildatum),
    }


# --- D2: contract check and a good start ---------------------------------------------------------


@transaction.atomic
def contract_uploaden(*, baan: Baan, bestand: "UploadedFile[Any]") -> Contract:
    """Store the client's employment contract, encrypted, for the contact person to check. The type
    comes from the bytes (contact.bijlagen); raises ValidationError with a Dutch message."""
    if bestand.size is not None and bestand.size > CONTRACT_MAX_BYTES:
        mb = CONTRACT_MAX_BYTES // (1024 * 1024)
        raise ValidationError(
            {
                "bestand": f"Dit bestand is te groot. Je contract mag hooguit {mb} MB zijn. "
                "Maak een kleinere foto of kies een ander bestand."
            }
        )
    if not bestand.size:
        raise ValidationError({"bestand": "Dit bestand is leeg. Kies een ander bestand."})
    try:
        soort = bijlage_soort(bestand)
    except BijlageFout as fout:
        raise ValidationError({"bestand": str(fout)}) from fout
    bestand.seek(0)
    inhoud = bestand.read()
    contract = Contract(
        gemeente_id=baan.gemeente_id,
        klant_id=baan.klant_id,
        baan=baan,
        bestand_naam=(bestand.name or "")[:200],
        bestand_type=soort,
        bestand_sha256=hashlib.sha256(inhoud).hexdigest(),
    )
    bestand.seek(0)
    contract.bestand.save("contract", bestand, save=False)
    contract.save()
    return contract


@transaction.atomic
def contract_controleren(
    *, contract: Contract, door: Gebruiker, opmerking: str, aandachtspunten: list[str]
) -> Contract:
    """The contact person marks the contract checked, with a kind comment the client reads."""
    opmerking = (opmerking or "").strip()
    if not opmerking:
        raise ValidationError(
            {"opmerking": "Schrijf een korte opmerking voor je klant, ook als alles goed is."}
        )
    if len(opmerking) > MAX_NOTITIE:
        raise ValidationError({"opmerking": f"Schrijf hooguit {MAX_NOTITIE} tekens."})
    geldig = set(Aandachtspunt.values)
    contract.aandachtspunten = [p for p in aandachtspunten if p in geldig]
    contract.opmerking = opmerking
    contract.gecontroleerd_op = timezone.now()
    contract.gecontroleerd_door = door
    contract.save(
        update_fields=["aandachtspunten", "opmerking", "gecontroleerd_op", "gecontroleerd_door"]
    )
    return contract


def startgesprekken_plannen(baan: Baan) -> list[Startgesprek]:
    """Check-ins in the weeks after the start that the municipality set (werk_startgesprekken_weken)."""
    weken = baan.klant.gemeente.instelling("werk_startgesprekken_weken", [1, 2, 4, 8])
    uit = []
    for week in sorted({int(w) for w in weken if 0 < int(w) <= 52}):  # type: ignore[attr-defined]
        gesprek, _ = Startgesprek.objects.get_or_create(
            baan=baan,
            week=week,
            defaults={
                "gemeente_id": baan.gemeente_id,
                "gepland_op": baan.begonnen_op + timedelta(weeks=week),
            },
        )
        uit.append(gesprek)
    return uit


@transaction.atomic
def startgesprek_afronden(*, gesprek: Startgesprek, door: Gebruiker, notitie: str) -> Startgesprek:
    notitie = (notitie or "").strip()
    if len(notitie) > MAX_NOTITIE:
        raise ValidationError({"notitie": f"Schrijf hooguit {MAX_NOTITIE} tekens."})
    gesprek.gedaan_op = timezone.now()
    gesprek.gedaan_door = door
    gesprek.notitie = notitie
    gesprek.save(update_fields=["gedaan_op", "gedaan_door", "notitie"])
    return gesprek


@transaction.atomic
def moeilijke_start_melden(*, baan: Baan, door: Gebruiker, toelichting: str) -> MoeilijkeStart:
    toelichting = (toelichting or "").strip()
    if len(toelichting) > MAX_NOTITIE:
        raise ValidationError({"toelichting": f"Schrijf hooguit {MAX_NOTITIE} tekens."})
    open_melding = baan.moeilijke_starts.filter(opgelost_op__isnull=True).first()
    if open_melding is not None:
        if toelichting:
            open_melding.toelichting = f"{open_melding.toelichting}\n{toelichting}".strip()[
                :MAX_NOTITIE
            ]
            open_melding.save(update_fields=["toelichting"])
        return open_melding
    return MoeilijkeStart.objects.create(
        gemeente_id=baan.gemeente_id, baan=baan, gemeld_door=door, toelichting=toelichting
    )


@transaction.atomic
def moeilijke_start_opgelost(*, baan: Baan) -> int:
    return baan.moeilijke_starts.filter(opgelost_op__isnull=True).update(opgelost_op=timezone.now())
