"""Public API: contract keys, net-wage input, explanation, variants, municipal regulations."""

from __future__ import annotations

from typing import Any

import pytest

import regels

BASIS: dict[str, Any] = {
    "peildatum": "2026-01-01",
    "gemeente": "demodam",
    "aanvrager": {"geboortedatum": "1980-05-01"},
    "partner": None,
    "kinderen": [{"geboortedatum": "2018-03-01"}],
    "kostendelers": 0,
    "kale_huur": 700.00,
    "servicekosten": 30.00,
    "vermogen": 0,
    "vrijlating_maanden_gebruikt": 0,
    "werk": {"bruto_uurloon": 15.00, "uren_per_week": [0, 8, 16, 24, 32, 36]},
}
CONTRACT = {
    "uren_per_week",
    "bruto_loon_per_maand",
    "netto_loon_per_maand",
    "bijstandsnorm",
    "inkomensvrijlating",
    "bijstand",
    "bijstand_uitbetaald",
    "zorgtoeslag",
    "huurtoeslag",
    "kindgebonden_budget",
    "kinderbijslag",
    "kinderopvangtoeslag",
    "gemeentelijke_regelingen",
    "totaal_netto_per_maand",
    "zelf_verdiend",
    "toetsingsinkomen_per_jaar",
}


def test_contract_sleutels_en_uren_uit_bijstand() -> None:
    uit = regels.bereken(BASIS)
    assert {"peildatum", "resultaten", "uren_uit_bijstand", "waarschuwingen"} <= set(uit)
    for rij in uit["resultaten"]:
        assert set(rij) >= CONTRACT
    bij = [r["bijstand"] for r in uit["resultaten"]]
    assert bij[3] > 0 and bij[4] == 0
    assert 24 < uit["uren_uit_bijstand"] <= 32
    assert uit["vrijlating_eindigt"] == "2026-06"
    assert uit["maand_met_vakantiegeld"] == "2026-05"
    # The fine search: just below the found hours there is still bijstand, at them none.
    fijn = regels.bereken(
        {
            **BASIS,
            "werk": {
                "bruto_uurloon": 15.0,
                "uren_per_week": [uit["uren_uit_bijstand"] - 0.1, uit["uren_uit_bijstand"]],
            },
        }
    )
    assert fijn["resultaten"][0]["bijstand"] > 0 and fijn["resultaten"][1]["bijstand"] == 0


def test_uren_uit_bijstand_hangt_niet_af_van_de_volgorde_van_de_uren() -> None:
    """Hours given in any order (or twice) give the same exit hours as the sorted list; a level
    that is not a whole tenth of an hour searches on its own 0.1-hour grid."""

    def uren_uit(uren: list[float]) -> float | None:
        uit: float | None = regels.bereken(
            {**BASIS, "werk": {"bruto_uurloon": 15.0, "uren_per_week": uren}}
        )["uren_uit_bijstand"]
        return uit

    gesorteerd = uren_uit([0, 5, 10, 36, 40])
    assert gesorteerd is not None and 10 < gesorteerd < 36
    assert uren_uit([40, 0, 10, 36, 5]) == gesorteerd
    assert uren_uit([0, 0, 36, 36, 10]) == gesorteerd
    scheef = uren_uit([7.25, 36, 0])
    assert (
        scheef is not None
        and round((scheef - 7.25) * 100) % 10 == 0
        and abs(scheef - gesorteerd) < 0.1
    )
    assert uren_uit([36]) == 36.0 and uren_uit([5]) is None


def test_totaal_is_de_som_van_de_delen() -> None:
    for rij in regels.bereken(BASIS)["resultaten"]:
        som = (
            rij["zelf_verdiend"]
            + rij["inkomensafhankelijke_combinatiekorting"]
            + rij["bijstand"]
            + rij["zorgtoeslag"]
            + rij["huurtoeslag"]
            + rij["kindgebonden_budget"]
            + rij["kinderbijslag"]
            + rij["kinderopvangtoeslag"]
            - rij["kinderopvang_kosten"]
            + sum(rij["gemeentelijke_regelingen"].values())
        )
        assert round(som, 2) == rij["totaal_netto_per_maand"]


