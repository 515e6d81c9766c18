from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal

from django import template
from django.template.base import FilterExpression
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html

from opstap.web import geld

register = template.Library()


@register.filter
def euro(bedrag: Decimal | int | float | str | None) -> str:
    """€ 1.234,56 — see opstap.web.geld; nothing (so `|default:` applies) when there is no amount."""
    if bedrag is None or bedrag == "":
        return ""
    return geld.euro(bedrag)


@register.filter
def datum(waarde: object, formaat: str = "j F Y") -> str:
    """A date as people write it (6 december 2026; in English 6 December 2026), also when it
    arrives as an ISO string from stored JSON (an application's steps, the engine's trace).
    Text that is no date is shown as it is."""
    if waarde in (None, ""):
        return ""
    if isinstance(waarde, str):
        try:
            return date_format(date.fromisoformat(waarde[:10]), formaat)
        except ValueError:
            return waarde
    if isinstance(waarde, (date, datetime)):
        return date_format(waarde, formaat)
    return str(waarde)


# In "Bekijk als klant" the contact person sees the client's pages; a client-only page would end in
# 403. Where the preview has the same part (an anchor) or staff have their own page, link there;
# otherwise the text stays, without a link.
_IN_VOORBEELD: dict[str, Callable[..., str] | None] = {
    "mijn:stappenplan": lambda klant: "#ak-stappenplan",
    "mijn:berichten": lambda klant: "#ak-berichten",
    "mijn:afspraken": lambda klant: "#ak-afspraken",
    "mijn:regels": lambda klant: "#ak-regels",
    "mijn:regelingen": lambda klant: "#ak-regelingen",
    "mijn:verslagen": lambda klant: "#ak-gesprekken",
    "mijn:verslag": lambda klant, pk: reverse("werk:verslag", args=[klant.pk, pk]),
}


class _KlantLinkNode(template.Node):
    def __init__(
        self,
        nodelist: template.NodeList,
        naam: FilterExpression,
        args: list[FilterExpression],
        klasse: FilterExpression | None,
    ) -> None:
        self.nodelist, self.naam, self.args, self.klasse = nodelist, naam, args, klasse

    def render(self, context: template.Context) -> str:
        inhoud = self.nodelist.render(context)
        naam = str(self.naam.resolve(context))
        args = [a.resolve(context) for a in self.args]
        klasse = str(self.klasse.resolve(context)) if self.klasse else ""
        if context.get("als_klant_voorbeeld"):
            maker = _IN_VOORBEELD.get(naam)
            if maker is None:
                return inhoud
            href = maker(context["klant"], *args)
        else:
            href = reverse(naam, args=args)
        attrs = format_html(' class="{}"', klasse) if klasse else ""
        return format_html(
            '<a href="{}"{}>{}</a>', href, attrs, inhoud
        )  # inhoud: rendered, already safe


@register.tag
def klantlink(parser: template.base.Parser, token: template.base.Token) -> _KlantLinkNode:
    """{% klantlink 'mijn:berichten' [args] [class="knop"] %}text{% endklantlink %}: a link to a page of
    the client; in the staff preview of those pages a link the viewer can follow, or plain text."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("klantlink heeft een URL-naam nodig")
    klasse = None
    args = []
    for bit in bits[2:]:
        if bit.startswith("class="):
            klasse = parser.compile_filter(bit[len("class=") :])
        else:
            args.append(parser.compile_filter(bit))
    nodelist = parser.parse(("endklantlink",))
    parser.delete_first_token()
    return _KlantLinkNode(nodelist, parser.compile_filter(bits[1]), args, klasse)


@register.filter
def initialen(naam: object) -> str:
    """'Sanne de Vries' → 'SV': first letters of the first and the last word."""
    woorden = [w for w in str(naam or "").split() if w[:1].isalpha()]
    if not woorden:
        return ""
    return (woorden[0][0] + (woorden[-1][0] if len(woorden) > 1 else "")).upper()
