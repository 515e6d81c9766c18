"""Reading jobs, contracts and check-ins; the signals for the contact person's caseload (D5)."""

from collections.abc import Iterable
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.formats import date_format

from opstap.accounts.models import Gebruiker
from opstap.accounts.toegang import zichtbare_contracten
from opstap.contact.selectors import Signaal
from opstap.gemeenten.models import Gemeente
from opstap.klanten.models import Klant

from .models import Baan, BaanWijziging, Contract, MoeilijkeStart, Startgesprek, Werkstand


def banen_van(klant: Klant) -> QuerySet[Baan]:
    return Baan.objects.filter(klant=klant, gemeente_id=klant.gemeente_id)


def banen_met_start(banen: QuerySet[Baan]) -> list[Baan]:
    """Jobs with their history, contracts, check-ins and difficult-start flags, in a few queries."""
    return list(
        banen.prefetch_related(
            Prefetch("wijzigingen", queryset=BaanWijziging.objects.select_related("door")),
            Prefetch("contracten", queryset=Contract.objects.select_related("gecontroleerd_door")),
            Prefetch("startgesprekken", queryset=Startgesprek.objects.all()),
            Prefetch("moeilijke_starts", queryset=MoeilijkeStart.objects.all()),
        )
    )


def te_controleren_contracten(gebruiker: Gebruiker) -> QuerySet[Contract]:
    """Contracts the contact person has not checked yet, oldest first."""
    return (
        zichtbare_contracten(gebruiker)
        .filter(gecontroleerd_op__isnull=True)
        .select_related("baan", "klant")
        .order_by("geupload_op", "pk")
    )


def _weken(gemeente: Gemeente, sleutel: str, standaard: int) -> int:
    return int(str(gemeente.instelling(sleutel, standaard)))


def _maandeinde(eerste: date) -> date:
    return (eerste + timedelta(days=32)).replace(day=1) - timedelta(days=1)


def werk_signalen(
    gemeente: Gemeente, klant_pks: Iterable[int], *, vandaag: date | None = None
) -> dict[int, list[Signaal]]:
    """Part-time work signals per client, with their reason: a contract to check, a contract or the
    income exemption ending within N weeks (werk_signaal_weken), a difficult start, and hours well
    below the hours that end bijstand (werk_meer_uren_marge). Five queries for any number of
    clients; the engine's exit hours and exemption end come stored (Werkstand), not computed here."""
    vandaag = vandaag or timezone.localdate()
    pks = list(klant_pks)
    weken = _weken(gemeente, "werk_signaal_weken", 4)
    marge = Decimal(_weken(gemeente, "werk_meer_uren_marge", 4))
    grens = vandaag + timedelta(weeks=weken)
    uit: dict[int, list[Signaal]] = {}

    def erbij(klant_pk: int, soort: str, tekst: str) -> None:
        uit.setdefault(klant_pk, []).append(Signaal(soort, tekst))

    banen = Baan.objects.filter(gemeente=gemeente, klant_id__in=pks).only(
        "pk", "klant_id", "werkgever_naam", "einde_op", "uren_per_week"
    )
    lopend: dict[int, list[Baan]] = {}
    for baan in banen:
        if baan.loopt_op(vandaag):
            lopend.setdefault(baan.klant_id, []).append(baan)
        if baan.einde_op is not None and vandaag <= baan.einde_op <= grens:
            erbij(
                baan.klant_id,
                "werk_einde",
                f"Contract bij {baan.werkgever_naam} eindigt op {date_format(baan.einde_op, 'j F')}",
            )
    for klant_pk in (
        Contract.objects.filter(gemeente=gemeente, klant_id__in=pks, gecontroleerd_op__isnull=True)
        .values_list("klant_id", flat=True)
        .distinct()
    ):
        erbij(klant_pk, "werk_contract", "Arbeidscontract te controleren")
    for klant_pk, werkgever in (
        MoeilijkeStart.objects.filter(
            gemeente=gemeente, baan__klant_id__in=pks, opgelost_op__isnull=True
        )
        .values_list("baan__klant_id", "baan__werkgever_naam")
        .distinct()
    ):
        erbij(klant_pk, "werk_moeilijk", f"Moeilijke start bij {werkgever}")
    for stand in Werkstand.objects.filter(gemeente=gemeente, klant_id__in=pks):
        if (
            stand.vrijlating_tot is not None
            and vandaag <= _maandeinde(stand.vrijlating_tot)
            and (stand.vrijlating_tot <= grens)
        ):
            erbij(
                stand.klant_id,
                "werk_vrijlating",
                f"Inkomensvrijlating stopt na {date_format(stand.vrijlating_tot, 'F Y')}",
            )
        uren_nu = sum(
            (b.uren_per_week or Decimal(0) for b in lopend.get(stand.klant_id, [])), Decimal(0)
        )
        if (
            stand.uren_uit_bijstand is not None
            and uren_nu > 0
            and stand.uren_uit_bijstand - uren_nu >= marge
        ):
            erbij(
                stand.klant_id,
                "werk_meer_uren",
                f"Kan meer uren werken: nu {uren_nu.normalize():f} uur, zonder bijstand vanaf "
                f"ongeveer {stand.uren_uit_bijstand.normalize():f} uur".replace(".", ","),
            )
    return uit