def test_netto_loon_als_invoer() -> None:
    uit = regels.bereken({**BASIS, "werk": {"netto_loon_per_maand": [0, 400, 800]}})
    assert [r["uren_per_week"] for r in uit["resultaten"]] == [None, None, None]
    assert [r["netto_loon_per_maand"] for r in uit["resultaten"]] == [0.0, 400.0, 800.0]
    assert uit["resultaten"][2]["bruto_loon_per_maand"] >= 800
    assert uit["uren_uit_bijstand"] is None


def test_minimumloon_waarschuwing() -> None:
    uit = regels.bereken({**BASIS, "werk": {"bruto_uurloon": 11.0, "uren_per_week": [10]}})
    assert any("minimumloon" in w for w in uit["waarschuwingen"])


def test_armoedeval_wordt_gemeld() -> None:
    # A Demodam regulation with a hard income limit makes 'more hours, less money' visible.
    uit = regels.bereken(
        {
            **BASIS,
            "jaren_laag_inkomen": 5,
            "werk": {"bruto_uurloon": 15.0, "uren_per_week": list(range(20, 31))},
        }
    )
    assert uit["armoedeval"], "verwacht een zone waar meer uren minder geld geven"
    zone = uit["armoedeval"][0]
    assert zone["verlies_per_maand"] > 0
    assert any("minder over" in w for w in uit["waarschuwingen"])


def test_uitleg_alleen_op_verzoek_met_bronnen_en_b1_tekst() -> None:
    assert "uitleg" not in regels.bereken(BASIS)
    uitleg = regels.bereken(BASIS, uitleg=True)["uitleg"]
    assert uitleg["regelversie"] == regels.REGELVERSIE
    norm = uitleg["parameters"]["participatiewet.bijstandsnorm.alleenstaande"]
    assert norm["waarde"] == 1401.5 and norm["bron"][0]["url"].startswith(
        "https://wetten.overheid.nl/BWBR0015703/"
    )
    stappen = {s["naam"]: s for s in uitleg["niveaus"][1]["stappen"]}
    assert stappen["inkomensvrijlating"]["artikel"].startswith(
        "Participatiewet art. 31 lid 2 onderdeel n"
    )
    assert stappen["bijstand"]["waarde"] == regels.bereken(BASIS)["resultaten"][1]["bijstand"]
    tekst = uitleg["niveaus"][1]["tekst"]
    assert "inkomensvrijlating" in tekst and "juni 2026" in tekst
    assert max(len(z.split()) for z in tekst.split(". ")) < 30, "korte zinnen (B1)"


def test_variant_met_parameter_en_regel_naast_elkaar() -> None:
    uit = regels.bereken(
        BASIS,
        varianten=[
            {
                "naam": "hoger maximum",
                "parameters": {"participatiewet.inkomensvrijlating.n_maximum": 400},
            },
            {"naam": "premie", "regel": "premie_na_zes_maanden"},
            {"naam": "vast", "regel": "vast_maandbedrag_behalve_mei"},
        ],
    )
    hoger, premie, vast = uit["varianten"]
    assert (
        hoger["resultaten"][3]["inkomensvrijlating"]
        > uit["resultaten"][3]["inkomensvrijlating"]
        == 285.0
    )
    assert all(v >= 0 for v in hoger["verschil_totaal_per_maand"])
    assert premie["resultaten"][1]["inkomensvrijlating"] == 0.0
    assert premie["resultaten"][1]["premie_eenmalig"] == round(
        6 * uit["resultaten"][1]["inkomensvrijlating"], 2
    )
    assert vast["resultaten"][1]["bijstand_behalve_mei"] >= vast["resultaten"][1]["bijstand_in_mei"]
    # The base scenario is untouched by the variants.
    assert uit["resultaten"] == regels.bereken(BASIS)["resultaten"]


