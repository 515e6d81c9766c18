"""De-identification of Dutch client stories: `deduce`, extended for what these texts hold.

`deduce` (LGPL-3.0-or-later, UMC Utrecht) is made for Dutch (medical) text: names from large
lookup lists, street names, place names, dates, phone numbers, e-mail and BSN. Client stories
about bijstand and work hold more, and this module adds it on top:

- BSN with the 11-proef, also written with dots or spaces (deduce: nine digits only, no check);
- IBAN (with its mod-97 check), which deduce half-reads as a phone number;
- postcodes with and without a space, and the place after a postcode;
- phone numbers in every common form (06-…, 06 12 34 56 78, +31 6 …, 0031 …, (020) …);
- street addresses with a house number and letter or addition;
- employers and organisations: "Gemeente X", "Stichting X", "uitzendbureau X", names with B.V./BV,
  a list of large employers (supermarkets, stores, employment agencies), and "bij X" / "voor X";
- names the text itself announces ("ik heet …", "mijn buurvrouw …", "mevrouw …"), and every other
  place in the text where a found name (or organisation) appears again.

Each identifier becomes a placeholder naming its kind (`SOORTEN`); everything else, whitespace and
punctuation included, stays exactly as written. Ages and durations ("58 jaar", "al 3 jaar") are
kept: deduce's age rule is switched off, because they say much about the experience and identify
nobody (the fragment carries an age band anyway).

deduce builds its lookup structures once (a few minutes) and caches them as a pickle. The cache
lives in the project (`DEDUCE_CACHE_DIR`, default `var/deduce/`), is made by `make setup` through
`opstap deduce_klaarzetten`, and is read offline after that; deduce downloads nothing.
"""

import gc
import pickle
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from deduce import Deduce

from django.conf import settings

from opstap.privacy.bsn import is_geldig_bsn

# The placeholders, in the order the documentation lists them.
SOORTEN: dict[str, str] = {
    "PERSOON": "een naam van een persoon (voornaam, achternaam, met tussenvoegsel of titel)",
    "ADRES": "een straat met huisnummer, of een postbus",
    "POSTCODE": "een postcode (1234 AB of 1234AB)",
    "PLAATS": "een woonplaats of plaatsnaam",
    "TELEFOON": "een telefoonnummer (06, vast, +31 of 0031)",
    "EMAIL": "een e-mailadres",
    "BSN": "een burgerservicenummer dat de 11-proef doorstaat",
    "IBAN": "een bankrekeningnummer (IBAN)",
    "DATUM": "een datum, zoals een geboortedatum",
    "ORGANISATIE": "een werkgever, bedrijf, stichting, gemeente of zorginstelling met naam",
    "URL": "een webadres",
    "NUMMER": "een ander lang nummer (klantnummer, dossiernummer)",
}

# deduce's tags (and the first word of its combined tags) → our kinds.
_DEDUCE_SOORT = {
    "persoon": "PERSOON",
    "patient": "PERSOON",
    "locatie": "LOCATIE",  # split below: address, postcode or place
    "datum": "DATUM",
    "telefoonnummer": "TELEFOON",
    "emailadres": "EMAIL",
    "bsn": "BSN",
    "url": "URL",
    "id": "NUMMER",
    "ziekenhuis": "ORGANISATIE",
    "zorginstelling": "ORGANISATIE",
}

# A rule's find beats deduce's where they overlap (deduce's part outside it is kept).
_PRIO_REGEL = 30
_PRIO_CONTEXT = 20
_PRIO_DEDUCE = 10
_PRIO_ZWAK = 5  # "bij X": only where deduce saw nothing

_TUSSENVOEGSELS = (
    r"(?:van|de|der|den|het|'t|ten|ter|te|op|in|el|al|la|le|ben|bin|da|di|von|zu|du|dos|ibn)"
)
_HOOFDWOORD = r"[A-ZÀ-ÖØ-ÞĀ-ſ][\wÀ-ÿĀ-ſ'’-]*"
# A name: capitalised words, with tussenvoegsels between them ("Anouk van der Berg", "El Amrani").
NAAM = rf"{_HOOFDWOORD}(?:\s+(?:{_TUSSENVOEGSELS}\s+)*{_HOOFDWOORD})*"

