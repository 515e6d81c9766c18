from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

from django import template
from django.utils.formats import date_format

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


@register.filter
def datum(waarde: object, formaat: str = "j F Y") -> str:
    """A date as people write it (6 december 2026; in English 6 December 2026), also when it
    arrives as an ISO string from stored JSON (an application's steps, the engine's trace).
    Text that is no date is shown as it is."""
    if waarde in (None, ""):
        return ""
    if isinstance(waarde, str):
        try:
            waarde = date.fromisoformat(waarde[:10])
        except ValueError:
            return waarde
    if isinstance(waarde, (date, datetime)):
        return date_format(waarde, formaat)
    return str(waarde)
