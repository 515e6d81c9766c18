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


KLEUREN = ("#154273", "#b34700", "#1e6b34", "#5b2a86", "#8a1538", "#0b5563", "#4d4d4d")
STREPEN = ("", "8 5", "2 4", "12 4 2 4", "4 4", "16 6", "1 3")


def lijnen_svg(
    x_labels: list[str],
    reeksen: list[tuple[str, list[float | None]]],
    *,
    titel: str,
    uitleg: str,
    y_label: str,
    sleutel: str,
    trap: bool = False,
    x_waarden: list[list[float]] | None = None,
    banden: list[list[tuple[float, float]] | None] | None = None,
    procent: bool = False,
) -> str:
    """Lines (or steps, `trap`) for several series over the same x axis; hidden values (None)
    break a line. Colour and dash differ per series, so colour is not needed; the legend is the
    table beside the chart. `banden`: a confidence band per series (low, high) at its x values."""
    alle = [w for _n, r in reeksen for w in r if w is not None]
    if banden:
        alle += [g for b in banden if b for paar in b for g in paar]
    if not alle:
        return ""
    # Narrower than the other charts: on a 360 px phone the text stays about 11 px high.
    breedte, hoogte, links, rechts, boven, onder = 480, 300, 52, 16, 16, 52
    pb, ph = breedte - links - rechts, hoogte - boven - onder
    hoog = max(alle) or 1.0
    if procent:
        hoog = 1.0
    xs_alle = [x for xs in x_waarden for x in xs] if x_waarden else list(range(len(x_labels)))
    x_max = max(xs_alle) if xs_alle else 1

    def x(w: float) -> float:
        return links + (w / (x_max or 1)) * pb

    def y(w: float) -> float:
        return boven + ph - (w / hoog) * ph

    delen = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {breedte} {hoogte}" role="img" '
        f'aria-labelledby="{sleutel}-titel {sleutel}-uitleg" class="grafiek">',
        f'<title id="{sleutel}-titel">{escape(titel)}</title>',
        f'<desc id="{sleutel}-uitleg">{escape(uitleg)}</desc>',
    ]
    for i in range(5):
        w = hoog * i / 4
        tekst = f"{round(100 * w)}%" if procent else f"{w:.0f}"
        delen.append(
            f'<line x1="{links}" x2="{breedte - rechts}" y1="{y(w):.1f}" y2="{y(w):.1f}" '
            'stroke="#d0d0d0"/>'
            f'<text x="{links - 6}" y="{y(w) + 5:.1f}" text-anchor="end" font-size="16" '
            f'fill="#4d4d4d">{escape(tekst)}</text>'
        )
    stap = max(1, len(x_labels) // 4)
    for i, label in enumerate(x_labels):
        if i % stap == 0 or i == len(x_labels) - 1:
            xw = float(label) if x_waarden else float(i)
            if xw > x_max:
                continue  # beyond the longest curve
            delen.append(
                f'<text x="{x(xw):.1f}" y="{boven + ph + 20}" text-anchor="middle" '
                f'font-size="16" fill="#1a1a1a">{escape(label)}</text>'
            )
    delen.append(
        f'<text x="{links + pb / 2:.1f}" y="{hoogte - 8}" text-anchor="middle" font-size="16" '
        f'fill="#1a1a1a">{escape(y_label)}</text>'
    )
    for nr, (_naam, reeks) in enumerate(reeksen):
        kleur, streep = KLEUREN[nr % len(KLEUREN)], STREPEN[nr % len(STREPEN)]
        xs = x_waarden[nr] if x_waarden else [float(i) for i in range(len(reeks))]
        band = banden[nr] if banden else None
        if band and len(band) >= 2:
            boven_pad = []
            onder_pad = []
            for j, (lo, hi) in enumerate(band):
                x1 = x(xs[j])
                x2 = x(xs[j + 1]) if j + 1 < len(xs) else x1
                boven_pad += [f"{x1:.1f},{y(hi):.1f}", f"{x2:.1f},{y(hi):.1f}"]
                onder_pad += [f"{x1:.1f},{y(lo):.1f}", f"{x2:.1f},{y(lo):.1f}"]
            punten = " ".join(boven_pad + onder_pad[::-1])
            delen.append(f'<polygon points="{punten}" fill="{kleur}" fill-opacity="0.15"/>')
        stukken: list[list[str]] = [[]]
        for j, waarde in enumerate(reeks):
            if waarde is None:
                stukken.append([])
                continue
            w = waarde
            stukken[-1].append(f"{x(xs[j]):.1f},{y(w):.1f}")
            if trap:
                volgende = x(xs[j + 1]) if j + 1 < len(xs) else x(xs[j])
                stukken[-1].append(f"{volgende:.1f},{y(w):.1f}")
        dash = f' stroke-dasharray="{streep}"' if streep else ""
        for stuk in stukken:
            if len(stuk) >= 2:
                delen.append(
                    f'<polyline points="{" ".join(stuk)}" fill="none" stroke="{kleur}" '
                    f'stroke-width="3"{dash}/>'
                )
            elif len(stuk) == 1:
                cx, cy = stuk[0].split(",")
                delen.append(f'<circle cx="{cx}" cy="{cy}" r="4" fill="{kleur}"/>')
    delen.append("</svg>")
    return "".join(delen)


def legenda(namen: list[str]) -> list[dict[str, str]]:
    """Colour and dash per series, for a legend in the template."""
    return [
        {"naam": n, "kleur": KLEUREN[i % len(KLEUREN)], "streep": STREPEN[i % len(STREPEN)]}
        for i, n in enumerate(namen)
    ]
