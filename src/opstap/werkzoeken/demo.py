"""Demodam's search for work (fictitious): the municipal network, a peer group, and for the first
contact person's clients duties, activities, CVs and letters (one check overdue, one answered with
comments in the text), moods, an exemption and a pause after a new job; a few clients show the
new signals on the caseload."""

from datetime import date, datetime, timedelta
from decimal import Decimal

from django.utils import timezone

from opstap.accounts.models import Gebruiker
from opstap.gemeenten.models import Gemeente
from opstap.klanten.models import Klant
from opstap.werken.models import Baan

from .models import (
    STANDAARD_SOORTEN,
    Activiteit,
    ActiviteitSoort,
    Controle,
    Groep,
    Groepslid,
    Groepstip,
    NetwerkContact,
    Organisatie,
    Plicht,
    Stemming,
    StemmingMoment,
    StemmingScore,
    Stuk,
    StukSoort,
    Uitkomst,
    Vrijstelling,
    VrijstellingSoort,
)
from .selectors import cv_uit_profiel, einde_werkdag

BRIEF = (
    "Geachte mevrouw Jansen,\n\n"
    "Op de website van Bakkerij De Korenbloem zag ik dat u een verkoper zoekt voor 16 uur per week. "
    "Ik wil graag bij u werken.\n\n"
    "Ik ben goed met mensen. Bij de voedselbank sta ik elke week aan de balie. Ik ben altijd op tijd.\n\n"
    "Ik kan werken van maandag tot en met donderdag, tussen 9 en 14 uur.\n\n"
    "Met vriendelijke groet,\n"
)
OPMERKINGEN = [
    {
        "passage": "Ik wil graag bij u werken.",
        "opmerking": "Mooi begin! Zeg er nog bij waarom juist een bakkerij: bijvoorbeeld dat je van vers brood houdt.",
    },
    {
        "passage": "Bij de voedselbank sta ik elke week aan de balie.",
        "opmerking": "Sterk voorbeeld. Schrijf erbij hoe lang al: 'al twee jaar'.",
    },
    {
        "passage": "Met vriendelijke groet,",
        "opmerking": "Zet hier je naam en je telefoonnummer onder.",
    },
]


def _om(dag: date, uur: int) -> datetime:
    return timezone.make_aware(datetime.combine(dag, datetime.min.time()).replace(hour=uur))


def _vorige_werkdag(dag: date) -> date:
    dag -= timedelta(days=1)
    while dag.weekday() >= 5:
        dag -= timedelta(days=1)
    return dag


def _activiteit(
    klant: Klant, dagen_terug: int, soort: str, wat: str, **extra: object
) -> Activiteit:
    return Activiteit.objects.create(
        gemeente=klant.gemeente,
        klant=klant,
        soort=soort,
        datum=timezone.localdate() - timedelta(days=dagen_terug),
        omschrijving=wat,
        **extra,
    )


def _plicht(
    klant: Klant, cp: Gebruiker, *, dagen_terug: int, aantal: int = 3, **extra: object
) -> Plicht:
    plicht = Plicht.objects.create(
        gemeente=klant.gemeente,
        klant=klant,
        aantal=aantal,
        periode_weken=3,
        soorten=extra.pop("soorten", [str(s) for s in STANDAARD_SOORTEN]),
        vastgelegd_door=cp,
        **extra,
    )
    Plicht.objects.filter(pk=plicht.pk).update(
        vastgelegd_op=timezone.now() - timedelta(days=dagen_terug)
    )
    plicht.refresh_from_db()
    return plicht


