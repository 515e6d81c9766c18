"""Property tests (hypothesis): invariants of the engine over many households."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import numpy as np
from hypothesis import HealthCheck, given, reject, settings
from hypothesis import strategies as st

import regels
from regels.api import uitkomst_voor
from regels.formules import participatiewet as pw
from regels.peilparameters import peilparameters

PEILDATA = ["2025-07-01", "2026-01-01", "2026-03-15", "2026-07-01"]
INSTELLINGEN = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@st.composite
def huishoudens(
    draw: st.DrawFn,
    *,
    opvang: bool = True,
    peildatum: str | None = None,
    gemeente: str | None | bool = False,
    netto: bool = False,
) -> dict[str, Any]:
    """One household of the JSON contract. ``peildatum``/``gemeente`` fix those fields (for batches
    of households that share them); ``netto`` gives the wage as net amounts instead of hours."""
    peildatum = peildatum or draw(st.sampled_from(PEILDATA))
    peil = dt.date.fromisoformat(peildatum)
    leeftijd = draw(st.integers(21, 65))  # born in the year before: age leeftijd or leeftijd + 1
    geboren = dt.date(peil.year - leeftijd - 1, draw(st.integers(1, 12)), 1)
    partner = draw(st.booleans())
    # Birth dates around the peildatum's quarter start and 1 January (age a or a + 1, at most 17);
    # a = -1 is a child born this year, on or before the peildatum (kinderbijslag and IACK edges).
    kinderen = []
    for a in draw(st.lists(st.integers(-1, 16), max_size=3)):
        if a < 0:
            kind = dt.date(peil.year, 1, 1) + dt.timedelta(
                days=draw(st.integers(0, (peil - dt.date(peil.year, 1, 1)).days))
            )
        else:
            kind = dt.date(
                peil.year - a - 1, draw(st.integers(1, 12)), draw(st.sampled_from([1, 2, 15, 28]))
            )
        kinderen.append({"geboortedatum": kind.isoformat()})
    invoer: dict[str, Any] = {
        "peildatum": peildatum,
        "gemeente": draw(st.sampled_from([None, "demodam", "alphen_aan_den_rijn"]))
        if gemeente is False
        else gemeente,
        "aanvrager": {"geboortedatum": geboren.isoformat()},
        "partner": {"geboortedatum": dt.date(peil.year - 40, 3, 3).isoformat()}
        if partner
        else None,
        "kinderen": kinderen,
        "kostendelers": draw(st.integers(0, 6)),
        "kale_huur": draw(st.sampled_from([0, 450, 650.55, 800, 940])),
        "servicekosten": draw(st.sampled_from([0, 25, 48.5])),
        "vermogen": draw(st.sampled_from([0, 5000, 8000, 12000, 20000])),
        "vrijlating_maanden_gebruikt": draw(st.integers(0, 40)),
        "medisch_urenbeperkt": draw(st.booleans()),
        "vakantiegeld_in_mei": draw(st.booleans()),
        "jaren_laag_inkomen": draw(st.sampled_from([None, 0, 3, 5])),
        "werk": {
            "bruto_uurloon": draw(st.sampled_from([12.5, 14.71, 16.0, 19.99, 24.5])),
            "uren_per_week": sorted(
                draw(st.lists(st.integers(0, 40), min_size=1, max_size=8, unique=True))
            ),
        },
    }
    if netto:
        invoer["werk"] = {
            "netto_loon_per_maand": draw(
                st.lists(st.integers(0, 250_000).map(lambda c: c / 100), min_size=1, max_size=8)
            )
        }
    if invoer["kale_huur"] == 0:
        invoer["servicekosten"] = 0
    if opvang and any(
        dt.date.fromisoformat(k["geboortedatum"]) > dt.date(peil.year - 12, peil.month, peil.day)
        for k in kinderen
    ):
        invoer["kinderopvang_uren_per_maand"] = draw(st.sampled_from([0, 40, 120]))
    return invoer


def _bereken(invoer: dict[str, Any], **opties: Any) -> dict[str, Any]:
    """``regels.bereken``, but a household whose childcare falls outside the modelled table is
    not a valid example (the single path refuses it; the batch path is not asked to)."""
    try:
        return regels.bereken(invoer, **opties)
    except regels.InvoerFout as fout:
        if fout.veld == "kinderopvang_uren_per_maand":
            reject()
        raise


@INSTELLINGEN
@given(huishoudens())
def test_bijstand_nooit_negatief_en_vrijlating_nooit_boven_maximum(invoer: dict[str, Any]) -> None:
    _bereken(invoer)
    inv, p, u = uitkomst_voor(invoer)
    assert (u.niveau["bijstand"] >= 0).all()
    assert (u.niveau["bijstand"] <= u.vast["bijstandsnorm"][:, None]).all()
    regime = int(u.vast["vrijlating_regime"][0])
    maximum = {
        pw.GEEN: 0,
        pw.ONDERDEEL_N: p.vrij_n_max,
        pw.ONDERDEEL_R: p.vrij_r_max,
        pw.ONDERDEEL_Y: p.vrij_y_max,
    }[regime]
    assert (u.niveau["inkomensvrijlating"] <= maximum).all()
    assert (u.niveau["inkomensvrijlating"] >= 0).all()
    assert (
        u.niveau["bijstand_uitbetaald"] + u.niveau["vakantietoeslag_bijstand"]
        == u.niveau["bijstand"]
    ).all()


@INSTELLINGEN
@given(st.booleans().flatmap(lambda netto: huishoudens(opvang=False, netto=netto)))
def test_totaal_nooit_onder_de_norm_zolang_het_inkomen_eronder_ligt(invoer: dict[str, Any]) -> None:
    inv, p, u = uitkomst_voor(invoer)
    if not u.vast["recht_bijstand"][0]:
        return
    norm = int(u.vast["bijstandsnorm"][0])
    inkomen = u.niveau["netto_loon_incl_vakantiegeld_per_maand"][0] + u.niveau["iack_per_maand"][0]
    onder = inkomen < norm
    assert (u.niveau["totaal_netto_per_maand"][0][onder] >= norm).all()


@INSTELLINGEN
@given(
    huishoudens(), st.sampled_from([None, "premie_na_zes_maanden", "vast_maandbedrag_behalve_mei"])
)
def test_batch_gelijk_aan_enkel_tot_op_de_cent(invoer: dict[str, Any], regel: str | None) -> None:
    varianten = [{"naam": "v", "regel": regel}] if regel else None
    enkel = _bereken(invoer, varianten=varianten)
    rijen = enkel["varianten"][0]["resultaten"] if regel else enkel["resultaten"]
    inv, p, _u = uitkomst_voor(invoer)
    # Three copies (one hourly wage: the wage table is used): blocks and threads agree.
    hh = {k: np.repeat(v, 3) for k, v in inv.hh.__dict__.items()}
    sleutels = (
        "bijstand",
        "totaal_netto_per_maand",
        "zorgtoeslag",
        "huurtoeslag",
        "kindgebonden_budget",
        "inkomensvrijlating",
    )
    regelingen = tuple(rijen[0]["gemeentelijke_regelingen"])
    uit = regels.bereken_batch(
        invoer["peildatum"],
        hh,
        np.repeat(inv.bruto_uurloon or 0, 3),
        inv.uren or [0],
        gemeente=invoer["gemeente"],
        regel=regel,
        blokgrootte=2,
        threads=2,
        uitvoer=sleutels + regelingen,
    )
    for sleutel in sleutels:
        enkel_centen = [round(r[sleutel] * 100) for r in rijen]
        for h in range(3):
            assert uit[sleutel][h].tolist() == enkel_centen, sleutel
    for naam in regelingen:
        enkel_centen = [round(r["gemeentelijke_regelingen"][naam] * 100) for r in rijen]
        for h in range(3):
            assert uit[naam][h].tolist() == enkel_centen, naam


def test_geld_is_altijd_hele_centen() -> None:
    p = peilparameters(dt.date(2026, 1, 1))
    assert isinstance(p.norm_alleenstaande, int)
    uit = regels.bereken(
        {
            "peildatum": "2026-01-01",
            "aanvrager": {"geboortedatum": "1985-01-01"},
            "kale_huur": 612.34,
            "werk": {"bruto_uurloon": 13.37, "uren_per_week": list(range(41))},
        }
    )
    for rij in uit["resultaten"]:
        for k, v in rij.items():
            if isinstance(v, float) and k != "marginale_druk":
                assert round(v * 100) == v * 100 or abs(round(v * 100) - v * 100) < 1e-6, (k, v)


# Policy variants (B4): a parameter override in the unit of its parameter file.
OVERSCHRIJVINGEN: list[dict[str, float]] = [
    {"participatiewet.inkomensvrijlating.n_percentage": 50},
    {"participatiewet.inkomensvrijlating.n_maximum": 400},
    {
        "participatiewet.inkomensvrijlating.n_duur_maanden": 12,
        "participatiewet.inkomensvrijlating.r_maximum": 250,
    },
    {
        "participatiewet.inkomensvrijlating.y_percentage": 25,
        "participatiewet.inkomensvrijlating.y_maximum": 300,
    },
    {
        "participatiewet.bijstandsnorm.alleenstaande": 1500,
        "participatiewet.vermogensgrens.alleenstaande": 12000,
    },
    {"participatiewet.kostendelersnorm.percentage_per_persoon": 35},
]


@INSTELLINGEN
@given(
    huishoudens(),
    st.sampled_from(OVERSCHRIJVINGEN),
    st.sampled_from([None, "premie_na_zes_maanden", "vast_maandbedrag_behalve_mei"]),
)
def test_variant_met_parameters_batch_gelijk_aan_enkel_en_binnen_de_grenzen(
    invoer: dict[str, Any], parameters: dict[str, float], regel: str | None
) -> None:
    enkel = _bereken(invoer, varianten=[{"naam": "v", "parameters": parameters, "regel": regel}])
    rijen = enkel["varianten"][0]["resultaten"]
    inv, p, _u = uitkomst_voor(invoer)
    overschreven = peilparameters(
        p.peildatum, tuple(sorted((k, Decimal(str(v))) for k, v in parameters.items()))
    )
    maximum = max(overschreven.vrij_n_max, overschreven.vrij_r_max, overschreven.vrij_y_max)
    for rij in rijen:
        assert 0 <= rij["bijstand"] <= rij["bijstandsnorm"]
        assert 0 <= rij["inkomensvrijlating"] <= maximum / 100
    hh = {k: np.repeat(v, 2) for k, v in inv.hh.__dict__.items()}
    uit = regels.bereken_batch(
        invoer["peildatum"],
        hh,
        np.repeat(inv.bruto_uurloon or 0, 2),
        inv.uren or [0],
        gemeente=invoer["gemeente"],
        parameters=parameters,
        regel=regel,
        blokgrootte=1,
        threads=2,
        uitvoer=(
            "bijstand",
            "totaal_netto_per_maand",
            "inkomensvrijlating",
            "zorgtoeslag",
            "huurtoeslag",
        ),
    )
    for sleutel in (
        "bijstand",
        "totaal_netto_per_maand",
        "inkomensvrijlating",
        "zorgtoeslag",
        "huurtoeslag",
    ):
        enkel_centen = [round(r[sleutel] * 100) for r in rijen]
        for h in range(2):
            assert uit[sleutel][h].tolist() == enkel_centen, sleutel


@st.composite
def caseload(draw: st.DrawFn) -> tuple[list[dict[str, Any]], list[int]]:
    """Several different households with one peildatum, municipality and list of hours."""
    peildatum = draw(st.sampled_from(PEILDATA))
    gemeente = draw(st.sampled_from([None, "demodam", "alphen_aan_den_rijn"]))
    uren = sorted(draw(st.lists(st.integers(0, 40), min_size=1, max_size=6, unique=True)))
    invoeren = draw(
        st.lists(huishoudens(peildatum=peildatum, gemeente=gemeente), min_size=2, max_size=5)
    )
    for invoer in invoeren:
        invoer["werk"]["uren_per_week"] = uren
    return invoeren, uren


@INSTELLINGEN
@given(caseload())
def test_batch_van_verschillende_huishoudens_gelijk_aan_enkel_tot_op_de_cent(
    gegevens: tuple[list[dict[str, Any]], list[int]],
) -> None:
    """The caseload path (huishoudens_uit_invoer + bereken_batch, blocks of one household on two
    threads) gives every household exactly its own single result."""
    invoeren, uren = gegevens
    hh, geldig, fouten = regels.huishoudens_uit_invoer(invoeren)
    assert not fouten and geldig == list(range(len(invoeren)))
    lonen = np.array([round(i["werk"]["bruto_uurloon"] * 100) for i in invoeren], dtype=np.int64)
    sleutels = (
        "bijstand",
        "totaal_netto_per_maand",
        "inkomensvrijlating",
        "zorgtoeslag",
        "huurtoeslag",
        "kindgebonden_budget",
        "kinderbijslag",
    )
    enkel = [_bereken(invoer)["resultaten"] for invoer in invoeren]
    uit = regels.bereken_batch(
        invoeren[0]["peildatum"],
        hh,
        lonen,
        uren,
        gemeente=invoeren[0]["gemeente"],
        blokgrootte=1,
        threads=2,
        uitvoer=sleutels,
    )
    for h, rijen in enumerate(enkel):
        for sleutel in sleutels:
            assert uit[sleutel][h].tolist() == [round(r[sleutel] * 100) for r in rijen], (
                h,
                sleutel,
            )
