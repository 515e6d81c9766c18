"""Demo content for contact and guidance in Gemeente Demodam (called by the demo loader):
the two client accounts get a conversation, a published summary, a planned call and a step plan;
every other client gets a history, and some of them something that needs attention, so the
caseload page shows its signals the first time it is opened."""

import random
from collections import defaultdict
from datetime import date, datetime, timedelta

from django.contrib.auth.hashers import make_password
from django.utils import timezone

from opstap.accounts.models import Gebruiker, Rol
from opstap.gemeenten.models import Gemeente
from opstap.klanten.models import Klant

from .models import (
    Aanvraag,
    AanvraagStatus,
    Bericht,
    Contactmoment,
    Doel,
    DoelSoort,
    Gespreksverslag,
    Stap,
    StapWie,
)
from .services import aanvraag_voorinvullen


def _kantooruur(dag: datetime) -> datetime:
    """A call at 10:30 local time on a weekday: the municipality does not phone at night."""
    lokaal = timezone.localtime(dag).replace(hour=10, minute=30, second=0, microsecond=0)
    while lokaal.weekday() >= 5:
        lokaal += timedelta(days=1)
    return lokaal


def demo_begeleiding(gemeente: Gemeente) -> None:
    nu = timezone.now()
    vandaag = timezone.localdate()
    for klant in Klant.objects.filter(gemeente=gemeente, gebruiker__isnull=False).select_related(
        "contactpersoon"
    ):
        cp = klant.contactpersoon
        if cp is None or klant.gebruiker is None:
            continue
        naam = klant.roepnaam or klant.naam
        Gespreksverslag.objects.create(
            gemeente=gemeente,
            klant=klant,
            auteur=cp,
            gesprek_op=vandaag - timedelta(days=9),
            soort="kantoor",
            samenvatting=(
                f"We hebben kennisgemaakt, {naam}. Je vertelde dat je graag weer wilt werken. "
                "Het liefst een paar uur per week, onder schooltijd. Je bent goed met mensen."
            ),
            afspraken="Je kijkt deze week naar drie vacatures in de app.\nIk zoek uit of je een Demodampas kunt krijgen.",
            volgende_stappen="Jij: drie vacatures uitzoeken, vóór vrijdag.\nIk: je bellen over de vacatures.",
            gepubliceerd_op=nu - timedelta(days=9),
            gelezen_op=nu - timedelta(days=8),
        )
        berichten = [
            (
                cp,
                False,
                "Fijn dat we elkaar hebben gesproken! Het verslag staat in de app. Vragen mag altijd.",
                9,
            ),
            (
                klant.gebruiker,
                True,
                "Dank je. Telt een gesprek met een uitzendbureau ook als sollicitatie?",
                3,
            ),
            (
                cp,
                False,
                "Ja, dat telt mee. Schrijf het op in je stappenplan, dan zien we het allebei.",
                2,
            ),
        ]
        for afzender, van_klant, tekst, dagen in berichten:
            b = Bericht.objects.create(
                gemeente=gemeente,
                klant=klant,
                afzender=afzender,
                van_klant=van_klant,
                tekst=tekst,
                gelezen_op=nu - timedelta(days=dagen - 1),
            )
            Bericht.objects.filter(pk=b.pk).update(verstuurd_op=nu - timedelta(days=dagen))
        Contactmoment.objects.create(
            gemeente=gemeente,
            klant=klant,
            door=cp,
            wanneer=_kantooruur(nu + timedelta(days=3)),
            soort="telefoon",
            onderwerp="de vacatures die je hebt uitgezocht",
            waarom="We kijken samen welke vacature het beste past bij de uren die je kunt werken.",
        )
        for soort, tekst in [
            (DoelSoort.DOEL, "Een paar uur per week werken, onder schooltijd"),
            (DoelSoort.DOEL, "Meer mensen ontmoeten"),
            (DoelSoort.KWALITEIT, "Goed met mensen"),
            (DoelSoort.KWALITEIT, "Betrouwbaar"),
        ]:
            Doel.objects.create(gemeente=gemeente, klant=klant, soort=soort, tekst=tekst)
        Stap.objects.create(
            gemeente=gemeente,
            klant=klant,
            wat="Drie vacatures uitzoeken in de app",
            wie=StapWie.KLANT,
            uiterlijk=vandaag + timedelta(days=2),
        )
        Stap.objects.create(
            gemeente=gemeente,
            klant=klant,
            wat="Uitzoeken of de Demodampas kan",
            wie=StapWie.CONTACTPERSOON,
            uiterlijk=vandaag + timedelta(days=5),
        )
        Stap.objects.create(
            gemeente=gemeente,
            klant=klant,
            wat="Cv bijwerken",
            wie=StapWie.SAMEN,
            gedaan_op=vandaag - timedelta(days=5),
        )


