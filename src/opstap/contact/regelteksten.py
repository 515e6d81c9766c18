"""A6: the rules and conditions for this client's own situation, in plain Dutch (B1).

No amounts here: what a client keeps of their wage comes from the rules engine (page "Werk en
inkomen"). Local choices (how many applications per three weeks, the declaration day) come from
the municipality's settings."""

from dataclasses import dataclass

from opstap.klanten.keuzes import Fase
from opstap.klanten.models import Klant


@dataclass(frozen=True)
class Regeltekst:
    sleutel: str
    titel: str
    alineas: list[str]


def regels_voor_klant(klant: Klant) -> list[Regeltekst]:
    gemeente = klant.gemeente
    dag = gemeente.instelling("inkomstenverklaring_dag", 5)
    quotum = gemeente.instelling("sollicitaties_per_drie_weken", 3)
    werkt = klant.fase in (Fase.BAAN, Fase.PARTTIME, Fase.DOORSTROMEN) or klant.trede.startswith(
        "5"
    )
    teksten: list[Regeltekst] = []
    parttime = Regeltekst(
        "parttime",
        "Als je (parttime) werkt",
        [
            "Werken naast de bijstand mag. Het is zelfs fijn: je doet ervaring op en je verdient erbij.",
            f"Geef elke maand door wat je hebt verdiend. Doe dat vóór de {dag}e van de volgende maand. "
            "Stuur je loonstrook mee. Een foto met je telefoon is goed.",
            "Wij halen je loon van je uitkering af. Een deel van je loon mag je een tijd houden. "
            "Hoeveel dat is, zie je in de app bij 'Werk en inkomen'.",
            "Weet je je uren nog niet precies? Geef dan door wat je verwacht. Later rekenen we het precies uit.",
            "Heb je een nieuwe baan of meer uren? Vertel het ons meteen. Dan klopt je uitkering en hoef je "
            "later niets terug te betalen.",
        ],
    )
    if werkt:
        teksten.append(parttime)
    teksten += [
        Regeltekst(
            "solliciteren",
            "Werk zoeken",
            [
                f"We spreken af dat je ongeveer {quotum} keer per drie weken iets doet om werk te vinden.",
                "Dat hoeft niet altijd een sollicitatiebrief te zijn. Praten met een werkgever, een uitzendbureau "
                "bezoeken of een cursus volgen telt ook mee. Schrijf op wat je deed.",
                "Lukt het even niet, bijvoorbeeld door ziekte of zorg voor je kind? Vertel het je contactpersoon. "
                "Dan kijken we samen wat wel kan.",
            ],
        ),
        Regeltekst(
            "vrijwilligerswerk",
            "Vrijwilligerswerk",
            [
                "Vrijwilligerswerk mag. Het kan je helpen: je leert de taal, krijgt ritme en leert mensen kennen.",
                "Vertel je contactpersoon vooraf waar je het gaat doen en hoeveel uur.",
                "Een kleine vrijwilligersvergoeding mag je houden, tot een maximum. Je contactpersoon vertelt je "
                "hoeveel dat nu is.",
            ],
        ),
        Regeltekst(
            "mantelzorg",
            "Zorgen voor iemand (mantelzorg)",
            [
                "Zorg je voor een familielid of iemand uit je buurt? Dat is mantelzorg. Dat mag.",
                "Vertel het je contactpersoon. Dan houden we er rekening mee bij je afspraken over werk.",
                "Iemand uit je netwerk helpen, zoals boodschappen doen of oppassen, mag ook. "
                "Krijg je daar geld voor? Vraag dan eerst even of dat mag.",
            ],
        ),
        Regeltekst(
            "vakantie",
            "Op vakantie",
            [
                "Ga je op vakantie of naar het buitenland? Vertel het je contactpersoon vooraf.",
                "Hoe lang je weg mag, hangt af van je situatie. Meestal is dat een paar weken per jaar. "
                "Je contactpersoon vertelt je wat voor jou geldt.",
                "Heb je werk? Spreek je vakantie dan ook af met je werkgever.",
            ],
        ),
        Regeltekst(
            "veranderingen",
            "Veranderingen doorgeven",
            [
                "Verandert er iets in je leven? Geef het dan zo snel mogelijk door. Dan klopt je uitkering.",
                "Denk aan: je gaat verhuizen, er komt iemand bij je wonen of iemand gaat weg, je krijgt werk of "
                "meer uren, je krijgt geld of een erfenis, of je gaat trouwen of samenwonen.",
                "Twijfel je of iets belangrijk is? Stuur een bericht in de app. Een vraag stellen kan altijd.",
            ],
        ),
    ]
    if not werkt:
        teksten.append(parttime)
    return teksten
