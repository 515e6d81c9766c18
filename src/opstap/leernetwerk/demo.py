"""The learning network of Gemeente Demodam: experiences in every state, the studies' codebook,
codings by two coders (so agreement can be shown), and a session with conclusions and actions.
Everything is made through the services, so the demo shows what the de-identification really does.
All names and stories are made up."""

from datetime import timedelta

from django.utils import timezone

from opstap.accounts.models import Gebruiker
from opstap.gemeenten.models import Gemeente
from opstap.klanten.models import Klant

from . import services
from .models import ActieStatus, Bijdrage, Status
from .selectors import zinnen

# (subject, text, themes per sentence for coder A, for coder B)
VERHALEN: list[tuple[str, str, dict[int, str], dict[int, str]]] = [
    (
        "gesprek",
        "Mijn buurvrouw Roos de Wit ging mee naar het gesprek op het werkplein. Dat gaf me rust. "
        "De consulent luisterde echt naar wat ik wilde. Ik mocht zelf kiezen welk werk ik probeer.",
        {0: "netwerk", 3: "regie"},
        {0: "netwerk", 2: "contact met de gemeente", 3: "regie"},
    ),
    (
        "brief",
        "Ik kreeg een brief over mijn sollicitatieplicht. Ik snapte er niks van. Mijn zoon Emre "
        "heeft hem voorgelezen. Daarna heb ik gebeld naar 06-12345678 en toen was het opgelost.",
        {0: "brieven", 1: "brieven", 2: "netwerk"},
        {0: "sollicitatieplicht", 1: "brieven", 2: "netwerk"},
    ),
    (
        "werkgever",
        "Ik werk nu twaalf uur bij Albert Heijn aan de Dorpsstraat 4. De leidinggevende, meneer "
        "Bakker, houdt rekening met mijn kinderen. Het geld van de gemeente kwam de eerste maand te laat.",
        {1: "regie", 2: "geldzorgen"},
        {2: "geldzorgen"},
    ),
    (
        "stap",
        "Ik ben 58 jaar. Niemand wil me nog, denk ik soms. Via Stichting Present doe ik nu "
        "vrijwilligerswerk in de tuin. Dat doet me goed.",
        {0: "leeftijd", 1: "leeftijd", 2: "vrijwilligerswerk", 3: "vrijwilligerswerk"},
        {0: "leeftijd", 1: "leeftijd", 2: "vrijwilligerswerk"},
    ),
    (
        "stap",
        "Ik zorg elke dag voor mijn moeder. Daardoor kan ik alleen 's middags werken. "
        "Mijn contactpersoon begreep dat meteen.",
        {0: "mantelzorg", 1: "mantelzorg", 2: "contact met de gemeente"},
        {0: "mantelzorg", 2: "contact met de gemeente"},
    ),
    (
        "brief",
        "De brief over mijn inkomen kwam te laat. Ik had al een schuld bij de energie. Mijn "
        "IBAN is NL44RABO0123456789 en toch ging het geld naar een oude rekening.",
        {0: "brieven", 1: "geldzorgen", 2: "geldzorgen"},
        {0: "brieven", 1: "geldzorgen", 2: "geldzorgen"},
    ),
    (
        "gesprek",
        "Het gesprek ging alleen over hoeveel sollicitaties ik had gestuurd. Niemand vroeg hoe "
        "het met me ging. Ik voelde me een nummer.",
        {0: "sollicitatieplicht", 1: "contact met de gemeente", 2: "contact met de gemeente"},
        {0: "sollicitatieplicht", 1: "contact met de gemeente", 2: "regie"},
    ),
    (
        "werkgever",
        "Bij uitzendbureau Flexwerk kreeg ik een contract van drie maanden. Daarna moest ik de "
        "bijstand opnieuw aanvragen. Dat duurde zes weken.",
        {1: "contact met de gemeente", 2: "geldzorgen"},
        {1: "contact met de gemeente", 2: "geldzorgen"},
    ),
]
# Not yet approved, or taken back: (subject, text, state)
ANDERE = [
    (
        "gesprek",
        "Mevrouw Jansen van de gemeente was heel aardig. Ik mocht zelf een cursus kiezen.",
        Status.INGEDIEND,
    ),
    (
        "brief",
        "De brief was in moeilijke taal. Ik heb hem aan mijn dochter Sanne laten lezen.",
        Status.INGEDIEND,
    ),
    (
        "stap",
        "Ik wil graag in de zorg werken, maar ik heb geen diploma. Wie kan me helpen?",
        Status.INGEDIEND,
    ),
    (
        "werkgever",
        "Ik werk bij Bakkerij Korenaar B.V. in de Molenstraat 7. Ik word daar uitgelachen.",
        Status.TERUGGESTUURD,
    ),
    ("gesprek", "Het gesprek was kort. Ik had meer tijd nodig.", Status.INGETROKKEN),
    (
        "stap",
        "Ik ben begonnen met taalles op dinsdag. Het gaat langzaam maar goed.",
        Status.CONCEPT,
    ),
]