def demo_werkzoeken(gemeente: Gemeente) -> None:
    vandaag = timezone.localdate()
    nu = timezone.now()
    Organisatie.objects.bulk_create(
        [
            Organisatie(
                gemeente=gemeente,
                naam="Werkgeversservicepunt Demodam",
                soort=Organisatie.Soort.WSP,
                adres="Stationsweg 12, Demodam",
                telefoon="0800-1234567",
                tip="Hier kennen ze alle werkgevers in de stad. Vraag naar de vacatures die nog niet online staan.",
            ),
            Organisatie(
                gemeente=gemeente,
                naam="Uitzendbureau Demodam Werkt",
                soort=Organisatie.Soort.UITZENDBUREAU,
                adres="Kerkstraat 4, Demodam",
                telefoon="0123-456789",
                tip="Loop binnen op dinsdagochtend; dan is er een vaste consulent voor parttime werk.",
            ),
            Organisatie(
                gemeente=gemeente,
                naam="Het Werkcafé in de bibliotheek",
                soort=Organisatie.Soort.ANDERS,
                adres="Julianaplein 1, Demodam",
                tip="Elke donderdag hulp bij je cv en brief, met koffie.",
            ),
        ]
    )
    cp1 = Gebruiker.objects.filter(gemeente=gemeente, username="contactpersoon1").first()
    if cp1 is None:
        return
    klant1 = Klant.objects.filter(gemeente=gemeente, gebruiker__username="klant1").first()
    klant2 = Klant.objects.filter(gemeente=gemeente, gebruiker__username="klant2").first()
    groep = Groep.objects.create(
        gemeente=gemeente,
        naam="Vacaturetips Demodam",
        omschrijving="Zie je een vacature die niet bij jou past, maar misschien wel bij een ander? Deel hem hier.",
        moderator=cp1,
    )
    if klant1 is not None:
        _klant1(klant1, cp1, groep, vandaag, nu)
    if klant2 is not None:
        _klant2(klant2, cp1, vandaag, nu)
    # A few others of the first caseload show the new signals (and one has a new job with a pause).
    anderen = list(
        Klant.objects.filter(
            gemeente=gemeente, contactpersoon=cp1, gebruiker__isnull=True
        ).order_by("pk")[:9]
    )
    for i, klant in enumerate(anderen):
        if i < 3:  # a run of rejections; these three also joined the peer group
            Groepslid.objects.create(groep=groep, klant=klant)
            _plicht(klant, cp1, dagen_terug=40)
            for n, dagen in enumerate((20, 12, 4)):
                _activiteit(
                    klant,
                    dagen,
                    ActiviteitSoort.SOLLICITATIE,
                    [
                        "Kassamedewerker supermarkt",
                        "Schoonmaker kantoor",
                        "Medewerker kinderopvang",
                    ][n],
                    uitkomst=Uitkomst.AFGEWEZEN,
                )
        elif i < 5:  # silence: a duty agreed weeks ago, nothing since
            _plicht(klant, cp1, dagen_terug=45, aantal=2)
        elif i < 7:  # a mood dip the client chose to share
            _plicht(klant, cp1, dagen_terug=10)
            _activiteit(
                klant, 3, ActiviteitSoort.SOLLICITATIE, "Vakkenvuller", uitkomst=Uitkomst.AFGEWEZEN
            )
            Stemming.objects.create(
                gemeente=gemeente,
                klant=klant,
                score=StemmingScore.ZWAAR,
                moment=StemmingMoment.AFWIJZING,
                gedeeld=True,
            )
        elif i == 7:  # a new job: the duty paused for the first months (D2)
            baan = Baan.objects.create(
                gemeente=gemeente,
                klant=klant,
                werkgever_naam="Zorgcentrum De Linde",
                begonnen_op=vandaag - timedelta(days=6),
                uren_per_week=Decimal(16),
                bruto_uurloon=Decimal("14.40"),
                loonperiode="maand",
            )
            Vrijstelling.objects.create(
                gemeente=gemeente,
                klant=klant,
                soort=VrijstellingSoort.PAUZE_BAAN,
                reden="Je bent begonnen bij Zorgcentrum De Linde. De eerste tijd in je nieuwe baan gaat voor.",
                begin=vandaag - timedelta(days=5),
                einde=vandaag + timedelta(weeks=12),
                baan=baan,
                vastgelegd_door=cp1,
            )
    for tekst, link in (
        ("De Jumbo aan de Molenweg zoekt vakkenvullers voor de ochtend, 12 uur per week.", ""),
        ("Bij de kinderopvang De Rups zoeken ze een overblijfkracht, alleen onder schooltijd.", ""),
    ):
        if anderen:
            Groepstip.objects.create(groep=groep, klant=anderen[0], tekst=tekst, link=link)


