"""Part-time work in Demodam (all made up): klant1 with two employers (one paid four-weekly), klant2
on an on-call contract with a difficult start, and some of contactpersoon1's other clients with a
job ending soon, the income exemption ending, few hours, and contracts to check."""

from datetime import timedelta
from decimal import Decimal
from io import BytesIO
from typing import Any

from reportlab.pdfgen import canvas

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from opstap.accounts.models import Gebruiker
from opstap.gemeenten.models import Gemeente
from opstap.klanten.models import Klant

from .models import Baan, Loonperiode
from .services import (
    baan_aanmelden,
    contract_controleren,
    contract_uploaden,
    moeilijke_start_melden,
    startgesprek_afronden,
    werkstand_bijwerken,
)


def _contract_pdf(werkgever: str, naam: str, uren: str) -> SimpleUploadedFile:
    buffer = BytesIO()
    c = canvas.Canvas(buffer)
    regels = [
        "Arbeidsovereenkomst (VOORBEELD, verzonnen)",
        f"Werkgever: {werkgever}",
        f"Werknemer: {naam}",
        f"Arbeidsduur: {uren}",
        "Proeftijd: 1 maand",
    ]
    for i, regel in enumerate(regels):
        c.drawString(72, 760 - 20 * i, regel)
    c.save()
    return SimpleUploadedFile("arbeidsovereenkomst.pdf", buffer.getvalue())


def _baan(klant: Klant, dagen_geleden: int, **gegevens: Any) -> Baan:
    vandaag = timezone.localdate()
    return baan_aanmelden(
        klant=klant,
        gegevens={
            "begonnen_op": vandaag - timedelta(days=dagen_geleden),
            "loonperiode": Loonperiode.MAAND,
            **gegevens,
        },
        door=klant.gebruiker,
    )


def demo_werk(gemeente: Gemeente) -> None:
    vandaag = timezone.localdate()
    cp1 = Gebruiker.objects.get(username="contactpersoon1")
    klant1 = Klant.objects.get(gemeente=gemeente, gebruiker__username="klant1")
    klant2 = Klant.objects.get(gemeente=gemeente, gebruiker__username="klant2")

    # klant1: two employers at once; one contract checked, the other waiting.
    linde = _baan(
        klant1,
        36,
        werkgever_naam="Zorgcentrum De Linde",
        uren_per_week=Decimal(12),
        bruto_uurloon=Decimal("14.71"),
        contractsoort="bepaalde_tijd",
        einde_op=vandaag + timedelta(days=330),
    )
    contract = contract_uploaden(
        baan=linde, bestand=_contract_pdf(linde.werkgever_naam, klant1.naam, "12 uur per week")
    )
    contract_controleren(
        contract=contract,
        door=cp1,
        opmerking="Ik heb je contract gelezen. Het ziet er goed uit! Je uren kloppen met wat je "
        "doorgaf. De proeftijd is een maand: dat is normaal. Vragen? Stuur me een bericht.",
        aandachtspunten=["proeftijd"],
    )
    for gesprek in linde.startgesprekken.filter(gepland_op__lte=vandaag):
        startgesprek_afronden(gesprek=gesprek, door=cp1, notitie="Gaat goed, fijne collega's.")
    bakkerij = _baan(
        klant1,
        10,
        werkgever_naam="Bakkerij Het Volkoren",
        uren_per_week=Decimal(8),
        bruto_uurloon=Decimal("15.00"),
        loonperiode=Loonperiode.VIER_WEKEN,
        contractsoort="onbepaalde_tijd",
    )
    contract_uploaden(
        baan=bakkerij, bestand=_contract_pdf(bakkerij.werkgever_naam, klant1.naam, "8 uur per week")
    )

    # klant2: an on-call contract, and the start is hard.
    oproep = _baan(
        klant2,
        20,
        werkgever_naam="Uitzendbureau Snelwerk",
        uren_per_week=None,
        oproepcontract=True,
        bruto_uurloon=Decimal("14.71"),
        contractsoort="oproep",
    )
    moeilijke_start_melden(
        baan=oproep,
        door=klant2.gebruiker or cp1,
        toelichting="Ik weet vaak pas de avond ervoor of ik moet werken. Dat is lastig met de kinderen.",
    )

    # Some of contactpersoon1's other clients, each showing one signal.
    # Between 30 and 60: the income exemption applies (from 27) and the engine's model holds.
    anderen = list(
        Klant.objects.filter(
            gemeente=gemeente,
            contactpersoon=cp1,
            gebruiker__isnull=True,
            geboortedatum__lte=vandaag - timedelta(days=30 * 366),
            geboortedatum__gte=vandaag - timedelta(days=60 * 365),
        ).order_by("pk")[:5]
    )
    if len(anderen) < 5:
        return
    _baan(  # a contract ending within a few weeks
        anderen[0],
        150,
        werkgever_naam="Supermarkt De Buurman",
        uren_per_week=Decimal(20),
        bruto_uurloon=Decimal("14.71"),
        contractsoort="bepaalde_tijd",
        einde_op=vandaag + timedelta(days=17),
    )
    anderen[1].vrijlating_maanden_gebruikt = 5  # the income exemption ends this month
    anderen[1].save(update_fields=["vrijlating_maanden_gebruikt"])
    _baan(
        anderen[1],
        160,
        werkgever_naam="Schoonmaakbedrijf Glans",
        uren_per_week=Decimal(16),
        bruto_uurloon=Decimal("14.90"),
        loonperiode=Loonperiode.VIER_WEKEN,
    )
    _baan(  # few hours: could work more
        anderen[2],
        60,
        werkgever_naam="Groenbedrijf Buitenwerk",
        uren_per_week=Decimal(6),
        bruto_uurloon=Decimal("15.20"),
    )
    nieuw = _baan(  # a new job, contract waiting to be checked
        anderen[3],
        4,
        werkgever_naam="Kinderopvang Het Nest",
        uren_per_week=Decimal(14),
        bruto_uurloon=Decimal("15.60"),
    )
    contract_uploaden(
        baan=nieuw, bestand=_contract_pdf(nieuw.werkgever_naam, anderen[3].naam, "14 uur per week")
    )
    for klant in (klant1, klant2, *anderen):
        werkstand_bijwerken(klant)
