"""A6: the rules and conditions for this client's own situation, in plain Dutch (B1).

No amounts here: what a client keeps of their wage comes from the rules engine (page "Werk en
inkomen"). Local choices (how many applications per three weeks, the declaration day) come from
the municipality's settings.

The texts are translated when they are made: they are in the language of the request."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

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
        _("Als je (parttime) werkt"),
        [
            _(
                "Werken naast de bijstand mag. Het is zelfs fijn: je doet ervaring op en je verdient erbij."
            ),
            _(
                "Geef elke maand door wat je hebt verdiend. Doe dat vóór de %(dag)se van de volgende "
                "maand. Stuur je loonstrook mee. Een foto met je telefoon is goed."
            )
            % {"dag": dag},
            _(
                "Wij halen je loon van je uitkering af. Een deel van je loon mag je een tijd houden. "
                "Hoeveel dat is, zie je in de app bij 'Werk en inkomen'."
            ),
            _(
                "Weet je je uren nog niet precies? Geef dan door wat je verwacht. Later rekenen we het precies uit."
            ),
            _(
                "Heb je een nieuwe baan of meer uren? Vertel het ons meteen. Dan klopt je uitkering en hoef je "
                "later niets terug te betalen."
            ),
        ],
    )
    if werkt:
        teksten.append(parttime)
    teksten += [
        Regeltekst(
            "solliciteren",
            _("Werk zoeken"),
            [
                _(
                    "We spreken af dat je ongeveer %(quotum)s keer per drie weken iets doet om werk te "
                    "vinden."
                )
                % {"quotum": quotum},
                _(
                    "Dat hoeft niet altijd een sollicitatiebrief te zijn. Praten met een werkgever, een uitzendbureau "
                    "bezoeken of een cursus volgen telt ook mee. Schrijf op wat je deed."
                ),
                _(
                    "Lukt het even niet, bijvoorbeeld door ziekte of zorg voor je kind? Vertel het je contactpersoon. "
                    "Dan kijken we samen wat wel kan."
                ),
            ],
        ),
        Regeltekst(
            "vrijwilligerswerk",
            _("Vrijwilligerswerk"),
            [
                _(
                    "Vrijwilligerswerk mag. Het kan je helpen: je leert de taal, krijgt ritme en leert mensen kennen."
                ),
                _("Vertel je contactpersoon vooraf waar je het gaat doen en hoeveel uur."),
                _(
                    "Een kleine vrijwilligersvergoeding mag je houden, tot een maximum. Je contactpersoon vertelt je "
                    "hoeveel dat nu is."
                ),
            ],
        ),
        Regeltekst(
            "mantelzorg",
            _("Zorgen voor iemand (mantelzorg)"),
            [
                _(
                    "Zorg je voor een familielid of iemand uit je buurt? Dat is mantelzorg. Dat mag."
                ),
                _(
                    "Vertel het je contactpersoon. Dan houden we er rekening mee bij je afspraken over werk."
                ),
                _(
                    "Iemand uit je netwerk helpen, zoals boodschappen doen of oppassen, mag ook. "
                    "Krijg je daar geld voor? Vraag dan eerst even of dat mag."
                ),
            ],
        ),
        Regeltekst(
            "vakantie",
            _("Op vakantie"),
            [
                _("Ga je op vakantie of naar het buitenland? Vertel het je contactpersoon vooraf."),
                _(
                    "Hoe lang je weg mag, hangt af van je situatie. Meestal is dat een paar weken per jaar. "
                    "Je contactpersoon vertelt je wat voor jou geldt."
                ),
                _("Heb je werk? Spreek je vakantie dan ook af met je werkgever."),
            ],
        ),
        Regeltekst(
            "veranderingen",
            _("Veranderingen doorgeven"),
            [
                _(
                    "Verandert er iets in je leven? Geef het dan zo snel mogelijk door. Dan klopt je uitkering."
                ),
                _(
                    "Denk aan: je gaat verhuizen, er komt iemand bij je wonen of iemand gaat weg, je krijgt werk of "
                    "meer uren, je krijgt geld of een erfenis, of je gaat trouwen of samenwonen."
                ),
                _(
                    "Twijfel je of iets belangrijk is? Stuur een bericht in de app. Een vraag stellen kan altijd."
                ),
            ],
        ),
    ]
    if not werkt:
        teksten.append(parttime)
    return teksten
