"""The income-by-hours chart as plain SVG, drawn on the server: it works without JavaScript
and without internet, prints well, and sits beside an accessible data table."""

from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from opstap.web.geld import euro

# Stacked from the bottom: what you earn yourself first, then what the municipality adds.
LAGEN = [
    ("zelf_verdiend", gettext_lazy("Zelf verdiend (netto loon)"), "#154273"),
    ("bijstand", gettext_lazy("Bijstand"), "#6b9bd1"),
    ("toeslagen", gettext_lazy("Toeslagen, kinderbijslag en kortingen"), "#1e6b34"),
    ("gemeentelijk", gettext_lazy("Regelingen van de gemeente"), "#b34700"),
]
TOESLAGEN = (
    "zorgtoeslag",
    "huurtoeslag",
    "kindgebonden_budget",
    "kinderbijslag",
    "kinderopvangtoeslag",
    "inkomensafhankelijke_combinatiekorting",
)


@dataclass(frozen=True)
class Staaf:
    uren: float
    delen: dict[str, float]
    totaal: float
    armoedeval: bool  # more hours than the previous level, less money


def staven(uitkomst: dict[str, Any]) -> list[Staaf]:
    resultaat: list[Staaf] = []
    vorig_totaal: float | None = None
    for r in uitkomst["resultaten"]:
        delen = {
            # The engine's own part: net wage including the holiday pay accrued on it.
            "zelf_verdiend": float(r.get("zelf_verdiend", r["netto_loon_per_maand"])),
            "bijstand": float(r["bijstand"]),
            "toeslagen": sum(float(r.get(k, 0.0)) for k in TOESLAGEN)
            - float(r.get("kinderopvang_kosten", 0.0)),
            "gemeentelijk": sum(float(v) for v in r.get("gemeentelijke_regelingen", {}).values()),
        }
        totaal = float(r["totaal_netto_per_maand"])
        val = vorig_totaal is not None and totaal < vorig_totaal - 0.005
        resultaat.append(Staaf(float(r["uren_per_week"] or 0), delen, totaal, val))
        vorig_totaal = totaal
    return resultaat


def _uren(uren: float) -> str:
    """Hours as people write them in the chosen language: 25,5 in Dutch, 16 without a decimal."""
    return number_format(uren if uren % 1 else int(uren))


def _euro(bedrag: float) -> str:
    return euro(bedrag, hele_euros=True)  # whole euros: the axis and the tooltips need no cents


# Two layouts of the same chart: the wide one for a tablet or computer, and a narrow, taller one
# for a phone. An SVG scales as a whole, so the wide one's 12-unit labels would render at 6 px on
# a 360 px screen; the phone layout has a viewBox about as wide as the phone's content column, so
# its labels render at their own size (≥ 12 px), with fewer hour labels and more height.
@dataclass(frozen=True)
class Opmaak:
    naam: str
    breedte: int
    hoogte: int
    links: int
    rechts: int
    boven: int
    onder: int
    letter: int  # font size in viewBox units
    uren_label_elke: int  # label every n-th level when there are many


BUREAU = Opmaak("bureau", 720, 360, 64, 12, 16, 52, 12, 4)
TELEFOON = Opmaak("telefoon", 300, 430, 56, 8, 38, 58, 13, 5)

# "More hours, less money": a solid red band under the axis and a red outline on the bar, both
# ≥ 3:1 against white (WCAG 1.4.11); the pale zone behind the bars alone is only 1.1:1.
ARMOEDEVAL_ROOD = "#b00020"


