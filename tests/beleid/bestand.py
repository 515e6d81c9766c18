"""A caseload big enough for policy pages to show numbers: 30 clients in trede 3 who started
800 days ago, half of them with a tailored approach, 18 with a job."""

from datetime import date, timedelta
from decimal import Decimal

from opstap.accounts.models import Rol
from opstap.beleid.models import Aanpak
from opstap.werken.models import Baan
from tests.wereld import Wereld, maak_klant, nieuwe_bsns


def maak_beleidsbestand(wereld: Wereld, aantal: int = 30) -> None:
    g, cp = wereld.a.gemeente, wereld.a.gebruikers[Rol.CONTACTPERSOON]
    vandaag = date.today()
    for i, bsn in enumerate(nieuwe_bsns(aantal, vanaf=8000)):
        k = maak_klant(
            g, bsn, f"Kohortklant{i}", cp, trede="3.0", bijstand_sinds=vandaag - timedelta(days=800)
        )
        Aanpak.objects.create(klant=k, soort="maatwerk" if i % 2 else "regulier", sinds=vandaag)
        if i < aantal * 3 // 5:
            Baan.objects.create(
                gemeente=g,
                klant=k,
                werkgever_naam="Zorggroep",
                begonnen_op=k.bijstand_sinds + timedelta(days=100 + 20 * i),  # type: ignore[operator]
                uren_per_week=Decimal(16),
                bruto_uurloon=Decimal("14.71"),
                loonperiode="maand",
            )