_ORG_NAAM = rf"{_HOOFDWOORD}(?:\s+(?:(?:{_TUSSENVOEGSELS}|en|&)\s+)*{_HOOFDWOORD})*"

_MAANDEN = (
    "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|"
    "jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec"
)

# Words that are capitalised at the start of a sentence and are never names to spread around.
_GEEN_NAAM = frozenset(
    [
        "De",
        "Het",
        "Een",
        "Ik",
        "Mijn",
        "Je",
        "Jij",
        "Hij",
        "Zij",
        "Ze",
        "Wij",
        "We",
        "Jullie",
        "Zijn",
        "Haar",
        "Hun",
        "Onze",
        "Ons",
        "Dat",
        "Die",
        "Dit",
        "Deze",
        "En",
        "Of",
        "Maar",
        "Want",
        "Dus",
        "Toen",
        "Als",
        "Na",
        "Voor",
        "Bij",
        "Met",
        "Van",
        "In",
        "Op",
        "Om",
        "Te",
        "Tot",
        "Uit",
        "Aan",
        "Door",
        "Over",
        "Naar",
        "Nog",
        "Ook",
        "Wel",
        "Niet",
        "Geen",
        "Er",
        "Hier",
        "Daar",
        "Wat",
        "Wie",
        "Waar",
        "Hoe",
        "Waarom",
        "Nu",
        "Dan",
        "Daarna",
        "Eerst",
        "Later",
        "Soms",
        "Vaak",
        "Altijd",
        "Nooit",
        "Gelukkig",
        "Helaas",
        "Meneer",
        "Mevrouw",
        "Gemeente",
        "Stichting",
        "Mama",
        "Papa",
        "Oma",
        "Opa",
    ]
)

# Countries of origin are kept: they say much about the experience (language, diplomas) and
# identify nobody in a city; deduce's place list would remove them.
LANDEN = frozenset(
    [
        "Nederland",
        "Polen",
        "Suriname",
        "Marokko",
        "Turkije",
        "Eritrea",
        "Syrië",
        "Somalië",
        "Afghanistan",
        "Irak",
        "Iran",
        "Bulgarije",
        "Roemenië",
        "Oekraïne",
        "Curaçao",
        "Aruba",
        "Bonaire",
        "Indonesië",
        "Ghana",
        "België",
        "Duitsland",
        "Spanje",
        "Portugal",
        "China",
        "India",
        "Pakistan",
        "Egypte",
        "Ethiopië",
        "Sudan",
        "Jemen",
        "Hongarije",
        "Litouwen",
        "Letland",
        "Griekenland",
        "Italië",
        "Frankrijk",
        "Engeland",
        "Rusland",
        "Bosnië",
        "Kosovo",
        "Albanië",
        "Colombia",
        "Venezuela",
    ]
)

# Titles and relations before a name stay in the text ("mevrouw [PERSOON]").
_VOORWOORDEN = frozenset(
    [
        "meneer",
        "mevrouw",
        "mevr",
        "mevr.",
        "dhr",
        "dhr.",
        "mw",
        "mw.",
        "mr",
        "mr.",
        "dr",
        "dr.",
        "juf",
        "meester",
        "zuster",
        "dokter",
        "collega",
        "buurman",
        "buurvrouw",
        "consulent",
        "consulente",
        "klantmanager",
        "begeleider",
        "coach",
        "contactpersoon",
    ]
)

# Sentence words deduce sometimes takes along with a name; not the tussenvoegsels ("Van Dijk").
_ZINSWOORDEN = _GEEN_NAAM - {
    "De",
    "Het",
    "Van",
    "Te",
    "Op",
    "In",
    "Bij",
    "Voor",
    "Over",
    "Aan",
    "Uit",
}