def inkomen_svg(
    uitkomst: dict[str, Any],
    *,
    titel: str,
    gemarkeerd_uren: float | None = None,
    opmaak: Opmaak = BUREAU,
) -> str:
    rijen = staven(uitkomst)
    if not rijen:
        return ""
    o = opmaak
    breedte, hoogte = o.breedte, o.hoogte
    links, rechts, boven, onder = o.links, o.rechts, o.boven, o.onder
    plot_b, plot_h = breedte - links - rechts, hoogte - boven - onder
    maximum = max(max(sum(s.delen.values()), s.totaal) for s in rijen) or 1.0
    stap = 500.0 if maximum > 1500 else 250.0
    schaal_max = (int(maximum // stap) + 1) * stap
    staaf_b = plot_b / len(rijen)
    f = o.letter
    ids = "" if o is BUREAU else f"-{o.naam}"

    def y(bedrag: float) -> float:
        return boven + plot_h - bedrag / schaal_max * plot_h

    # Translated outside the f-strings: xgettext does not look inside them.
    uitleg = _(
        "Gestapelde staven per aantal uren werk per week. De tabel onder de grafiek geeft dezelfde bedragen."
    )
    armoedeval = _("Armoedeval bij %(uren)s uur")
    as_label = _("uren werk per week")
    uit_bijstand = _("uit de bijstand vanaf %(uren)s uur")
    delen: list[str] = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {breedte} {hoogte}" role="img" '
        f'aria-labelledby="grafiek-titel{ids} grafiek-uitleg{ids}" class="grafiek grafiek--{o.naam}">',
        f'<title id="grafiek-titel{ids}">{escape(titel)}</title>',
        f'<desc id="grafiek-uitleg{ids}">{escape(uitleg)}</desc>',
    ]
    # Poverty-trap zones first, so bars are drawn over them.
    for i, s in enumerate(rijen):
        if s.armoedeval:
            tip = escape(armoedeval % {"uren": _uren(s.uren)})
            delen.append(
                f'<rect x="{links + (i - 1) * staaf_b:.1f}" y="{boven}" width="{2 * staaf_b:.1f}" '
                f'height="{plot_h}" fill="#fde8ea"><title>{tip}</title></rect>'
            )
            # At least 14 units wide, so it shows even when 41 bars share a phone's width.
            band = max(2 * staaf_b, 14.0)
            midden = links + i * staaf_b
            delen.append(
                f'<rect class="armoedeval" x="{midden - band / 2:.1f}" y="{boven + plot_h + 1}" '
                f'width="{band:.1f}" height="6" fill="{ARMOEDEVAL_ROOD}"><title>{tip}</title></rect>'
            )
    bedrag = 0.0
    while bedrag <= schaal_max + 0.1:
        delen.append(
            f'<line x1="{links}" x2="{breedte - rechts}" y1="{y(bedrag):.1f}" y2="{y(bedrag):.1f}" '
            'stroke="#d0d0d0" stroke-width="1"/>'
        )
        delen.append(
            f'<text x="{links - 6}" y="{y(bedrag) + f / 3:.1f}" text-anchor="end" font-size="{f}" '
            f'fill="#4d4d4d">{_euro(bedrag)}</text>'
        )
        bedrag += stap
    uur = escape(str(_("uur")))
    for i, s in enumerate(rijen):
        x = links + i * staaf_b + staaf_b * 0.12
        basis = 0.0
        for sleutel, label, kleur in LAGEN:
            waarde = s.delen[sleutel]
            if waarde <= 0:
                continue
            delen.append(
                f'<rect x="{x:.1f}" y="{y(basis + waarde):.1f}" width="{staaf_b * 0.76:.1f}" '
                f'height="{y(basis) - y(basis + waarde):.1f}" fill="{kleur}"><title>{_uren(s.uren)} {uur}: '
                f"{escape(str(label))} {_euro(waarde)}</title></rect>"
            )
            basis += waarde
        if s.armoedeval and basis > 0:
            delen.append(
                f'<rect class="armoedeval" x="{x:.1f}" y="{y(basis):.1f}" width="{staaf_b * 0.76:.1f}" '
                f'height="{y(0) - y(basis):.1f}" fill="none" stroke="{ARMOEDEVAL_ROOD}" '
                'stroke-width="2"/>'
            )
            # A red arrow pointing down at the bar with less money.
            px, py = x + staaf_b * 0.38, y(basis) - 3
            delen.append(
                f'<path class="armoedeval" d="M{px - 7:.1f},{py - 11:.1f} L{px + 7:.1f},{py - 11:.1f} '
                f'L{px:.1f},{py:.1f} Z" fill="{ARMOEDEVAL_ROOD}"/>'
            )
        if len(rijen) <= 12 or i % o.uren_label_elke == 0:
            delen.append(
                f'<text x="{x + staaf_b * 0.38:.1f}" y="{boven + plot_h + 8 + f}" text-anchor="middle" '
                f'font-size="{f}" fill="#1a1a1a">{_uren(s.uren)}</text>'
            )
    delen.append(
        f'<text x="{links + plot_b / 2:.1f}" y="{hoogte - 8}" text-anchor="middle" font-size="{f + 1}" '
        f'fill="#1a1a1a">{escape(as_label)}</text>'
    )
    uit = uitkomst.get("uren_uit_bijstand")
    uren_lijst = [s.uren for s in rijen]
    if uit is not None and uren_lijst[0] <= uit <= uren_lijst[-1] and len(uren_lijst) > 1:
        # interpolate the x position between the levels around it
        for i in range(1, len(uren_lijst)):
            if uren_lijst[i] >= uit:
                frac = (uit - uren_lijst[i - 1]) / ((uren_lijst[i] - uren_lijst[i - 1]) or 1)
                xpos = links + (i - 1 + frac) * staaf_b + staaf_b / 2
                delen.append(
                    f'<line x1="{xpos:.1f}" x2="{xpos:.1f}" y1="{boven}" y2="{boven + plot_h}" '
                    'stroke="#1a1a1a" stroke-width="2" stroke-dasharray="6 4"/>'
                )
                # On the narrow layout the label sits above the plot, ending at the line when the
                # line is on the right half, so it never runs off the chart.
                rechts_van_midden = xpos > links + plot_b / 2
                anker = "end" if rechts_van_midden else "start"
                tx = xpos - 4 if rechts_van_midden else xpos + 4
                ty = boven - 14 if o is not BUREAU else boven + 12
                delen.append(
                    f'<text x="{tx:.1f}" y="{ty}" text-anchor="{anker}" font-size="{f}" fill="#1a1a1a">'
                    f"{escape(uit_bijstand % {'uren': _uren(uit)})}</text>"
                )
                break
    if gemarkeerd_uren is not None and gemarkeerd_uren in uren_lijst:
        i = uren_lijst.index(gemarkeerd_uren)
        delen.append(
            f'<rect x="{links + i * staaf_b + 1:.1f}" y="{boven}" width="{max(staaf_b - 2, 2):.1f}" '
            f'height="{plot_h}" fill="none" stroke="#b34700" stroke-width="3"/>'
        )
    delen.append("</svg>")
    return "".join(delen)
