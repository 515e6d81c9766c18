"""Explanation of a calculation: the full trace for professionals and plain Dutch (B1) for
the client. Built only when asked (``bereken(..., uitleg=True)``), from the engine's arrays."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from regels.formules import participatiewet as pw
from regels.gemeenten import RegelingRekenvorm
from regels.invoer import Invoer
from regels.kern import Uitkomst
from regels.opmaak import euro, maand_tekst, uren_tekst
from regels.parameterboom import parameterboom
from regels.peilparameters import PeilParameters
from regels.versie import REGELVERSIE

PW = "participatiewet"
_ONDERDEEL = {pw.ONDERDEEL_N: "n", pw.ONDERDEEL_R: "r", pw.ONDERDEEL_Y: "y"}


def _procent(num: int, den: int) -> str:
    """An exact rate as a Dutch percentage: 76/1000 → '7,6 %'."""
    return f"{(Decimal(num) * 100 / den).normalize():f}".replace(".", ",") + " %"


def _parameters(p: PeilParameters) -> dict[str, Any]:
    boom = parameterboom()
    uit: dict[str, Any] = {}
    for pad, w in sorted(p.gebruikt.items()):
        par = boom[pad]
        uit[pad] = {
            "beschrijving": par.beschrijving,
            "waarde": float(p.overschreven.get(pad, w.waarde) or 0),
            "eenheid": par.eenheid,
            "geldig_vanaf": w.geldig_vanaf.isoformat(),
            "bron": [{"titel": b.titel, "url": b.url} for b in w.bronnen],
            "zekerheid": w.zekerheid,
            "toelichting": w.toelichting,
            "overschreven": pad in p.overschreven,
        }
    return uit


def _stap(
    naam: str, centen: int, formule: str, artikel: str, parameters: list[str]
) -> dict[str, Any]:
    return {
        "naam": naam,
        "waarde": centen / 100,
        "formule": formule,
        "artikel": artikel,
        "parameters": parameters,
    }


def _stappen(
    inv: Invoer, p: PeilParameters, u: Uitkomst, i: int, regelingen: tuple[RegelingRekenvorm, ...]
) -> list[dict[str, Any]]:
    n = {k: int(v[0, i]) for k, v in u.niveau.items()}
    v = {k: int(a[0]) for k, a in u.vast.items()}
    hh = inv.hh
    kostendelers = int(hh.kostendelers[0])
    partner = bool(hh.heeft_partner[0])
    regime = v["vrijlating_regime"]
    s: list[dict[str, Any]] = []
    if kostendelers:
        a = 1 + partner + kostendelers
        s.append(
            _stap(
                "bijstandsnorm",
                v["bijstandsnorm"],
                f"kostendelersnorm: ((40 + 30 x {a}) / {a}) % x gehuwdennorm {euro(p.norm_gehuwden)}"
                + (" x 2 partners" if partner else ""),
                "Participatiewet art. 22a",
                [
                    f"{PW}.kostendelersnorm.basispercentage",
                    f"{PW}.kostendelersnorm.percentage_per_persoon",
                    f"{PW}.bijstandsnorm.gehuwden",
                ],
            )
        )
    else:
        s.append(
            _stap(
                "bijstandsnorm",
                v["bijstandsnorm"],
                "norm voor " + ("gehuwden" if partner else "een alleenstaande (ouder)"),
                "Participatiewet art. 21 onderdeel " + ("b" if partner else "a"),
                [f"{PW}.bijstandsnorm." + ("gehuwden" if partner else "alleenstaande")],
            )
        )
    s.append(
        _stap(
            "bruto_loon_per_maand",
            n["bruto_loon_per_maand"],
            "uurloon x uren per week x 52 / 12"
            if inv.uren is not None
            else "afgeleid uit het opgegeven netto loon",
            "-",
            [],
        )
    )
    s.append(
        _stap(
            "bruto_loon_per_jaar_incl_vakantiegeld",
            n["bruto_loon_per_jaar_incl_vakantiegeld"],
            "12 x bruto maandloon x 108 %",
            "Wet minimumloon en minimumvakantiebijslag art. 15",
            ["minimumloon.vakantiebijslag_percentage"],
        )
    )
    s.append(
        _stap(
            "loonheffing_per_jaar",
            n["loonheffing_per_jaar"],
            "belasting box 1 min algemene heffingskorting min arbeidskorting (niet onder nul)",
            "Wet IB 2001 art. 2.10, 8.10, 8.11",
            [
                "loonheffing.tarieven.schijf1_tarief",
                "loonheffing.algemene_heffingskorting.maximum",
                "loonheffing.arbeidskorting.maximum",
            ],
        )
    )
    s.append(
        _stap(
            "arbeidskorting_per_jaar",
            n["arbeidskorting_per_jaar"],
            "opbouw in drie stappen, daarna afbouw",
            "Wet IB 2001 art. 8.11",
            ["loonheffing.arbeidskorting.knik1", "loonheffing.arbeidskorting.opbouw1"],
        )
    )
    s.append(
        _stap(
            "netto_loon_incl_vakantiegeld_per_maand",
            n["netto_loon_incl_vakantiegeld_per_maand"],
            "(bruto per jaar - loonheffing) / 12",
            "Participatiewet art. 31 lid 3 (netto middelen)",
            [],
        )
    )
    s.append(
        _stap(
            "netto_loon_per_maand",
            n["netto_loon_per_maand"],
            "netto incl. vakantiegeld x 100/108 (vakantiegeld komt in mei)"
            if hh.vakantiegeld_in_mei[0]
            else "vakantiegeld wordt maandelijks betaald",
            "-",
            [],
        )
    )
    if n["iack_per_maand"]:
        s.append(
            _stap(
                "inkomensafhankelijke_combinatiekorting",
                n["iack_per_maand"],
                "11,45 % van arbeidsinkomen boven de drempel, per maand; voor een kind dat op 1 januari jonger was dan 12",
                "Wet IB 2001 art. 8.14a; telt als middel (Participatiewet art. 31 lid 1)",
                [
                    "loonheffing.iack.opbouw",
                    "loonheffing.iack.maximum",
                    "loonheffing.iack.leeftijd_kind",
                ],
            )
        )
    if regime != pw.GEEN:
        o = _ONDERDEEL[regime]
        s.append(
            _stap(
                "inkomensvrijlating",
                n["inkomensvrijlating"],
                f"art. 31 lid 2 onderdeel {o}: percentage van netto loon (incl. vakantiegeld), met een maximum per maand; 0 als er geen bijstand over is",
                f"Participatiewet art. 31 lid 2 onderdeel {o}",
                [f"{PW}.inkomensvrijlating.{o}_percentage", f"{PW}.inkomensvrijlating.{o}_maximum"],
            )
        )
    s.append(
        _stap(
            "bijstand",
            n["bijstand"],
            "bijstandsnorm - (netto inkomen - vrijlating), niet onder nul"
            + ("" if v["recht_bijstand"] else "; vermogen boven de grens: geen bijstand"),
            "Participatiewet art. 19 lid 2, art. 31-32, art. 34",
            [f"{PW}.vermogensgrens.alleenstaande", f"{PW}.vermogensgrens.gezin"],
        )
    )
    s.append(
        _stap(
            "vakantietoeslag_bijstand",
            n["vakantietoeslag_bijstand"],
            "5 % van de bijstand, gereserveerd tot mei",
            "Participatiewet art. 19 lid 3",
            [f"{PW}.vakantietoeslag.percentage"],
        )
    )
    s.append(
        _stap(
            "bijstand_uitbetaald",
            n["bijstand_uitbetaald"],
            "bijstand - vakantietoeslag",
            "Participatiewet art. 19 lid 3",
            [],
        )
    )
    s.append(
        _stap(
            "bruto_bijstand_per_jaar",
            n["bruto_bijstand_per_jaar"],
            "bruto bedrag waarvan het netto gelijk is aan de bijstand, boven op het loon (de gemeente betaalt de belasting)",
            "Participatiewet art. 19 lid 4; Wet IB 2001 art. 2.10, 8.10",
            ["loonheffing.tarieven.schijf1_tarief"],
        )
    )
    s.append(
        _stap(
            "toetsingsinkomen_per_jaar",
            n["toetsingsinkomen_per_jaar"],
            "bruto loon incl. vakantiegeld + bruto bijstand (met partner: samen)",
            "Awir art. 8",
            [],
        )
    )
    s.append(
        _stap(
            "zorgtoeslag",
            n["zorgtoeslag"],
            "(standaardpremie - normpremie) / 12",
            "Wet op de zorgtoeslag art. 2",
            [
                "zorgtoeslag.standaardpremie",
                "zorgtoeslag.drempelinkomen",
                "zorgtoeslag.afbouw_percentage",
            ],
        )
    )
    if hh.kale_huur[0]:
        rekenhuur = (
            f"kale huur + servicekosten (ten hoogste {euro(p.ht_servicekosten_max)})"
            if p.ht_servicekosten
            else "kale huur (servicekosten tellen niet mee)"
        )
        boven = (
            "boven de maximale huurgrens geen huurtoeslag"
            if p.ht_geen_boven_max
            else "het deel boven de maximale huurgrens telt niet mee"
        )
        s.append(
            _stap(
                "huurtoeslag",
                n["huurtoeslag"],
                f"rekenhuur = {rekenhuur}; {boven}; maximum {euro(v['huurtoeslag_maximum'])} min afbouw boven het minimum-inkomensijkpunt",
                "Wet op de huurtoeslag art. 5, 13, 20-21",
                [
                    "huurtoeslag.servicekosten_in_rekenhuur",
                    "huurtoeslag.servicekosten_maximum",
                    "huurtoeslag.maximale_huurgrens",
                    "huurtoeslag.geen_huurtoeslag_boven_maximale_huurgrens",
                    "huurtoeslag.kwaliteitskortingsgrens",
                    "huurtoeslag.minimum_inkomensijkpunt_eenpersoons",
                ],
            )
        )
    if (
        inv.kinderen_geboortedata
    ):  # a child born this month gives no kindgebonden budget yet, but may give kinderbijslag
        afbouw = _procent(p.kgb_afbouw.num, p.kgb_afbouw.den)
        s.append(
            _stap(
                "kindgebonden_budget",
                n["kindgebonden_budget"],
                f"({euro(v['kgb_basis_jaar'])} per jaar - {afbouw} boven de drempel) / 12; een kind telt vanaf de maand na de geboorte",
                "Wet op het kindgebonden budget art. 2",
                [
                    "kindgebonden_budget.bedrag_per_kind",
                    "kindgebonden_budget.alleenstaande_ouderkop",
                ],
            )
        )
        s.append(
            _stap(
                "kinderbijslag",
                v["kinderbijslag"],
                "kwartaalbedragen naar de leeftijd op de eerste dag van het kwartaal / 3; een kind telt vanaf het kwartaal na de geboorte",
                "AKW art. 11 lid 2, art. 12 lid 3",
                [
                    "kinderbijslag.kwartaal_0_5",
                    "kinderbijslag.kwartaal_6_11",
                    "kinderbijslag.kwartaal_12_17",
                ],
            )
        )
    if n["kinderopvang_kosten"]:
        s.append(
            _stap(
                "kinderopvangtoeslag",
                n["kinderopvangtoeslag"],
                "96 % x uren (max 230 per kind) x uurprijs (max)",
                "Wet kinderopvang",
                [
                    "kinderopvangtoeslag.max_uurprijs_dagopvang",
                    "kinderopvangtoeslag.vergoeding_percentage_laag_inkomen",
                ],
            )
        )
    for rv in regelingen:
        w = int(u.gemeentelijk[rv.regeling.naam][0, i])
        s.append(
            {
                **_stap(
                    rv.regeling.naam,
                    w,
                    f"als netto inkomen <= {rv.versie.inkomensgrens_procent:g}% van de bijstandsnorm",
                    "; ".join(b.titel for b in rv.versie.bronnen),
                    [],
                ),
                "zekerheid": rv.versie.zekerheid,
            }
        )
    s.append(
        _stap(
            "totaal_netto_per_maand",
            n["totaal_netto_per_maand"],
            "netto loon (incl. vakantiegeld) + IACK + bijstand + toeslagen + kinderbijslag + regelingen - eigen kosten kinderopvang",
            "-",
            [],
        )
    )
    return s


def _tekst(inv: Invoer, u: Uitkomst, uit: dict[str, Any], i: int) -> str:
    n = {k: int(v[0, i]) for k, v in u.niveau.items()}
    zinnen: list[str] = []
    if inv.uren is not None:
        zinnen.append(
            f"Als je {uren_tekst(inv.uren[i])} uur per week werkt:"
            if inv.uren[i]
            else "Als je niet werkt:"
        )
    else:
        zinnen.append(f"Als je {euro(n['netto_loon_per_maand'])} netto per maand verdient:")
    if n["bruto_loon_per_maand"]:
        zinnen.append(
            f"Je verdient {euro(n['bruto_loon_per_maand'])} bruto per maand. Daarvan krijg je {euro(n['netto_loon_per_maand'])} op je rekening."
        )
        if inv.hh.vakantiegeld_in_mei[0]:
            zinnen.append(
                f"In mei krijg je ook vakantiegeld van je werkgever: ongeveer {euro(n['netto_vakantiegeld_per_jaar'])}."
            )
    if n["inkomensvrijlating"]:
        einde = uit.get("vrijlating_eindigt")
        tot = f" Dat kan tot en met {maand_tekst(einde)}." if einde else ""
        zinnen.append(
            f"De gemeente trekt je loon af van de bijstand. Maar {euro(n['inkomensvrijlating'])} per maand mag je houden. "
            f"Dat heet de inkomensvrijlating.{tot}"
        )
    if n["bijstand"]:
        zinnen.append(
            f"Je krijgt {euro(n['bijstand'])} bijstand per maand. De gemeente bewaart daarvan {euro(n['vakantietoeslag_bijstand'])} "
            f"voor je. Dat krijg je in mei als vakantiegeld. Elke maand krijg je dus {euro(n['bijstand_uitbetaald'])}."
        )
    elif u.vast["recht_bijstand"][0]:
        zinnen.append("Je hebt dan geen bijstand meer nodig.")
    else:
        zinnen.append(
            "Je krijgt geen bijstand, omdat je vermogen (spaargeld en bezit) hoger is dan de grens."
        )
    toeslagen = [
        (naam, n[k])
        for naam, k in (
            ("zorgtoeslag", "zorgtoeslag"),
            ("huurtoeslag", "huurtoeslag"),
            ("kindgebonden budget", "kindgebonden_budget"),
        )
        if n[k]
    ]
    if toeslagen:
        delen = ", ".join(f"{naam} ({euro(b)})" for naam, b in toeslagen)
        zinnen.append(
            f"Van de Belastingdienst krijg je per maand: {delen}. Een toeslag is geld voor vaste kosten, zoals huur en zorgverzekering."
        )
    kb = int(u.vast["kinderbijslag"][0])
    if kb:
        zinnen.append(f"Van de SVB krijg je kinderbijslag: gemiddeld {euro(kb)} per maand.")
    gem = [(naam, int(a[0, i])) for naam, a in u.gemeentelijk.items() if a[0, i]]
    if gem:
        zinnen.append(
            "Van de gemeente krijg je ook: "
            + ", ".join(f"{naam} ({euro(b)} per maand)" for naam, b in gem)
            + "."
        )
    totaal = n["totaal_netto_per_maand"]
    zinnen.append(f"Alles bij elkaar heb je gemiddeld {euro(totaal)} per maand.")
    if i:
        verschil = totaal - int(u.niveau["totaal_netto_per_maand"][0, 0])
        if verschil > 0:
            zinnen.append(
                f"Dat is {euro(verschil)} meer dan bij {'geen werk' if inv.uren is not None and not inv.uren[0] else 'het eerste bedrag'}."
            )
        elif verschil < 0:
            zinnen.append(
                f"Dat is {euro(-verschil)} minder dan bij {'geen werk' if inv.uren is not None and not inv.uren[0] else 'het eerste bedrag'}."
            )
    return " ".join(zinnen)


def maak_uitleg(
    inv: Invoer,
    p: PeilParameters,
    u: Uitkomst,
    regelingen: tuple[RegelingRekenvorm, ...],
    uit: dict[str, Any],
) -> dict[str, Any]:
    aantal = u.niveau["bijstand"].shape[1]
    niveaus = []
    for i in range(aantal):
        niveaus.append(
            {
                "uren_per_week": inv.uren[i] if inv.uren is not None else None,
                "stappen": _stappen(inv, p, u, i, regelingen),
                "tekst": _tekst(inv, u, uit, i),
            }
        )
    samenvatting = []
    if uit.get("uren_uit_bijstand") is not None:
        samenvatting.append(
            f"Vanaf ongeveer {uren_tekst(uit['uren_uit_bijstand'])} uur per week heb je geen bijstand meer nodig."
        )
    if uit.get("vrijlating_eindigt"):
        samenvatting.append(
            f"De inkomensvrijlating stopt na {maand_tekst(uit['vrijlating_eindigt'])}. Daarna houd je minder over van je loon."
        )
    if uit.get("armoedeval"):
        samenvatting.append(
            "Let op: bij sommige uren houd je minder over als je meer gaat werken. Praat er gerust over met je contactpersoon."
        )
    samenvatting.append(
        "Dit is een berekening met de regels en bedragen die wij kennen. Het is geen besluit. "
        "De gemeente en de Belastingdienst bepalen de echte bedragen."
    )
    return {
        "regelversie": REGELVERSIE,
        "peildatum": inv.peildatum.isoformat(),
        "invoer": inv.opgegeven,
        "vereenvoudigingen": [
            "Belasting op jaarbasis; de werkgever past de loonheffingskorting toe.",
            "Het vakantiegeld van de werkgever telt elke maand mee voor de bijstand (opbouw), niet in mei.",
            "Een maand heeft 52/12 weken.",
            "Alleen de aanvrager werkt; de partner heeft geen eigen inkomen.",
        ],
        "parameters": _parameters(p),
        "niveaus": niveaus,
        "tekst": " ".join(samenvatting),
    }