@pytest.mark.parametrize(
    ("varianten", "veld"),
    [
        (
            [{"naam": "x", "parameters": {"bestaat.niet": 1}}],
            "varianten[0].parameters.bestaat.niet",
        ),
        ([{"naam": "x", "regel": "onzin"}], "varianten[0].regel"),
    ],
)
def test_foute_variant_noemt_het_veld(varianten: list[dict[str, Any]], veld: str) -> None:
    with pytest.raises(regels.InvoerFout) as fout:
        regels.bereken(BASIS, varianten=varianten)
    assert fout.value.veld == veld


def test_gemeentelijke_regelingen_en_recht() -> None:
    lijst = regels.gemeentelijke_regelingen("GM9999", "2026-01-01")
    assert {r["soort"] for r in lijst} >= {
        "individuele_inkomenstoeslag",
        "kwijtschelding",
        "stadspas",
        "kindregeling",
    }
    assert all(r["fictief"] for r in lijst)
    alphen = regels.gemeentelijke_regelingen("alphen_aan_den_rijn")
    assert alphen[0]["inkomensgrens_procent_van_bijstandsnorm"] == 110.0
    assert alphen[0]["bedragen"]["alleenstaande"] == {"bedrag": 601.0, "per": "jaar"}
    with pytest.raises(regels.InvoerFout):
        regels.gemeentelijke_regelingen("atlantis")

    recht = {
        r["id"]: r for r in regels.regelingen_voor_huishouden({**BASIS, "jaren_laag_inkomen": 4})
    }
    assert recht["individuele_inkomenstoeslag"]["recht"] is True
    assert (
        recht["individuele_inkomenstoeslag"]["bedrag_per_jaar"] == 575.0
    )  # alleenstaande ouder, Demodam
    assert "niet hoger dan de grens van 120%" in recht["individuele_inkomenstoeslag"]["reden"]
    hoog = {
        r["id"]: r
        for r in regels.regelingen_voor_huishouden({**BASIS, "jaren_laag_inkomen": 4}, niveau=5)
    }
    assert (
        hoog["kwijtschelding"]["recht"] is False
        and "hoger dan de grens" in hoog["kwijtschelding"]["reden"]
    )
    onbekend = {r["id"]: r for r in regels.regelingen_voor_huishouden(BASIS)}
    assert onbekend["individuele_inkomenstoeslag"]["recht"] is False
    assert "Dat weten we niet" in onbekend["individuele_inkomenstoeslag"]["reden"]


def test_alphen_iit_110_procent() -> None:
    invoer = {
        **BASIS,
        "gemeente": "GM0484",
        "kinderen": [],
        "jaren_laag_inkomen": 3,
        "kale_huur": 0,
        "servicekosten": 0,
    }
    rij = regels.bereken(invoer)["resultaten"][0]
    assert rij["gemeentelijke_regelingen"] == {"Individuele inkomenstoeslag": 50.08}  # 601 / 12
    with pytest.raises(regels.InvoerFout):
        regels.bereken(
            {**invoer, "peildatum": "2025-07-01", "werk": None} | {"gemeente": "nergens"}
        )


def test_kinderopvangtoeslag_alleen_bij_werk() -> None:
    uit = regels.bereken({**BASIS, "kinderopvang_uren_per_maand": 80})
    nul, acht = uit["resultaten"][0], uit["resultaten"][1]
    assert nul["kinderopvangtoeslag"] == 0 and nul["kinderopvang_kosten"] == 0
    assert acht["kinderopvangtoeslag"] == 862.46  # 96 % x 80 h x 11,23
    assert acht["kinderopvang_kosten"] == 898.40


def test_batch_weigert_leeftijd_buiten_model() -> None:
    import numpy as np

    with pytest.raises(regels.InvoerFout) as fout:
        regels.bereken_batch(
            "2026-01-01", {"leeftijd": np.array([30, 70])}, np.array([1500, 1500]), [0, 10]
        )
    assert fout.value.veld == "huishoudens.leeftijd[1]"