# Large employers and chains, written as people write them. National public bodies (UWV,
# Belastingdienst, DUO, SVB, CAK, CJIB) are kept on purpose: they identify nobody and matter
# for what the learning network studies.
ORGANISATIES = (
    "Albert Heijn",
    "AH",
    "Jumbo",
    "Lidl",
    "Aldi",
    "Dirk",
    "Dirk van den Broek",
    "Plus",
    "Coop",
    "Spar",
    "Vomar",
    "Hoogvliet",
    "Hema",
    "HEMA",
    "Action",
    "Kruidvat",
    "Etos",
    "Blokker",
    "Primark",
    "Zeeman",
    "Wibra",
    "Ikea",
    "IKEA",
    "Gamma",
    "Praxis",
    "Karwei",
    "PostNL",
    "DHL",
    "Bol.com",
    "bol.com",
    "Coolblue",
    "McDonald's",
    "Burger King",
    "KFC",
    "Randstad",
    "Tempo-Team",
    "Start People",
    "Manpower",
    "Adecco",
    "Olympia",
    "Unique",
    "Timing",
    "Luba",
    "Covebo",
    "Otto Workforce",
    "YoungCapital",
    "Hago",
    "CSU",
    "Asito",
    "Vebego",
    "ISS",
    "Sodexo",
    "Thuiszorg West-Brabant",
)

_ORG_SOORTWOORD = (
    r"(?:[Gg]emeente|[Ss]tichting|[Vv]ereniging|[Uu]itzendbureau|[Ss]upermarkt|[Bb]edrijf|"
    r"[Ww]erkgever|[Ss]choonmaakbedrijf|[Ss]choonmaakbureau|[Zz]orginstelling|[Zz]orggroep|"
    r"[Tt]huiszorg|[Ww]oningcorporatie|[Ww]oonstichting|[Rr]estaurant|[Hh]otel|[Cc]af[eé]|"
    r"[Ss]chool|[Bb]ouwbedrijf|[Tt]ransportbedrijf|[Hh]oveniersbedrijf|[Bb]akkerij|[Ww]inkel|"
    r"[Rr]einigingsdienst|[Ss]portschool|[Kk]inderopvang|[Ww]erkbedrijf|[Ss]ociale werkplaats)"
)
_RECHTSVORM = r"(?:B\.\s?V\.?|BV|N\.\s?V\.?|NV|V\.O\.F\.?|VOF|C\.V\.|Holding)"

_STRAATSUFFIX = (
    r"(?:straat|laan|weg|plein|gracht|kade|singel|dijk|hof|pad|steeg|markt|dreef|park|baan|"
    r"allee|erf|veld|wal|haven|burg|dam|ring|hoek|tuin|zijde|straatweg|boulevard|plantsoen|"
    r"promenade|kwartier|bosch|dal|berg|wei|akker|oord|rade|hout|bolwerk|polder|vaart|sloot|"
    r"weide|hage|kamp|brink|esch|horst|donk|heuvel|stede|poort|werf)"
)
_HUISNUMMER = r"\d{1,5}(?:\s?[a-zA-Z](?![a-zA-Z]))?(?:\s?(?:-|/)\s?(?:\d{1,4}|[a-zA-Z]{1,3})\b|\s(?:hs|bis|I{1,3}|boven|huis)\b)?"

