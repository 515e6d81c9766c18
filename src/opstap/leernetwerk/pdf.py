"""The session pack: a PDF for a learning-network meeting with the coded fragments by theme and
their counts (reportlab, already the project's PDF library). Only shared, de-identified text."""

from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from django.utils import timezone
from django.utils.formats import date_format

from .models import Sessie
from .selectors import Thema


def _stijlen() -> dict[str, ParagraphStyle]:
    basis = getSampleStyleSheet()
    return {
        "titel": ParagraphStyle("titel", parent=basis["Heading1"], fontSize=18, leading=22),
        "kop": ParagraphStyle(
            "kop", parent=basis["Heading2"], fontSize=14, leading=18, spaceBefore=10
        ),
        "tekst": ParagraphStyle(
            "tekst", parent=basis["BodyText"], fontSize=11, leading=15, spaceAfter=4
        ),
        "citaat": ParagraphStyle(
            "citaat",
            parent=basis["BodyText"],
            fontSize=11,
            leading=15,
            leftIndent=8 * mm,
            spaceAfter=6,
        ),
        "klein": ParagraphStyle("klein", parent=basis["BodyText"], fontSize=9, leading=12),
    }


def sessiepakket_pdf(sessie: Sessie, themas: list[Thema]) -> bytes:
    s = _stijlen()
    buffer = BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title=f"Sessiepakket: {sessie.titel}",
        author="Opstap",
        lang="nl-NL",
    )
    inhoud = [
        Paragraph(escape(f"Sessiepakket: {sessie.titel}"), s["titel"]),
        Paragraph(
            escape(
                f"Leernetwerk {sessie.gemeente.naam}, bijeenkomst van "
                f"{date_format(sessie.datum, 'j F Y')}. Ervaringen van klanten, zonder namen of "
                "andere gegevens die iemand herkenbaar maken."
            ),
            s["tekst"],
        ),
        Paragraph("Thema's en aantallen", s["kop"]),
    ]
    if themas:
        tabel = Table(
            [["Thema", "Fragmenten", "Ervaringen"]]
            + [[t.code.naam, str(t.aantal), str(t.aantal_ervaringen)] for t in themas],
            hAlign="LEFT",
        )
        tabel.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
                    ("LINEBELOW", (0, 0), (-1, 0), 0.5, "#154273"),
                    ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
                ]
            )
        )
        inhoud.append(tabel)
    else:
        inhoud.append(Paragraph("Er zijn nog geen gecodeerde fragmenten.", s["tekst"]))
    for thema in themas:
        inhoud.append(Paragraph(escape(f"{thema.code.naam} ({thema.aantal} fragmenten)"), s["kop"]))
        if thema.code.omschrijving:
            inhoud.append(Paragraph(escape(thema.code.omschrijving), s["klein"]))
        for f in thema.fragmenten:
            b = f.bijdrage
            kenmerken = ", ".join(
                x
                for x in (
                    b.get_leeftijdsgroep_display(),
                    b.fase.replace("_", " "),
                    f"trede {b.tredegroep}" if b.tredegroep else "",
                    b.huishouden.replace("_", " "),
                )
                if x
            )
            inhoud.append(Paragraph(escape(f"“{f.tekst}”"), s["citaat"]))
            inhoud.append(Paragraph(escape(f"{b.label} · {kenmerken}"), s["klein"]))
            if f.codering.memo:
                inhoud.append(Paragraph(escape(f"Memo: {f.codering.memo}"), s["klein"]))
            inhoud.append(Spacer(1, 2 * mm))
    inhoud += [
        Spacer(1, 6 * mm),
        Paragraph(
            escape(f"Gemaakt op {date_format(timezone.localdate(), 'j F Y')} · Opstap"), s["klein"]
        ),
    ]
    doc.build(inhoud)
    return buffer.getvalue()
