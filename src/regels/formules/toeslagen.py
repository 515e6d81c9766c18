"""Toeslagen and kinderbijslag: zorgtoeslag, huurtoeslag, kindgebonden budget, kinderbijslag,
kinderopvangtoeslag. Yearly amounts are turned into a month (1/12) with one half-up rounding."""

from __future__ import annotations

from functools import lru_cache
from math import lcm
from typing import cast

import numpy as np
import numpy.typing as npt

from regels.geld import maal_tarief
from regels.peilparameters import PeilParameters

I64 = npt.NDArray[np.int64]
B = npt.NDArray[np.bool_]


def _afgebouwd(
    inkomen: I64, helling: int | I64, begin: I64, maximum: I64, minimum: int, deler: int
) -> I64:
    """``(begin - helling x inkomen)`` kept between ``minimum`` and ``maximum``, floor-divided by ``deler``.

    The shape of every income-dependent toeslag: a maximum, lowered by a percentage of the
    income above a threshold, never below nul, rounded to cents. The callers fold the threshold,
    the half-up rounding and the right to the toeslag into ``begin``, ``maximum`` and
    ``minimum`` per household, so each level takes five passes over the data.
    """
    uit = np.multiply(inkomen, helling)
    np.subtract(begin, uit, out=uit)
    np.minimum(uit, maximum, out=uit)
    np.maximum(uit, minimum, out=uit)
    return cast(I64, np.floor_divide(uit, deler, out=uit))


