"""Demo (D4): declarations being handled, one waiting for what is missing, settled months and one
corrected estimate, so `make run` shows the income desk's queue with its signals and klant1's
settlement per month. Fictitious people, employers and payslips."""

import hashlib
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone

from opstap.accounts.models import Gebruiker, Rol
from opstap.gemeenten.models import Gemeente
from opstap.klanten.keuzes import Fase
from opstap.klanten.models import Klant
from opstap.werken.models import Baan

from . import verrekening
from .demo import DemoStrook, loonstrook_pdf
from .models import Inkomstenverklaring, LeesStatus, Loonstrookbestand, Status
from .selectors import laatste_dag
from .services import nieuw_kenmerk


def _maanden_terug(vandaag: date, n: int) -> date:
    maand = vandaag.replace(day=1)
    for _i in range(n):
        maand = (maand - timedelta(days=1)).replace(day=1)
    return maand


def _verklaring(
    klant: Klant,
    baan: Baan,
    maand: date,
    *,
    uren: str,
    netto: str,
    bruto: str,
    schatting: bool = False,
    status: str = Status.ONTVANGEN,
    ontvangen_op_dag: int = 3,
    ontbreekt: str = "",
) -> Inkomstenverklaring:
    volgende = (maand + timedelta(days=32)).replace(day=1)
    verklaring = Inkomstenverklaring.objects.create(
        gemeente_id=klant.gemeente_id,
        klant=klant,
        baan=baan,
        maand=maand,
        uren=Decimal(uren),
        netto_loon=Decimal(netto),
        bruto_loon=Decimal(bruto),
        schatting=schatting,
        kenmerk=nieuw_kenmerk(),
        # Never in the future, whatever day the demo is loaded on.
        ontvangen_op=min(
            timezone.make_aware(datetime(volgende.year, volgende.month, ontvangen_op_dag, 10, 30)),
            timezone.now(),
        ),
        ingediend_door=klant.gebruiker,
        status=status,
        ontbreekt=ontbreekt,
        lees_status=LeesStatus.KLAAR,
        gelezen={
            "periode_van": maand.isoformat(),
            "periode_tot": laatste_dag(maand).isoformat(),
            "bruto_loon": float(bruto),
            "netto_loon": float(netto),
            "uren": float(uren),
            "werkgever": baan.werkgever_naam,
        },
    )
    # The same fictitious payslip as the declarations' demo (one layout the reader knows).
    inhoud = loonstrook_pdf(
        DemoStrook(
            werkgever=baan.werkgever_naam,
            van=maand,
            tot=laatste_dag(maand),
            uren=Decimal(uren),
            bruto=Decimal(bruto),
            netto=Decimal(netto),
        )
    )
    rij = Loonstrookbestand(
        verklaring=verklaring,
        naam=f"loonstrook-{maand:%Y-%m}.pdf",
        soort="application/pdf",
        sha256=hashlib.sha256(inhoud).hexdigest(),
        sha256_opgeslagen=hashlib.sha256(inhoud).hexdigest(),
        grootte=len(inhoud),
        ontvangen_op=verklaring.ontvangen_op,  # sent with the declaration, not when the demo loaded
    )
    rij.bestand.save("loonstrook", ContentFile(inhoud), save=False)
    rij.save()
    return verklaring


def _baan(klant: Klant, werkgever: str, uren: str, begonnen_op: date) -> Baan:
    bestaand = Baan.objects.filter(klant=klant).first()
    if bestaand is not None:
        return bestaand
    return Baan.objects.create(
        gemeente_id=klant.gemeente_id,
        klant=klant,
        werkgever_naam=werkgever,
        begonnen_op=begonnen_op,
        uren_per_week=Decimal(uren),
        bruto_uurloon=Decimal("14.80"),
        loonperiode="maand",
        contractsoort="bepaalde_tijd",
    )


def demo_verrekeningen(gemeente: Gemeente, *, vandaag: date | None = None) -> None:
    """klant1: two settled months (one an estimate corrected by the real figures) and last month
    read but not yet looked at (the preview); three other part-timers in the queue."""
    vandaag = vandaag or timezone.localdate()
    consulent = Gebruiker.objects.get(gemeente=gemeente, rol=Rol.INKOMENSCONSULENT)
    m1, m2, m3 = (_maanden_terug(vandaag, n) for n in (3, 2, 1))
    klant1 = Klant.objects.get(gemeente=gemeente, gebruiker__username="klant1")
    baan = _baan(klant1, "Supermarkt Demodam-Noord", "12", _maanden_terug(vandaag, 5))

    eerste = _verklaring(klant1, baan, m1, uren="51", netto="655.20", bruto="754.80")
    verrekening.verrekenen(eerste, door=consulent)
    geschat = _verklaring(
        klant1, baan, m2, uren="52", netto="640.00", bruto="769.60", schatting=True
    )
    schatting = verrekening.verrekenen(geschat, door=consulent)
    verrekening.schatting_corrigeren(
        schatting,
        door=consulent,
        netto_loon=Decimal("702.35"),
        bruto_loon=Decimal("843.60"),
        uren=Decimal(57),
        reden="Je werkte de laatste week 5 uur extra. Dat staat op je loonstrook.",
    )
    _verklaring(klant1, baan, m3, uren="50", netto="641.10", bruto="740.00")

    anderen = list(
        Klant.objects.filter(gemeente=gemeente, fase=Fase.PARTTIME)
        .exclude(pk=klant1.pk)
        .order_by("pk")[:3]
    )
    if len(anderen) < 3:
        anderen += list(
            Klant.objects.filter(gemeente=gemeente)
            .exclude(pk__in=[klant1.pk, *(k.pk for k in anderen)])
            .order_by("pk")[: 3 - len(anderen)]
        )
    werkgevers = ["Zorgcentrum De Linde", "Schoonmaakbedrijf Glans", "Bakkerij Van Dam"]
    soorten = [
        # Far fewer hours than the contract (16 a week), received late.
        dict(
            uren="31",
            netto="420.00",
            bruto="478.00",
            status=Status.IN_BEHANDELING,
            ontvangen_op_dag=9,
        ),
        # Net implausible for the gross.
        dict(uren="44", netto="590.00", bruto="1150.00", status=Status.IN_BEHANDELING),
        # Waiting for what is missing.
        dict(
            uren="40",
            netto="560.00",
            bruto="640.00",
            status=Status.AANVULLING_NODIG,
            ontbreekt="De loonstrook is niet goed te lezen. Stuur een nieuwe foto, met de hele strook in beeld.",
        ),
    ]
    # The late one is about the month before last (received on the 9th of last month, after the
    # deadline), so it is late whatever day the demo is loaded on; its last month is then missing.
    maanden = [m2, m3, m3]
    for klant, werkgever, soort, maand in zip(anderen, werkgevers, soorten, maanden, strict=False):
        baan_klant = _baan(klant, werkgever, "16" if werkgever != "Bakkerij Van Dam" else "10", m1)
        _verklaring(klant, baan_klant, maand, **soort)  # type: ignore[arg-type]
