from decimal import ROUND_HALF_UP, Decimal

from django import template

register = template.Library()


@register.filter
def euro(bedrag: object, decimalen: int = 2) -> str:
    """€ 1.234,56 — the Dutch way of writing money, whatever the interface language."""
    if bedrag in (None, ""):
        return ""
    waarde = Decimal(str(bedrag)).quantize(Decimal(1).scaleb(-int(decimalen)), rounding=ROUND_HALF_UP)
    teken = "-" if waarde < 0 else ""
    heel, _, deel = f"{abs(waarde):.{int(decimalen)}f}".partition(".")
    groepen = f"{int(heel):,}".replace(",", ".")
    return f"{teken}€ {groepen}" + (f",{deel}" if deel else "")
