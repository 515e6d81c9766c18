"""Inkomstenbelasting / loonheffing on a yearly basis (Wet IB 2001), below AOW age.

Simplification (documented in docs/regels.md): the yearly outcome of the income tax is used;
the employer is assumed to apply the loonheffingskorting (algemene heffingskorting and
arbeidskorting). The IACK comes through the (voorlopige) aanslag and is shown separately.
"""

from __future__ import annotations

from math import lcm
from typing import cast

import numpy as np
import numpy.typing as npt

from regels.geld import maal_tarief
from regels.peilparameters import PeilParameters

I64 = npt.NDArray[np.int64]
B = npt.NDArray[np.bool_]


def inkomstenbelasting(p: PeilParameters, inkomen: I64) -> I64:
    """Art. 2.10: box-1 tax incl. premies volksverzekeringen before kortingen, one half-up rounding."""
    t1, t2, t3 = p.s1_tarief, p.s2_tarief, p.s3_tarief
    d = lcm(t1.den, t2.den, t3.den)
    s1 = np.minimum(inkomen, p.s1_grens)
    s2 = np.minimum(np.maximum(inkomen - p.s1_grens, 0), p.s2_grens - p.s1_grens)
    s3 = np.maximum(inkomen - p.s2_grens, 0)
    teller = s1 * (t1.num * (d // t1.den)) + s2 * (t2.num * (d // t2.den)) + s3 * (t3.num * (d // t3.den))
    return cast(I64, (teller + d // 2) // d)


def algemene_heffingskorting(p: PeilParameters, inkomen: I64) -> I64:
    """Art. 8.10: maximum, reduced by a percentage of the income above the afbouwgrens."""
    afbouw = maal_tarief(np.maximum(inkomen - p.ahk_vanaf, 0), p.ahk_afbouw)
    return np.maximum(p.ahk_max - afbouw, 0)


def arbeidskorting(p: PeilParameters, arbeidsinkomen: I64) -> I64:
    """Art. 8.11: three build-up steps (amounts at the knikpunten as in the law), then phase-out.

    Per segment: amount at the segment's start + (or, in the phase-out, -) the percentage of the
    income above that start, half up to cents; never below nul.
    """
    x = arbeidsinkomen
    t = (p.ak_opbouw1, p.ak_opbouw2, p.ak_opbouw3, p.ak_afbouw)
    d = lcm(*(ti.den for ti in t))
    segment = (x > p.ak_knik1).astype(np.int64) + (x > p.ak_knik2) + (x > p.ak_knik3)
    start = np.array([0, p.ak_knik1, p.ak_knik2, p.ak_knik3], dtype=np.int64)[segment]
    bedrag = np.array([0, p.ak_bedrag1, p.ak_bedrag2, p.ak_max], dtype=np.int64)[segment]
    tarief = np.array([ti.num * (d // ti.den) for ti in t], dtype=np.int64)[segment]
    stap = ((x - start) * tarief + d // 2) // d
    return cast(I64, np.maximum(np.where(segment == 3, bedrag - stap, bedrag + stap), 0))


def inkomensafhankelijke_combinatiekorting(p: PeilParameters, arbeidsinkomen: I64, heeft_recht: B) -> I64:
    """Art. 8.14a: build-up above the drempel up to the maximum, for a working alleenstaande ouder."""
    iack = np.minimum(maal_tarief(np.maximum(arbeidsinkomen - p.iack_drempel, 0), p.iack_opbouw), p.iack_max)
    return np.where(heeft_recht, iack, 0)


def netto_loon(p: PeilParameters, bruto_jaar: I64, iack_recht: B) -> tuple[I64, I64, I64, I64]:
    """Yearly: (net wage, tax after loonheffingskorting, IACK actually usable, arbeidskorting).

    Kortingen never exceed the tax (they are not paid out); the IACK uses what is left.
    """
    belasting = inkomstenbelasting(p, bruto_jaar)
    ak = arbeidskorting(p, bruto_jaar)
    loonheffing = np.maximum(belasting - algemene_heffingskorting(p, bruto_jaar) - ak, 0)
    iack = np.minimum(inkomensafhankelijke_combinatiekorting(p, bruto_jaar, iack_recht), loonheffing)
    return bruto_jaar - loonheffing, loonheffing, iack, ak


def bruto_bijstand(p: PeilParameters, bruto_loon_jaar: I64, netto_totaal_jaar: I64, werkkortingen: I64, netto_bijstand_jaar: I64) -> I64:
    """Gross equivalent of a year's net bijstand, on top of the wage (for the toetsingsinkomen).

    The gemeente pays the tax on the bijstand (art. 19 lid 4). We find the gross amount G with
    net(W + G) = net(W) + bijstand, where net(x) = x - max(0, tax(x) - AHK(x) - work kortingen).
    Below the top bracket net() is concave and piecewise linear, so its inverse is the maximum
    of the inverses of its linear pieces. With no kortingen left this is bijstand x 1/(1 - 35,75 %),
    the 55,64 % gross-up of the Normenbrief. This is an estimate, not a legal rounding point:
    it is computed in float64 and rounded to whole cents.
    """
    r1, r2, ra = float(p.s1_tarief.fractie), float(p.s2_tarief.fractie), float(p.ahk_afbouw.fractie)
    c_a = -float(p.ahk_max)
    c_b = c_a - ra * p.ahk_vanaf
    c_c = c_b + (r1 - r2) * p.s1_grens
    y = (netto_totaal_jaar + netto_bijstand_jaar).astype(np.float64)
    basis = y - werkkortingen
    x = np.maximum(
        np.maximum(y, (basis + c_a) * (1.0 / (1.0 - r1))),
        np.maximum((basis + c_b) * (1.0 / (1.0 - r1 - ra)), (basis + c_c) * (1.0 / (1.0 - r2 - ra))),
    )
    bruto = np.rint(x).astype(np.int64) - bruto_loon_jaar
    return cast(I64, np.where(netto_bijstand_jaar > 0, bruto, 0))
