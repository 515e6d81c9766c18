"""Inkomstenbelasting / loonheffing on a yearly basis (Wet IB 2001), below AOW age.

Simplification (documented in docs/regels.md): the yearly outcome of the income tax is used;
the employer is assumed to apply the loonheffingskorting (algemene heffingskorting and
arbeidskorting). The IACK comes through the (voorlopige) aanslag and is shown separately; it is
set off against the tax on the whole income, the gross bijstand included (``iack_met_bijstand``).
"""

from __future__ import annotations

from functools import lru_cache
from math import lcm

import numpy as np
import numpy.typing as npt

from regels.geld import maal_tarief
from regels.peilparameters import PeilParameters

I64 = npt.NDArray[np.int64]
B = npt.NDArray[np.bool_]


@lru_cache(maxsize=128)
def _schijven(p: PeilParameters) -> tuple[int, int, int, int]:
    """(common denominator d, rate of schijf 1, extra rate of schijf 2, extra rate of schijf 3) over d."""
    t1, t2, t3 = p.s1_tarief, p.s2_tarief, p.s3_tarief
    d = lcm(t1.den, t2.den, t3.den)
    r1, r2, r3 = (t.num * (d // t.den) for t in (t1, t2, t3))
    return d, r1, r2 - r1, r3 - r2


def inkomstenbelasting(p: PeilParameters, inkomen: I64) -> I64:
    """Art. 2.10: box-1 tax incl. premies volksverzekeringen before kortingen, one half-up rounding.

    Each schijf's rate applies to the part of the income in that schijf; summed here as the rate
    of schijf 1 on all income plus each later schijf's extra rate on the income above its start
    (the same integer, with fewer passes over the data).
    """
    d, r1, extra2, extra3 = _schijven(p)
    teller = inkomen * r1
    boven = np.maximum(inkomen - p.s1_grens, 0)
    boven *= extra2
    teller += boven
    boven = np.maximum(inkomen - p.s2_grens, 0, out=boven)
    boven *= extra3
    teller += boven
    teller += d // 2
    teller //= d
    return teller


def algemene_heffingskorting(p: PeilParameters, inkomen: I64) -> I64:
    """Art. 8.10: maximum, reduced by a percentage of the income above the afbouwgrens."""
    boven = np.maximum(inkomen - p.ahk_vanaf, 0)
    afbouw = maal_tarief(boven, p.ahk_afbouw)
    korting = np.subtract(p.ahk_max, afbouw, out=afbouw)
    return np.maximum(korting, 0, out=korting)


@lru_cache(maxsize=128)
def _arbeidskorting_segmenten(p: PeilParameters) -> tuple[I64, int]:
    """Per segment (columns): its start, the amount there, its percentage as a numerator over the
    common denominator d, and +1 for a build-up step or -1 for the phase-out; and d."""
    t = (p.ak_opbouw1, p.ak_opbouw2, p.ak_opbouw3, p.ak_afbouw)
    d = lcm(*(ti.den for ti in t))
    tabel = np.array(
        [
            [0, p.ak_knik1, p.ak_knik2, p.ak_knik3],
            [0, p.ak_bedrag1, p.ak_bedrag2, p.ak_max],
            [ti.num * (d // ti.den) for ti in t],
            [1, 1, 1, -1],
        ],
        dtype=np.int64,
    )
    tabel.setflags(write=False)
    return tabel, d


def arbeidskorting(p: PeilParameters, arbeidsinkomen: I64) -> I64:
    """Art. 8.11: three build-up steps (amounts at the knikpunten as in the law), then phase-out.

    Per segment: amount at the segment's start + (or, in the phase-out, -) the percentage of the
    income above that start, half up to cents; never below nul.
    """
    x = arbeidsinkomen
    tabel, d = _arbeidskorting_segmenten(p)
    segment = (x > p.ak_knik1).astype(np.intp) + (x > p.ak_knik2) + (x > p.ak_knik3)
    stap = x - tabel[0].take(segment)
    stap *= tabel[2].take(segment)
    stap += d // 2
    stap //= d
    stap *= tabel[3].take(segment)
    ak: I64 = tabel[1].take(segment)
    ak += stap
    return np.maximum(ak, 0, out=ak)


def inkomensafhankelijke_combinatiekorting(
    p: PeilParameters, arbeidsinkomen: I64, heeft_recht: B
) -> I64:
    """Art. 8.14a: build-up above the drempel up to the maximum, for a working alleenstaande ouder."""
    if not heeft_recht.any():
        return np.zeros(
            np.broadcast_shapes(arbeidsinkomen.shape, heeft_recht.shape), dtype=np.int64
        )
    boven = np.maximum(arbeidsinkomen - p.iack_drempel, 0)
    iack = np.minimum(maal_tarief(boven, p.iack_opbouw), p.iack_max, out=boven)
    return iack * heeft_recht


def netto_loon(p: PeilParameters, bruto_jaar: I64, iack_recht: B) -> tuple[I64, I64, I64, I64, I64]:
    """Yearly: (net wage, tax after loonheffingskorting, IACK usable against the tax on the wage,
    arbeidskorting, IACK the law grants).

    Kortingen never exceed the tax (they are not paid out); the IACK uses what is left of the tax
    on the wage. While bijstand is paid, the tax on the gross bijstand leaves more room
    (``iack_met_bijstand``).
    """
    ak = arbeidskorting(p, bruto_jaar)
    loonheffing = inkomstenbelasting(p, bruto_jaar)
    loonheffing -= algemene_heffingskorting(p, bruto_jaar)
    loonheffing -= ak
    np.maximum(loonheffing, 0, out=loonheffing)
    iack_vol = inkomensafhankelijke_combinatiekorting(p, bruto_jaar, iack_recht)
    iack = np.minimum(iack_vol, loonheffing)
    return bruto_jaar - loonheffing, loonheffing, iack, ak, iack_vol


def iack_met_bijstand(
    p: PeilParameters,
    netto_totaal_jaar: I64,
    arbeidskorting_jaar: I64,
    iack_loon: I64,
    iack_vol: I64,
) -> I64:
    """IACK usable against the whole income tax, the tax on the gross bijstand included (art. 8.1).

    Heffingskortingen are set off against the tax on the whole box-1 income; the bijstand is part
    of it (the gemeente withholds tax on the gross bijstand). The client's net total X (net wage +
    IACK + bijstand) does not depend on the IACK while bijstand is paid: every euro of IACK counts
    as income and lowers the bijstand by a euro. So the gross income Y satisfies net(Y) = X with
    all kortingen, and the IACK usable is the tax left after the other kortingen at Y. Because the
    tax after all kortingen rises with Y: if tax(X) - AHK(X) - arbeidskorting reaches the IACK, all
    of it is usable (then Y >= X); otherwise no tax is left, Y = X and the usable IACK is exactly
    that amount. Never less than against the wage alone, never more than the law grants.
    ``netto_totaal_jaar`` = net wage + ``iack_loon`` + yearly bijstand computed with ``iack_loon``.
    """
    ruimte = inkomstenbelasting(p, netto_totaal_jaar)
    ruimte -= algemene_heffingskorting(p, netto_totaal_jaar)
    ruimte -= arbeidskorting_jaar
    np.maximum(ruimte, iack_loon, out=ruimte)
    return np.minimum(ruimte, iack_vol, out=ruimte)


@lru_cache(maxsize=128)
def _inverse_stukken(p: PeilParameters) -> tuple[tuple[float, float], ...]:
    """The linear pieces of the inverse of net(): (c, factor) with x = (basis + c) x factor.

    Piece a: schijf 1 with the full algemene heffingskorting; b: schijf 1 while the heffingskorting
    is phased out; c: schijf 2 while it is phased out.
    """
    r1, r2, ra = p.s1_tarief.als_float, p.s2_tarief.als_float, p.ahk_afbouw.als_float
    c_a = -float(p.ahk_max)
    c_b = c_a - ra * p.ahk_vanaf
    c_c = c_b + (r1 - r2) * p.s1_grens
    return ((c_a, 1.0 / (1.0 - r1)), (c_b, 1.0 / (1.0 - r1 - ra)), (c_c, 1.0 / (1.0 - r2 - ra)))


def bruto_bijstand(
    p: PeilParameters,
    bruto_loon_jaar: I64,
    netto_totaal_jaar: I64,
    werkkortingen: I64,
    netto_bijstand_jaar: I64,
) -> I64:
    """Gross equivalent of a year's net bijstand, on top of the wage (for the toetsingsinkomen).

    The gemeente pays the tax on the bijstand (art. 19 lid 4). We find the gross amount G with
    net(W + G) = net(W) + bijstand, where net(x) = x - max(0, tax(x) - AHK(x) - work kortingen).
    Below the top bracket net() is concave and piecewise linear, so its inverse is the maximum
    of the inverses of its linear pieces. With no kortingen left this is bijstand x 1/(1 - 35,75 %),
    the 55,64 % gross-up of the Normenbrief. This is an estimate, not a legal rounding point:
    it is computed in float64 and rounded to whole cents.
    """
    y = (netto_totaal_jaar + netto_bijstand_jaar).astype(np.float64)
    basis = y - werkkortingen
    # x = the largest of y and the three linear inverses, built in place (few temporaries).
    x = y
    stuk = np.empty_like(basis)
    for c, factor in _inverse_stukken(p):
        np.add(basis, c, out=stuk)
        stuk *= factor
        np.maximum(x, stuk, out=x)
    bruto = np.rint(x, out=x).astype(np.int64)
    bruto -= bruto_loon_jaar
    bruto *= netto_bijstand_jaar > 0
    return bruto
