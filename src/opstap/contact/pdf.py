"""Printable PDFs for the client (A3, A6): a conversation summary and a letter with the rules.
Plain layout, large type, the contact person's name on it, nothing threatening."""

import logging
from io import BytesIO
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    Image,
    ListFlowable,
    ListItem,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
)

from django.utils import timezone
from django.utils.formats import date_format

from opstap.klanten.models import Klant

from .models import Gespreksverslag
from .regelteksten import Regeltekst

logger = logging.getLogger(__name__)
FOTO_MAAT = 28 * mm


def _stijlen() -> dict[str, ParagraphStyle]:
    basis = getSampleStyleSheet()
    return {
        "titel": ParagraphStyle("titel", parent=basis["Heading1"], fontSize=18, leading=22),
        "kop": ParagraphStyle(
            "kop", parent=basis["Heading2"], fontSize=14, leading=18, spaceBefore=8
        ),
        "tekst": ParagraphStyle(
            "tekst", parent=basis["BodyText"], fontSize=12, leading=17, spaceAfter=6
        ),
        "klein": ParagraphStyle("klein", parent=basis["BodyText"], fontSize=10, leading=13),
    }


def _document(titel: str, onderwerp: str) -> tuple[BytesIO, SimpleDocTemplate]:
    buffer = BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=22 * mm,
        rightMargin=22 * mm,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
        title=titel,
        subject=onderwerp,
        author="Opstap",
        lang="nl-NL",
    )
    return buffer, doc


def _lijst(regels: list[str], stijl: ParagraphStyle) -> ListFlowable:
    return ListFlowable(
        [ListItem(Paragraph(escape(r), stijl)) for r in regels], bulletType="bullet"
    )


def verslag_pdf(verslag: Gespreksverslag) -> bytes:
    s = _stijlen()
    buffer, doc = _document("Gespreksverslag", f"Gesprek van {verslag.gesprek_op:%d-%m-%Y}")
    inhoud = [
        Paragraph("Verslag van ons gesprek", s["titel"]),
        Paragraph(
            escape(
                f"{verslag.get_soort_display()} op {date_format(verslag.gesprek_op, 'j F Y')}, "
                f"met {verslag.auteur.weergavenaam}."
            ),
            s["tekst"],
        ),
        Paragraph("Waar ging het over?", s["kop"]),
        *[Paragraph(escape(a), s["tekst"]) for a in verslag.samenvatting.split("\n") if a.strip()],
    ]
    if verslag.afspraken_lijst:
        inhoud += [
            Paragraph("Wat hebben we afgesproken?", s["kop"]),
            _lijst(verslag.afspraken_lijst, s["tekst"]),
        ]
    if verslag.stappen_lijst:
        inhoud += [
            Paragraph("Wat zijn de volgende stappen?", s["kop"]),
            _lijst(verslag.stappen_lijst, s["tekst"]),
        ]
    inhoud += [
        Spacer(1, 8 * mm),
        Paragraph(
            escape(
                f"Heb je een vraag over dit verslag? Stuur {verslag.auteur.weergavenaam} een bericht "
                "in de app. Dat kan altijd."
            ),
            s["tekst"],
        ),
        Paragraph(
            escape(
                f"Gemaakt op {date_format(timezone.localdate(), 'j F Y')} · Opstap, "
                f"{verslag.klant.gemeente.naam}"
            ),
            s["klein"],
        ),
    ]
    doc.build(inhoud)
    return buffer.getvalue()


def _initialen(naam: str) -> Drawing:
    """Stand-in when there is no photo (the demo accounts have an illustration instead)."""
    delen = [d for d in naam.replace(".", " ").split() if d[:1].isalpha()]
    letters = ((delen[0][0] + delen[-1][0]) if len(delen) > 1 else (naam[:1] or "?")).upper()
    tekening = Drawing(FOTO_MAAT, FOTO_MAAT)
    tekening.add(
        Rect(
            0,
            0,
            FOTO_MAAT,
            FOTO_MAAT,
            rx=4 * mm,
            ry=4 * mm,
            fillColor=colors.HexColor("#154273"),
            strokeColor=None,
        )
    )
    tekening.add(
        String(
            FOTO_MAAT / 2,
            FOTO_MAAT / 2 - 4 * mm,
            letters,
            fontName="Helvetica-Bold",
            fontSize=22,
            fillColor=colors.white,
            textAnchor="middle",
        )
    )
    return tekening


def _foto(foto: Any, naam: str) -> Flowable:
    """The contact person's photo (an uploaded image), or their initials."""
    if foto:
        try:
            with foto.open("rb") as bestand:
                return Image(
                    BytesIO(bestand.read()), width=FOTO_MAAT, height=FOTO_MAAT, kind="proportional"
                )
        except Exception:  # a missing or broken file must not stop the letter
            logger.warning("foto van de contactpersoon niet te lezen voor de brief", exc_info=True)
    return _initialen(naam)


def regels_brief_pdf(
    klant: Klant,
    teksten: list[Regeltekst],
    *,
    contactpersoon_naam: str,
    bereikbaar: str = "",
    telefoon: str = "",
    foto: Any = None,
) -> bytes:
    s = _stijlen()
    buffer, doc = _document("Jouw regels op papier", "Regels en afspraken bij de bijstand")
    inhoud = [
        Paragraph(escape(klant.gemeente.naam), s["klein"]),
        Paragraph(escape(date_format(timezone.localdate(), "j F Y")), s["klein"]),
        Spacer(1, 6 * mm),
        Paragraph(escape(f"Beste {klant.roepnaam or klant.naam},"), s["tekst"]),
        Paragraph(
            "In deze brief staan de regels die voor jou gelden. In gewone woorden. Bewaar de brief, "
            "dan kun je het rustig teruglezen.",
            s["tekst"],
        ),
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
        Table(
            [
                [
                    _foto(foto, contactpersoon_naam),
                    [
                        Paragraph(escape(contactpersoon_naam), s["tekst"]),
                        Paragraph("Je contactpersoon", s["klein"]),
                    ],
                ]
            ],
            colWidths=[FOTO_MAAT + 6 * mm, None],
            hAlign="LEFT",
            style=[("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (0, 0), 0)],
        ),
    ]
    doc.build(inhoud)
    return buffer.getvalue()
