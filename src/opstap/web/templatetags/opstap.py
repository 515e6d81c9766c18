from decimal import Decimal

from django import template

from opstap.web import geld

register = template.Library()


@register.filter
def euro(bedrag: Decimal | int | float | str | None) -> str:
    """€ 1.234,56 — see opstap.web.geld; nothing (so `|default:` applies) when there is no amount."""
    if bedrag is None or bedrag == "":
        return ""
    return geld.euro(bedrag)