REGELS: list[tuple[str, re.Pattern[str], int]] = [
    ("EMAIL", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), _PRIO_REGEL + 5),
    (
        "URL",
        re.compile(r"\b(?:https?://|www\.)[^\s<>\"']+[\w/]"),
        _PRIO_REGEL,
    ),
    (
        "IBAN",
        re.compile(
            r"\b[A-Za-z]{2}\d{2}[ ]?[A-Za-z]{4}(?:[ ]?\d){10}\b|\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?\b"
        ),
        _PRIO_REGEL + 4,
    ),
    (
        "TELEFOON",
        re.compile(
            r"(?<![\w+])(?:(?:\+|00)\s?31[\s-]*(?:\(0\)[\s-]*)?\d(?:[\s-]*\d){8}"
            r"|\(0\d{2,3}\)[\s-]*\d(?:[\s-]*\d){5,7}"
            r"|0\d(?:[\s.-]*\d){8})(?![\d])"
        ),
        _PRIO_REGEL + 3,
    ),
    (
        "BSN",
        re.compile(
            r"(?<![\d.])(?:\d{9}|\d{4}[.\s]\d{2}[.\s]\d{3}|\d{3}[.\s]\d{3}[.\s]\d{3}|\d{8})(?![\d])"
        ),
        _PRIO_REGEL + 2,
    ),
    (
        "POSTCODE",
        re.compile(r"\b[1-9]\d{3}\s?(?!SA|SD|SS)[A-Z]{2}\b|\b[1-9]\d{3}(?!sa|sd|ss)[a-z]{2}\b"),
        _PRIO_REGEL + 1,
    ),
    (
        "DATUM",
        re.compile(
            rf"\b\d{{1,2}}[-/.]\d{{1,2}}[-/.](?:19|20)?\d{{2}}\b"
            rf"|\b\d{{1,2}}\s+(?:{_MAANDEN})\.?\s+(?:19|20)\d{{2}}\b"
            rf"|\b(?:19|20)\d{{2}}-\d{{2}}-\d{{2}}\b",
            re.IGNORECASE,
        ),
        _PRIO_REGEL,
    ),
    (
        "ADRES",
        re.compile(
            rf"\b(?:{_HOOFDWOORD}\s+(?:(?:de|van|der|den|'t)\s+)*)*[\wÀ-ÿ'-]*{_STRAATSUFFIX}\s+{_HUISNUMMER}"
            rf"|\b(?:Laan|Plein|Kade|Dijk|Weg)\s+(?:van|der|de|den|\s)+\s*{_HOOFDWOORD}\s+{_HUISNUMMER}"
            rf"|\b[Pp]ostbus\s+\d{{1,6}}"
        ),
        _PRIO_REGEL,
    ),
    (
        "ORGANISATIE",
        re.compile(rf"\b{_ORG_NAAM}\s+{_RECHTSVORM}(?![\w])"),
        _PRIO_REGEL,
    ),
]

# A capitalised type word belongs to the name ("Gemeente Demodam", "Stichting Present"); after a
# lowercase one only the name goes ("uitzendbureau [ORGANISATIE]").
_ORG_NA_SOORT = re.compile(rf"\b(?P<soort>{_ORG_SOORTWOORD})\s+(?P<naam>{NAAM})")
_ORG_LIJST = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(re.escape(o) for o in sorted(ORGANISATIES, key=len, reverse=True))
    + r")(?![\w-])"
)
_PLAATS_NA_IN = re.compile(rf"\b(?:in|te|uit)\s+(?P<plaats>{_HOOFDWOORD}(?:-{_HOOFDWOORD})*)")
_ORG_NA_VOORZETSEL = re.compile(rf"\b(?:bij|voor)\s+(?:(?:de|het)\s+)?(?P<naam>{NAAM})")
_PLAATS_NA_POSTCODE = re.compile(
    rf"\b[1-9]\d{{3}}(?:\s?[A-Z]{{2}}|[a-z]{{2}})\s+(?P<plaats>{_HOOFDWOORD}(?:[\s-]+(?:aan|op|de|den|bij)?[\s-]*{_HOOFDWOORD})*)"
)
_PLAATS_NA_WOON = re.compile(
    rf"\b(?:woon|woonde|wonen|woont|verhuisd|verhuizen|geboren|opgegroeid)\s+(?:\w+\s+){{0,2}}?(?:in|naar|uit)\s+(?P<plaats>{_HOOFDWOORD}(?:-{_HOOFDWOORD})*)"
)

