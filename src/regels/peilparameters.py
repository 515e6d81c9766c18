"""Parameters in force on one peildatum, converted once to engine types and cached.

Money becomes integer cents, percentages exact ``Tarief`` fractions, the rest int. A policy
variant passes ``overrides`` (parameter path → value in the file's unit); the result is
cached per (peildatum, overrides), so the fast path never re-reads YAML.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from typing import Any

from regels.fouten import InvoerFout
from regels.geld import Tarief
from regels.parameterboom import Parameter, Waarde, parameterboom

# The rule base covers this window; outside it a calculation is refused (no silent carry-forward).
EERSTE_PEILDATUM = dt.date(2025, 7, 1)
LAATSTE_PEILDATUM = dt.date(2026, 12, 31)

_PADEN: dict[str, str] = {
    "norm_alleenstaande": "participatiewet.bijstandsnorm.alleenstaande",
    "norm_gehuwden": "participatiewet.bijstandsnorm.gehuwden",
    "minimumleeftijd": "participatiewet.bijstandsnorm.minimumleeftijd",
    "aow_leeftijd": "aow.leeftijd_jaren",
    "vt": "participatiewet.vakantietoeslag.percentage",
    "vt_maand": "participatiewet.vakantietoeslag.uitbetaalmaand",
    "kdn_basis": "participatiewet.kostendelersnorm.basispercentage",
    "kdn_per_persoon": "participatiewet.kostendelersnorm.percentage_per_persoon",
    "kostendeler_leeftijd": "participatiewet.kostendelersnorm.minimumleeftijd_kostendeler",
    "vermogen_alleen": "participatiewet.vermogensgrens.alleenstaande",
    "vermogen_gezin": "participatiewet.vermogensgrens.gezin",
    "vrij_n": "participatiewet.inkomensvrijlating.n_percentage",
    "vrij_n_max": "participatiewet.inkomensvrijlating.n_maximum",
    "vrij_n_duur": "participatiewet.inkomensvrijlating.n_duur_maanden",
    "vrij_leeftijd": "participatiewet.inkomensvrijlating.minimumleeftijd",
    "vrij_r": "participatiewet.inkomensvrijlating.r_percentage",
    "vrij_r_max": "participatiewet.inkomensvrijlating.r_maximum",
    "vrij_r_duur": "participatiewet.inkomensvrijlating.r_duur_maanden",
    "vrij_r_kind": "participatiewet.inkomensvrijlating.r_leeftijd_kind",
    "vrij_y": "participatiewet.inkomensvrijlating.y_percentage",
    "vrij_y_max": "participatiewet.inkomensvrijlating.y_maximum",
    "premie_max": "participatiewet.inkomensvrijlating.premie_maximum",
    "wml_uur": "minimumloon.uurloon_21_plus",
    "vakantiebijslag": "minimumloon.vakantiebijslag_percentage",
    "s1_tarief": "loonheffing.tarieven.schijf1_tarief",
    "s1_grens": "loonheffing.tarieven.schijf1_grens",
    "s2_tarief": "loonheffing.tarieven.schijf2_tarief",
    "s2_grens": "loonheffing.tarieven.schijf2_grens",
    "s3_tarief": "loonheffing.tarieven.schijf3_tarief",
    "ahk_max": "loonheffing.algemene_heffingskorting.maximum",
    "ahk_vanaf": "loonheffing.algemene_heffingskorting.afbouw_vanaf",
    "ahk_afbouw": "loonheffing.algemene_heffingskorting.afbouw_percentage",
    "ak_knik1": "loonheffing.arbeidskorting.knik1",
    "ak_opbouw1": "loonheffing.arbeidskorting.opbouw1",
    "ak_bedrag1": "loonheffing.arbeidskorting.bedrag_knik1",
    "ak_knik2": "loonheffing.arbeidskorting.knik2",
    "ak_opbouw2": "loonheffing.arbeidskorting.opbouw2",
    "ak_bedrag2": "loonheffing.arbeidskorting.bedrag_knik2",
    "ak_knik3": "loonheffing.arbeidskorting.knik3",
    "ak_opbouw3": "loonheffing.arbeidskorting.opbouw3",
    "ak_max": "loonheffing.arbeidskorting.maximum",
    "ak_afbouw": "loonheffing.arbeidskorting.afbouw_percentage",
    "iack_drempel": "loonheffing.iack.drempel",
    "iack_opbouw": "loonheffing.iack.opbouw",
    "iack_max": "loonheffing.iack.maximum",
    "iack_kind": "loonheffing.iack.leeftijd_kind",
    "zt_standaardpremie": "zorgtoeslag.standaardpremie",
    "zt_drempel": "zorgtoeslag.drempelinkomen",
    "zt_alleen": "zorgtoeslag.normpremie_alleen_percentage",
    "zt_partner": "zorgtoeslag.normpremie_partner_percentage",
    "zt_afbouw": "zorgtoeslag.afbouw_percentage",
    "zt_vermogen_alleen": "zorgtoeslag.vermogensgrens_alleen",
    "zt_vermogen_partner": "zorgtoeslag.vermogensgrens_partner",
    "kgb_kind": "kindgebonden_budget.bedrag_per_kind",
    "kgb_12_15": "kindgebonden_budget.verhoging_12_15",
    "kgb_16_17": "kindgebonden_budget.verhoging_16_17",
    "kgb_alo": "kindgebonden_budget.alleenstaande_ouderkop",
    "kgb_afbouw": "kindgebonden_budget.afbouw_percentage",
    "kgb_drempel": "kindgebonden_budget.drempelinkomen",
    "kgb_partner_extra": "kindgebonden_budget.drempel_verhoging_partner",
    "kgb_vermogen_alleen": "kindgebonden_budget.vermogensgrens_alleen",
    "kgb_vermogen_partner": "kindgebonden_budget.vermogensgrens_partner",
    "kb_0_5": "kinderbijslag.kwartaal_0_5",
    "kb_6_11": "kinderbijslag.kwartaal_6_11",
    "kb_12_17": "kinderbijslag.kwartaal_12_17",
    "kot_max_uurprijs": "kinderopvangtoeslag.max_uurprijs_dagopvang",
    "kot_max_uren": "kinderopvangtoeslag.max_uren_per_maand",
    "kot_percentage": "kinderopvangtoeslag.vergoeding_percentage_laag_inkomen",
    "kot_grens": "kinderopvangtoeslag.grens_laag_inkomen",
    "ht_max_huur": "huurtoeslag.maximale_huurgrens",
    "ht_geen_boven_max": "huurtoeslag.geen_huurtoeslag_boven_maximale_huurgrens",
    "ht_servicekosten": "huurtoeslag.servicekosten_in_rekenhuur",
    "ht_servicekosten_max": "huurtoeslag.servicekosten_maximum",
    "ht_kkg": "huurtoeslag.kwaliteitskortingsgrens",
    "ht_aftop_klein": "huurtoeslag.aftoppingsgrens_klein",
    "ht_aftop_groot": "huurtoeslag.aftoppingsgrens_groot",
    "ht_pct_aftop": "huurtoeslag.percentage_tot_aftopping",
    "ht_pct_boven": "huurtoeslag.percentage_boven_aftopping",
    "ht_basishuur_een": "huurtoeslag.basishuur_eenpersoons",
    "ht_basishuur_meer": "huurtoeslag.basishuur_meerpersoons",
    "ht_ijkpunt_een": "huurtoeslag.minimum_inkomensijkpunt_eenpersoons",
    "ht_ijkpunt_meer": "huurtoeslag.minimum_inkomensijkpunt_meerpersoons",
    "ht_afbouw_een": "huurtoeslag.afbouw_eenpersoons",
    "ht_afbouw_meer": "huurtoeslag.afbouw_meerpersoons",
    "ht_vermogen": "huurtoeslag.vermogensgrens_per_persoon",
}


@dataclass(frozen=True, eq=False)
class PeilParameters:
    """All values the engine needs on one peildatum (cents / Tarief / int).

    Compared and hashed by identity: ``peilparameters`` keeps one object per peildatum and
    overrides, and the formulas cache the constants they derive from it per object.
    """

    peildatum: dt.date
    norm_alleenstaande: int
    norm_gehuwden: int
    minimumleeftijd: int
    aow_leeftijd: int
    vt: Tarief
    vt_maand: int
    kdn_basis: Tarief
    kdn_per_persoon: Tarief
    kostendeler_leeftijd: int
    vermogen_alleen: int
    vermogen_gezin: int
    vrij_n: Tarief
    vrij_n_max: int
    vrij_n_duur: int
    vrij_leeftijd: int
    vrij_r: Tarief
    vrij_r_max: int
    vrij_r_duur: int
    vrij_r_kind: int
    vrij_y: Tarief
    vrij_y_max: int
    premie_max: int
    wml_uur: int
    vakantiebijslag: Tarief
    s1_tarief: Tarief
    s1_grens: int
    s2_tarief: Tarief
    s2_grens: int
    s3_tarief: Tarief
    ahk_max: int
    ahk_vanaf: int
    ahk_afbouw: Tarief
    ak_knik1: int
    ak_opbouw1: Tarief
    ak_bedrag1: int
    ak_knik2: int
    ak_opbouw2: Tarief
    ak_bedrag2: int
    ak_knik3: int
    ak_opbouw3: Tarief
    ak_max: int
    ak_afbouw: Tarief
    iack_drempel: int
    iack_opbouw: Tarief
    iack_max: int
    iack_kind: int
    zt_standaardpremie: int
    zt_drempel: int
    zt_alleen: Tarief
    zt_partner: Tarief
    zt_afbouw: Tarief
    zt_vermogen_alleen: int
    zt_vermogen_partner: int
    kgb_kind: int
    kgb_12_15: int
    kgb_16_17: int
    kgb_alo: int
    kgb_afbouw: Tarief
    kgb_drempel: int
    kgb_partner_extra: int
    kgb_vermogen_alleen: int
    kgb_vermogen_partner: int
    kb_0_5: int
    kb_6_11: int
    kb_12_17: int
    kot_max_uurprijs: int
    kot_max_uren: int
    kot_percentage: Tarief
    kot_grens: int
    ht_max_huur: int
    ht_geen_boven_max: bool  # 2025: rent above the maximale huurgrens gives no huurtoeslag at all
    ht_servicekosten: bool  # 2025: service costs count in the rekenhuur
    ht_servicekosten_max: int  # ... up to this amount per month (art. 5 lid 3, text 2025)
    ht_kkg: int
    ht_aftop_klein: int
    ht_aftop_groot: int
    ht_pct_aftop: Tarief
    ht_pct_boven: Tarief
    ht_basishuur_een: int
    ht_basishuur_meer: int
    ht_ijkpunt_een: int
    ht_ijkpunt_meer: int
    ht_afbouw_een: Tarief
    ht_afbouw_meer: Tarief
    ht_vermogen: int
    # Provenance for the explanation: path → value record actually used.
    gebruikt: dict[str, Waarde]
    overschreven: dict[str, Decimal]
    onzeker: tuple[str, ...]  # paths of values with zekerheid 'laag'


def _omzetten(param: Parameter, waarde: Decimal) -> int | bool | Tarief:
    if param.eenheid == "percentage":
        return Tarief.uit_percentage(waarde)
    if param.eenheid == "ja/nee":
        if waarde not in (0, 1):
            raise ValueError(f"{param.pad}: verwacht 1 (ja) of 0 (nee), kreeg {waarde}")
        return waarde == 1
    if param.is_geld:
        return int((waarde * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    if waarde != waarde.to_integral_value():
        raise ValueError(f"{param.pad}: verwacht een geheel getal, kreeg {waarde}")
    return int(waarde)


def controleer_peildatum(peildatum: dt.date, veld: str = "peildatum") -> None:
    if peildatum < EERSTE_PEILDATUM or peildatum > LAATSTE_PEILDATUM:
        raise InvoerFout(
            veld,
            f"het rekenmodel kent de regels van {EERSTE_PEILDATUM.isoformat()} tot en met "
            f"{LAATSTE_PEILDATUM.isoformat()}; {peildatum.isoformat()} valt daarbuiten (niet gemodelleerd).",
        )


def bekende_paden() -> frozenset[str]:
    return frozenset(_PADEN.values())


@lru_cache(maxsize=64)
def peilparameters(
    peildatum: dt.date, overrides: tuple[tuple[str, Decimal], ...] = ()
) -> PeilParameters:
    """Parameters on ``peildatum``; ``overrides`` replace values (policy variants, B4)."""
    controleer_peildatum(peildatum)
    boom = parameterboom()
    overr = dict(overrides)
    for pad, waarde in overr.items():
        if pad not in boom:
            raise InvoerFout(
                f"varianten.parameters.{pad}",
                "onbekende parameter; zie docs/regels.md voor de paden.",
            )
        if boom[pad].eenheid == "ja/nee" and waarde not in (0, 1):
            raise InvoerFout(f"varianten.parameters.{pad}", "verwacht 1 (ja) of 0 (nee).")
    kwargs: dict[str, Any] = {}
    gebruikt: dict[str, Waarde] = {}
    for veld, pad in _PADEN.items():
        param = boom[pad]
        w = param.op(peildatum)
        gebruikt[pad] = w
        ruwe = overr.get(pad, w.waarde)
        if ruwe is None:
            raise InvoerFout(
                "peildatum",
                f"parameter {pad} is op {peildatum.isoformat()} beëindigd (niet gemodelleerd).",
            )
        kwargs[veld] = _omzetten(param, ruwe)
    namen = {f.name for f in fields(PeilParameters)}
    ontbrekend = namen - set(kwargs) - {"peildatum", "gebruikt", "overschreven", "onzeker"}
    if ontbrekend:  # pragma: no cover - guards the mapping above
        raise RuntimeError(f"parameters zonder pad: {sorted(ontbrekend)}")
    onzeker = tuple(
        sorted(pad for pad, w in gebruikt.items() if w.zekerheid == "laag" and pad not in overr)
    )
    return PeilParameters(
        peildatum=peildatum, gebruikt=gebruikt, overschreven=overr, onzeker=onzeker, **kwargs
    )


def waarde_record(p: PeilParameters, pad: str) -> tuple[Parameter, Waarde]:
    return parameterboom()[pad], p.gebruikt[pad]
