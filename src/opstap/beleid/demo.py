"""Demo history for policy staff (Gemeente Demodam, fictitious): an approach per client, jobs
with start and end dates, outflow to work and falling back, so the trends and the curves on
/beleid/ show something with every cell above the suppression threshold."""

import random
from datetime import date, timedelta
from decimal import Decimal

from opstap.gemeenten.models import Gemeente
from opstap.klanten.models import Klant, TredeWijziging
from opstap.werken.models import Baan, Contractsoort, Loonperiode

from .models import Aanpak

WERKGEVERS = (
    "Bakkerij De Korenschoof",
    "Zorggroep Demodam",
    "Schoonmaakbedrijf Glans",
    "Supermarkt Buurtwinkel",
)


def demo_beleid(gemeente: Gemeente, *, seed: int = 12) -> None:
    rng = random.Random(seed)  # noqa: S311 -- fictitious demo data; its own rng: other blocks keep theirs
    vandaag = date.today()
    for klant in Klant.objects.filter(gemeente=gemeente).order_by("pk"):
        start = klant.bijstand_sinds or vandaag
        maatwerk = rng.random() < 0.45
        Aanpak.objects.create(
            klant=klant,
            soort=Aanpak.Soort.MAATWERK if maatwerk else Aanpak.Soort.REGULIER,
            sinds=start,
        )
        if klant.trede.startswith(("1", "6")):
            continue  # care first, or already in regular work
        # Months to a first job: shorter on average with a tailored approach (made up).
        maanden = rng.expovariate(1 / (14 if maatwerk else 22))
        begin = start + timedelta(days=int(30.4 * maanden) + 1)
        if begin >= vandaag:
            continue
        einde = None
        if rng.random() < 0.3:  # falls back after a while
            einde = min(begin + timedelta(days=rng.randint(60, 400)), vandaag - timedelta(days=1))
        Baan.objects.create(
            gemeente=gemeente,
            klant=klant,
            werkgever_naam=rng.choice(WERKGEVERS),
            begonnen_op=begin,
            uren_per_week=Decimal(rng.choice([8, 12, 16, 20, 24, 32])),
            bruto_uurloon=Decimal("14.71"),
            loonperiode=Loonperiode.MAAND,
            contractsoort=rng.choice(list(Contractsoort)),
            einde_op=einde,
        )
        if einde is None and rng.random() < 0.4:  # more hours, then off bijstand
            uit = begin + timedelta(days=rng.randint(90, 540))
            if uit < vandaag:
                TredeWijziging.objects.create(
                    klant=klant, trede="6.0", datum=uit, toelichting="Uitgestroomd naar werk"
                )
                Klant.objects.filter(pk=klant.pk).update(trede="6.0")