_RELATIES = (
    r"(?:zoon|zoontje|dochter|dochtertje|man|vrouw|partner|vriend|vriendin|buurman|buurvrouw|"
    r"buren|moeder|vader|zus|zusje|broer|broertje|oma|opa|neef|nicht|tante|oom|collega|baas|chef|"
    r"leidinggevende|contactpersoon|consulent|consulente|klantmanager|begeleider|begeleidster|"
    r"coach|jobcoach|werkcoach|schuldhulpverlener|bewindvoerder|huisarts|maatje|kind|kinderen|"
    r"ex|schoonmoeder|schoonvader|stiefvader|stiefmoeder|kleinzoon|kleindochter|teamleider|"
    r"manager|mentor|vrijwilliger|trainer|docent|juf|meester)"
)
_CONTEXT_NAAM = [
    re.compile(
        rf"\b(?:[Mm]ijn naam is|[Ii]k heet|[Hh]ij heet|[Zz]e heet|[Zz]ij heet|heette|genaamd|met de naam|[Ii]k ben)\s+(?P<naam>{NAAM})"
    ),
    re.compile(
        rf"\b(?:[Mm]ijn|[Oo]nze|[Hh]aar|[Zz]ijn|[Hh]un|[Dd]e|[Ee]en)\s+(?:\w+\s+)?{_RELATIES}\s+(?P<naam>{NAAM})"
    ),
    re.compile(
        rf"(?:\b(?:[Mm]eneer|[Mm]evrouw|[Mm]evr|[Dd]hr|[Mm]w|[Mm]r|[Dd]r|[Ii]ng|[Zz]uster|[Dd]okter|[Jj]uf|[Mm]eester)\.?)\s+(?P<naam>{NAAM})"
    ),
    re.compile(
        rf"\b(?:met|aan|van|door|tegen|en)\s+(?P<naam>{_HOOFDWOORD})\s+(?:gebeld|gesproken|gemaild|geappt)\b"
    ),
]

_VERBINDWOORDEN = re.compile(
    rf"^(?:(?:{_TUSSENVOEGSELS}|en|of|bij|voor|met|aan|uit|naar)\b[\s,.;:-]*)+|(?:[\s,.;:-]+\b(?:van|bij|voor|met|aan|uit|naar|en|of|in|op|de|het))+$"
)


PLAATSHOUDER = re.compile(r"\[(?:" + "|".join(SOORTEN) + r")\]")


@dataclass(frozen=True)
class Vondst:
    """One identifier found in a text: where it is and what kind it is."""

    begin: int
    einde: int
    soort: str
    prioriteit: int = _PRIO_REGEL
    bron: str = "regel"


# --- deduce --------------------------------------------------------------------------------------

_deduce: Any = None
_deduce_slot = threading.Lock()


def deduce_cachemap() -> Path:
    return Path(settings.DEDUCE_CACHE_DIR)


def deduce_model(*, opnieuw_bouwen: bool = False) -> Any:
    """The one deduce instance of this process. Loading its cache takes a few seconds; the first
    build (when no cache exists) takes minutes, which `make setup` does ahead of time. The garbage
    collector is paused while the large pickle loads: that makes loading three times faster."""
    global _deduce
    with _deduce_slot:
        if _deduce is None or opnieuw_bouwen:
            map_ = deduce_cachemap()
            map_.mkdir(parents=True, exist_ok=True)
            gc.disable()
            try:
                try:
                    _deduce = Deduce(cache_path=map_, build_lookup_structs=opnieuw_bouwen)
                except (pickle.UnpicklingError, EOFError, AttributeError, ValueError):
                    # A cache cut off halfway (a build that was stopped): build it again.
                    _deduce = Deduce(cache_path=map_, build_lookup_structs=True)
            finally:
                gc.enable()
        return _deduce


