"""Recalculate a whole caseload at 0–40 hours a week, for policy staff (issue 3, B4).

The rules engine computes every household; only totals leave this module, suppressed by the
one rule in onderdrukking.py (small groups, and what would give them back by subtraction).
"""

import logging
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

import numpy as np
import numpy.typing as npt

from django.db import transaction
from django.utils import timezone

import regels
from opstap.accounts.models import Gebruiker
from opstap.gemeenten.models import Gemeente
from opstap.inkomen.services import UREN_NIVEAUS, invoer_voor_klant, minimumloon_per_uur
from opstap.klanten.models import Klant
from opstap.privacy.services import inzages_door_systeem
from opstap.taken import taak

from .models import Aanpak, Doorrekening
from .onderdrukking import gemiddelde_toonbaar, onderdruk, onderdruk_met_totaal, onderdruk_oplopend

logger = logging.getLogger(__name__)

DOORREKENEN = (
    "opstap.beleid.tasks.doorrekening_uitvoeren"  # queued by name: tasks import this module
)

BLOKGROOTTE = 500  # clients per step: progress is saved after every block
# Bands of "hours a week at which bijstand ends" shown to policy staff.
UREN_BANDEN = ((0, 8), (8, 16), (16, 24), (24, 32), (32, 40.0001))
EEN_EURO = 100  # cents: smaller differences count as "the same"


