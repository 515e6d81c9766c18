"""Toeslagen and kinderbijslag: zorgtoeslag, huurtoeslag, kindgebonden budget, kinderbijslag,
kinderopvangtoeslag. Yearly amounts are turned into a month (1/12) with one half-up rounding."""

from __future__ import annotations

from math import lcm
from typing import cast

import numpy as np
import numpy.typing as npt

from regels.geld import maal_tarief
from regels.peilparameters import PeilParameters

I64 = npt.NDArray[np.int64]
B = npt.NDArray[np.bool_]


def zorgtoeslag(p: PeilParameters, toetsingsinkomen: I64, heeft_partner: B, recht: B) -> I64:
    """Wet op de zorgtoeslag art. 2: standaardpremie minus normpremie, per month (art. 2 lid 5)."""
    d = lcm(p.zt_afbouw.den, p.zt_alleen.den, p.zt_partner.den)
    alleen = p.zt_alleen.num * (d // p.zt_alleen.den)
    partner = p.zt_partner.num * (d // p.zt_partner.den)
    normpremie_basis = np.where(heeft_partner, partner, alleen) * p.zt_drempel
    premie = (1 + heeft_partner.astype(np.int64)) * p.zt_standaardpremie * d
    boven = toetsingsinkomen - p.zt_drempel  # per level, in place: large batches, few temporaries
    np.maximum(boven, 0, out=boven)
    boven *= p.zt_afbouw.num * (d // p.zt_afbouw.den)
    jaar_teller = np.subtract(premie - normpremie_basis, boven, out=boven)
    np.maximum(jaar_teller, 0, out=jaar_teller)
    jaar_teller += 6 * d
    maand = cast(I64, np.floor_divide(jaar_teller, 12 * d, out=jaar_teller))
    maand *= recht
    return maand


def kindgebonden_budget_basis(
    p: PeilParameters, kinderen: I64, kinderen_12_15: I64, kinderen_16_17: I64, heeft_partner: B
) -> I64:
    """Wet op het kindgebonden budget art. 2 lid 2-6: yearly maximum incl. alleenstaande-ouderkop."""
    kop = np.where(~heeft_partner & (kinderen > 0), p.kgb_alo, 0)
    return kinderen * p.kgb_kind + kinderen_12_15 * p.kgb_12_15 + kinderen_16_17 * p.kgb_16_17 + kop


def kindgebonden_budget(p: PeilParameters, basis_jaar: I64, toetsingsinkomen: I64, heeft_partner: B, recht: B) -> I64:
    """Art. 2 lid 7-8: reduced by 7,60 % of the income above the drempel (+ extra drempel with partner)."""
    drempel = p.kgb_drempel + np.where(heeft_partner, p.kgb_partner_extra, 0)
    d = p.kgb_afbouw.den
    afbouw = toetsingsinkomen - drempel  # per level, in place: large batches, few temporaries
    np.maximum(afbouw, 0, out=afbouw)
    afbouw *= p.kgb_afbouw.num
    teller = np.subtract(basis_jaar * d, afbouw, out=afbouw)
    np.maximum(teller, 0, out=teller)
    teller += 6 * d
    maand = cast(I64, np.floor_divide(teller, 12 * d, out=teller))
    maand *= recht
    return maand


def kinderbijslag(p: PeilParameters, k0_5: I64, k6_11: I64, k12_17: I64) -> I64:
    """AKW art. 11 lid 2 and art. 12 lid 3: quarterly amounts by the child's age on the first day
    of the quarter (counts given that way), shown per month (/3, half up)."""
    kwartaal = k0_5 * p.kb_0_5 + k6_11 * p.kb_6_11 + k12_17 * p.kb_12_17
    return (kwartaal + 1) // 3


def rekenhuur(p: PeilParameters, kale_huur: I64, servicekosten: I64) -> I64:
    """Wet op de huurtoeslag art. 5 lid 1: from 2026 the huurprijs alone; until 2025 the service
    costs counted too (dated parameter ``huurtoeslag.servicekosten_in_rekenhuur``)."""
    return kale_huur + servicekosten if p.ht_servicekosten else kale_huur


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


def huurtoeslag(p: PeilParameters, maximum: I64, toetsingsinkomen: I64, medebewoners_inkomen: I64, meerpersoons: B) -> I64:
    """Art. 21 lid 2: minus (rekeninkomen - minimum-inkomensijkpunt) x afbouwpercentage / 12.

    The rekeninkomen is the toetsingsinkomen plus the income of the other residents (art. 1
    onderdeel i).
    """
    ijkpunt = np.where(meerpersoons, p.ht_ijkpunt_meer, p.ht_ijkpunt_een)
    d = p.ht_afbouw_een.den * p.ht_afbouw_meer.den
    pct = np.where(
        meerpersoons,
        p.ht_afbouw_meer.num * p.ht_afbouw_een.den,
        p.ht_afbouw_een.num * p.ht_afbouw_meer.den,
    )
    # rekeninkomen - ijkpunt, with the per-household part summed first (one pass per level).
    y = toetsingsinkomen - (ijkpunt - medebewoners_inkomen)
    np.maximum(y, 0, out=y)
    y *= pct
    y += 6 * d
    korting = np.floor_divide(y, 12 * d, out=y)
    toeslag = np.subtract(maximum, korting, out=korting)
    return cast(I64, np.maximum(toeslag, 0, out=toeslag))


def kinderopvangtoeslag(p: PeilParameters, uren: I64, uurprijs: I64, kinderen_onder_12: I64, werkt: B) -> tuple[I64, I64]:
    """Wet kinderopvang: (toeslag, kosten) per month; 96 % of the capped hourly price x capped hours."""
    vergoede_uren = np.minimum(uren, p.kot_max_uren * kinderen_onder_12)
    vergoed = vergoede_uren * np.minimum(uurprijs, p.kot_max_uurprijs)
    toeslag = np.where(werkt, maal_tarief(vergoed, p.kot_percentage), 0)
    kosten = np.where(werkt, uren * uurprijs, 0)
    return toeslag, kosten