def demo_leernetwerk(gemeente: Gemeente) -> None:
    eerste = list(
        Klant.objects.filter(gemeente=gemeente).order_by("pk")[: len(VERHALEN) + len(ANDERE)]
    )
    if not eerste:
        return
    # a small demo (tests load fewer clients) shares clients between experiences
    klanten = [eerste[i % len(eerste)] for i in range(len(VERHALEN) + len(ANDERE))]
    beleid = Gebruiker.objects.get(gemeente=gemeente, username="beleid1")
    cp = Gebruiker.objects.get(gemeente=gemeente, username="contactpersoon1")
    codes = {c.naam: c for c in services.codeboek_klaarzetten(gemeente)}
    # (client, subject, text, state, asks to count as an application, contact person agreed)
    # klant1 (the first client) has a draft and a shared experience that counts as an
    # application; klant2 one returned by the moderator and one waiting for agreement.
    toewijzing = [
        (klanten[0], *ANDERE[5][:2], Status.CONCEPT, False, False),
        (klanten[0], *VERHALEN[0][:2], Status.GOEDGEKEURD, True, True),
        (klanten[1], *ANDERE[3][:2], Status.TERUGGESTUURD, False, False),
        (klanten[1], *ANDERE[0][:2], Status.INGEDIEND, True, False),
    ]
    toewijzing += [
        (klanten[2 + i], onderwerp, tekst, Status.GOEDGEKEURD, False, False)
        for i, (onderwerp, tekst, *_rest) in enumerate(VERHALEN[1:])
    ]
    toewijzing += [
        (klanten[len(VERHALEN) + 1 + i], onderwerp, tekst, status, False, False)
        for i, (onderwerp, tekst, status) in enumerate(
            a for a in ANDERE if a not in (ANDERE[0], ANDERE[3], ANDERE[5])
        )
    ]

    nu = timezone.now()
    goedgekeurd: list[Bijdrage] = []
    for nummer, (klant, onderwerp, tekst, status, telt, akkoord) in enumerate(toewijzing):
        bijdrage = services.bijdrage_aanmaken(
            klant=klant, onderwerp=onderwerp, tekst=tekst, in_plaats_van_sollicitatie=telt
        )
        if status == Status.CONCEPT:
            continue
        services.bijdrage_versturen(bijdrage, bijdrage.gedeelde_tekst)
        if akkoord and klant.contactpersoon is not None:
            services.sollicitatie_akkoord(bijdrage, klant.contactpersoon)
        if status == Status.TERUGGESTUURD:
            services.modereren(
                bijdrage,
                moderator=beleid,
                tekst=bijdrage.gedeelde_tekst,
                goedkeuren=False,
                opmerking="Je schrijft wie je uitlacht en waar. Kun je dat algemener zeggen?",
            )
        elif status == Status.GOEDGEKEURD:
            services.modereren(
                bijdrage, moderator=beleid, tekst=bijdrage.gedeelde_tekst, goedkeuren=True
            )
            goedgekeurd.append(bijdrage)
        elif status == Status.INGETROKKEN:
            services.bijdrage_intrekken(bijdrage)
        Bijdrage.objects.filter(pk=bijdrage.pk).update(
            ingediend_op=nu - timedelta(days=30 - nummer),
            aangemaakt_op=nu - timedelta(days=31 - nummer),
        )

    # approved in the order of VERHALEN: the first (klant1's) came second in toewijzing
    for bijdrage, (_o, _t, per_a, per_b) in zip(goedgekeurd, VERHALEN, strict=True):
        spans = zinnen(bijdrage.gedeelde_tekst)
        for codeur, per_zin in ((cp, per_a), (beleid, per_b)):
            for index, thema in per_zin.items():
                if index < len(spans):
                    begin, einde = spans[index]
                    services.coderen(
                        bijdrage,
                        codeur=codeur,
                        code=codes[thema],
                        begin=begin,
                        einde=einde,
                        memo="Komt vaker terug."
                        if thema == "geldzorgen" and codeur == beleid
                        else "",
                    )

    vandaag = timezone.localdate()
    sessie = services.sessie_aanmaken(
        gemeente=gemeente,
        titel="Brieven en geld",
        datum=vandaag - timedelta(days=14),
        codes=[codes["brieven"], codes["geldzorgen"], codes["contact met de gemeente"]],
        door=beleid,
    )
    services.conclusies_opslaan(
        sessie,
        "Brieven komen te laat of zijn te moeilijk. Geld dat te laat komt, geeft direct schulden. "
        "Klanten merken het verschil als iemand vraagt hoe het gaat.",
    )
    for omschrijving, eigenaar, dagen, actiestatus in [
        ("Brief over de sollicitatieplicht herschrijven in B1", beleid, 14, ActieStatus.BEZIG),
        ("Bij tijdelijk werk de bijstand laten doorlopen (voorstel)", beleid, 45, ActieStatus.OPEN),
        ("In elk gesprek eerst vragen hoe het gaat", cp, -3, ActieStatus.OPEN),
        ("Rekeningnummer controleren bij elke wijziging", cp, -10, ActieStatus.KLAAR),
    ]:
        actie = services.actie_toevoegen(
            sessie,
            omschrijving=omschrijving,
            eigenaar=eigenaar,
            uiterlijk=vandaag + timedelta(days=dagen),
        )
        if actiestatus != ActieStatus.OPEN:
            services.actie_bijwerken(actie, actiestatus)
    services.sessie_aanmaken(
        gemeente=gemeente,
        titel="Werk naast zorg en leeftijd",
        datum=vandaag + timedelta(days=21),
        codes=[codes["mantelzorg"], codes["leeftijd"], codes["vrijwilligerswerk"]],
        door=beleid,
    )
