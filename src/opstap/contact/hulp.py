"""Questions first: common questions answered before someone has to call (A2, "de app raadplegen
voordat je belt"). Plain Dutch, no amounts (those come from the rules engine on their own pages)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Vraag:
    vraag: str
    antwoord: str
    trefwoorden: str = ""


VRAGEN: list[Vraag] = [
    Vraag(
        "Wie is mijn contactpersoon?",
        "Op je overzicht in de app zie je de naam en foto van je contactpersoon. Je ziet ook hoe en wanneer "
        "je diegene bereikt. Krijg je een nieuwe contactpersoon? Dan stellen we die aan je voor.",
        "klantmanager regisseur wie bellen",
    ),
    Vraag(
        "Ik word gebeld door de gemeente. Waarom?",
        "We bellen nooit zomaar. Bij 'Afspraken' zie je wanneer we bellen, wie er belt en waarover. "
        "Past het moment niet? Stuur een bericht, dan zoeken we een ander moment.",
        "telefoon gebeld afspraak bang",
    ),
    Vraag(
        "Wat hebben we in het laatste gesprek afgesproken?",
        "Na elk gesprek schrijft je contactpersoon een kort verslag. Je vindt het bij 'Gesprekken'. "
        "Je kunt het printen of als PDF bewaren. Heb je een vraag over het verslag? Schrijf die eronder.",
        "verslag samenvatting vergeten afspraken",
    ),
    Vraag(
        "Ik ga parttime werken. Wat moet ik doen?",
        "Vertel het je contactpersoon. Geef daarna elke maand door wat je verdient, met je loonstrook. "
        "Bij 'Werk en inkomen' zie je wat werken voor je inkomen betekent. De regels staan bij 'Mijn regels'.",
        "werk baan parttime loon uren inkomstenverklaring",
    ),
    Vraag(
        "Hoeveel houd ik over als ik ga werken?",
        "Dat hangt af van je uren, je loon en je huishouden. Bij 'Werk en inkomen' rekent de app het voor je "
        "uit: je loon, wat de gemeente aanvult en je toeslagen.",
        "geld inkomen uitkering verrekening vrijlating",
    ),
    Vraag(
        "Waar heb ik recht op?",
        "Bij 'Regelingen' zie je alleen de regelingen waar jij recht op hebt. We rekenen dat uit met wat we "
        "al van je weten. Aanvragen kan daar ook, zonder alles opnieuw in te vullen.",
        "voorziening regeling toeslag stadspas bijzondere bijstand aanvragen",
    ),
    Vraag(
        "Hoe stuur ik een loonstrook of brief?",
        "Stuur een bericht aan je contactpersoon en voeg een foto of PDF toe. Je ziet meteen dat het "
        "is aangekomen.",
        "bijlage foto pdf loonstrook brief sturen",
    ),
    Vraag(
        "Mag ik vrijwilligerswerk doen?",
        "Ja. Vertel het je contactpersoon vooraf. Vrijwilligerswerk kan je helpen om de taal te leren, "
        "ritme te krijgen en mensen te leren kennen.",
        "vrijwilliger vrijwilligerswerk",
    ),
    Vraag(
        "Mag ik op vakantie?",
        "Ja, vertel het je contactpersoon vooraf. Bij 'Mijn regels' lees je wat er voor jou geldt.",
        "vakantie buitenland weg reizen",
    ),
    Vraag(
        "Wie heeft mijn gegevens bekeken?",
        "Bij 'Wie keek in mijn dossier' zie je wie je gegevens bekeek, wanneer en waarom.",
        "privacy gegevens dossier inzage",
    ),
    Vraag(
        "Kan ik de app ook zonder internet lezen?",
        "Je laatste gespreksverslagen en je regels blijven op je telefoon staan. Die kun je ook lezen "
        "zonder internet. Zet de app daarvoor op je beginscherm. Kan dat in je browser, dan staat op je "
        "overzicht de knop 'Zet op mijn beginscherm'. Zie je die knop niet, kies dan in het menu van je "
        "browser 'Toevoegen aan beginscherm'.",
        "offline internet installeren beginscherm",
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
