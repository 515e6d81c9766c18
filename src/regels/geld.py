"""Exact money: amounts are integer eurocents (numpy int64), rates are exact fractions.

Rounding happens only in the named functions below, each used where the rule base
rounds; see docs/regels.md ("Afronding").
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Final

import numpy as np
import numpy.typing as npt

Centen = npt.NDArray[np.int64]

CENT: Final = Decimal("0.01")


def euro_naar_centen(bedrag: object, veld: str = "bedrag") -> int:
    """Euro amount (str, int, float, Decimal) → whole cents, half up.

    Floats are read through ``str`` so 0.1 stays 0.1 (the JSON contract carries floats).
    """
    if type(bedrag) is int:
        return bedrag * 100
    if type(bedrag) is float and abs(bedrag) < 1e12:
        # Fast path, same result: when c / 100 is this float, its str() is within 1e-4 euro of
        # c / 100, so the Decimal route below would round to c as well.
        centen = round(bedrag * 100)
        if centen / 100 == bedrag:
            return centen
    from regels.fouten import InvoerFout

    if isinstance(bedrag, bool) or not isinstance(bedrag, (int, float, str, Decimal)):
        raise InvoerFout(veld, "verwacht een bedrag in euro's (een getal).")
    try:
        dec = Decimal(str(bedrag))
    except Exception as exc:  # decimal.InvalidOperation and friends
        raise InvoerFout(veld, f"'{bedrag}' is geen geldig bedrag.") from exc
    if not dec.is_finite():
        raise InvoerFout(veld, f"'{bedrag}' is geen geldig bedrag.")
    if (
        dec.adjusted() >= 12
    ):  # a trillion euros or more: no real amount, and 1e26 overflowed the rounding
        raise InvoerFout(veld, "dit bedrag is te groot om mee te rekenen.")
    return int((dec * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def centen_naar_euro(centen: int) -> float:
    """Whole cents → euro float with 2 decimals (JSON output only)."""
    return round(centen / 100, 2)


class Tarief:
    """An exact rate num/den (den a power of ten), e.g. 35,75 % = 3575/10000."""

    __slots__ = ("den", "num")

    def __init__(self, num: int, den: int) -> None:
        self.num = num
        self.den = den

    @classmethod
    def uit_percentage(cls, percentage: Decimal | Fraction | int | str) -> Tarief:
        frac = Fraction(Decimal(str(percentage))) / 100
        den = 1
        while (frac * den).denominator != 1:
            den *= 10
            if den > 10**9:
                raise ValueError(f"percentage {percentage} is geen eindige decimale breuk")
        return cls(int(frac * den), den)

    @property
    def fractie(self) -> Fraction:
        return Fraction(self.num, self.den)

    @property
    def als_float(self) -> float:
        """The nearest float, as float(self.fractie) but without building a Fraction."""
        return self.num / self.den

    def __repr__(self) -> str:
        return f"Tarief({self.num}/{self.den})"


def maal_tarief(centen: npt.NDArray[np.int64], t: Tarief) -> npt.NDArray[np.int64]:
    """centen × tarief, rounded half up to whole cents (exact integer arithmetic)."""
    uit = centen * t.num  # one new array, then in place: no temporaries on large batches
    uit += t.den // 2
    uit //= t.den
    return uit


def maal_tarief_omlaag(centen: npt.NDArray[np.int64], t: Tarief) -> npt.NDArray[np.int64]:
    """centen × tarief, rounded down to whole cents."""
    return (centen * t.num) // t.den


def deel_afgerond(centen: npt.NDArray[np.int64], deler: int) -> npt.NDArray[np.int64]:
    """centen / deler (e.g. a year amount / 12), half up to whole cents."""
    uit = centen + deler // 2
    uit //= deler
    return uit


def afronden_int(teller: int, noemer: int) -> int:
    """Scalar half-up division for non-negative integers."""
    return (teller + noemer // 2) // noemer
