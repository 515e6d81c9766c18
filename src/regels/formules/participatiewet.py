"""Participatiewet: bijstandsnorm, kostendelersnorm, vrijlating, bijstand, vakantietoeslag."""

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

# Codes for the vrijlating regime per household (art. 31 lid 2).
GEEN, ONDERDEEL_N, ONDERDEEL_R, ONDERDEEL_Y = 0, 1, 2, 3


def kostendelersnorm(p: PeilParameters, heeft_partner: B, kostendelers: I64) -> I64:
    """Art. 22a lid 1-2: per person ((40 + 30 x A) / A) % of the gehuwdennorm; couples get two shares.

    A = applicant + partner + kostendelers of 27+. Rounded half up to whole cents per person
    (the law gives no rounding rule; the Normenbrief prints cents).
    """
    a = 1 + heeft_partner.astype(np.int64) + kostendelers
    bn, bd = p.kdn_basis.num, p.kdn_basis.den
    pn, pd = p.kdn_per_persoon.num, p.kdn_per_persoon.den
    teller = p.norm_gehuwden * (bn * pd + pn * bd * a)
    noemer = bd * pd * a
    per_persoon = (teller + noemer // 2) // noemer
    return cast(I64, per_persoon * (1 + heeft_partner.astype(np.int64)))


def bijstandsnorm(p: PeilParameters, heeft_partner: B, kostendelers: I64) -> I64:
    """Monthly norm incl. vakantietoeslag (art. 21 a/b; art. 22a when kostendelers are present).

    Without kostendelers the norms of art. 21 apply as printed (the formula would give
    EUR 1.401,49 instead of 1.401,50 for one person).
    """
    zonder = np.where(heeft_partner, p.norm_gehuwden, p.norm_alleenstaande).astype(np.int64)
    met_kostendelers = kostendelers > 0
    if not met_kostendelers.any():
        return zonder
    return np.where(met_kostendelers, kostendelersnorm(p, heeft_partner, kostendelers), zonder)


def vermogensgrens(p: PeilParameters, heeft_partner: B, heeft_kinderen: B) -> I64:
    """Art. 34 lid 3: single person vs. alleenstaande ouder / gehuwden."""
    return np.where(heeft_partner | heeft_kinderen, p.vermogen_gezin, p.vermogen_alleen).astype(
        np.int64
    )


def vrijlating_regime(
    p: PeilParameters,
    leeftijd: I64,
    heeft_partner: B,
    jongste_onder_12: B,
    maanden_gebruikt: I64,
    medisch_urenbeperkt: B,
) -> I64:
    """Which sub of art. 31 lid 2 applies this month: n, then r (alleenstaande ouder), or y.

    n: 27+ (lid 5), first n_duur months. y: medically limited capacity, not while n applies.
    r: alleenstaande ouder with a child under 12, 27+, after n and for at most r_duur months,
    and not when y applies.
    """
    oud_genoeg = leeftijd >= p.vrij_leeftijd
    n = oud_genoeg & (maanden_gebruikt < p.vrij_n_duur)
    y = ~n & medisch_urenbeperkt
    r = (
        ~n
        & ~y
        & oud_genoeg
        & ~heeft_partner
        & jongste_onder_12
        & (maanden_gebruikt >= p.vrij_n_duur)
        & (maanden_gebruikt < p.vrij_n_duur + p.vrij_r_duur)
    )
    # The three conditions exclude each other, so the codes can simply be added.
    return cast(I64, n * ONDERDEEL_N + r * ONDERDEEL_R + y * ONDERDEEL_Y)


@lru_cache(maxsize=128)
def _vrijlating_tabel(p: PeilParameters) -> tuple[I64, int, I64]:
    den = lcm(p.vrij_n.den, p.vrij_r.den, p.vrij_y.den)
    nums = np.array(
        [
            0,
            p.vrij_n.num * (den // p.vrij_n.den),
            p.vrij_r.num * (den // p.vrij_r.den),
            p.vrij_y.num * (den // p.vrij_y.den),
        ],
        dtype=np.int64,
    )
    maxima = np.array([0, p.vrij_n_max, p.vrij_r_max, p.vrij_y_max], dtype=np.int64)
    nums.setflags(write=False)
    maxima.setflags(write=False)
    return nums, den, maxima


def vrijlating_tarief(p: PeilParameters, regime: I64) -> tuple[I64, int, I64]:
    """Per household: (numerator, common denominator, monthly maximum in cents), by regime code."""
    nums, den, maxima = _vrijlating_tabel(p)
    return nums.take(regime), den, maxima.take(regime)


def inkomensvrijlating(inkomsten_uit_arbeid: I64, num: I64, den: int, maximum: I64) -> I64:
    """Art. 31 lid 2 n/r/y: a percentage of net income from work, capped per month (half up)."""
    vrij = inkomsten_uit_arbeid * num
    vrij += den // 2
    vrij //= den
    return cast(I64, np.minimum(vrij, maximum, out=vrij))


def algemene_bijstand(norm: I64, middelen: I64) -> I64:
    """Art. 19 lid 2: the difference between the norm and the income taken into account, never negative."""
    tekort = norm - middelen
    return cast(I64, np.maximum(tekort, 0, out=tekort))


def vakantietoeslag(p: PeilParameters, bijstand: I64) -> I64:
    """Art. 19 lid 3: 5 % of the bijstand (incl. vakantietoeslag) is reserved, half up to cents."""
    return maal_tarief(bijstand, p.vt)
