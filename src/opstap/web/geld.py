"""Money as Dutch text, "€ 1.234,56", whatever the interface language: the one formatter of the
web app (templates use the `euro` filter, which calls it).

Amounts are exact: Decimal euros (model fields) or whole cents. The engine's JSON contract gives
euros as floats (cents / 100, the nearest float); those are read through their shortest decimal
form, so 2.675 is 2,68 and never the binary 2,67. The notation itself is the engine's
(`regels.opmaak.euro`), so an amount in an engine message and on a page look the same.
"""

from decimal import ROUND_HALF_UP, Decimal

from regels.opmaak import euro as euro_centen

__all__ = ["centen", "euro", "euro_centen"]


def _decimaal(bedrag: Decimal | int | float | str) -> Decimal:
    if isinstance(bedrag, bool):
        raise TypeError("Een bedrag is geen ja/nee.")
    if isinstance(bedrag, Decimal):
        return bedrag
    # str() of a float is its shortest round-trip form: the decimal the engine meant.
    return Decimal(str(bedrag).strip())


def centen(bedrag: Decimal | int | float | str) -> int:
    """Euros → whole cents, half a cent away from zero (as the engine rounds)."""
    return int((_decimaal(bedrag) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def euro(bedrag: Decimal | int | float | str, *, hele_euros: bool = False) -> str:
    """`bedrag` in euros → "€ 1.234,56" ("-€ 1.234,56" below zero); `hele_euros` rounds to "€ 1.235"."""
    if not hele_euros:
        return euro_centen(centen(bedrag))
    heel = int(_decimaal(bedrag).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return f"{'-' if heel < 0 else ''}€ {abs(heel):,}".replace(",", ".")
