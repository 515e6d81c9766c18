"""Questions first: common questions answered before someone has to call (A2, "de app raadplegen
voordat je belt"). Plain Dutch, no amounts (those come from the rules engine on their own pages).

The texts are lazy translations: a question is read (and searched) in the language of the request.
The search words are translated too, so a search in English finds the English answers."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Vraag:
    vraag: str | Promise
    antwoord: str | Promise
    trefwoorden: str | Promise = ""


VRAGEN: list[Vraag] = [
    Vraag(
        _("Wie is mijn contactpersoon?"),
        _(
            "Op je overzicht in de app zie je de naam en foto van je contactpersoon. Je ziet ook hoe en wanneer "
            "je diegene bereikt. Krijg je een nieuwe contactpersoon? Dan stellen we die aan je voor."
        ),
        _("klantmanager regisseur wie bellen"),
    ),
    Vraag(
        _("Ik word gebeld door de gemeente. Waarom?"),
        _(
            "We bellen nooit zomaar. Bij 'Afspraken' zie je wanneer we bellen, wie er belt en waarover. "
            "Past het moment niet? Stuur een bericht, dan zoeken we een ander moment."
        ),
        _("telefoon gebeld afspraak bang"),
    ),
    Vraag(
        _("Wat hebben we in het laatste gesprek afgesproken?"),
        _(
            "Na elk gesprek schrijft je contactpersoon een kort verslag. Je vindt het bij 'Gesprekken'. "
            "Je kunt het printen of als PDF bewaren. Heb je een vraag over het verslag? Schrijf die eronder."
        ),
        _("verslag samenvatting vergeten afspraken"),
    ),
    Vraag(
        _("Ik ga parttime werken. Wat moet ik doen?"),
        _(
            "Vertel het je contactpersoon. Geef daarna elke maand door wat je verdient, met je loonstrook. "
            "Bij 'Werk en inkomen' zie je wat werken voor je inkomen betekent. De regels staan bij 'Mijn regels'."
        ),
        _("werk baan parttime loon uren inkomstenverklaring"),
    ),
    Vraag(
        _("Hoeveel houd ik over als ik ga werken?"),
        _(
            "Dat hangt af van je uren, je loon en je huishouden. Bij 'Werk en inkomen' rekent de app het voor je "
            "uit: je loon, wat de gemeente aanvult en je toeslagen."
        ),
        _("geld inkomen uitkering verrekening vrijlating"),
    ),
    Vraag(
        _("Waar heb ik recht op?"),
        _(
            "Bij 'Regelingen' zie je alleen de regelingen waar jij recht op hebt. We rekenen dat uit met wat we "
            "al van je weten. Aanvragen kan daar ook, zonder alles opnieuw in te vullen."
        ),
        _("voorziening regeling toeslag stadspas bijzondere bijstand aanvragen"),
    ),
    Vraag(
        _("Hoe stuur ik een loonstrook of brief?"),
        _(
            "Stuur een bericht aan je contactpersoon en voeg een foto of PDF toe. Je ziet meteen dat het "
            "is aangekomen."
        ),
        _("bijlage foto pdf loonstrook brief sturen"),
    ),
    Vraag(
        _("Mag ik vrijwilligerswerk doen?"),
        _(
            "Ja. Vertel het je contactpersoon vooraf. Vrijwilligerswerk kan je helpen om de taal te leren, "
            "ritme te krijgen en mensen te leren kennen."
        ),
        _("vrijwilliger vrijwilligerswerk"),
    ),
    Vraag(
        _("Mag ik op vakantie?"),
        _(
            "Ja, vertel het je contactpersoon vooraf. Bij 'Mijn regels' lees je wat er voor jou geldt."
        ),
        _("vakantie buitenland weg reizen"),
    ),
    Vraag(
        _("Wie heeft mijn gegevens bekeken?"),
        _("Bij 'Wie keek in mijn dossier' zie je wie je gegevens bekeek, wanneer en waarom."),
        _("privacy gegevens dossier inzage"),
    ),
    Vraag(
        _("Kan ik de app ook zonder internet lezen?"),
        _(
            "Je laatste gespreksverslagen en je regels blijven op je telefoon staan. Die kun je ook lezen "
            "zonder internet. Zet de app daarvoor op je beginscherm. Kan dat in je browser, dan staat op je "
            "overzicht de knop 'Zet op mijn beginscherm'. Zie je die knop niet, kies dan in het menu van je "
            "browser 'Toevoegen aan beginscherm'."
        ),
        _("offline internet installeren beginscherm"),
    ),
]


def zoek_vragen(zoekterm: str) -> list[Vraag]:
    woorden = [w for w in zoekterm.lower().split() if len(w) > 1]
    if not woorden:
        return VRAGEN
    return [
        v
        for v in VRAGEN
        if any(w in f"{v.vraag} {v.antwoord} {v.trefwoorden}".lower() for w in woorden)
    ]