def deduce_vondsten(tekst: str) -> list[Vondst]:
    """What plain deduce finds (its age rule off), with our kinds; 'LOCATIE' still to be split."""
    model = deduce_model()
    doc = model.deidentify(tekst, disabled={"age"})
    gewoon = model.lookup_structs["common_word"]
    uit = []
    for a in doc.annotations:
        tag = str(a.tag).split("+")[0]
        soort = _DEDUCE_SOORT.get(tag)
        if soort is None:
            soort = "PERSOON" if tag in {"voornaam", "achternaam", "initiaal", "naam"} else "NUMMER"
        stuk = tekst[a.start_char : a.end_char]
        if soort == "LOCATIE" and stuk in LANDEN:
            continue
        if (
            soort == "PERSOON"
            and " " not in stuk
            and stuk.lower() in gewoon
            and _zinsbegin(tekst, a.start_char)
        ):
            continue  # "Groen is mijn lievelingskleur": a word, not a surname
        uit.append(Vondst(a.start_char, a.end_char, soort, _PRIO_DEDUCE, "deduce"))
    return uit


def _zinsbegin(tekst: str, positie: int) -> bool:
    voor = tekst[:positie].rstrip()
    return not voor or voor[-1] in ".!?:\n"


# --- the extensions -------------------------------------------------------------------------------


def _iban_geldig(tekst: str) -> bool:
    iban = re.sub(r"\s", "", tekst).upper()
    if not 15 <= len(iban) <= 34:
        return False
    getal = "".join(str(int(c, 36)) for c in iban[4:] + iban[:4])
    return int(getal) % 97 == 1


def _bsn_geldig(tekst: str) -> bool:
    cijfers = re.sub(r"\D", "", tekst)
    return is_geldig_bsn(cijfers.zfill(9))


def regel_vondsten(tekst: str) -> list[Vondst]:
    """Everything our own rules find, before overlaps are resolved."""
    uit: list[Vondst] = []
    for soort, patroon, prio in REGELS:
        for m in patroon.finditer(tekst):
            # a mistyped account number still points to someone
            ongeldige_iban = soort == "IBAN" and not _iban_geldig(m.group())
            soort_hier = "NUMMER" if ongeldige_iban else soort
            if soort == "BSN" and not _bsn_geldig(m.group()):
                continue
            begin = m.start()
            if soort == "ADRES":  # "Bij Lidl Nieuwstraat 3": the street, not the words before it
                while (w := re.match(r"(\S+)\s+", tekst[begin : m.end()])) and w.group(
                    1
                ) in _GEEN_NAAM - {"Van", "De", "Het"}:
                    begin += w.end()
            uit.append(Vondst(begin, m.end(), soort_hier, prio))
    for m in _ORG_NA_SOORT.finditer(tekst):
        begin = m.start() if m.group("soort")[0].isupper() else m.start("naam")
        uit.append(Vondst(begin, m.end("naam"), "ORGANISATIE", _PRIO_CONTEXT + 1, "context"))
    for m in _ORG_LIJST.finditer(tekst):
        uit.append(Vondst(m.start(), m.end(), "ORGANISATIE", _PRIO_CONTEXT, "lijst"))
    for m in _PLAATS_NA_POSTCODE.finditer(tekst):
        uit.append(Vondst(m.start("plaats"), m.end("plaats"), "PLAATS", _PRIO_CONTEXT, "context"))
    for m in _PLAATS_NA_WOON.finditer(tekst):
        if m.group("plaats") not in _GEEN_NAAM:
            uit.append(
                Vondst(m.start("plaats"), m.end("plaats"), "PLAATS", _PRIO_CONTEXT, "context")
            )
    for patroon in _CONTEXT_NAAM:
        for m in patroon.finditer(tekst):
            if m.group("naam").split()[0] in _GEEN_NAAM:
                continue
            uit.append(Vondst(m.start("naam"), m.end("naam"), "PERSOON", _PRIO_CONTEXT, "context"))
    for m in _PLAATS_NA_IN.finditer(tekst):
        if m.group("plaats") not in _GEEN_NAAM | LANDEN:
            uit.append(Vondst(m.start("plaats"), m.end("plaats"), "PLAATS", _PRIO_ZWAK, "in"))
    for m in _ORG_NA_VOORZETSEL.finditer(tekst):
        if m.group("naam").split()[0] in _GEEN_NAAM:
            continue
        uit.append(Vondst(m.start("naam"), m.end("naam"), "ORGANISATIE", _PRIO_ZWAK, "voorzetsel"))
    return uit


