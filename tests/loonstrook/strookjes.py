"""Fictitious payslips made by the tests: several layouts, as text PDFs, scans and phone photos.

Every employer, person and figure here is made up. Each layout knows the values a reader should
find (`verwacht`), with None where the payslip gives no certain answer."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

BREEDTE, HOOGTE = A4


@dataclass(frozen=True)
class Strook:
    naam: str
    teken: Callable[[Canvas], None]
    verwacht: dict[str, object]


def _tabel(
    c: Canvas, y: float, koppen: list[tuple[str, float]], rijen: list[list[str]], links: float = 50
) -> float:
    """A table: the first column left-aligned, the others right-aligned at their x."""
    c.setFont("Helvetica-Bold", 10)
    c.drawString(links, y, koppen[0][0])
    for kop, x in koppen[1:]:
        c.drawRightString(x, y, kop)
    c.setFont("Helvetica", 10)
    for rij in rijen:
        y -= 16
        c.drawString(links, y, rij[0])
        for waarde, (_, x) in zip(rij[1:], koppen[1:], strict=True):
            if waarde:
                c.drawRightString(x, y, waarde)
    return y


def _maand_kolommen(c: Canvas) -> None:
    """Monthly; columns Aantal, Tarief, Deze periode, Cumulatief; letterhead and a Werkgever label."""
    c.setFont("Helvetica-Bold", 16)
    c.drawString(50, 790, "Bakkerij De Gouden Korst B.V.")
    c.setFont("Helvetica", 9)
    c.drawString(50, 776, "Korenstraat 12, 9999 AB Demodam")
    c.setFont("Helvetica-Bold", 13)
    c.drawString(50, 745, "Loonstrook")
    c.setFont("Helvetica", 10)
    c.drawString(50, 725, "Werkgever: Bakkerij De Gouden Korst B.V.")
    c.drawString(320, 725, "Werknemer: S. Jansen-Bakker")
    c.drawString(50, 710, "Periode: 01-03-2026 t/m 31-03-2026")
    c.drawString(320, 710, "Personeelsnummer: 4711")
    c.drawString(50, 695, "Loontijdvak: maand")
    c.drawString(320, 695, "Datum in dienst: 01-02-2026")
    y = _tabel(
        c,
        660,
        [
            ("Omschrijving", 0),
            ("Aantal", 250),
            ("Tarief", 320),
            ("Deze periode", 430),
            ("Cumulatief", 540),
        ],
        [
            ["Salaris", "86,00", "14,50", "1.247,00", "2.494,00"],
            ["Toeslag onregelmatigheid", "12,00", "2,90", "34,80", "69,60"],
            ["Bruto loon", "", "", "1.281,80", "2.563,60"],
            ["Pensioenpremie", "", "", "-41,02", "-82,04"],
            ["Loonheffing", "", "", "-38,45", "-76,90"],
            ["Netto loon", "", "", "1.202,33", "2.404,66"],
            ["Reiskostenvergoeding", "", "", "22,40", "44,80"],
            ["Netto te betalen", "", "", "1.224,73", "2.449,46"],
        ],
    )
    c.drawString(50, y - 30, "Gewerkte uren")
    c.drawRightString(430, y - 30, "86,00")
    c.drawRightString(540, y - 30, "172,00")
    c.drawString(50, y - 60, "Uitbetaald op NL99 DEMO 0123 4567 89 op 25-03-2026")


def _vier_weken(c: Canvas) -> None:
    """Four-weekly; year-to-date column FIRST, then the period; 'Naam werkgever'; dates in words."""
    c.setFont("Helvetica-Bold", 14)
    c.drawString(50, 790, "SALARISSPECIFICATIE")
    c.setFont("Helvetica", 10)
    c.drawString(50, 765, "Naam werkgever")
    c.drawString(170, 765, "Schoonmaakbedrijf Helder & Co")
    c.drawString(50, 750, "Naam werknemer")
    c.drawString(170, 750, "T. El Amrani")
    c.drawString(50, 735, "Tijdvak")
    c.drawString(170, 735, "periode 3 (4 weken): 23 februari 2026 - 22 maart 2026")
    c.drawString(50, 720, "Uren")
    c.drawString(170, 720, "64,50")
    y = _tabel(
        c,
        680,
        [("Looncomponent", 0), ("Cumulatief t/m periode", 380), ("Periode", 520)],
        [
            ["Brutoloon", "2.784,06", "928,02"],
            ["Premie pensioen", "-96,30", "-32,10"],
            ["Loonheffing", "0,00", "0,00"],
            ["Uit te betalen", "2.687,76", "895,92"],
        ],
    )
    c.drawString(50, y - 40, "Vakantiegeld opgebouwd: 74,24")


def _maand_tekst(c: Canvas) -> None:
    """Monthly; the month in words; a separate 'Cumulatieven' block below; other wording."""
    c.setFont("Helvetica-Bold", 15)
    c.drawString(50, 795, "Stichting Zorggroep Lindelaan")
    c.setFont("Helvetica", 10)
    c.drawString(50, 760, "Loonspecificatie")
    c.drawString(50, 745, "Loonperiode: april 2026")
    c.drawString(50, 730, "Medewerker: R. Visser")
    c.drawString(50, 700, "Bruto salaris")
    c.drawRightString(400, 700, "€ 1.523,40")
    c.drawString(50, 684, "Aantal uren")
    c.drawRightString(400, 684, "72")
    c.drawString(50, 668, "Loonheffing")
    c.drawRightString(400, 668, "€ 212,15-")
    c.drawString(50, 652, "Premie Zvw")
    c.drawRightString(400, 652, "€ 0,00")
    c.drawString(50, 636, "Netto uitbetaald")
    c.drawRightString(400, 636, "€ 1.311,25")
    c.setFont("Helvetica-Bold", 11)
    c.drawString(50, 600, "Cumulatieven")
    c.setFont("Helvetica", 10)
    c.drawString(50, 584, "Bruto salaris")
    c.drawRightString(400, 584, "€ 6.093,60")
    c.drawString(50, 568, "Netto uitbetaald")
    c.drawRightString(400, 568, "€ 5.245,00")


def _uurloon_zonder_data(c: Canvas) -> None:
    """Four-weekly period number without dates (period must stay None); rate × hours; 'Jaar' column."""
    c.setFont("Helvetica-Bold", 16)
    c.drawString(50, 795, "Tuincentrum Groenrijk B.V.")
    c.setFont("Helvetica", 10)
    c.drawString(50, 770, "Salarisstrook periode 5 2026 (4 weken)")
    c.drawString(50, 755, "Werknemer: P. de Boer")
    y = _tabel(
        c,
        720,
        [("Omschrijving", 0), ("Periode", 400), ("Jaar", 520)],
        [
            ["Uurloon € 13,80 x 48,00 uur", "662,40", "3.312,00"],
            ["Totaal bruto", "662,40", "3.312,00"],
            ["Loonheffing", "-0,00", "-0,00"],
            ["Netto te betalen", "662,40", "3.312,00"],
        ],
    )
    c.drawString(50, y - 40, "Betaald op 04-06-2026")


def _geen_uren(c: Canvas) -> None:
    """Monthly; no hours at all (uren must stay None); ISO dates; gross only in a two-column row."""
    c.setFont("Helvetica-Bold", 14)
    c.drawString(50, 795, "Loonstrook")
    c.setFont("Helvetica", 10)
    c.drawString(50, 775, "Werkgever: Fietsenmakerij Trapvast")
    c.drawString(50, 760, "Periode: 2026-05-01 t/m 2026-05-31")
    c.drawString(50, 730, "Bruto loon")
    c.drawRightString(300, 730, "1.050,00")
    c.drawString(50, 714, "Loonheffing")
    c.drawRightString(300, 714, "-61,00")
    c.drawString(50, 698, "Netto te betalen")
    c.drawRightString(300, 698, "989,00")


STROKEN = [
    Strook(
        "maand_kolommen",
        _maand_kolommen,
        {
            "periode_van": "2026-03-01",
            "periode_tot": "2026-03-31",
            "bruto_loon": 1281.80,
            "netto_loon": 1224.73,
            "uren": 86.0,
            "werkgever": "Bakkerij De Gouden Korst B.V.",
        },
    ),
    Strook(
        "vier_weken",
        _vier_weken,
        {
            "periode_van": "2026-02-23",
            "periode_tot": "2026-03-22",
            "bruto_loon": 928.02,
            "netto_loon": 895.92,
            "uren": 64.5,
            "werkgever": "Schoonmaakbedrijf Helder & Co",
        },
    ),
    Strook(
        "maand_tekst",
        _maand_tekst,
        {
            "periode_van": "2026-04-01",
            "periode_tot": "2026-04-30",
            "bruto_loon": 1523.40,
            "netto_loon": 1311.25,
            "uren": 72.0,
            "werkgever": "Stichting Zorggroep Lindelaan",
        },
    ),
    Strook(
        "uurloon_zonder_data",
        _uurloon_zonder_data,
        {
            "periode_van": None,
            "periode_tot": None,
            "bruto_loon": 662.40,
            "netto_loon": 662.40,
            "uren": 48.0,
            "werkgever": "Tuincentrum Groenrijk B.V.",
        },
    ),
    Strook(
        "geen_uren",
        _geen_uren,
        {
            "periode_van": "2026-05-01",
            "periode_tot": "2026-05-31",
            "bruto_loon": 1050.00,
            "netto_loon": 989.00,
            "uren": None,
            "werkgever": "Fietsenmakerij Trapvast",
        },
    ),
]


def pdf(strook: Strook) -> bytes:
    uit = io.BytesIO()
    c = Canvas(uit, pagesize=A4)
    c.setTitle("Loonstrook (fictief)")
    strook.teken(c)
    c.showPage()
    c.save()
    return uit.getvalue()


def _beeld(strook: Strook, dpi: int = 200):  # type: ignore[no-untyped-def]
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf(strook))
    try:
        return document[0].render(scale=dpi / 72).to_pil().convert("RGB")
    finally:
        document.close()


def scan(strook: Strook) -> bytes:
    """An image-only PDF, as a scanner makes it: no text layer at all."""
    uit = io.BytesIO()
    _beeld(strook, 200).convert("L").save(uit, format="PDF", resolution=200)
    return uit.getvalue()


def foto(
    strook: Strook,
    hoek: float = 1.5,
    vervaging: float = 0.8,
    kwaliteit: int = 55,
    formaat: str = "JPEG",
) -> bytes:
    """A phone photo of the printed slip: slightly turned, a little blurred, JPEG noise, a grey desk."""
    from PIL import Image, ImageFilter

    beeld = _beeld(strook, 170)
    beeld = beeld.rotate(
        hoek, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(120, 118, 112)
    )
    beeld = beeld.filter(ImageFilter.GaussianBlur(vervaging))
    uit = io.BytesIO()
    if formaat == "JPEG":
        beeld.save(uit, format="JPEG", quality=kwaliteit)
    else:
        beeld.save(uit, format=formaat)
    return uit.getvalue()