# Share of a caseload with each signal (at least one client each): unanswered message, contact due,
# application behind schedule, no contact for weeks. For 78 clients: 7, 5, 4 and 6.
SIGNAAL_AANDEEL = {"bericht": 0.09, "contactmoment": 0.06, "aanvraag": 0.05, "stil": 0.08}
VRAGEN = [
    "Ik heb een brief gekregen over mijn huurtoeslag. Kun je meekijken?",
    "Mag ik ook op zaterdag werken? Dan kan mijn zus op de kinderen passen.",
    "De bus naar het werkplein rijdt niet meer. Kan ons gesprek ook telefonisch?",
    "Ik ben uitgenodigd voor een gesprek bij de bakkerij! Wat moet ik meenemen?",
    "Hoeveel mag ik bijverdienen als ik 12 uur ga werken?",
    "Mijn dochter is ziek, ik kan morgen niet komen. Sorry.",
    "Ik heb de vacature bij het zorgcentrum bekeken. Past die bij mij?",
    "Moet ik mijn loonstrook elke maand sturen?",
    "Kan ik een cursus Nederlands volgen via de gemeente?",
]
SAMENVATTINGEN = [
    "We hebben gepraat over hoe het gaat. Je zoekt werk in de buurt, een paar uur per week.",
    "Je vertelde over je vorige werk in een winkel. Dat wil je graag weer doen.",
    "We hebben je cv samen bekeken. Je schrijft een korte brief voor de vacature die je leuk vindt.",
    "Het gaat beter met je gezondheid. We kijken rustig naar vrijwilligerswerk als eerste stap.",
    "Je hebt een gesprek gehad bij een werkgever. We bespraken hoe dat ging.",
]


def _werkdag(dag: date, *, terug: bool = False) -> date:
    while dag.weekday() >= 5:
        dag += timedelta(days=-1 if terug else 1)
    return dag


def _om(dag: date, uur: int, minuut: int = 0) -> datetime:
    return timezone.make_aware(
        datetime.combine(dag, datetime.min.time()).replace(hour=uur, minute=minuut)
    )


def demo_caseload(gemeente: Gemeente, rng: random.Random) -> None:
    """A history for each client without the demo conversation (a recent conversation, so they are
    not all "no contact"), and per contact person a share with a signal (see signalen())."""
    nu = timezone.now()
    vandaag = timezone.localdate()
    weken = int(gemeente.instelling("contact_signaal_weken", 6))  # type: ignore[call-overload]
    per_cp: dict[int, list[Klant]] = defaultdict(list)
    for klant in (
        Klant.objects.filter(
            gemeente=gemeente, contactpersoon__isnull=False, gebruiker__isnull=True
        )
        .select_related("contactpersoon")
        .prefetch_related("kinderen")
        .order_by("pk")
    ):
        per_cp[klant.contactpersoon_id].append(klant)  # type: ignore[index]
    # Clients who write in the app have an account; nobody logs in with it (no usable password).
    geen_wachtwoord = make_password(None)
    verslagen = []
    for klanten in per_cp.values():
        volgorde = rng.sample(klanten, len(klanten))
        signaal: dict[int, str] = {}
        for soort, aandeel in SIGNAAL_AANDEEL.items():
            for _ in range(max(1, round(len(klanten) * aandeel))):
                if volgorde:
                    signaal[volgorde.pop().pk] = soort
        for klant in klanten:
            cp = klant.contactpersoon
            assert cp is not None
            soort = signaal.get(klant.pk, "")
            dagen = (
                weken * 7 + rng.randint(7, 60)
                if soort == "stil"
                else rng.randint(2, weken * 7 - 10)
            )
            gesprek_op = vandaag - timedelta(days=dagen)
            if klant.bijstand_sinds and gesprek_op < klant.bijstand_sinds:
                gesprek_op = (
                    klant.bijstand_sinds
                )  # still weeks ago: bijstand started at least 60 days ago
            verslagen.append(
                Gespreksverslag(
                    gemeente=gemeente,
                    klant=klant,
                    auteur=cp,
                    gesprek_op=gesprek_op,
                    soort=rng.choice(["telefoon", "kantoor", "kantoor", "video"]),
                    samenvatting=rng.choice(SAMENVATTINGEN),
                    afspraken="We spreken elkaar over een paar weken weer.",
                    gepubliceerd_op=_om(gesprek_op, 16),
                )
            )
            if soort == "bericht":
                _onbeantwoord_bericht(gemeente, klant, cp, nu, rng, geen_wachtwoord)
            elif soort == "contactmoment":
                _contact_nu(gemeente, klant, cp, vandaag, rng)
            elif soort == "aanvraag":
                _aanvraag_loopt_achter(gemeente, klant, cp, vandaag, rng)
    Gespreksverslag.objects.bulk_create(verslagen)


