"""Public entry points: ``bereken`` (one household, JSON contract), ``regelingen_voor_huishouden``.

``bereken_batch`` lives in regels.batch. Names and the JSON contract are stable; see
docs/regels.md.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from itertools import repeat
from typing import Any

import numpy as np

from regels.formules import participatiewet as pw
from regels.fouten import InvoerFout
from regels.geld import maal_tarief
from regels.gemeenten import RegelingRekenvorm, gemeente, jaarbedrag, rekenvormen
from regels.invoer import Invoer, bruto_per_maand, kwartaalbegin, lees_invoer, uren_naar_honderdsten
from regels.kern import (
    REGELS,
    Uitkomst,
    bruto_uit_netto,
    huishoudtype,
    iack_recht,
    kern,
)
from regels.opmaak import euro, maand_plus, uren_tekst
from regels.parameterboom import parameterboom
from regels.peilparameters import PeilParameters, bekende_paden, peilparameters
from regels.versie import REGELVERSIE


def _euro_lijst(a: np.ndarray[Any, Any]) -> list[float]:
    # IEEE division by 100 gives the same float as Python's int / 100: the nearest to the cents.
    uit: list[float] = (a / 100).tolist()
    return uit


# Per-level output columns: (key in the JSON contract, engine array), cents → euros.
_RIJ_KOLOMMEN = (
    ("bruto_loon_per_maand", "bruto_loon_per_maand"),
    ("netto_loon_per_maand", "netto_loon_per_maand"),
    ("inkomensvrijlating", "inkomensvrijlating"),
    ("bijstand", "bijstand"),
    ("bijstand_uitbetaald", "bijstand_uitbetaald"),
    ("zorgtoeslag", "zorgtoeslag"),
    ("huurtoeslag", "huurtoeslag"),
    ("kindgebonden_budget", "kindgebonden_budget"),
    ("kinderopvangtoeslag", "kinderopvangtoeslag"),
    ("totaal_netto_per_maand", "totaal_netto_per_maand"),
    ("zelf_verdiend", "netto_loon_incl_vakantiegeld_per_maand"),
    ("toetsingsinkomen_per_jaar", "toetsingsinkomen_per_jaar"),
    ("inkomensafhankelijke_combinatiekorting", "iack_per_maand"),
    ("kinderopvang_kosten", "kinderopvang_kosten"),
    ("vakantietoeslag_bijstand_per_maand", "vakantietoeslag_bijstand"),
    ("netto_vakantiegeld_werk_per_jaar", "netto_vakantiegeld_per_jaar"),
)


_RIJ_SLEUTELS = (
    "uren_per_week",
    *(naam for naam, _k in _RIJ_KOLOMMEN),
    "extra_in_mei",
    "bijstandsnorm",
    "kinderbijslag",
    "marginale_druk",
    "gemeentelijke_regelingen",
)


def _rij_bouwer() -> Any:
    # A generated dict literal builds a row about 2.5x faster than dict(zip(...)); the keys are
    # constants of this module, never input. ``w`` holds the euro amounts of one level.
    n = len(_RIJ_KOLOMMEN)
    velden = ", ".join(
        [repr(_RIJ_SLEUTELS[0]) + ": uren"]
        + [f"{k!r}: w[{i}]" for i, k in enumerate(_RIJ_SLEUTELS[1 : n + 2])]
        + [
            f"{k!r}: {arg}"
            for k, arg in zip(_RIJ_SLEUTELS[n + 2 :], ("norm", "kb", "druk", "gem"), strict=True)
        ]
    )
    ns: dict[str, Any] = {}
    exec(f"def maak_rij(uren, w, norm, kb, druk, gem):\n    return {{{velden}}}", ns)  # noqa: S102
    return ns["maak_rij"]


_maak_rij = _rij_bouwer()


@dataclass(frozen=True)
class _Zoekrooster:
    niveaus: np.ndarray[Any, Any]  # the distinct levels in hundredths of an hour, ascending
    index: np.ndarray[Any, Any]  # for each, its position in the given levels
    rooster: np.ndarray[
        Any, Any
    ]  # per interval between two levels: its 0.1-hour grid, both ends included
    begin: np.ndarray[
        Any, Any
    ]  # where each interval's grid starts in ``rooster`` (one extra at the end)


@lru_cache(maxsize=32)
def _zoekrooster(honderdsten: tuple[int, ...]) -> _Zoekrooster:
    """The 0.1-hour grid on which the exit hours are searched, for one list of levels.

    Between two neighbouring distinct levels lo < hi: lo, lo + 0.1 h, ... and hi. A pure
    function of the levels, so kept for the next calculation with the same levels (the pages
    always ask 0-40 hours).
    """
    niveaus, index = np.unique(np.array(honderdsten, dtype=np.int64), return_index=True)
    lo, hi = niveaus[:-1], niveaus[1:]
    punten = (hi - lo + 9) // 10 + 1
    begin = np.concatenate([[0], np.cumsum(punten)])
    stap = np.arange(begin[-1]) - np.repeat(begin[:-1], punten)
    rooster = np.minimum(np.repeat(lo, punten) + 10 * stap, np.repeat(hi, punten))
    for a in (niveaus, index, rooster, begin):
        a.setflags(write=False)  # shared between calculations
    return _Zoekrooster(niveaus, index, rooster, begin)


class _Scenario:
    """One computed scenario for one household (base or variant)."""

    def __init__(
        self,
        inv: Invoer,
        p: PeilParameters,
        regelingen: tuple[RegelingRekenvorm, ...],
        regel: str | None,
    ) -> None:
        self.inv, self.p, self.regelingen, self.regel = inv, p, regelingen, regel
        if inv.uren is not None:
            self.honderdsten = uren_naar_honderdsten(inv.uren)
            self.zoek = _zoekrooster(tuple(self.honderdsten.tolist()))
            uurloon = inv.bruto_uurloon or 0
            bruto = bruto_per_maand(uurloon, self.honderdsten)[None, :]
            fijn = (
                bruto_per_maand(uurloon, self.zoek.rooster)[None, :]
                if self.zoek.rooster.size
                else None
            )
            self.u = kern(p, inv.hh, bruto, regelingen=regelingen, regel=regel, fijn_bruto=fijn)
        else:
            assert inv.netto_lonen is not None
            netto = np.asarray(inv.netto_lonen, dtype=np.int64)[None, :]
            hh = inv.hh
            bruto = bruto_uit_netto(
                p, netto, hh.vakantiegeld_in_mei[:, None], iack_recht(hh)[:, None]
            )
            self.u = kern(p, hh, bruto, netto_maand=netto, regelingen=regelingen, regel=regel)
        if self.u.niveau["kinderopvang_buiten_model"].any():
            raise InvoerFout(
                "kinderopvang_uren_per_maand",
                f"bij dit inkomen (toetsingsinkomen boven {euro(p.kot_grens)} per jaar) is de tabel van de "
                "kinderopvangtoeslag niet gemodelleerd.",
            )

    # -- per-household derived outputs --------------------------------------------------------
    def uren_uit_bijstand(self) -> float | None:
        """Hours per week at which bijstand reaches zero, searched in steps of 0.1 hour.

        Between the lowest level without bijstand and the level below it, the engine computed
        the bijstand on a 0.1-hour grid too (``_zoekrooster``); its first point without
        bijstand is returned. None without a right to bijstand or when no level reaches zero.
        """
        if self.inv.uren is None or not self.u.vast["recht_bijstand"][0]:
            return None
        z = self.zoek
        b = self.u.niveau["bijstand"][0].take(z.index).tolist()
        if 0 not in b:
            return None
        k = b.index(0)
        if k == 0:
            return int(z.niveaus[0]) / 100
        van, tot = int(z.begin[k - 1]), int(z.begin[k])
        fijn: list[int] = self.u.niveau["bijstand_fijn"][0, van:tot].tolist()
        return int(z.rooster[van + fijn.index(0)]) / 100

    def rijen(self) -> list[dict[str, Any]]:
        n = self.u.niveau
        aantal = n["bijstand"].shape[1]
        in_mei = bool(self.inv.hh.vakantiegeld_in_mei[0])
        uren = self.inv.opgegeven_uren if self.inv.opgegeven_uren is not None else [None] * aantal
        mei = n["vakantietoeslag_bijstand"][0] * 12 + (
            n["netto_vakantiegeld_per_jaar"][0] if in_mei else 0
        )
        # All euro columns at once, one row per level (cents / 100 is the nearest float to the
        # cents): the row's columns, the extra in May, then the municipal regulations.
        kolommen = [
            *(n[k][0] for _naam, k in _RIJ_KOLOMMEN),
            mei,
            *(a[0] for a in self.u.gemeentelijk.values()),
        ]
        bedragen = (np.array(kolommen).T / 100).tolist()
        norm = int(self.u.vast["bijstandsnorm"][0]) / 100
        kb = int(self.u.vast["kinderbijslag"][0]) / 100
        gem = [(naam, len(_RIJ_KOLOMMEN) + 1 + r) for r, naam in enumerate(self.u.gemeentelijk)]
        gem_per_niveau = [{naam: w[j] for naam, j in gem} for w in bedragen]
        rijen = list(
            map(
                _maak_rij,
                uren,
                bedragen,
                repeat(norm),
                repeat(kb),
                self.marginale_druk(),
                gem_per_niveau,
            )
        )
        for k in ("bijstand_behalve_mei", "bijstand_in_mei", "premie_eenmalig"):
            if k in n:
                for rij, w in zip(rijen, _euro_lijst(n[k][0]), strict=True):
                    rij[k] = w
        return rijen

    def marginale_druk(self) -> list[float | None]:
        """Per level: share of extra gross pay (incl. holiday pay) lost to lower bijstand, toeslagen
        and tax, compared with the previous level, in percent (1 decimal). None for the first level."""
        bruto = self.u.niveau["bruto_loon_per_jaar_incl_vakantiegeld"][0].tolist()
        tot = self.u.niveau["totaal_netto_per_maand"][0].tolist()
        uit: list[float | None] = [None]
        for i in range(1, len(tot)):
            d_bruto = bruto[i] - bruto[i - 1]
            uit.append(
                round(100 * (1 - 12 * (tot[i] - tot[i - 1]) / d_bruto), 1) if d_bruto > 0 else None
            )
        return uit

    def armoedeval(self) -> list[dict[str, Any]]:
        tot = self.u.niveau["totaal_netto_per_maand"][0].tolist()
        uren = self.inv.uren
        zones: list[dict[str, Any]] = []
        for i in range(1, len(tot)):
            if tot[i] < tot[i - 1]:
                zones.append(
                    {
                        "van_uren": uren[i - 1] if uren is not None else None,
                        "tot_uren": uren[i] if uren is not None else None,
                        "van_niveau": i - 1,
                        "tot_niveau": i,
                        "verlies_per_maand": (tot[i - 1] - tot[i]) / 100,
                    }
                )
        return zones


def vrijlating_einde(inv: Invoer, p: PeilParameters, regime: int) -> dict[str, Any] | None:
    """When the current vrijlating (art. 31 lid 2 n/r/y) ends, counted from the peildatum's month.

    ``vrijlating_maanden_gebruikt`` months are already used; the peildatum's month is the next
    one. Sub r stops the month before the youngest child turns 12 (the child must be under 12).
    """
    m = int(inv.hh.vrijlating_maanden_gebruikt[0])
    peil = inv.peildatum
    jongste = max(inv.kinderen_geboortedata) if inv.kinderen_geboortedata else None
    r_kind_einde: str | None = None
    if jongste is not None:
        twaalf = dt.date(jongste.year + p.vrij_r_kind, jongste.month, 1)
        # The month before the 12th birthday's month, but never before the current month.
        r_kind_einde = max(maand_plus(twaalf, -1), maand_plus(peil, 0))
    alo = not bool(inv.hh.heeft_partner[0]) and jongste is not None and r_kind_einde is not None
    if regime == pw.ONDERDEEL_N:
        einde = maand_plus(peil, p.vrij_n_duur - m - 1)
        daarna = None
        if alo and r_kind_einde is not None and not inv.hh.medisch_urenbeperkt[0]:
            r_start = maand_plus(peil, p.vrij_n_duur - m)
            r_einde = min(maand_plus(peil, p.vrij_n_duur + p.vrij_r_duur - m - 1), r_kind_einde)
            if r_einde >= r_start:
                daarna = {"onderdeel": "r", "eerste_maand": r_start, "laatste_maand": r_einde}
        return {"onderdeel": "n", "laatste_maand": einde, "daarna": daarna}
    if regime == pw.ONDERDEEL_R:
        assert r_kind_einde is not None
        einde = min(maand_plus(peil, p.vrij_n_duur + p.vrij_r_duur - m - 1), r_kind_einde)
        return {"onderdeel": "r", "laatste_maand": einde, "daarna": None}
    if regime == pw.ONDERDEEL_Y:
        return {"onderdeel": "y", "laatste_maand": None, "daarna": None}
    return None


def _waarschuwingen(
    inv: Invoer,
    p: PeilParameters,
    sc: _Scenario,
    regelingen: tuple[RegelingRekenvorm, ...],
    armoedeval: list[dict[str, Any]],
) -> list[str]:
    w = list(inv.waarschuwingen)
    u = sc.u
    if not u.vast["recht_bijstand"][0]:
        w.append(
            f"Je vermogen (spaargeld en bezit: {euro(int(inv.hh.vermogen[0]))}) is hoger dan de vermogensgrens voor de bijstand "
            f"({euro(int(u.vast['vermogensgrens'][0]))}). Dan heb je geen recht op bijstand. "
            "Daarom staat de bijstand overal op nul."
        )
    if inv.hh.servicekosten[0] > 0 and not p.ht_servicekosten:
        w.append(
            "Servicekosten tellen vanaf 2026 niet meer mee voor de huurtoeslag. We rekenen alleen met je kale huur."
        )
    elif (
        inv.hh.kale_huur[0] > 0
        and inv.hh.servicekosten[0] > p.ht_servicekosten_max
        and p.ht_servicekosten
    ):
        w.append(
            f"Voor de huurtoeslag telt in 2025 niet meer dan {euro(p.ht_servicekosten_max)} aan servicekosten per maand mee. "
            "Alleen vier soorten tellen mee, zoals schoonmaak en licht in gemeenschappelijke ruimten en de huismeester, "
            f"elk tot € 12. We rekenen met {euro(p.ht_servicekosten_max)}."
        )
    begin = kwartaalbegin(inv.peildatum)
    if any(geboren > begin for geboren in inv.kinderen_geboortedata):
        w.append(
            "Kinderbijslag krijg je vanaf het kwartaal na de geboorte. Voor een kind dat in dit kwartaal is geboren, "
            "telt de kinderbijslag dus pas vanaf het volgende kwartaal mee."
        )
    maandbegin = inv.peildatum.replace(day=1)
    if any(geboren >= maandbegin for geboren in inv.kinderen_geboortedata):
        w.append(
            "Kindgebonden budget krijg je vanaf de maand na de geboorte. Voor een kind dat deze maand is geboren, "
            "telt het kindgebonden budget dus pas vanaf volgende maand mee."
        )
    if inv.peildatum < dt.date(2026, 1, 1) and inv.hh.kale_huur[0] > 0:
        w.append(
            "Voor 2025 benaderen we de huurtoeslag met de regels van 2026; het bedrag kan afwijken."
        )
    if inv.hh.heeft_partner[0] and inv.hh.kinderopvang_uren[0] > 0:
        w.append(
            "Kinderopvangtoeslag rekenen we alleen als alle ouders werken. Het werk van je partner rekenen we niet mee, "
            "dus we tellen hier geen kinderopvangtoeslag."
        )
    if regelingen:
        g = gemeente(inv.gemeente or "")
        if g.fictief:
            w.append(
                f"{g.naam} is een voorbeeldgemeente. De gemeentelijke regelingen zijn verzonnen."
            )
        if int(inv.hh.jaren_laag_inkomen[0]) < 0:
            for rv in regelingen:
                if rv.versie.jaren_laag_inkomen_minimaal:
                    w.append(
                        f"{rv.regeling.naam}: die krijg je alleen als je al minstens {rv.versie.jaren_laag_inkomen_minimaal} "
                        "jaar een laag inkomen hebt. Dat weten we niet. Daarom telt deze regeling hier niet mee. "
                        "Vul 'jaren_laag_inkomen' in om hem wel mee te tellen."
                    )
    for zone in armoedeval:
        if zone["van_uren"] is not None:
            w.append(
                f"Let op: als je van {uren_tekst(zone['van_uren'])} naar {uren_tekst(zone['tot_uren'])} uur per week gaat, "
                f"houd je {euro(round(zone['verlies_per_maand'] * 100))} per maand minder over."
            )
        else:
            w.append(
                f"Let op: bij een hoger loon (niveau {zone['tot_niveau'] + 1}) houd je "
                f"{euro(round(zone['verlies_per_maand'] * 100))} per maand minder over."
            )
    return w


def _volgende_mei(peil: dt.date, maand: int) -> str:
    jaar = peil.year if peil.month <= maand else peil.year + 1
    return f"{jaar:04d}-{maand:02d}"


def _scenario_uitvoer(
    inv: Invoer, p: PeilParameters, regelingen: tuple[RegelingRekenvorm, ...], regel: str | None
) -> tuple[dict[str, Any], _Scenario]:
    sc = _Scenario(inv, p, regelingen, regel)
    regime = int(sc.u.vast["vrijlating_regime"][0])
    einde = vrijlating_einde(inv, p, regime)
    armoedeval = sc.armoedeval()
    uit: dict[str, Any] = {
        "peildatum": inv.peildatum.isoformat(),
        "regelversie": REGELVERSIE,
        "resultaten": sc.rijen(),
        "uren_uit_bijstand": sc.uren_uit_bijstand(),
        "waarschuwingen": _waarschuwingen(inv, p, sc, regelingen, armoedeval),
        "armoedeval": armoedeval,
        "vrijlating_eindigt": einde["laatste_maand"] if einde else None,
        "vrijlating": einde,
        "maand_met_vakantiegeld": _volgende_mei(inv.peildatum, p.vt_maand),
        "onzekere_parameters": list(p.onzeker),
    }
    return uit, sc


MAX_VARIANTEN = 10
MAX_REKENRIJEN = 1000  # levels x (1 + variants): 401 levels with one variant, or 41 levels with ten
MAX_NIVEAUS_UITLEG = 101
MAX_PARAMETERWAARDE = (
    1_000_000  # parameters are percentages, amounts per month or year, ages: all far below
)


def _lees_varianten(
    varianten: object,
) -> list[tuple[str, tuple[tuple[str, Decimal], ...], str | None]]:
    if isinstance(varianten, dict):
        items = [
            {"naam": k, **(v if isinstance(v, dict) else {"_fout": v})}
            for k, v in varianten.items()
        ]
    elif isinstance(varianten, list):
        items = list(varianten)
    else:
        raise InvoerFout("varianten", "verwacht een lijst of object met varianten.")
    if len(items) > MAX_VARIANTEN:
        # Each variant recomputes every level: bounded so one request stays a small amount of work.
        raise InvoerFout(
            "varianten",
            f"je kunt hooguit {MAX_VARIANTEN} varianten tegelijk laten berekenen "
            f"(nu {len(items)}). Verdeel ze over meer berekeningen.",
        )
    uit = []
    paden = bekende_paden()
    boom = parameterboom()
    for i, v in enumerate(items):
        veld = f"varianten[{i}]"
        if not isinstance(v, dict) or "_fout" in v:
            raise InvoerFout(veld, "verwacht een object met 'naam', 'parameters' en/of 'regel'.")
        naam = str(v.get("naam", f"variant {i + 1}"))
        onbekend = set(v) - {"naam", "parameters", "regel"}
        if onbekend:
            raise InvoerFout(f"{veld}.{sorted(onbekend)[0]}", "onbekend veld.")
        params = v.get("parameters") or {}
        if not isinstance(params, dict):
            raise InvoerFout(f"{veld}.parameters", "verwacht een object parameterpad → waarde.")
        overr: list[tuple[str, Decimal]] = []
        for pad, waarde in params.items():
            if pad not in paden:
                raise InvoerFout(
                    f"{veld}.parameters.{pad}",
                    "onbekende parameter; zie docs/regels.md voor de paden.",
                )
            if isinstance(waarde, bool) or not isinstance(waarde, (int, float, str)):
                raise InvoerFout(f"{veld}.parameters.{pad}", "verwacht een getal.")
            try:
                getal = Decimal(str(waarde))
            except ArithmeticError as exc:
                raise InvoerFout(f"{veld}.parameters.{pad}", "verwacht een getal.") from exc
            if not getal.is_finite() or abs(getal) > MAX_PARAMETERWAARDE:
                raise InvoerFout(
                    f"{veld}.parameters.{pad}",
                    f"verwacht een getal van -{MAX_PARAMETERWAARDE:,} tot {MAX_PARAMETERWAARDE:,}.".replace(
                        ",", "."
                    ),
                )
            if boom[pad].eenheid == "ja/nee" and getal not in (0, 1):
                raise InvoerFout(f"{veld}.parameters.{pad}", "verwacht 1 (ja) of 0 (nee).")
            overr.append((pad, getal))
        regel = v.get("regel")
        if regel is not None and regel not in REGELS:
            raise InvoerFout(f"{veld}.regel", f"onbekende regel; kies uit {', '.join(REGELS)}.")
        uit.append((naam, tuple(sorted(overr)), regel))
    return uit


def _controleer_omvang(inv: Invoer, aantal_varianten: int, uitleg: bool) -> None:
    """Bound the work and the answer of one call: every variant recomputes every level, and the
    explanation traces each level step by step (401 levels with it is some 3 MB of JSON)."""
    niveaus = len(inv.uren if inv.uren is not None else inv.netto_lonen or ())
    veld = "werk.uren_per_week" if inv.uren is not None else "werk.netto_loon_per_maand"
    if uitleg and niveaus > MAX_NIVEAUS_UITLEG:
        raise InvoerFout(
            veld,
            f"met uitleg kun je hooguit {MAX_NIVEAUS_UITLEG} niveaus tegelijk laten berekenen "
            f"(nu {niveaus}). Vraag minder niveaus, of laat de uitleg weg.",
        )
    rijen = niveaus * (1 + aantal_varianten)
    if rijen > MAX_REKENRIJEN:
        raise InvoerFout(
            "varianten",
            f"niveaus × (varianten + 1) mag hooguit {MAX_REKENRIJEN} zijn (nu {niveaus} × "
            f"{1 + aantal_varianten} = {rijen}). Vraag minder niveaus of minder varianten.",
        )


def bereken(
    invoer: dict[str, Any],
    *,
    uitleg: bool = False,
    varianten: list[dict[str, Any]] | dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Compute one household at every level of work (JSON contract in, JSON contract out).

    ``uitleg=True`` adds the explanation (full trace + plain-Dutch text). ``varianten`` runs the
    same household under overridden parameters and/or an alternative rule, side by side.
    Raises ``InvoerFout`` (with ``veld``) for invalid input or a household outside the model.
    """
    inv = lees_invoer(invoer)
    gelezen = _lees_varianten(varianten) if varianten else []
    _controleer_omvang(inv, len(gelezen), uitleg)
    p = peilparameters(inv.peildatum)
    regelingen = rekenvormen(gemeente(inv.gemeente).code, inv.peildatum) if inv.gemeente else ()
    uit, sc = _scenario_uitvoer(inv, p, regelingen, None)
    if uitleg:
        from regels.uitleg import (
            maak_uitleg,  # built only on request: the fast path never imports it
        )

        uit["uitleg"] = maak_uitleg(inv, p, sc.u, regelingen, uit)
    if varianten:
        basis_tot = [r["totaal_netto_per_maand"] for r in uit["resultaten"]]
        lijst = []
        for naam, overr, regel in gelezen:
            pv = peilparameters(inv.peildatum, overr)
            vuit, _ = _scenario_uitvoer(inv, pv, regelingen, regel)
            lijst.append(
                {
                    "naam": naam,
                    "parameters": {k: float(v) for k, v in overr},
                    "regel": regel,
                    "resultaten": vuit["resultaten"],
                    "uren_uit_bijstand": vuit["uren_uit_bijstand"],
                    "armoedeval": vuit["armoedeval"],
                    "verschil_totaal_per_maand": [
                        round(r["totaal_netto_per_maand"] - b, 2)
                        for r, b in zip(vuit["resultaten"], basis_tot, strict=True)
                    ],
                }
            )
        uit["varianten"] = lijst
    return uit


