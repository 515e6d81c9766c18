"""The web app's door to the rules engine: build the input from what the municipality
already knows (never ask twice), calculate, and keep the explanation with a decision."""

from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction

import regels
from opstap.accounts.models import Gebruiker
from opstap.klanten.models import Klant
from opstap.privacy.models import Actie
from opstap.privacy.services import inzage_vastleggen
from opstap.werkgevers.models import Vacature
from regels.invoer import leeftijd
from regels.peilparameters import peilparameters

from .models import Berekening
from .rekendatum import rekendatum

UREN_NIVEAUS = list(range(0, 41))  # 0–40 hours a week, every hour


def minimumloon_per_uur(peildatum: date) -> Decimal:
    """The statutory minimum hourly wage (21+) from the rules engine: the default for 'what if'.
    After the engine's last known date: the last known wage (see rekendatum)."""
    return Decimal(peilparameters(rekendatum(peildatum).datum).wml_uur) / 100


def invoer_voor_klant(klant: Klant, *, peildatum: date, werk: dict[str, Any]) -> dict[str, Any]:
    """The household as the engine's JSON contract wants it, from what the municipality already
    knows (never ask twice). A `peildatum` after the engine's last known date becomes that date
    (rekendatum: the result is then provisional; the caller says so)."""
    peildatum = rekendatum(peildatum).datum
    partner = getattr(klant, "partner", None)
    extra: dict[str, Any] = {}
    if klant.bijstand_sinds is not None:
        # Years on a low income (some local provisions require 3+): known from our own records.
        extra["jaren_laag_inkomen"] = max(leeftijd(klant.bijstand_sinds, peildatum), 0)
    return {
        **extra,
        "peildatum": peildatum.isoformat(),
        "gemeente": klant.gemeente.regels_code,
        "aanvrager": {"geboortedatum": klant.geboortedatum.isoformat()},
        "partner": {"geboortedatum": partner.geboortedatum.isoformat()} if partner else None,
        # Only children under 18 count as children for bijstand and toeslagen; an older child at home
        # is a housemate (a kostendeler from 27, recorded as such), not a child.
        "kinderen": [
            {"geboortedatum": k.geboortedatum.isoformat()}
            for k in klant.kinderen.all()
            if leeftijd(k.geboortedatum, peildatum) < 18
        ],
        "kostendelers": klant.kostendelers,
        "kale_huur": float(klant.kale_huur),
        "servicekosten": float(klant.servicekosten),
        "vermogen": float(klant.vermogen),
        "vrijlating_maanden_gebruikt": klant.vrijlating_maanden_gebruikt,
        "medisch_urenbeperkt": klant.medisch_urenbeperkt,
        "werk": werk,
    }


def bereken(
    invoer: dict[str, Any], *, uitleg: bool = False, variant_regel: str = ""
) -> dict[str, Any]:
    """Raises regels.InvoerFout with a Dutch message naming the field. `variant_regel` adds the
    same household under an alternative rule, side by side (B4)."""
    varianten = [{"naam": variant_regel, "regel": variant_regel}] if variant_regel else None
    return regels.bereken(invoer, uitleg=uitleg, varianten=varianten)


@transaction.atomic
def berekening_vastleggen(
    *,
    klant: Klant | None,
    gemeente_id: int,
    door: Gebruiker | None,
    doel: str,
    invoer: dict[str, Any],
    uren_per_week: float | None = None,
) -> Berekening:
    """Keep a calculation with what was decided or advised from it: input, result, the full
    explanation and the rule version — recomputed here, never taken from the browser."""
    uitkomst = regels.bereken(invoer, uitleg=True)
    toelichting = uitkomst.pop("uitleg", {})
    berekening = Berekening.objects.create(
        gemeente_id=gemeente_id,
        klant=klant,
        gemaakt_door=door,
        doel=doel,
        peildatum=date.fromisoformat(invoer["peildatum"]),
        uren_per_week=Decimal(str(uren_per_week)) if uren_per_week is not None else None,
        regelversie=str(uitkomst.get("regelversie") or regels.REGELVERSIE),
        invoer=invoer,
        uitkomst=uitkomst,
        uitleg=toelichting,
    )
    if klant is not None:
        inzage_vastleggen(
            gebruiker=door,
            klant=klant,
            onderdeel="huishouden en inkomen",
            actie=Actie.AANMAKEN,
            doel=f"Berekening vastgelegd: {doel}",
        )
    return berekening


def uren_bij_vacature(vacature: Vacature, gevraagd: int | None, max_uren: int | None) -> int:
    """The hours to compute a vacancy at: what was asked if the vacancy allows it, otherwise the
    most the vacancy offers that the client can work (never below the vacancy's minimum)."""
    laag, hoog = vacature.uren_per_week_min, vacature.uren_per_week_max
    if gevraagd is not None and laag <= gevraagd <= hoog:
        return gevraagd
    if max_uren is not None:
        return max(laag, min(hoog, max_uren))
    return hoog