def test_batch_weigert_negatief_uurloon_en_rekent_gedeelde_uurlonen_als_losse() -> None:
    """A negative hourly wage is refused with its index. Households that share an hourly wage
    (the wage table) get the same amounts as when each wage is computed on its own."""
    import numpy as np

    with pytest.raises(regels.InvoerFout) as fout:
        regels.bereken_batch(
            "2026-01-01", {"leeftijd": np.array([30, 40])}, np.array([1500, -1]), [0, 10]
        )
    assert fout.value.veld == "bruto_uurloon[1]" and "negatief" in str(fout.value)
    hh = {"leeftijd": np.array([30, 40, 50, 30]), "kinderen_0_5": np.array([0, 1, 0, 2])}
    gedeeld = regels.bereken_batch(
        "2026-01-01", hh, np.array([1500, 1500, 1500, 1500]), np.arange(41)
    )
    los = [
        regels.bereken_batch(
            "2026-01-01", {k: v[i : i + 1] for k, v in hh.items()}, np.array([1500]), np.arange(41)
        )
        for i in range(4)
    ]
    for sleutel in ("bijstand", "totaal_netto_per_maand"):
        assert gedeeld[sleutel].tolist() == [rij for uit in los for rij in uit[sleutel].tolist()]


def test_batch_zonder_peildagtellingen_rekent_met_de_leeftijd_op_de_peildatum() -> None:
    """Without iack_kinderen / kinderbijslag_* (default -1) the batch uses the peildatum age bands;
    given (as huishoudens_uit_invoer does), they follow 1 January and the quarter start."""
    import numpy as np

    basis = {"leeftijd": np.array([35, 35]), "kinderen_12_15": np.array([1, 1])}
    uit = regels.bereken_batch(
        "2026-03-15", basis, np.array([1500, 1500]), [20], uitvoer=("kinderbijslag",)
    )
    assert uit["kinderbijslag"][:, 0].tolist() == [
        14051,
        14051,
    ]  # 421,53 / 3: 12-17 on the peildatum
    gegeven = {
        **basis,
        "kinderbijslag_6_11": np.array([1, -1]),
        "kinderbijslag_12_17": np.array([0, -1]),
    }
    uit = regels.bereken_batch(
        "2026-03-15", gegeven, np.array([1500, 1500]), [20], uitvoer=("kinderbijslag",)
    )
    assert uit["kinderbijslag"][:, 0].tolist() == [
        11943,
        14051,
    ]  # 358,30 / 3 for the child that was 11 on 1 January


def test_batch_zonder_kgb_tellingen_rekent_met_de_leeftijd_op_de_peildatum() -> None:
    """Without kgb_* (default -1) the batch counts the children for the kindgebonden budget by
    age on the peildatum; given (as huishoudens_uit_invoer does), they follow the month rule of
    Wet op het kindgebonden budget art. 2 lid 1 and 3."""
    import numpy as np

    # A single parent whose child turned 12 on 1-3-2026: on 15-3-2026 the peildatum count says 12-15.
    basis = {"leeftijd": np.array([35, 35, 35]), "kinderen_12_15": np.array([1, 1, 1])}
    uit = regels.bereken_batch(
        "2026-03-15", basis, np.array([1500] * 3), [0], uitvoer=("kindgebonden_budget",)
    )
    assert uit["kindgebonden_budget"][:, 0].tolist() == [56000] * 3  # (2.580 + 724 + 3.416) / 12
    # Given: under 12 at the end of February (no increase yet), and a newborn that does not count yet.
    gegeven = {**basis, "kgb_kinderen": np.array([1, 0, -1]), "kgb_12_15": np.array([0, 0, -1])}
    uit = regels.bereken_batch(
        "2026-03-15", gegeven, np.array([1500] * 3), [0], uitvoer=("kindgebonden_budget",)
    )
    assert uit["kindgebonden_budget"][:, 0].tolist() == [49967, 0, 56000]


