"""Effectiveness by cohort and approach (F2): Kaplan-Meier curves with confidence intervals.

The estimate is statsmodels' SurvfuncRight (Greenwood standard errors); the 95% interval is the
usual log(-log) transform of it, so it stays between 0 and 1. Shown as "share who reached the
event" (1 - S(t)), by months since the start.

Small cells: a curve is drawn only for a group of at least 10 clients, and every step of a drawn
curve stands for at least 10 events: events are pooled into the first month by which 10 have
happened (a life-table step), and the curve ends where fewer than 10 events remain or fewer than
10 clients are still followed. So no step says "one more person found work in month 7".

This is observational: clients are not assigned an approach at random, so a difference between
the curves does not prove that the approach caused it (the page says so).
"""

import math
from dataclasses import dataclass
from datetime import date

import numpy as np
from statsmodels.duration.survfunc import SurvfuncRight

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .models import Aanpak
from .onderdrukking import MINIMALE_CELGROOTTE, onderdruk
from .verloop import Klantverloop

Z95 = 1.959963984540054
DAGEN_PER_MAAND = 30.4375

UITKOMSTEN: dict[str, str | Promise] = {
    "baan": _("Eerste (parttime) baan"),
    "uitstroom": _("Uitstroom naar werk"),
    "terugval": _("Terugval na een eerste baan"),
}


def maanden_tussen(van: date, tot: date) -> float:
    return max((tot - van).days, 0) / DAGEN_PER_MAAND


def duur_en_gebeurtenis(v: Klantverloop, uitkomst: str, vandaag: date) -> tuple[float, bool] | None:
    """(months followed, event happened) for one client; None when not at risk."""
    if v.start > vandaag:
        return None
    if uitkomst == "baan":
        eerste = v.eerste_baan()
        if eerste is not None and eerste <= vandaag:
            return maanden_tussen(v.start, eerste), True
        return maanden_tussen(v.start, vandaag), False
    if uitkomst == "uitstroom":
        uit = v.uitstroom
        if uit is not None and uit <= vandaag:
            return maanden_tussen(v.start, uit), True
        return maanden_tussen(v.start, vandaag), False
    eerste = v.eerste_baan()  # falling back: from the first job on
    if eerste is None or eerste > vandaag:
        return None
    terug = [d for d in v.terugvallen() if eerste <= d <= vandaag]
    if terug:
        return maanden_tussen(eerste, terug[0]), True
    return maanden_tussen(eerste, vandaag), False


@dataclass(frozen=True)
class Punt:
    maand: float
    aandeel: float  # share that reached the event, 0-1
    onder: float
    boven: float


@dataclass(frozen=True)
class Curve:
    groep: str
    label: str | Promise
    aantal: int | None  # group size; None: under 10 (no curve). Not published: with the choice
    # of cohort, all cohorts minus the others would give a small cohort back.
    punten: list[Punt]


def _gepoold(duren: np.ndarray, gebeurd: np.ndarray) -> tuple[np.ndarray, float]:
    """Event times moved to the end of a pool of at least 10 events; the time after which the
    curve stops (the last full pool)."""
    tijden = np.ceil(duren)  # whole months
    volgorde = np.sort(np.unique(tijden[gebeurd]))
    nieuw = tijden.copy()
    pool_begin, teller, laatste = 0.0, 0, 0.0
    for t in volgorde:
        teller += int(((tijden == t) & gebeurd).sum())
        if teller >= MINIMALE_CELGROOTTE:
            binnen = gebeurd & (tijden > pool_begin) & (tijden <= t)
            nieuw[binnen] = t
            pool_begin, teller, laatste = float(t), 0, float(t)
    return nieuw, laatste


def kaplan_meier(duren: list[float], gebeurd: list[bool]) -> list[Punt]:
    if len(duren) < MINIMALE_CELGROOTTE:
        return []
    d = np.asarray(duren, dtype=float)
    e = np.asarray(gebeurd, dtype=bool)
    tijden, laatste = _gepoold(d, e)
    if laatste == 0.0:
        return [Punt(0.0, 0.0, 0.0, 0.0)]
    sf = SurvfuncRight(tijden, e.astype(int))
    punten = [Punt(0.0, 0.0, 0.0, 0.0)]
    for t, s, se, risico in zip(
        sf.surv_times, sf.surv_prob, sf.surv_prob_se, sf.n_risk, strict=True
    ):
        if t > laatste or risico < MINIMALE_CELGROOTTE:
            break
        if 0 < s < 1 and se > 0 and not math.isnan(se):
            # log(-log S) interval (Kalbfleisch & Prentice), back to S, then to 1 - S
            marge = Z95 * se / (s * abs(math.log(s)))
            s_onder = s ** math.exp(marge)
            s_boven = s ** math.exp(-marge)
        else:
            s_onder = s_boven = s
        punten.append(Punt(float(t), 1 - float(s), 1 - s_boven, 1 - s_onder))
    return punten


def curves(
    verlopen: list[Klantverloop], uitkomst: str, vandaag: date, *, cohort: int | None = None
) -> list[Curve]:
    """One curve per approach, for clients who started in `cohort` (a year) or all of them.
    The group sizes split the cohort (for all cohorts: every client, a number the
    recalculation shows), so they are suppressed together: one small group hides the other."""
    groepen = []
    for soort, label in Aanpak.Soort.choices:
        paren = [
            p
            for v in verlopen
            if v.aanpak == soort
            and (cohort is None or v.start.year == cohort)
            and (p := duur_en_gebeurtenis(v, uitkomst, vandaag)) is not None
        ]
        groepen.append((soort, label, paren))
    aantallen = onderdruk([len(p) for _s, _l, p in groepen])
    return [
        Curve(
            soort,
            label,
            n,
            kaplan_meier([p[0] for p in paren], [p[1] for p in paren])
            if len(paren) >= MINIMALE_CELGROOTTE
            else [],
        )
        for (soort, label, paren), n in zip(groepen, aantallen, strict=True)
    ]


def cohorten(verlopen: list[Klantverloop]) -> list[int]:
    return sorted({v.start.year for v in verlopen})


def aandeel_na(curve: Curve, maanden: float) -> Punt | None:
    """The curve's value at `maanden` (the last step at or before it), if it reaches that far."""
    if not curve.punten or curve.punten[-1].maand < maanden:
        return None
    return [p for p in curve.punten if p.maand <= maanden][-1]
