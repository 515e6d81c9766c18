"""Reading the figures of one pay period from the lines of a Dutch payslip.

The rule throughout: a wrong value is worse than none. A field is filled only when one
reading is clearly best; two different readings of equal standing, a year-to-date column, or
a value that fails a sanity check give None."""

from __future__ import annotations

import calendar
import contextlib
import difflib
import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from .regels import Regel

VELDEN = ("periode_van", "periode_tot", "bruto_loon", "netto_loon", "uren", "werkgever")

MAANDEN = {
    "januari": 1,
    "jan": 1,
    "februari": 2,
    "feb": 2,
    "maart": 3,
    "mrt": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "mei": 5,
    "juni": 6,
    "jun": 6,
    "juli": 7,
    "jul": 7,
    "augustus": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "oktober": 10,
    "okt": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
_MAAND = "|".join(sorted(MAANDEN, key=len, reverse=True))

# Dutch amounts: 1.234,56 or 1234,56 (a trailing minus is how some payrolls write a deduction).
BEDRAG = re.compile(r"(?<![\d.,])(-\s?)?(\d{1,3}(?:\.\d{3})+|\d+),(\d{2})(?![\d,])(-)?")
# Hours: 86 / 86,5 / 86,00 (only read on a line that is about hours).
GETAL = re.compile(r"(?<![\d.,/-])(\d{1,3})(?:[,.](\d{1,2}))?(?![\d/-]|[.,]\d)")
DATUM_CIJFERS = re.compile(r"(?<!\d)(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?!\d)")
DATUM_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
DATUM_WOORD = re.compile(rf"(?<!\d)(\d{{1,2}})\s+({_MAAND})\.?\s+(\d{{4}})(?!\d)", re.IGNORECASE)
MAAND_JAAR = re.compile(rf"\b({_MAAND})\.?\s+(\d{{4}})(?!\d)", re.IGNORECASE)

# Column headings. Year to date is matched first so "t/m periode" is not read as "periode".
KOLOM_JAAR = re.compile(
    r"cumulati\w*|\bcum\b\.?|t/m\s*(?:deze\s*)?(?:periode|heden|maand)|\bjaar\w*|totaal\s*(?:dit\s*)?jaar"
    r"|tot\s*nu\s*toe|\bytd\b|sinds\s*1\s*januari|vanaf\s*1\s*januari",
    re.IGNORECASE,
)
KOLOM_PERIODE = re.compile(
    r"deze\s*(?:periode|maand)|huidige\s*periode|\bperiode\b|\bbedrag\b|\btijdvak\b|\bmaand\b",
    re.IGNORECASE,
)
KOLOM_AANTAL = re.compile(r"\baantal\b|\buren\b|\beenheden\b", re.IGNORECASE)
KOLOM_TARIEF = re.compile(r"\btarief\b|\buurloon\b|\bprijs\b|\bper\s*eenheid\b", re.IGNORECASE)

NETTO_UIT = re.compile(
    r"netto\s*te\s*betalen|uit\s*te\s*betalen|netto\s*uitbetaa?l\w*|uitbetaald\s*bedrag|bedrag\s*uitbetaald"
    r"|te\s*ontvangen|netto\s*betaling|naar\s*(?:je|uw)?\s*rekening",
    re.IGNORECASE,
)
NETTO = re.compile(r"netto\s*(?:loon|salaris|inkomen)|^netto\b", re.IGNORECASE)
NETTO_NIET = re.compile(
    r"inhouding|vergoeding|correctie|reserv|bijtelling|bruto|toeslag|onkosten", re.IGNORECASE
)
BRUTO_TOTAAL = re.compile(r"totaal\s*bruto\w*|bruto\w*\s*totaal", re.IGNORECASE)
BRUTO = re.compile(
    r"bruto\s*(?:loon|salaris|inkomen)|brutoloon|brutosalaris|^bruto\b", re.IGNORECASE
)
BRUTO_BASIS = re.compile(
    r"^(?:maand|periode|basis)?\s*(?:salaris|loon)\b|^maandsalaris|^periodesalaris|^uurloon\b",
    re.IGNORECASE,
)
BRUTO_NIET = re.compile(
    r"jaar|cumul|t/m|loon\s*(?:voor|lb|loonheffing|sv|zvw|ww|in\s*geld)|heffingsloon|fiscaal|bijzonder|tabel"
    r"|grondslag|per\s*uur|netto|sv[- ]?loon|loonheffing|reserv|tarief|\bwao\b|\bzvw\b",
    re.IGNORECASE,
)
UREN_GEWERKT = re.compile(
    r"gewerkte\s*uren|uren\s*gewerkt|aantal\s*gewerkte|gewerkt\b", re.IGNORECASE
)
UREN = re.compile(r"aantal\s*uren|totaal\s*uren|^uren\b|^uren\s*(?:deze\s*)?periode", re.IGNORECASE)
UREN_NIET = re.compile(
    r"per\s*week|contract|vakantie|verlof|ziek|saldo|tegoed|opgebouwd|overwerk|toeslag|\bort\b|reserv"
    r"|roostervrij|\batv\b|\badv\b|parttime|deeltijd|factor|norm",
    re.IGNORECASE,
)
UUR_TOTAAL = re.compile(r"(\d{1,3}(?:[,.]\d{1,2})?)\s*(?:uur|uren)\b", re.IGNORECASE)

PERIODE_LABEL = re.compile(
    r"(?:loon|verlonings)?periode|(?:loon|aangifte)?tijdvak|salarismaand|\bmaand\b", re.IGNORECASE
)
PERIODE_NUMMER = re.compile(
    r"periode\s*(?:nr\.?|nummer)?\s*:?\s*(\d{1,2})(?:\s*[/-]\s*|\s+)(\d{4})\b", re.IGNORECASE
)
MAANDELIJKS = re.compile(r"\bmaand(?:elijks)?\b|per\s*maand", re.IGNORECASE)
VIERWEKELIJKS = re.compile(
    r"4\s*-?\s*weken|vier\s*weken|vierwekelijks|4\s*-?\s*wekelijks|\b4\s*wk", re.IGNORECASE
)
TIJDVAK_SOORT = re.compile(r"tijdvak|frequentie|periodiciteit|verloning", re.IGNORECASE)

WERKGEVER_LABEL = re.compile(r"^(?:naam\s*)?werkgever\s*:?\s*", re.IGNORECASE)
RECHTSVORM = re.compile(
    r"\bb\.?\s?v\.?(?=\s|$)|\bn\.?\s?v\.?(?=\s|$)|\bv\.?o\.?f\.?(?=\s|$)|\bstichting\b|\bvereniging\b"
    r"|\bgemeente\b|\bco[öo]peratie\b|\bc\.v\.(?=\s|$)|\bholding\b",
    re.IGNORECASE,
)
GEEN_NAAM = re.compile(
    r"werknemer|loonstrook|salarisstrook|loonspecificatie|salarisspecificatie|strook|periode|datum|bsn"
    r"|burgerservice|personeelsnummer|adres|iban|@|www\.|telefoon",
    re.IGNORECASE,
)

MIN_ZEKER = 70  # OCR confidence below which a word is not trusted (blur, noise)
MAX_DAGEN = 92  # longer than a quarter is not one pay period
MAX_UREN = Decimal(744)  # 31 days × 24 hours


@dataclass
class _Kolom:
    soort: str  # "jaar", "periode", "aantal", "tarief"
    links: float
    rechts: float


@dataclass
class _Kandidaten:
    """Readings of one field by standing; the best standing wins only when it agrees with itself."""

    per_rang: dict[int, set[object]] = field(default_factory=dict)

    def voeg_toe(self, rang: int, waarde: object) -> None:
        self.per_rang.setdefault(rang, set()).add(waarde)

    def beste(self) -> object | None:
        if not self.per_rang:
            return None
        waarden = self.per_rang[max(self.per_rang)]
        return next(iter(waarden)) if len(waarden) == 1 else None


def _bedrag(m: re.Match[str]) -> Decimal | None:
    try:
        waarde = Decimal(m.group(2).replace(".", "") + "." + m.group(3))
    except InvalidOperation:
        return None
    return -waarde if (m.group(1) or m.group(4)) else waarde


def _bedragen(regel: Regel) -> list[tuple[Decimal | None, float, float, int]]:
    """Amounts on a line: value, left and right x, and where the text of the amount starts.

    An amount OCR is not sure of keeps its place (so columns still line up) with value None."""
    uit: list[tuple[Decimal | None, float, float, int]] = []
    for m in BEDRAG.finditer(regel.tekst):
        waarde = _bedrag(m)
        if regel.zekerheid(m.start(), m.end()) < MIN_ZEKER:
            waarde = None
        links, rechts = regel.x(m.start(2), m.end(3))
        uit.append((waarde, links, rechts, m.start()))
    return uit


def _kolommen(regel: Regel) -> list[_Kolom] | None:
    """The columns of a table heading, or None when the line is not one."""
    tekst = regel.tekst
    if re.search(r"\d{2}", tekst):  # a heading has no figures (a lone digit may be "1 januari")
        return None
    kolommen: list[_Kolom] = []
    bezet = [False] * len(tekst)
    for soort, patroon in (
        ("jaar", KOLOM_JAAR),
        ("periode", KOLOM_PERIODE),
        ("aantal", KOLOM_AANTAL),
        ("tarief", KOLOM_TARIEF),
    ):
        for m in patroon.finditer(tekst):
            if any(bezet[m.start() : m.end()]):
                continue
            for i in range(m.start(), m.end()):
                bezet[i] = True
            # The whole cell the heading word sits in gives the column's extent.
            begin, eind = next(
                ((b, e) for b, e in regel.cellen() if b <= m.start() < e), (m.start(), m.end())
            )
            links, rechts = regel.x(begin, eind)
            kolommen.append(_Kolom(soort, links, rechts))
    if len({k.soort for k in kolommen}) < 2:
        return None
    return sorted(kolommen, key=lambda k: k.links)


def _kolom_van(kolommen: list[_Kolom], links: float, rechts: float) -> str:
    def afstand(k: _Kolom) -> float:
        return min(
            abs((k.links + k.rechts) / 2 - (links + rechts) / 2),
            abs(k.rechts - rechts),
            abs(k.links - links),
        )

    return min(kolommen, key=afstand).soort


def _label(regel: Regel, tot: int | None) -> str:
    """The text before the first number: what the line is about."""
    tekst = regel.tekst[:tot] if tot is not None else regel.tekst
    return re.sub(r"[€:]+", " ", tekst).strip()


_Bedragen = list[Decimal | None]


def _periodebedragen(
    regel: Regel, kolommen: list[_Kolom] | None, in_jaarblok: bool
) -> tuple[_Bedragen, dict[str, _Bedragen]]:
    """The amounts on a line that belong to this period, and all amounts by column."""
    bedragen = _bedragen(regel)
    per_kolom: dict[str, _Bedragen] = {}
    if in_jaarblok:
        return [], {"jaar": [b[0] for b in bedragen]}
    if kolommen:
        for waarde, links, rechts, _ in bedragen:
            per_kolom.setdefault(_kolom_van(kolommen, links, rechts), []).append(waarde)
        if any(k.soort == "periode" for k in kolommen):
            return per_kolom.get("periode", []), per_kolom
        # A table without a period column: what is not a count, a rate or year to date.
        return [
            w for s, ws in per_kolom.items() if s not in ("jaar", "aantal", "tarief") for w in ws
        ], per_kolom
    waarden = [b[0] for b in bedragen]
    if len(waarden) == 3 and _is_product(*waarden):
        return [waarden[2]], {"factor": waarden[:2]}
    return waarden, {}


def _is_product(a: Decimal | None, b: Decimal | None, c: Decimal | None) -> bool:
    if a is None or b is None or c is None:
        return False
    return c > 0 and abs(a * b - c) <= max(Decimal("0.02"), c * Decimal("0.005"))


def _enige(waarden: _Bedragen) -> Decimal | None:
    """One amount on the line: that is the value. More than one, without columns: unclear."""
    return waarden[0] if len(waarden) == 1 else None


def ontleed(regels: list[Regel]) -> dict[str, object]:
    """The six fields (see VELDEN) from a payslip's lines; None where unreadable or doubtful."""
    bruto = _Kandidaten()
    netto = _Kandidaten()
    uren = _Kandidaten()
    kolommen: list[_Kolom] | None = None
    in_jaarblok = False

    for regel in regels:
        nieuwe = _kolommen(regel)
        if nieuwe is not None:
            kolommen, in_jaarblok = nieuwe, False
            continue
        bedragen = _bedragen(regel)
        if not bedragen:
            kop = regel.tekst.strip()
            if KOLOM_JAAR.search(kop) and len(kop.split()) <= 6:
                # A block of year-to-date figures ("Cumulatieven", "Totalen t/m deze periode").
                in_jaarblok, kolommen = True, None
            elif in_jaarblok and ":" not in kop and len(kop.split()) <= 4:
                in_jaarblok = False  # the next heading ends the block
            _uren_uit(regel, kolommen, in_jaarblok, uren)
            continue
        label = _label(regel, bedragen[0][3])
        deze, per_kolom = _periodebedragen(regel, kolommen, in_jaarblok)
        waarde = _enige(deze)

        if NETTO_UIT.search(label) and not NETTO_NIET.search(label):
            if waarde is not None:
                netto.voeg_toe(3, waarde)
        elif NETTO.search(label) and not NETTO_NIET.search(label):
            if waarde is not None:
                netto.voeg_toe(2, waarde)
        elif not BRUTO_NIET.search(label):
            uurloon = re.match(r"^uurloon", label, re.I) is not None
            rang = (
                4
                if BRUTO_TOTAAL.search(label)
                else 3
                if BRUTO.search(label)
                else 1
                if BRUTO_BASIS.search(label)
                else 0
            )
            if rang and waarde is not None and not uurloon:
                bruto.voeg_toe(rang, waarde)
            if rang:
                # A wage line often carries the hours: a count column, "86,00 uur", or rate × hours.
                if kolommen and any(k.soort == "aantal" for k in kolommen):
                    aantal = per_kolom.get("aantal", [])
                    if len(aantal) == 1 and aantal[0] is not None:
                        uren.voeg_toe(1, aantal[0])
                for m in UUR_TOTAAL.finditer(regel.tekst):
                    if (
                        not in_jaarblok
                        and not _in_jaarkolom(regel, m, kolommen)
                        and regel.zekerheid(m.start(), m.end()) >= MIN_ZEKER
                    ):
                        uren.voeg_toe(1, _decimaal(m.group(1)))
                if uurloon and not in_jaarblok:
                    _uurloon_maal_uren(regel, kolommen, bruto)
        _uren_uit(regel, kolommen, in_jaarblok, uren)

    velden: dict[str, object] = dict.fromkeys(VELDEN)
    b = bruto.beste()
    n = netto.beste()
    u = uren.beste()
    if isinstance(b, Decimal) and b > 0:
        velden["bruto_loon"] = b
    if isinstance(n, Decimal) and n > 0:
        velden["netto_loon"] = n
    if (
        velden["bruto_loon"] is not None
        and velden["netto_loon"] is not None
        and velden["netto_loon"] > velden["bruto_loon"]  # type: ignore[operator]
    ):
        # Net above gross: one of them is misread and we cannot tell which.
        velden["bruto_loon"] = velden["netto_loon"] = None
    if isinstance(u, Decimal) and 0 < u <= MAX_UREN:
        velden["uren"] = u
    van, tot = periode(regels)
    velden["periode_van"], velden["periode_tot"] = van, tot
    velden["werkgever"] = werkgever(regels)
    return velden


def _decimaal(tekst: str) -> Decimal:
    return Decimal(tekst.replace(",", "."))


def _in_jaarkolom(regel: Regel, m: re.Match[str], kolommen: list[_Kolom] | None) -> bool:
    if not kolommen:
        return False
    links, rechts = regel.x(m.start(1), m.end(1))
    return _kolom_van(kolommen, links, rechts) == "jaar"


def _uurloon_maal_uren(regel: Regel, kolommen: list[_Kolom] | None, bruto: _Kandidaten) -> None:
    """ "Uurloon € 14,25 × 58,50 uur = € 833,63": the product is the wage (the year column aside)."""
    waarden = [
        w
        for w, links, rechts, _ in _bedragen(regel)
        if not kolommen or _kolom_van(kolommen, links, rechts) != "jaar"
    ]
    if len(waarden) == 3 and _is_product(*waarden) and waarden[2] is not None:
        bruto.voeg_toe(1, waarden[2])


def _uren_uit(
    regel: Regel, kolommen: list[_Kolom] | None, in_jaarblok: bool, uren: _Kandidaten
) -> None:
    tekst = regel.tekst
    m_label = UREN_GEWERKT.search(tekst) or UREN.search(tekst.strip())
    if not m_label or UREN_NIET.search(tekst) or in_jaarblok:
        return
    if _kolommen(regel) is not None:
        return
    rang = 3 if UREN_GEWERKT.search(tekst) else 2
    getallen = []
    for m in GETAL.finditer(tekst, m_label.end()):
        links, rechts = regel.x(m.start(), m.end())
        if kolommen and _kolom_van(kolommen, links, rechts) == "jaar":
            continue
        if regel.zekerheid(m.start(), m.end()) < MIN_ZEKER:
            return  # an unsure figure among them: no reading of this line
        getallen.append(Decimal(m.group(1) + ("." + m.group(2) if m.group(2) else "")))
    if len(getallen) == 1:
        uren.voeg_toe(rang, getallen[0])


def _zekere_datums(regel: Regel) -> list[date]:
    """The dates on a line that OCR is sure of (any unsure one: none, so a pair is never mixed)."""
    gevonden = _datums(regel.tekst)
    if any(regel.zekerheid(p, p + 10) < MIN_ZEKER for p, _ in gevonden):
        return []
    return [d for _, d in gevonden]


def _datums(tekst: str) -> list[tuple[int, date]]:
    """Valid dates in a text, with their position."""
    gevonden: list[tuple[int, date]] = []
    for m in DATUM_CIJFERS.finditer(tekst):
        _voeg_datum(gevonden, m.start(), int(m.group(3)), int(m.group(2)), int(m.group(1)))
    for m in DATUM_ISO.finditer(tekst):
        _voeg_datum(gevonden, m.start(), int(m.group(1)), int(m.group(2)), int(m.group(3)))
    for m in DATUM_WOORD.finditer(tekst):
        _voeg_datum(
            gevonden, m.start(), int(m.group(3)), MAANDEN[m.group(2).lower()], int(m.group(1))
        )
    return sorted(gevonden)


def _voeg_datum(
    lijst: list[tuple[int, date]], positie: int, jaar: int, maand: int, dag: int
) -> None:
    if not 2000 <= jaar <= 2100:
        return
    with contextlib.suppress(ValueError):  # 31-02: not a date
        lijst.append((positie, date(jaar, maand, dag)))


def _geldig(van: date, tot: date) -> bool:
    return van <= tot and (tot - van).days < MAX_DAGEN


def periode(regels: list[Regel]) -> tuple[date | None, date | None]:
    """The pay period: two dates on a period line, a month ("maart 2026"), or a monthly period number.

    A four-weekly period number without dates stays None: employers start their 13 periods on
    different days, so the dates cannot be known for sure."""
    kandidaten: set[tuple[date, date]] = set()
    maanden: set[tuple[date, date]] = set()
    nummers: set[tuple[int, int]] = set()
    for i, regel in enumerate(regels):
        tekst = regel.tekst
        if not PERIODE_LABEL.search(tekst):
            continue
        # The dates may continue on the next line ("Periode:" above "01-03-2026 t/m 31-03-2026").
        datums = _zekere_datums(regel)
        if (
            len(datums) < 2
            and i + 1 < len(regels)
            and not PERIODE_LABEL.search(regels[i + 1].tekst)
        ):
            datums += _zekere_datums(regels[i + 1])
        if len(datums) >= 2 and _geldig(datums[0], datums[1]):
            kandidaten.add((datums[0], datums[1]))
            continue
        if datums or _datums(tekst):
            continue  # dates given (perhaps unsure): never guess a whole month from their month names
        for m in MAAND_JAAR.finditer(tekst):
            jaar, maand = int(m.group(2)), MAANDEN[m.group(1).lower()]
            if 2000 <= jaar <= 2100 and regel.zekerheid(m.start(), m.end()) >= MIN_ZEKER:
                maanden.add(
                    (date(jaar, maand, 1), date(jaar, maand, calendar.monthrange(jaar, maand)[1]))
                )
        for m in PERIODE_NUMMER.finditer(tekst):
            if regel.zekerheid(m.start(), m.end()) >= MIN_ZEKER:
                nummers.add((int(m.group(1)), int(m.group(2))))
    if not kandidaten:
        # No labelled period: a single date range anywhere ("01-03-2026 t/m 31-03-2026").
        for regel in regels:
            if regel.zeker and min(regel.zeker) < MIN_ZEKER:
                continue
            for m in re.finditer(
                r"(\S+)\s*(?:t/m|tot en met|-|–|tot)\s*(\S+(?:\s+\S+\s+\d{4})?)", regel.tekst
            ):
                a = _datums(m.group(1))
                b = _datums(m.group(2))
                if a and b and _geldig(a[0][1], b[0][1]):
                    kandidaten.add((a[0][1], b[0][1]))
    if len(kandidaten) == 1:
        return next(iter(kandidaten))
    if kandidaten:
        return None, None
    if len(maanden) == 1:
        return next(iter(maanden))
    if not maanden and len(nummers) == 1 and _maandelijks(regels):
        nummer, jaar = next(iter(nummers))
        if 1 <= nummer <= 12 and 2000 <= jaar <= 2100:
            return date(jaar, nummer, 1), date(jaar, nummer, calendar.monthrange(jaar, nummer)[1])
    return None, None


def _maandelijks(regels: list[Regel]) -> bool:
    """The payslip says it pays per month (and nowhere per four weeks)."""
    soort = [r.tekst for r in regels if TIJDVAK_SOORT.search(r.tekst)]
    alles = " ".join(r.tekst for r in regels)
    return any(MAANDELIJKS.search(t) for t in soort) and not VIERWEKELIJKS.search(alles)


def werkgever(regels: list[Regel]) -> str | None:
    """The employer: after a "Werkgever" label, else a name with a legal form in the letterhead.

    A name OCR is unsure of is not given; the letterhead may then stand in, but only when it is
    clearly the same name (a payroll bureau's letterhead is not the employer)."""
    namen: list[str] = []
    onzeker: list[str] = []
    for i, regel in enumerate(regels):
        for begin, eind in regel.cellen():
            cel = regel.tekst[begin:eind]
            m = WERKGEVER_LABEL.match(cel)
            if not m:
                continue
            bron, b, e = regel, begin + m.end(), eind
            if not cel[m.end() :].strip():
                # The label stands alone: its value is the next cell on the line, or the line below.
                volgende = [(b2, e2) for b2, e2 in regel.cellen() if b2 >= eind]
                if volgende:
                    b, e = volgende[0]
                elif i + 1 < len(regels) and regels[i + 1].cellen():
                    bron = regels[i + 1]
                    b, e = bron.cellen()[0]
                else:
                    continue
            schoon = _schoon(bron.tekst[b:e])
            if schoon and bron.zekerheid(b, e) >= MIN_ZEKER:
                namen.append(schoon)
            elif schoon:
                onzeker.append(schoon)
    if namen:
        return namen[0] if len(set(namen)) == 1 else None
    for regel in regels[:8]:
        for begin, eind in regel.cellen():
            cel = regel.tekst[begin:eind]
            # The whole line must be sure: a garbled word next to "Stichting" may be the rest of the name.
            eigen = RECHTSVORM.sub("", cel)
            if (
                RECHTSVORM.search(cel)
                and sum(c.isalpha() for c in eigen) >= 3
                and regel.zekerheid(0, len(regel.tekst)) >= MIN_ZEKER
                and (schoon := _schoon(cel))
            ):
                if all(
                    difflib.SequenceMatcher(None, schoon.lower(), o.lower()).ratio() >= 0.75
                    for o in onzeker
                ):
                    return schoon
                return None
    return None


def _schoon(naam: str) -> str | None:
    # OCR specks before the name (". Bakkerij") go; a final dot stays (B.V.).
    naam = re.sub(r"^[^\w(&]+", "", re.sub(r"\s+", " ", naam)).rstrip(" :;,-|_~")
    if not 2 <= len(naam) <= 80 or GEEN_NAAM.search(naam):
        return None
    letters = sum(c.isalpha() for c in naam)
    if letters < 2 or letters < len(naam) / 2:
        return None
    return naam
