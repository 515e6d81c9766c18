"""Demo part-timers with income declarations (D3) for Gemeente Demodam: declarations received and
one where "we missen nog iets", with payslip PDFs made here (fictitious employers and figures), a
client on the paper form, and a month not yet declared so the reminder shows.

Kept separate and small: the settlements (in behandeling, verrekend) are added by their own demo
block. Called from demo/laden.py once, when the municipality is first loaded."""

import hashlib
import io
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from django.core.files.base import ContentFile
from django.utils import timezone

from opstap.gemeenten.models import Gemeente
from opstap.klanten.models import Klant
from opstap.web.geld import euro
from opstap.werken.models import Baan, Loonperiode

from . import selectors, services
from .models import Herinnering, Inkomstenverklaring, LeesStatus, Loonstrookbestand, Status


@dataclass(frozen=True)
class DemoStrook:
    werkgever: str
    van: date
    tot: date
    uren: Decimal
    bruto: Decimal
    netto: Decimal


def _bedrag(waarde: Decimal) -> str:
    """1.234,56 as on a Dutch payslip (the app's one money format, without the euro sign)."""
    return euro(waarde).removeprefix("€").strip()


def loonstrook_pdf(strook: DemoStrook) -> bytes:
    """A simple fictitious payslip as a text PDF, in the layout the payslip reader knows."""
    uit = io.BytesIO()
    c = Canvas(uit, pagesize=A4)
    c.setTitle("Loonstrook (fictief, demo)")
    c.setFont("Helvetica-Bold", 16)
    c.drawString(50, 790, strook.werkgever)
    c.setFont("Helvetica-Bold", 13)
    c.drawString(50, 750, "Loonstrook")
    c.setFont("Helvetica", 10)
    c.drawString(50, 730, f"Werkgever: {strook.werkgever}")
    c.drawString(50, 715, f"Periode: {strook.van:%d-%m-%Y} t/m {strook.tot:%d-%m-%Y}")
    regels = [
        ("Gewerkte uren", _bedrag(strook.uren)),
        ("Bruto loon", _bedrag(strook.bruto)),
        ("Loonheffing", "-" + _bedrag(strook.bruto - strook.netto)),
        ("Netto te betalen", _bedrag(strook.netto)),
    ]
    y = 680
    for naam, waarde in regels:
        c.drawString(50, y, naam)
        c.drawRightString(430, y, waarde)
        y -= 18
    c.drawString(50, y - 20, "Demo: alle gegevens op deze loonstrook zijn verzonnen.")
    c.showPage()
    c.save()
    return uit.getvalue()


def _verklaring(
    klant: Klant,
    baan: Baan,
    maand: date,
    stroken: list[DemoStrook],
    *,
    status: str = Status.ONTVANGEN,
    ontbreekt: str = "",
    nummer: int,
) -> Inkomstenverklaring:
    # Received on the evening of the 2nd of the next month (well before the deadline).
    ontvangen = timezone.make_aware(
        datetime.combine(selectors.volgende_maand(maand) + timedelta(days=1), time(19, 12 + nummer))
    )
    netto = sum((s.netto for s in stroken), Decimal(0))
    bruto = sum((s.bruto for s in stroken), Decimal(0))
    uren = sum((s.uren for s in stroken), Decimal(0))
    gelezen = services.gelezen_samenvoegen(
        [
            {
                "periode_van": s.van.isoformat(),
                "periode_tot": s.tot.isoformat(),
                "bruto_loon": float(s.bruto),
                "netto_loon": float(s.netto),
                "uren": float(s.uren),
                "werkgever": s.werkgever,
            }
            for s in stroken
        ]
    )
    verklaring = Inkomstenverklaring.objects.create(
        gemeente=klant.gemeente,
        klant=klant,
        baan=baan,
        maand=maand,
        uren=uren,
        netto_loon=netto,
        bruto_loon=bruto,
        kenmerk=f"IV-DEMO{nummer:02d}-{klant.pk:05d}"[:24],
        ontvangen_op=ontvangen,
        status=status,
        ontbreekt=ontbreekt,
        lees_status=LeesStatus.KLAAR,
        gelezen=gelezen,
        bevestigd_op=ontvangen + timedelta(minutes=2),
        periode_van=min(s.van for s in stroken),
        periode_tot=max(s.tot for s in stroken),
    )
    for i, s in enumerate(stroken, start=1):
        inhoud = loonstrook_pdf(s)
        rij = Loonstrookbestand(
            verklaring=verklaring,
            naam=f"loonstrook {s.van:%m-%Y}{f' ({i})' if len(stroken) > 1 else ''}.pdf",
            soort="application/pdf",
            sha256=hashlib.sha256(inhoud).hexdigest(),
            sha256_opgeslagen=hashlib.sha256(inhoud).hexdigest(),
            grootte=len(inhoud),
            ontvangen_op=ontvangen,
        )
        rij.bestand.save("loonstrook", ContentFile(inhoud), save=False)
        rij.save()
    return verklaring