# --- putting it together ------------------------------------------------------------------------


def _soort_locatie(stuk: str) -> str:
    if re.fullmatch(r"[1-9]\d{3}\s?[A-Za-z]{2}", stuk.strip()):
        return "POSTCODE"
    if re.search(r"\d", stuk):
        return "ADRES"
    return "PLAATS"


def _bijsnijden(tekst: str, begin: int, einde: int) -> tuple[int, int] | None:
    """A piece of a find that another find cut off: without the loose words and punctuation at
    its edges ("Jan de Vries van" → "Jan de Vries"); None when nothing identifying is left."""
    stuk = tekst[begin:einde]
    while True:
        kaal = stuk.strip(" \t\n,.;:!?()'\"-")
        begin += stuk.find(kaal) if kaal else 0
        m = _VERBINDWOORDEN.search(kaal)
        if not kaal or m is None or m.end() == m.start():
            stuk = kaal
            break
        if m.start() == 0:
            begin += m.end()
            stuk = kaal[m.end() :]
        else:
            stuk = kaal[: m.start()]
    if len(stuk) < 2 or not re.search(r"[A-Za-zÀ-ÿ0-9]", stuk):
        return None
    return begin, begin + len(stuk)


def _alleen_zinswoorden(stuk: str) -> bool:
    woorden = re.findall(r"[\wÀ-ÿ.]+", stuk)
    return all(w in _ZINSWOORDEN or w.lower() in _VOORWOORDEN for w in woorden)


def _oplossen(tekst: str, kandidaten: Iterable[Vondst]) -> list[Vondst]:
    """Non-overlapping finds: the highest priority (then the longest) wins a character; what a
    lower find has outside the winners is kept as its own, trimmed find."""
    bezet = [False] * len(tekst)
    gekozen: list[Vondst] = []
    volgorde = sorted(kandidaten, key=lambda v: (-v.prioriteit, -(v.einde - v.begin), v.begin))
    for v in volgorde:
        i = v.begin
        while i < v.einde:
            if bezet[i]:
                i += 1
                continue
            j = i
            while j < v.einde and not bezet[j]:
                j += 1
            stuk = (i, j) if (i, j) == (v.begin, v.einde) else _bijsnijden(tekst, i, j)
            if (
                stuk is not None
                and v.soort == "PERSOON"
                and _alleen_zinswoorden(tekst[stuk[0] : stuk[1]])
            ):
                stuk = None  # "B.V.. Mijn": what is left of a name deduce read too far
            if stuk is not None:
                b, e = stuk
                soort = _soort_locatie(tekst[b:e]) if v.soort == "LOCATIE" else v.soort
                gekozen.append(Vondst(b, e, soort, v.prioriteit, v.bron))
                for k in range(b, e):
                    bezet[k] = True
            i = j
    return sorted(gekozen, key=lambda v: v.begin)


def _namen_opschonen(tekst: str, vondsten: list[Vondst]) -> list[Vondst]:
    """A name without the title or sentence word deduce took with it ("mevrouw Visser" →
    "Visser"), and with an unknown surname after a known first name ("Sharon Lie-A-Fong")."""
    uit = []
    for v in vondsten:
        if v.soort != "PERSOON":
            uit.append(v)
            continue
        begin, einde = v.begin, v.einde
        while True:
            m = re.match(r"([\wÀ-ÿ.]+)\s+", tekst[begin:einde])
            if m is None or (
                m.group(1).lower() not in _VOORWOORDEN and m.group(1) not in _ZINSWOORDEN
            ):
                break
            begin += m.end()
        if begin >= einde:
            continue
        m = re.match(rf"\s+{_HOOFDWOORD}(?![\wÀ-ÿ])", tekst[einde:])
        volgende = m.group().strip() if m else ""
        if (
            m
            and volgende not in _GEEN_NAAM | LANDEN
            and not any(
                w.begin < einde + m.end() and w.einde > einde for w in vondsten if w is not v
            )
        ):
            einde += m.end()
        uit.append(Vondst(begin, einde, v.soort, v.prioriteit, v.bron))
    return uit