@dataclass
class _Telling:
    """Running totals of one scenario over all blocks (cents, counts)."""

    niveaus: int
    som_totaal: npt.NDArray[np.int64] = field(init=False)
    met_bijstand: npt.NDArray[np.int64] = field(init=False)
    armoedeval: int = 0
    uren_uit: list[npt.NDArray[np.float64]] = field(default_factory=list)
    totalen: list[npt.NDArray[np.int64]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.som_totaal = np.zeros(self.niveaus, dtype=np.int64)
        self.met_bijstand = np.zeros(self.niveaus, dtype=np.int64)

    def voeg_toe(self, uitkomst: dict[str, npt.NDArray[Any]]) -> None:
        totaal = uitkomst["totaal_netto_per_maand"]
        self.som_totaal += totaal.sum(axis=0)
        self.met_bijstand += (uitkomst["bijstand"] > 0).sum(axis=0)
        self.armoedeval += int((np.diff(totaal, axis=1) < 0).any(axis=1).sum())
        self.uren_uit.append(uitkomst["uren_uit_bijstand"])
        self.totalen.append(totaal)

    def samenvatting(self, aantal: int, aantal_getoond: int | None) -> dict[str, Any]:
        """Totals of `aantal` households; `aantal_getoond` is that group size as published."""
        uren = np.concatenate(self.uren_uit) if self.uren_uit else np.zeros(0)
        bereikt = uren[~np.isnan(uren)]
        # Exit hours per band plus "not within 40 hours": one table over all households. Bijstand
        # only falls with more hours, so a band is also the difference of "still on bijstand" at
        # its edges; a band whose edge level is hidden in that series is hidden too.
        met_bijstand = onderdruk_oplopend(aantal_getoond, [int(n) for n in self.met_bijstand])
        niveau = {u: i for i, u in enumerate(UREN_NIVEAUS)}

        def rand_getoond(uur: float) -> bool:  # "still on bijstand" just below this hour
            return uur == 0 or met_bijstand[niveau[int(uur) - 1]] is not None

        ruwe_banden = [int(((bereikt >= van) & (bereikt < tot)).sum()) for van, tot in UREN_BANDEN]
        niet_binnen_40 = int(np.isnan(uren).sum())
        gekoppeld = {
            i
            for i, (van, tot) in enumerate(UREN_BANDEN)
            if not (rand_getoond(van) and rand_getoond(min(tot, 40) + (tot > 40)))
        }
        if met_bijstand[-1] is None:
            gekoppeld |= {len(UREN_BANDEN)}  # the last level of the series is "not within 40"
        if aantal_getoond is None:  # counts inside a hidden group would narrow the group down
            banden: list[int | None] = [None] * (len(UREN_BANDEN) + 1)
        else:
            banden = onderdruk(
                ruwe_banden + [niet_binnen_40], nooit_getoond=gekoppeld, beschermd=gekoppeld
            )
        # A household has a poverty trap or not: the rest is not published but is known.
        armoedeval = (
            onderdruk([self.armoedeval, aantal - self.armoedeval], nooit_getoond={1})[0]
            if aantal_getoond is not None
            else None
        )
        # An average says nothing about how many there are: shown for any group of 10 or more.
        toonbaar = gemiddelde_toonbaar(aantal)
        return {
            "gemiddeld_totaal_per_maand": [
                round(float(s) / aantal / 100, 2) if toonbaar else None for s in self.som_totaal
            ],
            "met_bijstand": met_bijstand,
            "armoedeval_huishoudens": armoedeval,
            "uren_uit_bijstand_banden": [
                {"van": van, "tot": min(tot, 40), "aantal": n}
                for (van, tot), n in zip(UREN_BANDEN, banden, strict=False)
            ],
            "uren_uit_bijstand_niet_binnen_40": banden[-1],
            "mediaan_uren_uit_bijstand": round(float(np.median(bereikt)), 1)
            if toonbaar and gemiddelde_toonbaar(bereikt.size)
            else None,
        }


def doorrekening_starten(
    *,
    door: Gebruiker,
    gemeente: Gemeente,
    peildatum: date,
    bruto_uurloon: Decimal | None = None,
    variant_naam: str = "",
    variant_regel: str = "",
    variant_parameters: dict[str, float] | None = None,
) -> Doorrekening:
    """Queue a recalculation; a Celery worker runs it (in-process under `make run` and in tests).

    Raises regels.InvoerFout when the variant names an unknown rule or parameter."""
    parameters = variant_parameters or {}
    # Check the date and the variant now (zero households: instant), not later in the worker.
    regels.bereken_batch(
        peildatum,
        {},
        np.zeros(0, dtype=np.int64),
        [0],
        parameters=parameters or None,
        regel=variant_regel or None,
    )
    doorrekening = Doorrekening.objects.create(
        gemeente=gemeente,
        gestart_door=door,
        peildatum=peildatum,
        bruto_uurloon=bruto_uurloon,
        variant_naam=variant_naam,
        variant_regel=variant_regel,
        variant_parameters=parameters,
        aantal_totaal=Klant.objects.filter(gemeente=gemeente).count(),
    )
    transaction.on_commit(lambda: taak(DOORREKENEN).delay(doorrekening.pk))
    return doorrekening


def _blokken(gemeente: Gemeente) -> Any:
    klanten = (
        Klant.objects.filter(gemeente=gemeente)
        .select_related("gemeente", "partner")
        .prefetch_related("kinderen")
        .order_by("pk")
    )
    ids = list(klanten.values_list("pk", flat=True))
    for start in range(0, len(ids), BLOKGROOTTE):
        yield list(klanten.filter(pk__in=ids[start : start + BLOKGROOTTE]))


def doorrekening_uitvoeren(doorrekening: Doorrekening) -> Doorrekening:
    """Compute every client of the municipality at 0–40 hours, base and variant; keep totals."""
    d = doorrekening
    gemeente = d.gemeente
    uurloon = d.bruto_uurloon or minimumloon_per_uur(d.peildatum)
    uurloon_cent = int(uurloon * 100)
    Doorrekening.objects.filter(pk=d.pk).update(status=Doorrekening.Status.BEZIG, aantal_verwerkt=0)
    niveaus = len(UREN_NIVEAUS)
    basis, variant = _Telling(niveaus), _Telling(niveaus)
    beter = np.zeros(niveaus, dtype=np.int64)
    slechter = np.zeros(niveaus, dtype=np.int64)
    som_verschil = np.zeros(niveaus, dtype=np.int64)
    buiten_model: dict[str, int] = {}
    berekend = verwerkt = 0
    werk = {"bruto_uurloon": float(uurloon), "uren_per_week": [0]}
    uitvoer = ("bijstand", "totaal_netto_per_maand", "uren_uit_bijstand")
    for blok in _blokken(gemeente):
        invoer = [invoer_voor_klant(k, peildatum=d.peildatum, werk=werk) for k in blok]
        huishoudens, geldig, fouten = regels.huishoudens_uit_invoer(invoer)
        for _i, fout in fouten:
            buiten_model[fout.veld or "invoer"] = buiten_model.get(fout.veld or "invoer", 0) + 1
        loon = np.full(len(geldig), uurloon_cent, dtype=np.int64)
        if geldig:
            # The variant is the same batch with another rule or other parameter values.
            zelfde = (d.peildatum, huishoudens, loon, UREN_NIVEAUS)
            opties: dict[str, Any] = {"gemeente": gemeente.regels_code, "uitvoer": uitvoer}
            b = regels.bereken_batch(*zelfde, **opties)
            basis.voeg_toe(b)
            if d.heeft_variant:
                v = regels.bereken_batch(
                    *zelfde,
                    **opties,
                    parameters=d.variant_parameters or None,
                    regel=d.variant_regel or None,
                )
                variant.voeg_toe(v)
                verschil = v["totaal_netto_per_maand"] - b["totaal_netto_per_maand"]
                som_verschil += verschil.sum(axis=0)
                beter += (verschil >= EEN_EURO).sum(axis=0)
                slechter += (verschil <= -EEN_EURO).sum(axis=0)
        inzages_door_systeem(
            blok,
            onderdeel="huishouden en inkomen",
            doel="Beleidsonderzoek: alle huishoudens samen doorgerekend. "
            "Niemand bekijkt jouw gegevens apart; alleen totalen.",
        )
        berekend += len(geldig)
        verwerkt += len(blok)
        Doorrekening.objects.filter(pk=d.pk).update(aantal_verwerkt=verwerkt)
    resultaat = samenvatten(
        totaal=verwerkt,
        berekend=berekend,
        buiten_model=buiten_model,
        basis=basis,
        variant=variant if d.heeft_variant else None,
        som_verschil=som_verschil,
        beter=beter,
        slechter=slechter,
    )
    resultaat["bruto_uurloon"] = float(uurloon)
    Doorrekening.objects.filter(pk=d.pk).update(
        status=Doorrekening.Status.KLAAR,
        aantal_verwerkt=verwerkt,
        aantal_totaal=verwerkt,
        resultaat=resultaat,
        regelversie=regels.REGELVERSIE,
        klaar_op=timezone.now(),
    )
    d.refresh_from_db()
    return d


def samenvatten(
    *,
    totaal: int,
    berekend: int,
    buiten_model: dict[str, int],
    basis: _Telling,
    variant: _Telling | None,
    som_verschil: npt.NDArray[np.int64],
    beter: npt.NDArray[np.int64],
    slechter: npt.NDArray[np.int64],
) -> dict[str, Any]:
    """The stored result: every count through the one suppression rule, so nothing hidden can be
    found back by subtracting shown numbers (the clients in total = computed + outside the model;
    outside the model = the sum per reason; better + the same + worse off = computed)."""
    totaal_getoond, (berekend_getoond, buiten_getoond) = onderdruk_met_totaal(
        totaal, [berekend, sum(buiten_model.values())]
    )
    velden = sorted(buiten_model)
    per_veld: list[int | None] = (
        onderdruk([buiten_model[v] for v in velden])
        if buiten_getoond is not None
        else [None] * len(velden)
    )
    resultaat: dict[str, Any] = {
        "uren": UREN_NIVEAUS,
        "aantal_totaal": totaal_getoond,
        "aantal_berekend": berekend_getoond,
        "buiten_model": dict(zip(velden, per_veld, strict=True)),
        "aantal_buiten_model": buiten_getoond,
        "basis": basis.samenvatting(berekend, berekend_getoond),
    }
    if variant is not None:
        toonbaar = gemiddelde_toonbaar(berekend)
        # Per level: better off, the same (not published) and worse off make up all households.
        per_niveau = [
            onderdruk([int(b), berekend - int(b) - int(s), int(s)], nooit_getoond={1})
            if berekend_getoond is not None
            else [None, None, None]
            for b, s in zip(beter, slechter, strict=True)
        ]
        resultaat["variant"] = {
            **variant.samenvatting(berekend, berekend_getoond),
            "gemiddeld_verschil_per_maand": [
                round(float(s) / berekend / 100, 2) if toonbaar else None for s in som_verschil
            ],
            "beter_af": [rij[0] for rij in per_niveau],
            "slechter_af": [rij[2] for rij in per_niveau],
        }
    return resultaat


def doorrekening_mislukt(pk: int) -> None:
    logger.exception("doorrekening %s mislukt", pk)
    Doorrekening.objects.filter(pk=pk).update(
        status=Doorrekening.Status.MISLUKT,
        melding="De doorrekening is niet gelukt. Er is niets veranderd aan de gegevens. "
        "Probeer het opnieuw; lukt het weer niet, meld het dan bij de beheerder.",
    )


def aanpak_zetten(*, klant: Klant, soort: str, door: Gebruiker) -> Aanpak:
    """Record the client's approach (regular or tailored); `sinds` moves only when it changes."""
    vandaag = timezone.localdate()
    aanpak, nieuw = Aanpak.objects.get_or_create(
        klant=klant, defaults={"soort": soort, "sinds": vandaag, "gezet_door": door}
    )
    if not nieuw and aanpak.soort != soort:
        aanpak.soort, aanpak.sinds, aanpak.gezet_door = soort, vandaag, door
        aanpak.save(update_fields=["soort", "sinds", "gezet_door", "gewijzigd_op"])
    return aanpak