def _onbeantwoord_bericht(
    gemeente: Gemeente,
    klant: Klant,
    cp: Gebruiker,
    nu: datetime,
    rng: random.Random,
    wachtwoord_hash: str,
) -> None:
    klant.gebruiker = Gebruiker.objects.create(
        username=f"{gemeente.slug}-klant-{klant.pk}",
        rol=Rol.KLANT,
        gemeente=gemeente,
        first_name=klant.roepnaam,
        last_name=klant.achternaam,
        password=wachtwoord_hash,
    )
    klant.save(update_fields=["gebruiker"])
    geleden = rng.randint(1, 5)
    for afzender, van_klant, tekst, op, gelezen in [
        (
            cp,
            False,
            "Hoi! Hoe gaat het met zoeken? Laat maar weten als je vragen hebt.",
            geleden + 6,
            True,
        ),
        (klant.gebruiker, True, rng.choice(VRAGEN), geleden, False),
    ]:
        verstuurd = nu - timedelta(days=op, hours=rng.randint(0, 6))
        b = Bericht.objects.create(
            gemeente=gemeente,
            klant=klant,
            afzender=afzender,
            van_klant=van_klant,
            tekst=tekst,
            gelezen_op=verstuurd + timedelta(hours=3) if gelezen else None,
        )
        Bericht.objects.filter(pk=b.pk).update(verstuurd_op=verstuurd)


def _contact_nu(
    gemeente: Gemeente, klant: Klant, cp: Gebruiker, vandaag: date, rng: random.Random
) -> None:
    """A call today, or one on the last working day that was never marked as done (always so at the
    weekend, when today's call would be on Monday): both ask for attention."""
    if vandaag.weekday() >= 5 or rng.random() < 0.4:
        wanneer = _om(_werkdag(vandaag - timedelta(days=1), terug=True), rng.choice([10, 11, 14]))
    else:
        wanneer = _om(_werkdag(vandaag), rng.choice([9, 11, 13, 15]), 30)
    Contactmoment.objects.create(
        gemeente=gemeente,
        klant=klant,
        door=cp,
        wanneer=wanneer,
        soort=rng.choice(["telefoon", "video"]),
        onderwerp="hoe het gaat met zoeken naar werk",
        waarom="We kijken samen wat je nodig hebt voor de volgende stap.",
    )


def _aanvraag_loopt_achter(
    gemeente: Gemeente, klant: Klant, cp: Gebruiker, vandaag: date, rng: random.Random
) -> None:
    """An application filed weeks ago whose decision date has passed."""
    code, naam = (
        ("kindpakket", "Kindpakket Demodam")
        if klant.kinderen.all()
        else rng.choice(
            [
                ("stadspas", "Demodampas"),
                ("kwijtschelding", "Kwijtschelding gemeentelijke belastingen"),
            ]
        )
    )
    ingediend = vandaag - timedelta(days=rng.randint(63, 90))
    stappen = [
        {
            "naam": "Aanvraag ontvangen",
            "verwacht_op": ingediend.isoformat(),
            "gedaan_op": ingediend.isoformat(),
        },
        {
            "naam": "We bekijken je aanvraag",
            "verwacht_op": (ingediend + timedelta(days=28)).isoformat(),
            "gedaan_op": (ingediend + timedelta(days=21)).isoformat(),
        },
        {
            "naam": "Je krijgt een besluit",
            "verwacht_op": (ingediend + timedelta(days=56)).isoformat(),
            "gedaan_op": None,
        },
    ]
    aanvraag = Aanvraag.objects.create(
        gemeente=gemeente,
        klant=klant,
        regeling_code=code,
        regeling_naam=naam,
        ingediend_door=cp,
        gegevens=aanvraag_voorinvullen(klant),
        status=AanvraagStatus.IN_BEHANDELING,
        stappen=stappen,
        verwacht_besluit_op=ingediend + timedelta(days=56),
    )
    Aanvraag.objects.filter(pk=aanvraag.pk).update(ingediend_op=_om(ingediend, 10))