def regelingen_voor_huishouden(invoer: dict[str, Any], *, niveau: int = 0) -> list[dict[str, Any]]:
    """Which municipal regulations this household is entitled to at one level of work, and why.

    Uses the same engine as ``bereken``; ``niveau`` indexes the hours/net-wage list (default:
    the first level, usually 0 hours). Every regulation of the municipality is listed with
    ``recht`` (bool), the amount and a plain-Dutch reason (inside or outside the income limit).
    """
    inv = lees_invoer(invoer)
    if not inv.gemeente:
        raise InvoerFout("gemeente", "ontbreekt; vul de gemeente in om regelingen te bekijken.")
    p = peilparameters(inv.peildatum)
    g = gemeente(inv.gemeente)
    regelingen = rekenvormen(g.code, inv.peildatum)
    sc = _Scenario(inv, p, regelingen, None)
    aantal = sc.u.niveau["bijstand"].shape[1]
    if not 0 <= niveau < aantal:
        raise InvoerFout("niveau", f"verwacht een niveau van 0 tot en met {aantal - 1}.")
    norm = int(sc.u.vast["bijstandsnorm"][0])
    inkomen = int(sc.u.niveau["netto_inkomen_voor_regelingen"][0, niveau])
    hh = inv.hh
    kinderen = int(
        hh.kinderen_0_5[0] + hh.kinderen_6_11[0] + hh.kinderen_12_15[0] + hh.kinderen_16_17[0]
    )
    htype = int(
        huishoudtype(hh.heeft_partner, np.array([kinderen]), hh.kinderen_12_15 + hh.kinderen_16_17)[
            0
        ]
    )
    personen = int(sc.u.vast["personen"][0])
    jaren = int(inv.hh.jaren_laag_inkomen[0])
    uit: list[dict[str, Any]] = []
    for rv in regelingen:
        grens = int(maal_tarief(np.array([norm], dtype=np.int64), rv.grens)[0])
        bedrag = int(sc.u.gemeentelijk[rv.regeling.naam][0, niveau])
        binnen = inkomen <= grens
        minimaal = rv.versie.jaren_laag_inkomen_minimaal
        pct = f"{rv.versie.inkomensgrens_procent:g}".replace(".", ",")
        if binnen:
            reden = f"Je inkomen ({euro(inkomen)} per maand) is niet hoger dan de grens van {pct}% van je bijstandsnorm ({euro(grens)})."
        else:
            reden = f"Je inkomen ({euro(inkomen)} per maand) is hoger dan de grens van {pct}% van je bijstandsnorm ({euro(grens)})."
        if binnen and minimaal is not None and jaren < minimaal:
            reden += f" Je moet ook al minstens {minimaal} jaar een laag inkomen hebben." + (
                " Dat weten we niet." if jaren < 0 else f" Je hebt {jaren} jaar opgegeven."
            )
        uit.append(
            {
                "id": rv.regeling.id,
                "naam": rv.regeling.naam,
                "soort": rv.regeling.soort,
                "recht": bedrag > 0,
                "binnen_inkomensgrens": binnen,
                "inkomen_per_maand": inkomen / 100,
                "inkomensgrens_per_maand": grens / 100,
                "bedrag_per_maand": bedrag / 100,
                "bedrag_per_jaar": jaarbedrag(rv.versie, htype, kinderen, personen) / 100
                if bedrag > 0
                else 0.0,
                "reden": reden,
                "bron": [{"titel": b.titel, "url": b.url} for b in rv.versie.bronnen],
                "zekerheid": rv.versie.zekerheid,
                "fictief": g.fictief,
            }
        )
    return uit


def uitkomst_voor(invoer: dict[str, Any]) -> tuple[Invoer, PeilParameters, Uitkomst]:
    """Raw engine arrays for one household (tests and the web app's charts)."""
    inv = lees_invoer(invoer)
    p = peilparameters(inv.peildatum)
    regelingen = rekenvormen(gemeente(inv.gemeente).code, inv.peildatum) if inv.gemeente else ()
    return inv, p, _Scenario(inv, p, regelingen, None).u
