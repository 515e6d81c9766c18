"""Printable PDFs for the client (A3, A6): a conversation summary and a letter with the rules.
Plain layout, large type, the contact person's name on it, nothing threatening."""

from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import ListFlowable, ListItem, Paragraph, SimpleDocTemplate, Spacer

from django.utils import timezone
from django.utils.formats import date_format

from opstap.klanten.models import Klant

from .models import Gespreksverslag
from .regelteksten import Regeltekst


def _stijlen() -> dict[str, ParagraphStyle]:
    basis = getSampleStyleSheet()
    return {
        "titel": ParagraphStyle("titel", parent=basis["Heading1"], fontSize=18, leading=22),
        "kop": ParagraphStyle("kop", parent=basis["Heading2"], fontSize=14, leading=18, spaceBefore=8),
        "tekst": ParagraphStyle("tekst", parent=basis["BodyText"], fontSize=12, leading=17, spaceAfter=6),
        "klein": ParagraphStyle("klein", parent=basis["BodyText"], fontSize=10, leading=13),
    }


def _document(titel: str, onderwerp: str) -> tuple[BytesIO, SimpleDocTemplate]:
    buffer = BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=22 * mm, rightMargin=22 * mm,
                            topMargin=20 * mm, bottomMargin=20 * mm, title=titel, subject=onderwerp,
                            author="Opstap", lang="nl-NL")
    return buffer, doc


def _lijst(regels: list[str], stijl: ParagraphStyle) -> ListFlowable:
    return ListFlowable([ListItem(Paragraph(escape(r), stijl)) for r in regels], bulletType="bullet")


def verslag_pdf(verslag: Gespreksverslag) -> bytes:
    s = _stijlen()
    buffer, doc = _document("Gespreksverslag", f"Gesprek van {verslag.gesprek_op:%d-%m-%Y}")
    inhoud = [
        Paragraph("Verslag van ons gesprek", s["titel"]),
        Paragraph(escape(f"{verslag.get_soort_display()} op {date_format(verslag.gesprek_op, 'j F Y')}, "
                         f"met {verslag.auteur.weergavenaam}."), s["tekst"]),
        Paragraph("Waar ging het over?", s["kop"]),
        *[Paragraph(escape(a), s["tekst"]) for a in verslag.samenvatting.split("\n") if a.strip()],
    ]
    if verslag.afspraken_lijst:
        inhoud += [Paragraph("Wat hebben we afgesproken?", s["kop"]), _lijst(verslag.afspraken_lijst, s["tekst"])]
    if verslag.stappen_lijst:
        inhoud += [Paragraph("Wat zijn de volgende stappen?", s["kop"]), _lijst(verslag.stappen_lijst, s["tekst"])]
    inhoud += [
        Spacer(1, 8 * mm),
        Paragraph(escape(f"Heb je een vraag over dit verslag? Stuur {verslag.auteur.weergavenaam} een bericht "
                         "in de app. Dat kan altijd."), s["tekst"]),
        Paragraph(escape(f"Gemaakt op {date_format(timezone.localdate(), 'j F Y')} · Opstap, "
                         f"{verslag.klant.gemeente.naam}"), s["klein"]),
    ]
    doc.build(inhoud)
    return buffer.getvalue()


def regels_brief_pdf(klant: Klant, teksten: list[Regeltekst], *, contactpersoon_naam: str,
                     bereikbaar: str = "", telefoon: str = "") -> bytes:
    s = _stijlen()
    buffer, doc = _document("Jouw regels op papier", "Regels en afspraken bij de bijstand")
    inhoud = [
        Paragraph(escape(klant.gemeente.naam), s["klein"]),
        Paragraph(escape(date_format(timezone.localdate(), "j F Y")), s["klein"]),
        Spacer(1, 6 * mm),
        Paragraph(escape(f"Beste {klant.roepnaam or klant.naam},"), s["tekst"]),
        Paragraph("In deze brief staan de regels die voor jou gelden. In gewone woorden. Bewaar de brief, "
                  "dan kun je het rustig teruglezen.", s["tekst"]),
    ]
    for t in teksten:
        inhoud.append(Paragraph(escape(t.titel), s["kop"]))
        inhoud += [Paragraph(escape(a), s["tekst"]) for a in t.alineas]
    contact = f"Heb je een vraag? Stuur een bericht in de app, of bel {contactpersoon_naam}"
    contact += f" op {telefoon}" if telefoon else ""
    contact += f" ({bereikbaar})." if bereikbaar else "."
    inhoud += [
        Paragraph("Vragen?", s["kop"]),
        Paragraph(escape(contact), s["tekst"]),
        Spacer(1, 6 * mm),
        Paragraph("Met vriendelijke groet,", s["tekst"]),
        Paragraph(escape(contactpersoon_naam), s["tekst"]),
        Paragraph("Je contactpersoon", s["klein"]),
    ]
    doc.build(inhoud)
    return buffer.getvalue()