def _klant1(klant: Klant, cp: Gebruiker, groep: Groep, vandaag: date, nu: datetime) -> None:
    gemeente = klant.gemeente
    _plicht(
        klant,
        cp,
        dagen_terug=30,
        toelichting="We spraken af: 3 activiteiten per 3 weken. Ook netwerken en je vrijwilligerswerk tellen mee.",
    )
    _activiteit(
        klant,
        2,
        ActiviteitSoort.SOLLICITATIE,
        "Verkoper bij Bakkerij De Korenbloem",
        uitkomst=Uitkomst.GESPREK,
    )
    _activiteit(
        klant,
        5,
        ActiviteitSoort.VRIJWILLIGERSWERK,
        "Balie voedselbank",
        uren=Decimal(4),
        doelen=["taal", "netwerk"],
    )
    _activiteit(
        klant,
        16,
        ActiviteitSoort.SOLLICITATIE,
        "Medewerker kantine sportclub",
        uitkomst=Uitkomst.AFGEWEZEN,
    )
    _activiteit(klant, 20, ActiviteitSoort.UITZENDBUREAU, "Ingeschreven bij Demodam Werkt")
    _activiteit(klant, 25, ActiviteitSoort.NETWERK, "Buurvrouw gevraagd naar werk in de thuiszorg")
    # The CV, shared for a check asked the previous working day and not yet answered: overdue.
    cv = Stuk.objects.create(
        gemeente=gemeente,
        klant=klant,
        soort=StukSoort.CV,
        titel="Mijn cv",
        tekst=cv_uit_profiel(klant),
        gedeeld_op=nu,
    )
    gisteren = _om(_vorige_werkdag(vandaag), 10)
    Controle.objects.create(
        gemeente=gemeente,
        klant=klant,
        stuk=cv,
        vraag="Is mijn cv zo duidelijk genoeg?",
        tekst=cv.tekst,
        gevraagd_op=gisteren,
        uiterlijk_op=einde_werkdag(gisteren),
    )
    # A letter checked with comments in the text.
    brief = Stuk.objects.create(
        gemeente=gemeente,
        klant=klant,
        soort=StukSoort.BRIEF,
        titel="Brief Bakkerij De Korenbloem",
        tekst=BRIEF,
        gedeeld_op=nu - timedelta(days=3),
    )
    gevraagd = _om(_vorige_werkdag(_vorige_werkdag(vandaag)), 9)
    Controle.objects.create(
        gemeente=gemeente,
        klant=klant,
        stuk=brief,
        vraag="Ik vind brieven schrijven moeilijk. Wil je kijken?",
        tekst=BRIEF,
        gevraagd_op=gevraagd,
        uiterlijk_op=einde_werkdag(gevraagd),
        opmerkingen=OPMERKINGEN,
        slotwoord="Goed gedaan! Een duidelijke, vriendelijke brief. Met deze drie kleine dingen is hij klaar om te versturen.",
        beantwoord_op=gevraagd + timedelta(hours=4),
        beantwoord_door=cp,
    )
    Stuk.objects.create(
        gemeente=gemeente,
        klant=klant,
        soort=StukSoort.PITCH,
        titel="Mijn pitch",
        tekst=(
            "Ik ben iemand die graag met mensen werkt. Bij de voedselbank help ik elke week aan de balie. "
            "Ik zoek werk van 12 tot 16 uur per week, onder schooltijd, in een winkel of in de zorg."
        ),
    )
    for score, moment, gedeeld in (
        (StemmingScore.ZWAAR, StemmingMoment.AFWIJZING, False),
        (StemmingScore.GOED, StemmingMoment.GESPREK, True),
    ):
        Stemming.objects.create(
            gemeente=gemeente, klant=klant, score=score, moment=moment, gedeeld=gedeeld
        )
    NetwerkContact.objects.create(
        gemeente=gemeente,
        klant=klant,
        naam="Buurvrouw Ria",
        hoe="Buurvrouw, werkt in de thuiszorg",
        tip="Vragen of haar team nog iemand zoekt voor de ochtend.",
    )
    Groepslid.objects.create(groep=groep, klant=klant)


def _klant2(klant: Klant, cp: Gebruiker, vandaag: date, nu: datetime) -> None:
    gemeente = klant.gemeente
    _plicht(
        klant,
        cp,
        dagen_terug=50,
        aantal=2,
        soorten=[*[str(s) for s in STANDAARD_SOORTEN], ActiviteitSoort.MANTELZORG],
        toelichting="Omdat je voor je moeder zorgt: 2 per 3 weken, en mantelzorg telt mee.",
    )
    _activiteit(
        klant,
        8,
        ActiviteitSoort.MANTELZORG,
        "Boodschappen en ziekenhuisbezoek voor mijn moeder",
        uren=Decimal(10),
    )
    _activiteit(klant, 9, ActiviteitSoort.SCHOLING, "Cursus Nederlands, les 4")
    Vrijstelling.objects.create(
        gemeente=gemeente,
        klant=klant,
        reden="Je bereidt je voor op het grote gesprek bij de gemeentelijke groenvoorziening.",
        begin=vandaag - timedelta(days=2),
        einde=vandaag + timedelta(days=12),
        vastgelegd_door=cp,
    )
    brief = Stuk.objects.create(
        gemeente=gemeente,
        klant=klant,
        soort=StukSoort.BRIEF,
        titel="Brief groenvoorziening",
        tekst=(
            "Beste meneer De Vries,\n\nIk wil graag bij de groenvoorziening werken. "
            "Ik werk graag buiten en ik ben sterk.\n\nGroet,\n"
        ),
        gedeeld_op=nu,
    )
    Controle.objects.create(
        gemeente=gemeente,
        klant=klant,
        stuk=brief,
        tekst=brief.tekst,
        gevraagd_op=nu,
        uiterlijk_op=einde_werkdag(nu),
    )
    Stemming.objects.create(
        gemeente=gemeente,
        klant=klant,
        score=StemmingScore.GAAT_WEL,
        moment=StemmingMoment.ZOMAAR,
        gedeeld=True,
    )
