"""Reading and checking the JSON input contract (see docs/regels.md).

Everything outside what the rule base models is refused with ``InvoerFout`` naming the field,
so a client never sees a wrong number.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any, cast

import numpy as np

from regels.fouten import InvoerFout
from regels.geld import euro_naar_centen
from regels.kern import Huishoudens
from regels.opmaak import euro
from regels.peilparameters import PeilParameters, controleer_peildatum, peilparameters

TOPSLEUTELS = frozenset(
    {
        "peildatum",
        "gemeente",
        "aanvrager",
        "partner",
        "kinderen",
        "kostendelers",
        "kale_huur",
        "servicekosten",
        "vermogen",
        "vrijlating_maanden_gebruikt",
        "werk",
        "medisch_urenbeperkt",
        "kinderopvang_uren_per_maand",
        "kinderopvang_uurprijs",
        "vakantiegeld_in_mei",
        "jaren_laag_inkomen",
        "inkomen_medebewoners_per_jaar",
    }
)
MAX_NIVEAUS = 401
MAX_UREN = 60


@dataclass
class Invoer:
    """The checked input of one household (single path)."""

    peildatum: dt.date
    gemeente: str | None
    aanvrager_geboortedatum: dt.date
    partner_geboortedatum: dt.date | None
    kinderen_geboortedata: list[dt.date]
    hh: Huishoudens
    uren: list[float] | None  # None when net wages were given
    opgegeven_uren: list[int | float] | None
    bruto_uurloon: int | None  # cents
    netto_lonen: list[int] | None  # cents per month
    waarschuwingen: list[str] = field(default_factory=list)
    opgegeven: dict[str, Any] = field(default_factory=dict)


def datum(waarde: object, veld: str) -> dt.date:
    if not isinstance(waarde, str):
        raise InvoerFout(veld, "verwacht een datum als tekst, bijvoorbeeld '2026-01-01'.")
    try:
        return dt.date.fromisoformat(waarde)
    except ValueError as exc:
        raise InvoerFout(veld, f"'{waarde}' is geen geldige datum (gebruik JJJJ-MM-DD).") from exc


def leeftijd(geboren: dt.date, op: dt.date) -> int:
    """Age in whole years on ``op`` (a birthday counts from the day itself)."""
    return op.year - geboren.year - ((op.month, op.day) < (geboren.month, geboren.day))


def kwartaalbegin(d: dt.date) -> dt.date:
    """First day of the calendar quarter of ``d``."""
    return dt.date(d.year, 3 * ((d.month - 1) // 3) + 1, 1)


def telt_voor_iack(geboren: dt.date, peildatum: dt.date, leeftijd_kind: int) -> bool:
    """Wet IB 2001 art. 8.14a lid 1 onderdeel b: a child that had not reached ``leeftijd_kind``
    (12) at the start of the peildatum's calendar year and belongs to the household for at least
    six months of that year. A child born in that year can only reach six months when born on or
    before 1 July; a household is otherwise assumed to be the same all year."""
    jaar = peildatum.year
    if geboren.year == jaar:
        return geboren <= dt.date(jaar, 7, 1)
    return leeftijd(geboren, dt.date(jaar, 1, 1)) < leeftijd_kind


def kinderbijslag_band(geboren: dt.date, begin: dt.date) -> int | None:
    """AKW art. 11 lid 2 and art. 12 lid 3: the kinderbijslag band (0: 0-5, 1: 6-11, 2: 12-17) by
    the age on ``begin``, the first day of the peildatum's quarter; None for a child born after
    that day (kinderbijslag starts the quarter after the birth)."""
    if geboren > begin:
        return None
    jaren = leeftijd(geboren, begin)
    return 0 if jaren < 6 else 1 if jaren < 12 else 2


def kgb_band(geboren: dt.date, peildatum: dt.date) -> int | None:
    """Wet op het kindgebonden budget art. 2 lid 1, 3 and 5: the band (0: under 12, 1: 12-15,
    2: 16-17) in the peildatum's calendar month; None for a child born in that month (the claim
    starts the month after the birth). The increases start the month after the month of the
    12th and 16th birthday, so the age counts as on the last day of the month before. (A child
    of 18 or older on the peildatum is refused by ``lees_invoer``.)"""
    maandbegin = peildatum.replace(day=1)
    if geboren >= maandbegin:
        return None
    jaren = leeftijd(geboren, maandbegin - dt.timedelta(days=1))
    return 0 if jaren < 12 else 1 if jaren < 16 else 2


# Per money field: the largest amount (in euros) we accept. No real household comes near these,
# yet they keep absurd input (1e26 used to crash the Decimal rounding) out of the integer-cent
# arithmetic. The message names the field and the range.
BEDRAG_GRENZEN: dict[str, tuple[int, str]] = {
    "kale_huur": (10_000, "per maand"),
    "servicekosten": (2_500, "per maand"),
    "vermogen": (10_000_000, ""),
    "kinderopvang_uurprijs": (100, "per uur"),
    "inkomen_medebewoners_per_jaar": (1_000_000, "per jaar"),
}
MAX_UURLOON = 500  # euro per hour
MAX_NETTO_PER_MAAND = 20_000  # euro per month


def _bedrag(
    invoer: dict[str, Any], sleutel: str, standaard: int = 0, *, negatief: bool = False
) -> int:
    if sleutel not in invoer or invoer[sleutel] is None:
        return standaard
    centen = euro_naar_centen(invoer[sleutel], sleutel)
    maximum, per = BEDRAG_GRENZEN[sleutel]
    if centen < 0 and not negatief:
        raise InvoerFout(sleutel, "mag niet negatief zijn.")
    if abs(centen) > maximum * 100:
        bereik = (
            f"van {euro(-maximum * 100)} tot {euro(maximum * 100)}"
            if negatief
            else f"van 0 tot {euro(maximum * 100)}"
        )
        raise InvoerFout(sleutel, f"verwacht een bedrag {bereik}{' ' + per if per else ''}.")
    return centen


def _geheel(
    invoer: dict[str, Any], sleutel: str, standaard: int, minimum: int, maximum: int
) -> int:
    w = invoer.get(sleutel, standaard)
    if w is None:
        return standaard
    # NaN and infinity (Python's json reads them) are refused before int() could raise on them.
    if (
        isinstance(w, bool)
        or not isinstance(w, (int, float))
        or (isinstance(w, float) and not math.isfinite(w))
        or w != int(w)
    ):
        raise InvoerFout(sleutel, "verwacht een geheel getal.")
    if not minimum <= int(w) <= maximum:
        raise InvoerFout(sleutel, f"verwacht een getal van {minimum} tot en met {maximum}.")
    return int(w)


def _vlag(invoer: dict[str, Any], sleutel: str, standaard: bool) -> bool:
    w = invoer.get(sleutel, standaard)
    if w is None:
        return standaard
    if not isinstance(w, bool):
        raise InvoerFout(sleutel, "verwacht true of false.")
    return w


def _persoon(ruw: object, veld: str, peildatum: dt.date, p: PeilParameters) -> dt.date:
    if not isinstance(ruw, dict) or "geboortedatum" not in ruw:
        raise InvoerFout(veld, "verwacht een object met 'geboortedatum'.")
    geboren = datum(ruw["geboortedatum"], f"{veld}.geboortedatum")
    if geboren > peildatum:
        raise InvoerFout(
            f"{veld}.geboortedatum",
            "deze persoon is op de peildatum nog niet geboren. Controleer de geboortedatum en de peildatum.",
        )
    jaren = leeftijd(geboren, peildatum)
    if jaren < p.minimumleeftijd:
        raise InvoerFout(
            f"{veld}.geboortedatum",
            f"deze persoon is {jaren} jaar. Het rekenmodel rekent alleen vanaf {p.minimumleeftijd} jaar "
            "(jongerennormen zijn niet gemodelleerd).",
        )
    if jaren >= p.aow_leeftijd:
        raise InvoerFout(
            f"{veld}.geboortedatum",
            f"deze persoon is {jaren} jaar en heeft de AOW-leeftijd ({p.aow_leeftijd}) bereikt. "
            "Bijstand na de AOW-leeftijd is niet gemodelleerd.",
        )
    return geboren


def lees_invoer(invoer: object) -> Invoer:
    """Check the input dict and turn it into household arrays of length 1."""
    if not isinstance(invoer, dict):
        raise InvoerFout("invoer", "verwacht een JSON-object.")
    onbekend = sorted(set(invoer) - TOPSLEUTELS)
    if onbekend:
        raise InvoerFout(onbekend[0], "onbekend veld; controleer de spelling (zie docs/regels.md).")
    if "peildatum" not in invoer:
        raise InvoerFout("peildatum", "ontbreekt.")
    peildatum = datum(invoer["peildatum"], "peildatum")
    controleer_peildatum(peildatum)
    p = peilparameters(peildatum)
    waarschuwingen: list[str] = []

    if "aanvrager" not in invoer:
        raise InvoerFout("aanvrager", "ontbreekt.")
    aanvrager = _persoon(invoer["aanvrager"], "aanvrager", peildatum, p)
    partner_ruw = invoer.get("partner")
    partner = None if partner_ruw is None else _persoon(partner_ruw, "partner", peildatum, p)

    kinderen_ruw = invoer.get("kinderen") or []
    if not isinstance(kinderen_ruw, list):
        raise InvoerFout("kinderen", "verwacht een lijst met kinderen.")
    kinderen: list[dt.date] = []
    teller = [0, 0, 0, 0]
    iack = 0
    kb_teller = [0, 0, 0]
    kgb_teller = [0, 0, 0]
    kwartaal = kwartaalbegin(peildatum)
    for i, k in enumerate(kinderen_ruw):
        veld = f"kinderen[{i}].geboortedatum"
        if not isinstance(k, dict) or "geboortedatum" not in k:
            raise InvoerFout(f"kinderen[{i}]", "verwacht een object met 'geboortedatum'.")
        geboren = datum(k["geboortedatum"], veld)
        if geboren > peildatum:
            raise InvoerFout(veld, "dit kind is na de peildatum geboren.")
        jaren = leeftijd(geboren, peildatum)
        if jaren >= 18:
            raise InvoerFout(
                veld,
                f"dit kind is {jaren} jaar. Alleen kinderen jonger dan 18 worden gemodelleerd; "
                "een huisgenoot van 27 jaar of ouder telt als kostendeler.",
            )
        teller[0 if jaren < 6 else 1 if jaren < 12 else 2 if jaren < 16 else 3] += 1
        iack += telt_voor_iack(geboren, peildatum, p.iack_kind)
        band = kinderbijslag_band(geboren, kwartaal)
        if band is not None:
            kb_teller[band] += 1
        kgb = kgb_band(geboren, peildatum)
        if kgb is not None:
            kgb_teller[kgb] += 1
        kinderen.append(geboren)

    kostendelers = _geheel(invoer, "kostendelers", 0, 0, 20)
    huur = _bedrag(invoer, "kale_huur")
    service = _bedrag(invoer, "servicekosten")
    if service and not huur:
        raise InvoerFout("kale_huur", "servicekosten zonder kale huur: vul de kale huur in.")
    vermogen = _bedrag(invoer, "vermogen", negatief=True)
    maanden = _geheel(invoer, "vrijlating_maanden_gebruikt", 0, 0, 600)
    medisch = _vlag(invoer, "medisch_urenbeperkt", False)
    in_mei = _vlag(invoer, "vakantiegeld_in_mei", True)
    jaren_laag = _geheel(invoer, "jaren_laag_inkomen", -1, -1, 100)
    opvang_uren_ruw = invoer.get("kinderopvang_uren_per_maand", 0) or 0
    if (
        isinstance(opvang_uren_ruw, bool)
        or not isinstance(opvang_uren_ruw, (int, float))
        or not 0 <= opvang_uren_ruw <= 1000
    ):
        raise InvoerFout("kinderopvang_uren_per_maand", "verwacht een aantal uren van 0 tot 1000.")
    opvang_uren = round(opvang_uren_ruw)
    uurprijs = _bedrag(invoer, "kinderopvang_uurprijs", p.kot_max_uurprijs)
    if opvang_uren and not (teller[0] + teller[1]):
        raise InvoerFout(
            "kinderopvang_uren_per_maand",
            "kinderopvang is alleen gemodelleerd voor kinderen jonger dan 12.",
        )
    medebewoners = _bedrag(invoer, "inkomen_medebewoners_per_jaar")
    if kostendelers and "inkomen_medebewoners_per_jaar" not in invoer and huur:
        waarschuwingen.append(
            "Het inkomen van je huisgenoten weten we niet. Voor de huurtoeslag telt hun inkomen mee. "
            "We rekenen alsof zij geen inkomen hebben. Je huurtoeslag kan dus lager zijn."
        )

    # One int and one bool array; each field is a length-1 view (much cheaper than 24 arrays).
    getallen = np.array(
        [
            leeftijd(aanvrager, peildatum),
            *teller,
            iack,
            *kb_teller,
            sum(kgb_teller),
            kgb_teller[1],
            kgb_teller[2],
            kostendelers,
            huur,
            service,
            vermogen,
            maanden,
            opvang_uren,
            uurprijs,
            medebewoners,
            jaren_laag,
        ],
        dtype=np.int64,
    )
    vlaggen = np.array([partner is not None, medisch, in_mei], dtype=np.bool_)
    hh = Huishoudens(
        leeftijd=getallen[0:1],
        heeft_partner=vlaggen[0:1],
        kinderen_0_5=getallen[1:2],
        kinderen_6_11=getallen[2:3],
        kinderen_12_15=getallen[3:4],
        kinderen_16_17=getallen[4:5],
        iack_kinderen=getallen[5:6],
        kinderbijslag_0_5=getallen[6:7],
        kinderbijslag_6_11=getallen[7:8],
        kinderbijslag_12_17=getallen[8:9],
        kgb_kinderen=getallen[9:10],
        kgb_12_15=getallen[10:11],
        kgb_16_17=getallen[11:12],
        kostendelers=getallen[12:13],
        kale_huur=getallen[13:14],
        servicekosten=getallen[14:15],
        vermogen=getallen[15:16],
        vrijlating_maanden_gebruikt=getallen[16:17],
        medisch_urenbeperkt=vlaggen[1:2],
        kinderopvang_uren=getallen[17:18],
        kinderopvang_uurprijs=getallen[18:19],
        medebewoners_inkomen=getallen[19:20],
        jaren_laag_inkomen=getallen[20:21],
        vakantiegeld_in_mei=vlaggen[2:3],
    )

    uren: list[float] | None = None
    opgegeven_uren: list[int | float] | None = None
    uurloon: int | None = None
    netto: list[int] | None = None
    werk = invoer.get("werk")
    if werk is None:
        uren, uurloon, opgegeven_uren = [0.0], 0, [0]
    elif not isinstance(werk, dict):
        raise InvoerFout(
            "werk",
            "verwacht een object met bruto_uurloon en uren_per_week, of netto_loon_per_maand.",
        )
    elif "netto_loon_per_maand" in werk:
        if set(werk) - {"netto_loon_per_maand"}:
            raise InvoerFout(
                "werk", "geef óf netto_loon_per_maand, óf bruto_uurloon met uren_per_week."
            )
        lijst = werk["netto_loon_per_maand"]
        if not isinstance(lijst, list) or not lijst or len(lijst) > MAX_NIVEAUS:
            raise InvoerFout(
                "werk.netto_loon_per_maand", f"verwacht een lijst met 1 tot {MAX_NIVEAUS} bedragen."
            )
        netto = []
        for i, b in enumerate(lijst):
            c = euro_naar_centen(b, f"werk.netto_loon_per_maand[{i}]")
            if not 0 <= c <= MAX_NETTO_PER_MAAND * 100:
                raise InvoerFout(
                    f"werk.netto_loon_per_maand[{i}]",
                    f"verwacht een bedrag van 0 tot {euro(MAX_NETTO_PER_MAAND * 100)} per maand.",
                )
            netto.append(c)
    else:
        if set(werk) - {"bruto_uurloon", "uren_per_week"}:
            onb = sorted(set(werk) - {"bruto_uurloon", "uren_per_week"})[0]
            raise InvoerFout(f"werk.{onb}", "onbekend veld.")
        if "bruto_uurloon" not in werk:
            raise InvoerFout("werk.bruto_uurloon", "ontbreekt.")
        uurloon = euro_naar_centen(werk["bruto_uurloon"], "werk.bruto_uurloon")
        if not 0 <= uurloon <= MAX_UURLOON * 100:
            raise InvoerFout(
                "werk.bruto_uurloon", f"verwacht een uurloon van 0 tot {euro(MAX_UURLOON * 100)}."
            )
        lijst = werk.get("uren_per_week")
        if not isinstance(lijst, list) or not lijst or len(lijst) > MAX_NIVEAUS:
            raise InvoerFout(
                "werk.uren_per_week", f"verwacht een lijst met 1 tot {MAX_NIVEAUS} aantallen uren."
            )
        opgegeven_uren = list(lijst)
        if not all(
            type(u) in (int, float) and 0 <= u <= MAX_UREN for u in lijst
        ):  # else: find the first bad one
            for i, u in enumerate(lijst):
                if isinstance(u, bool) or not isinstance(u, (int, float)) or not 0 <= u <= MAX_UREN:
                    raise InvoerFout(
                        f"werk.uren_per_week[{i}]",
                        f"verwacht een aantal uren van 0 tot {MAX_UREN}.",
                    )
        uren = [float(u) for u in lijst]
        if uurloon and uurloon < p.wml_uur and any(uren):
            waarschuwingen.append(
                f"Het uurloon ({euro(uurloon)}) is lager dan het minimumloon voor 21 jaar en ouder "
                f"({euro(p.wml_uur)} per uur). Klopt het uurloon? Een werkgever moet minstens het minimumloon betalen."
            )
    gemeente = invoer.get("gemeente")
    if gemeente is not None and not isinstance(gemeente, str):
        raise InvoerFout("gemeente", "verwacht de code van een gemeente, bijvoorbeeld 'demodam'.")
    return Invoer(
        peildatum=peildatum,
        gemeente=gemeente,
        aanvrager_geboortedatum=aanvrager,
        partner_geboortedatum=partner,
        kinderen_geboortedata=kinderen,
        hh=hh,
        uren=uren,
        opgegeven_uren=opgegeven_uren,
        bruto_uurloon=uurloon,
        netto_lonen=netto,
        waarschuwingen=waarschuwingen,
        opgegeven=dict(invoer),
    )


def bruto_per_maand(
    uurloon: int | np.ndarray[Any, Any], uren_honderdsten: np.ndarray[Any, Any]
) -> np.ndarray[Any, Any]:
    """Monthly gross wage in cents: hourly wage x hours per week x 52 / 12, half up."""
    return cast(
        np.ndarray[Any, Any],
        (np.asarray(uurloon, dtype=np.int64) * uren_honderdsten.astype(np.int64) * 52 + 600)
        // 1200,
    )


def uren_naar_honderdsten(uren: list[float] | np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    return np.rint(np.asarray(uren, dtype=np.float64) * 100).astype(np.int64)
