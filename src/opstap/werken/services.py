from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

import regels
from opstap.inkomen.selectors import vrijlating_stand
from opstap.inkomen.services import invoer_voor_klant
from opstap.klanten.models import Klant

from .models import Baan


@transaction.atomic
def baan_aanmelden(*, klant: Klant, gegevens: dict[str, Any]) -> Baan:
    """Store a reported job; `gegevens` holds the model's fields. Raises ValidationError (Dutch)."""
    baan = Baan(klant=klant, gemeente_id=klant.gemeente_id, **gegevens)
    if baan.oproepcontract:
        baan.uren_per_week = None
    baan.full_clean()
    baan.save()
    return baan


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
        "vrijlating": vrijlating_stand(uitkomst, 1),
    }
