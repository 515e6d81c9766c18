"""A one-page flyer (PDF) from the client's pitch: their name, the pitch, what they are good at and
how to reach them. Made with ReportLab, like the other printable PDFs (contact/pdf.py)."""

from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import (
    KeepInFrame,
    ListFlowable,
    ListItem,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
)

from opstap.contact.models import Doel, DoelSoort
from opstap.klanten.models import Klant


def flyer_pdf(klant: Klant, pitch: str) -> bytes:
    basis = getSampleStyleSheet()
    titel = ParagraphStyle(
        "titel",
        parent=basis["Title"],
        fontSize=26,
        leading=32,
        textColor=colors.HexColor("#123c69"),
    )
    kop = ParagraphStyle("kop", parent=basis["Heading2"], fontSize=15, leading=19, spaceBefore=10)
    tekst = ParagraphStyle("tekst", parent=basis["BodyText"], fontSize=13, leading=19, spaceAfter=6)
    buffer = BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=22 * mm,
        rightMargin=22 * mm,
        topMargin=22 * mm,
        bottomMargin=22 * mm,
        title=f"Flyer {klant.naam}",
        author=klant.naam,
        lang="nl-NL",
    )
    kwaliteiten = [
        str(d.tekst)
        for d in Doel.objects.filter(
            klant=klant, gemeente_id=klant.gemeente_id, soort=DoelSoort.KWALITEIT
        )[:6]
    ]
    inhoud = [
        Paragraph(escape(klant.naam), titel),
        Spacer(1, 4 * mm),
        *[Paragraph(escape(alinea), tekst) for alinea in pitch.split("\n") if alinea.strip()],
    ]
    if kwaliteiten:
        inhoud += [
            Paragraph("Wat ik goed kan", kop),
            ListFlowable(
                [ListItem(Paragraph(escape(k), tekst)) for k in kwaliteiten], bulletType="bullet"
            ),
        ]
    bereik = [r for r in (klant.telefoon, klant.email) if r]
    if bereik:
        inhoud += [
            Paragraph("Zo bereikt u mij", kop),
            *[Paragraph(escape(r), tekst) for r in bereik],
        ]
    # One page, always: a long pitch is shrunk to fit rather than spilling over.
    doc.build([KeepInFrame(doc.width, doc.height, inhoud, mode="shrink")])
    return buffer.getvalue()