def _verspreiden(tekst: str, vondsten: list[Vondst]) -> list[Vondst]:
    """A name or organisation found once is removed everywhere in the text: whole ("Roos Bakker")
    and per word ("Bakker"), capitalised as found, so the word "bakker" stays."""
    termen: dict[str, str] = {}
    for v in vondsten:
        if v.soort not in {"PERSOON", "ORGANISATIE"}:
            continue
        stuk = tekst[v.begin : v.einde]
        termen.setdefault(stuk, v.soort)
        if v.soort == "PERSOON":
            for woord in re.findall(r"[\wÀ-ÿĀ-ſ'’-]+", stuk):
                if len(woord) >= 3 and woord[0].isupper() and woord not in _GEEN_NAAM:
                    termen.setdefault(woord, "PERSOON")
    extra = [
        Vondst(m.start(), m.end(), soort, 1, "verspreid")
        for term, soort in sorted(termen.items(), key=lambda t: -len(t[0]))
        for m in re.finditer(rf"(?<![\w-]){re.escape(term)}(?![\w-])", tekst)
    ]
    return _oplossen(tekst, [*vondsten, *extra])


def _samenvoegen(tekst: str, vondsten: list[Vondst]) -> list[Vondst]:
    """Neighbours of one kind with only a space or hyphen between them are one find."""
    uit: list[Vondst] = []
    for v in vondsten:
        tussen = tekst[uit[-1].einde : v.begin] if uit else ""
        if uit and uit[-1].soort == v.soort and re.fullmatch(r"[\s-]*(?:[A-Z][\s-]+)?", tussen):
            vorige = uit.pop()
            v = Vondst(vorige.begin, v.einde, v.soort, max(v.prioriteit, vorige.prioriteit), v.bron)
        uit.append(v)
    return uit


def vondsten(tekst: str, *, alleen_deduce: bool = False) -> list[Vondst]:
    """The identifiers in a text, non-overlapping and in order. `alleen_deduce` gives what plain
    deduce finds (for comparing), without our extensions."""
    if not tekst.strip():
        return []
    gevonden = deduce_vondsten(tekst)
    if alleen_deduce:
        return _samenvoegen(tekst, _oplossen(tekst, gevonden))
    kandidaten = _namen_opschonen(tekst, [*gevonden, *regel_vondsten(tekst)])
    # A placeholder already in the text (a second pass, an edited preview) stays as it is.
    al_vervangen = [Vondst(m.start(), m.end(), "AL", 99) for m in PLAATSHOUDER.finditer(tekst)]
    opgelost = _oplossen(tekst, [*al_vervangen, *kandidaten])
    opgelost = [v for v in opgelost if v.soort != "AL"]
    return _samenvoegen(tekst, _verspreiden(tekst, opgelost))


def vervang(tekst: str, gevonden: Iterable[Vondst]) -> str:
    """The text with each find replaced by its placeholder; nothing else changes."""
    delen: list[str] = []
    positie = 0
    for v in sorted(gevonden, key=lambda v: v.begin):
        delen.append(tekst[positie : v.begin])
        delen.append(f"[{v.soort}]")
        positie = v.einde
    delen.append(tekst[positie:])
    return "".join(delen)


def anonimiseer(tekst: str) -> str:
    """The de-identified text: identifiers replaced by `[SOORT]`, everything else unchanged."""
    return vervang(tekst, vondsten(tekst))