@lru_cache(maxsize=128)
def _zorgtoeslag_constanten(p: PeilParameters) -> tuple[int, int, tuple[int, int], tuple[int, int]]:
    """(d, afbouw over d, yearly toeslag at the drempel over d, the same plus afbouw x drempel),
    the last two for (alleenstaande, with partner)."""
    d = lcm(p.zt_afbouw.den, p.zt_alleen.den, p.zt_partner.den)
    afbouw = p.zt_afbouw.num * (d // p.zt_afbouw.den)
    bij_drempel = (
        p.zt_standaardpremie * d - p.zt_alleen.num * (d // p.zt_alleen.den) * p.zt_drempel,
        2 * p.zt_standaardpremie * d - p.zt_partner.num * (d // p.zt_partner.den) * p.zt_drempel,
    )
    return (
        d,
        afbouw,
        bij_drempel,
        (bij_drempel[0] + afbouw * p.zt_drempel, bij_drempel[1] + afbouw * p.zt_drempel),
    )


def zorgtoeslag(p: PeilParameters, toetsingsinkomen: I64, heeft_partner: B, recht: B) -> I64:
    """Wet op de zorgtoeslag art. 2: standaardpremie minus normpremie, per month (art. 2 lid 5).

    Per year, over a common denominator d: max(premie - normpremie(drempel) - afbouw x
    max(T - drempel, 0), 0); a month is that / 12, half up. Without a right: 0.
    """
    d, afbouw, bij_drempel, begin = _zorgtoeslag_constanten(p)
    # At or below the drempel: premie - normpremie(drempel); above it, afbouw per euro less.
    # Without a right, both bounds are 6d: the month is then 6d // 12d = 0.
    maximum = np.where(
        recht, np.where(heeft_partner, bij_drempel[1] + 6 * d, bij_drempel[0] + 6 * d), 6 * d
    )
    start = np.where(recht, np.where(heeft_partner, begin[1] + 6 * d, begin[0] + 6 * d), 6 * d)
    return _afgebouwd(toetsingsinkomen, afbouw, start, maximum, 6 * d, 12 * d)


def kindgebonden_budget_basis(
    p: PeilParameters, kinderen: I64, kinderen_12_15: I64, kinderen_16_17: I64, heeft_partner: B
) -> I64:
    """Wet op het kindgebonden budget art. 2 lid 2-6: yearly maximum incl. alleenstaande-ouderkop."""
    kop = np.where(~heeft_partner & (kinderen > 0), p.kgb_alo, 0)
    return kinderen * p.kgb_kind + kinderen_12_15 * p.kgb_12_15 + kinderen_16_17 * p.kgb_16_17 + kop


def kindgebonden_budget(
    p: PeilParameters, basis_jaar: I64, toetsingsinkomen: I64, heeft_partner: B, recht: B
) -> I64:
    """Art. 2 lid 7-8: reduced by 7,60 % of the income above the drempel (+ extra drempel with partner).

    Per year over the denominator d: max(basis - afbouw x max(T - drempel, 0), 0); a month is
    that / 12, half up. Without a right: 0.
    """
    drempel = p.kgb_drempel + np.where(heeft_partner, p.kgb_partner_extra, 0)
    d, afbouw = p.kgb_afbouw.den, p.kgb_afbouw.num
    maximum = basis_jaar * d * recht
    begin = maximum + afbouw * drempel * recht
    return _afgebouwd(toetsingsinkomen, afbouw, begin + 6 * d, maximum + 6 * d, 6 * d, 12 * d)


def kinderbijslag(p: PeilParameters, k0_5: I64, k6_11: I64, k12_17: I64) -> I64:
    """AKW art. 11 lid 2 and art. 12 lid 3: quarterly amounts by the child's age on the first day
    of the quarter (counts given that way), shown per month (/3, half up)."""
    kwartaal = k0_5 * p.kb_0_5 + k6_11 * p.kb_6_11 + k12_17 * p.kb_12_17
    return (kwartaal + 1) // 3


def rekenhuur(p: PeilParameters, kale_huur: I64, servicekosten: I64) -> I64:
    """Wet op de huurtoeslag art. 5 lid 1: from 2026 the huurprijs alone; until 2025 the service
    costs counted too (dated parameter ``huurtoeslag.servicekosten_in_rekenhuur``), at most four
    kinds of EUR 12 each (art. 5 lid 3: ``huurtoeslag.servicekosten_maximum``)."""
    return (
        kale_huur + np.minimum(servicekosten, p.ht_servicekosten_max)
        if p.ht_servicekosten
        else kale_huur
    )


def huurtoeslag_maximum(p: PeilParameters, rekenhuur: I64, meerpersoons: B, drie_of_meer: B) -> I64:
    """Wet op de huurtoeslag art. 21 lid 1: subsidy at the lowest incomes (cents per month).

    100 % between basishuur and kwaliteitskortingsgrens, then the AMvB percentages up to the
    aftoppingsgrens and up to the maximale huurgrens; the part above that grens is not
    subsidised (art. 21 lid 1 onderdeel d, from 2026). Until 2025 a rekenhuur above the grens
    gave no huurtoeslag at all (art. 13 lid 1; ``huurtoeslag.geen_huurtoeslag_boven_maximale_huurgrens``).
    """
    basishuur = np.where(meerpersoons, p.ht_basishuur_meer, p.ht_basishuur_een)
    aftop = np.where(drie_of_meer, p.ht_aftop_groot, p.ht_aftop_klein)
    deel1 = np.maximum(np.minimum(rekenhuur, p.ht_kkg) - basishuur, 0)
    deel2 = np.maximum(np.minimum(rekenhuur, aftop) - np.maximum(basishuur, p.ht_kkg), 0)
    deel3 = np.maximum(np.minimum(rekenhuur, p.ht_max_huur) - np.maximum(basishuur, aftop), 0)
    s = deel1 + maal_tarief(deel2, p.ht_pct_aftop) + maal_tarief(deel3, p.ht_pct_boven)
    if p.ht_geen_boven_max:
        return np.where(rekenhuur > p.ht_max_huur, 0, s)
    return cast(I64, s)


def huurtoeslag(
    p: PeilParameters,
    maximum: I64,
    toetsingsinkomen: I64,
    medebewoners_inkomen: I64,
    meerpersoons: B,
) -> I64:
    """Art. 21 lid 2: minus (rekeninkomen - minimum-inkomensijkpunt) x afbouwpercentage / 12, never below 0.

    The rekeninkomen is the toetsingsinkomen plus the income of the other residents (art. 1
    onderdeel i). The monthly reduction is rounded half up before it is subtracted.
    """
    ijkpunt = np.where(meerpersoons, p.ht_ijkpunt_meer, p.ht_ijkpunt_een)
    d = p.ht_afbouw_een.den * p.ht_afbouw_meer.den
    pct = np.where(
        meerpersoons,
        p.ht_afbouw_meer.num * p.ht_afbouw_een.den,
        p.ht_afbouw_een.num * p.ht_afbouw_meer.den,
    )
    # With q = 12d and the reduction k = (pct x max(R - ijkpunt, 0) + 6d) // q (R >= 0):
    # max(maximum - k, 0) = max(q x maximum + q - 1 - 6d - pct x max(R - ijkpunt, 0), 0) // q.
    q = 12 * d
    hoogst = q * maximum + (q - 1 - 6 * d)
    begin = cast(I64, hoogst + pct * (ijkpunt - medebewoners_inkomen))
    return _afgebouwd(toetsingsinkomen, pct, begin, hoogst, 0, q)


def kinderopvangtoeslag(
    p: PeilParameters, uren: I64, uurprijs: I64, kinderen_onder_12: I64, werkt: B
) -> tuple[I64, I64]:
    """Wet kinderopvang: (toeslag, kosten) per month; 96 % of the capped hourly price x capped hours."""
    vergoede_uren = np.minimum(uren, p.kot_max_uren * kinderen_onder_12)
    vergoed = vergoede_uren * np.minimum(uurprijs, p.kot_max_uurprijs)
    toeslag = np.where(werkt, maal_tarief(vergoed, p.kot_percentage), 0)
    kosten = np.where(werkt, uren * uurprijs, 0)
    return toeslag, kosten
