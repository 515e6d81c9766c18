"""A small B1 check for texts a contact person writes to a client: long sentences, jargon and
threatening words are flagged before publishing. It helps; it does not forbid."""

import re
from dataclasses import dataclass

MAX_WOORDEN_PER_ZIN = 20

# Word (lower case, matched at a word start) → a plain alternative to suggest.
JARGON: dict[str, str] = {
    "inkomstenverrekening": "wat we van je uitkering afhalen als je geld verdient",
    "verrekening": "wat we van je uitkering afhalen",
    "verrekenen": "van je uitkering afhalen",
    "inkomensvrijlating": "het deel van je loon dat je mag houden",
    "arbeidsverplichtingen": "wat je moet doen om werk te vinden",
    "sollicitatieplicht": "de afspraak over solliciteren",
    "re-integratie": "weer aan het werk gaan",
    "reintegratie": "weer aan het werk gaan",
    "participatieladder": "de stappen naar werk",
    "trede": "stap",
    "beschikking": "brief met het besluit",
    "ontheffing": "je hoeft het (even) niet te doen",
    "conform": "zoals",
    "middels": "met",
    "inzake": "over",
    "alsmede": "en",
    "teneinde": "om",
    "derhalve": "daarom",
    "ingevolge": "volgens",
    "dienen te": "moeten",
    "dient u": "wilt u",
    "reeds": "al",
    "tevens": "ook",
    "woonachtig": "wonen",
    "aanvang": "begin",
    "retourneren": "terugsturen",
    "overleggen van": "laten zien van",
    "toetsingsinkomen": "het inkomen waar de regel naar kijkt",
    "kostendelersnorm": "lagere uitkering omdat je met anderen woont",
    "handhaving": "controle",
}

# Words that read as a threat in a letter (seed 000: the letters felt "dreigend").
DREIGEND: dict[str, str] = {
    "sanctie": "leg uit wat er gebeurt en wat de klant kan doen",
    "maatregel": "leg uit wat er gebeurt en wat de klant kan doen",
    "fraude": "schrijf wat er anders moet, zonder beschuldiging",
    "terugvordering": "leg uit dat er geld terug moet en hoe je helpt",
    "boete": "leg uit wat er gebeurt en wat de klant kan doen",
    "verplicht": "schrijf wat je samen hebt afgesproken",
    "uiterlijk": "schrijf een datum en wat de klant kan doen als het niet lukt",
    "stopzetten": "leg uit wat er gebeurt en wat de klant kan doen",
}


@dataclass(frozen=True)
class B1Melding:
    soort: str  # "lange_zin" | "moeilijk_woord" | "dreigend"
    tekst: str  # the sentence or word it is about
    advies: str


_ZIN_EINDE = re.compile(r"(?<=[.!?])\s+|\n+")
_WOORD = re.compile(r"[\wÀ-ÿ'-]+")


def zinnen(tekst: str) -> list[str]:
    return [z.strip() for z in _ZIN_EINDE.split(tekst or "") if z.strip()]


def b1_controle(tekst: str) -> list[B1Melding]:
    """Everything a reader at level B1 may stumble over, in reading order."""
    meldingen: list[B1Melding] = []
    for zin in zinnen(tekst):
        aantal = len(_WOORD.findall(zin))
        if aantal > MAX_WOORDEN_PER_ZIN:
            meldingen.append(
                B1Melding(
                    "lange_zin",
                    zin,
                    f"Deze zin heeft {aantal} woorden. Maak er twee korte zinnen van (hooguit "
                    f"{MAX_WOORDEN_PER_ZIN} woorden per zin).",
                )
            )
    klein = (tekst or "").lower()
    gezien: set[str] = set()
    for lijst, soort in ((JARGON, "moeilijk_woord"), (DREIGEND, "dreigend")):
        for woord, alternatief in lijst.items():
            if woord in gezien:
                continue
            if re.search(rf"(?<![\wÀ-ÿ]){re.escape(woord)}", klein):
                gezien.add(woord)
                advies = (
                    f"Schrijf liever: '{alternatief}'."
                    if soort == "moeilijk_woord"
                    else f"Dit kan dreigend klinken: {alternatief}."
                )
                meldingen.append(B1Melding(soort, woord, advies))
    return meldingen