def demo_inkomsten(gemeente: Gemeente) -> None:
    vandaag = timezone.localdate()
    deze_maand = vandaag.replace(day=1)
    vorige = selectors.vorige_maand(deze_maand)
    twee_terug = selectors.vorige_maand(vorige)
    drie_terug = selectors.vorige_maand(twee_terug)

    klant1 = Klant.objects.filter(gemeente=gemeente, gebruiker__username="klant1").first()
    klant2 = Klant.objects.filter(gemeente=gemeente, gebruiker__username="klant2").first()
    if klant1 is not None:
        # Monthly pay; two months declared, last month not yet: the reminder shows.
        baan = Baan.objects.create(
            gemeente=gemeente,
            klant=klant1,
            werkgever_naam="Bakkerij De Gouden Korst",
            begonnen_op=drie_terug,
            uren_per_week=Decimal(16),
            bruto_uurloon=Decimal("14.50"),
            loonperiode=Loonperiode.MAAND,
        )
        for nummer, maand in enumerate((drie_terug, twee_terug), start=1):
            _verklaring(
                klant1,
                baan,
                maand,
                [
                    DemoStrook(
                        "Bakkerij De Gouden Korst",
                        maand,
                        selectors.laatste_dag(maand),
                        Decimal(68 + nummer * 2),
                        Decimal("14.50") * Decimal(68 + nummer * 2),
                        (Decimal("14.50") * Decimal(68 + nummer * 2) * Decimal("0.93")).quantize(
                            Decimal("0.01")
                        ),
                    )
                ],
                nummer=nummer,
            )
        Herinnering.objects.create(klant=klant1, maand=vorige, dagen_voor=3)
    if klant2 is not None:
        # Four-weekly pay, on the paper form; one declaration where the second payslip is missing.
        baan = Baan.objects.create(
            gemeente=gemeente,
            klant=klant2,
            werkgever_naam="Schoonmaakbedrijf Helder & Co",
            begonnen_op=twee_terug - timedelta(days=20),
            uren_per_week=Decimal(12),
            bruto_uurloon=Decimal("14.40"),
            loonperiode=Loonperiode.VIER_WEKEN,
        )
        eerste = twee_terug + timedelta(days=1)
        _verklaring(
            klant2,
            baan,
            twee_terug,
            [
                DemoStrook(
                    "Schoonmaakbedrijf Helder & Co",
                    eerste - timedelta(days=28),
                    eerste - timedelta(days=1),
                    Decimal(48),
                    Decimal("691.20"),
                    Decimal("662.75"),
                )
            ],
            status=Status.AANVULLING_NODIG,
            ontbreekt=(
                "Je krijgt loon per vier weken. In deze maand kreeg je twee keer loon, maar we "
                "hebben één loonstrook. Wil je de tweede loonstrook er nog bij doen?"
            ),
            nummer=3,
        )
        services.papier_aanzetten(klant=klant2)
    # A few more part-timers whose declarations wait for the income desk.
    anderen = list(
        Klant.objects.filter(gemeente=gemeente, gebruiker__isnull=True).order_by("pk")[150:154]
    )
    werkgevers = [
        "Zorgcentrum De Linde",
        "Supermarkt Buurtwinkel",
        "Kinderopvang Het Nest",
        "Fietsenmaker Trapper",
    ]
    for i, (klant, werkgever) in enumerate(zip(anderen, werkgevers, strict=False)):
        uren = Decimal(40 + 8 * i)
        baan = Baan.objects.create(
            gemeente=gemeente,
            klant=klant,
            werkgever_naam=werkgever,
            begonnen_op=drie_terug,
            uren_per_week=Decimal(10 + 2 * i),
            bruto_uurloon=Decimal("14.40"),
            loonperiode=Loonperiode.MAAND,
        )
        bruto = (uren * Decimal("14.40")).quantize(Decimal("0.01"))
        _verklaring(
            klant,
            baan,
            vorige,
            [
                DemoStrook(
                    werkgever,
                    vorige,
                    selectors.laatste_dag(vorige),
                    uren,
                    bruto,
                    (bruto * Decimal("0.94")).quantize(Decimal("0.01")),
                )
            ],
            nummer=10 + i,
        )