def test_caseload_volgt_de_maandregel_van_het_kindgebonden_budget() -> None:
    """huishoudens_uit_invoer fills kgb_*: the batch gives the same amount as the single path."""
    import numpy as np

    invoeren = [
        {
            "peildatum": "2026-03-15",
            "aanvrager": {"geboortedatum": "1990-01-01"},
            "kinderen": [{"geboortedatum": g}],
        }
        for g in ("2014-03-01", "2026-03-02", "2026-02-10")
    ]
    hh, geldig, fouten = regels.huishoudens_uit_invoer(invoeren)
    assert not fouten and geldig == [0, 1, 2]
    assert hh.kgb_kinderen.tolist() == [1, 0, 1] and hh.kgb_12_15.tolist() == [0, 0, 0]
    uit = regels.bereken_batch(
        "2026-03-15", hh, np.array([1500] * 3), [0], uitvoer=("kindgebonden_budget",)
    )
    enkel = [
        round(regels.bereken(i)["resultaten"][0]["kindgebonden_budget"] * 100) for i in invoeren
    ]
    assert uit["kindgebonden_budget"][:, 0].tolist() == enkel == [49967, 0, 49967]


def test_batch_weigert_een_negatieve_telling_onder_min_een() -> None:
    import numpy as np

    with pytest.raises(regels.InvoerFout) as fout:
        regels.bereken_batch(
            "2026-01-01", {"iack_kinderen": np.array([0, -2])}, np.array([1500, 1500]), [0]
        )
    assert fout.value.veld == "huishoudens.iack_kinderen[1]"
    with pytest.raises(regels.InvoerFout) as fout:
        regels.bereken_batch(
            "2026-01-01", {"kgb_16_17": np.array([-3, 0])}, np.array([1500, 1500]), [0]
        )
    assert fout.value.veld == "huishoudens.kgb_16_17[0]"


def test_ja_nee_parameter_als_variant_alleen_nul_of_een() -> None:
    invoer = {
        "peildatum": "2026-01-01",
        "aanvrager": {"geboortedatum": "1990-01-01"},
        "kale_huur": 500,
        "servicekosten": 40,
    }
    uit = regels.bereken(
        invoer,
        varianten=[{"naam": "oud", "parameters": {"huurtoeslag.servicekosten_in_rekenhuur": 1}}],
    )
    assert uit["varianten"][0]["resultaten"][0]["huurtoeslag"] > uit["resultaten"][0]["huurtoeslag"]
    with pytest.raises(regels.InvoerFout) as fout:
        regels.bereken(
            invoer,
            varianten=[
                {"naam": "x", "parameters": {"huurtoeslag.servicekosten_in_rekenhuur": 0.5}}
            ],
        )
    assert fout.value.veld == "varianten[0].parameters.huurtoeslag.servicekosten_in_rekenhuur"


def test_uitleg_van_kindgebonden_budget_en_kinderbijslag_bij_een_kind_van_deze_maand() -> None:
    """Born on 1-4-2026: kinderbijslag this quarter (born on its first day), no kindgebonden budget
    until May. The explanation shows both steps and the afbouw percentage of the peildatum."""
    invoer = {
        "peildatum": "2026-04-15",
        "aanvrager": {"geboortedatum": "1990-01-01"},
        "kinderen": [{"geboortedatum": "2026-04-01"}],
    }
    stappen = {
        s["naam"]: s for s in regels.bereken(invoer, uitleg=True)["uitleg"]["niveaus"][0]["stappen"]
    }
    assert stappen["kindgebonden_budget"]["waarde"] == 0
    assert "vanaf de maand na de geboorte" in stappen["kindgebonden_budget"]["formule"]
    assert stappen["kinderbijslag"]["waarde"] == 98.36
    invoer_2025 = {
        **invoer,
        "peildatum": "2025-07-01",
        "kinderen": [{"geboortedatum": "2020-01-01"}],
    }
    formule = {
        s["naam"]: s
        for s in regels.bereken(invoer_2025, uitleg=True)["uitleg"]["niveaus"][0]["stappen"]
    }
    assert (
        "7,1 % boven de drempel" in formule["kindgebonden_budget"]["formule"]
    )  # art. 2 lid 7, tekst 2025
