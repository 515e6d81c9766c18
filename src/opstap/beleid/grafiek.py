"""Average income by hours for the whole caseload, today's rules and a variant, as plain SVG
drawn on the server (no JavaScript, no internet). The table on the page holds the same numbers."""

from xml.sax.saxutils import escape

from django.utils.translation import gettext as _

from opstap.web.geld import euro

LIJNEN = (
    ("basis", "#154273", ""),
    ("variant", "#b34700", "8 5"),
)  # colour, and a dash so colour is not needed


def gemiddelden_svg(
    uren: list[int], basis: list[float | None], variant: list[float | None] | None, *, titel: str
) -> str:
    punten = [(u, b) for u, b in zip(uren, basis, strict=True) if b is not None]
    if len(punten) < 2:
        return ""  # suppressed (too few households): nothing to draw
    alle = [b for _u, b in punten] + [v for v in (variant or []) if v is not None]
    laag, hoog = min(alle), max(alle)
    stap = 250.0 if hoog - laag > 600 else 100.0
    onder_grens, boven_grens = (laag // stap) * stap, (hoog // stap + 1) * stap
    breedte, hoogte, links, rechts, boven, onder = 720, 320, 72, 16, 16, 48
    pb, ph = breedte - links - rechts, hoogte - boven - onder

    def x(u: float) -> float:
        return links + (u - uren[0]) / ((uren[-1] - uren[0]) or 1) * pb

    def y(bedrag: float) -> float:
        return boven + ph - (bedrag - onder_grens) / ((boven_grens - onder_grens) or 1) * ph

    # Translated outside the f-strings: xgettext does not look inside them.
    uitleg = _("Lijnen per aantal uren werk per week. De tabel eronder geeft dezelfde bedragen.")
    as_label = _("uren werk per week")
    delen = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {breedte} {hoogte}" role="img" '
        f'aria-labelledby="gemiddeld-titel gemiddeld-uitleg" class="grafiek">',
        f'<title id="gemiddeld-titel">{escape(titel)}</title>',
        f'<desc id="gemiddeld-uitleg">{escape(uitleg)}</desc>',
    ]
    bedrag = onder_grens
    while bedrag <= boven_grens + 0.1:
        delen.append(
            f'<line x1="{links}" x2="{breedte - rechts}" y1="{y(bedrag):.1f}" y2="{y(bedrag):.1f}" '
            'stroke="#d0d0d0"/>'
        )
        delen.append(
            f'<text x="{links - 6}" y="{y(bedrag) + 4:.1f}" text-anchor="end" font-size="12" '
            f'fill="#4d4d4d">{euro(bedrag, hele_euros=True)}</text>'
        )
        bedrag += stap
    for u in uren:
        if u % 8 == 0:
            delen.append(
                f'<text x="{x(u):.1f}" y="{boven + ph + 16}" text-anchor="middle" font-size="12" '
                f'fill="#1a1a1a">{u}</text>'
            )
    delen.append(
        f'<text x="{links + pb / 2:.1f}" y="{hoogte - 6}" text-anchor="middle" font-size="13" '
        f'fill="#1a1a1a">{escape(as_label)}</text>'
    )
    for sleutel, kleur, streep in LIJNEN:
        reeks = basis if sleutel == "basis" else variant
        if not reeks:
            continue
        pad = " ".join(
            f"{x(u):.1f},{y(b):.1f}" for u, b in zip(uren, reeks, strict=True) if b is not None
        )
        dash = f' stroke-dasharray="{streep}"' if streep else ""
        delen.append(
            f'<polyline points="{pad}" fill="none" stroke="{kleur}" stroke-width="3"{dash}/>'
        )
    delen.append("</svg>")
    return "".join(delen)
