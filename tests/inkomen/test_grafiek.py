import xml.etree.ElementTree as ET

from opstap.inkomen.grafiek import inkomen_svg, staven


def _rij(
    uren: int, loon: float, bijstand: float, huurtoeslag: float, iit: float
) -> dict[str, object]:
    return {
        "uren_per_week": uren,
        "netto_loon_per_maand": loon,
        "bijstand": bijstand,
        "zorgtoeslag": 0.0,
        "huurtoeslag": huurtoeslag,
        "kindgebonden_budget": 0.0,
        "kinderbijslag": 0.0,
        "kinderopvangtoeslag": 0.0,
        "gemeentelijke_regelingen": {"iit": iit},
        "totaal_netto_per_maand": loon + bijstand + huurtoeslag + iit,
    }


UITKOMST = {
    "resultaten": [
        _rij(0, 0, 1400, 300, 50),
        _rij(20, 900, 600, 300, 50),
        _rij(30, 1400, 0, 250, 0),
        _rij(40, 1800, 0, 120, 0),
    ],
    "uren_uit_bijstand": 28.0,
}


def test_staven_tellen_de_bronnen_op_en_vinden_de_armoedeval() -> None:
    rijen = staven(UITKOMST)
    assert [r.totaal for r in rijen] == [1750, 1850, 1650, 1920]
    assert [r.armoedeval for r in rijen] == [False, False, True, False]
    assert rijen[1].delen == {
        "zelf_verdiend": 900,
        "bijstand": 600,
        "toeslagen": 300,
        "gemeentelijk": 50,
    }


def test_svg_is_geldig_en_toegankelijk() -> None:
    svg = inkomen_svg(UITKOMST, titel="Inkomen & uren", gemarkeerd_uren=20.0)
    boom = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    assert (
        boom.get("role") == "img" and boom.get("aria-labelledby") == "grafiek-titel grafiek-uitleg"
    )
    assert boom.find(f"{ns}title").text == "Inkomen & uren"
    assert "uit de bijstand vanaf 28 uur" in svg
    assert "Armoedeval bij 30 uur" in svg
    assert "http" not in svg.replace("http://www.w3.org/2000/svg", "")


def test_lege_uitkomst_geeft_geen_grafiek() -> None:
    assert inkomen_svg({"resultaten": []}, titel="x") == ""


def _luminantie(kleur: str) -> float:
    kanalen = [int(kleur[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in kanalen]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def _contrast_op_wit(kleur: str) -> float:
    return 1.05 / (_luminantie(kleur) + 0.05)


def test_minder_geld_bij_meer_uren_is_zichtbaar_tegen_wit() -> None:
    """WCAG 1.4.11: a graphic that carries meaning needs 3:1 against its background. The pale red
    zone (1.1:1) alone was invisible on a phone; the mark must carry a colour of 3:1 or more."""
    from opstap.inkomen.grafiek import TELEFOON

    for opmaak in ({}, {"opmaak": TELEFOON}):
        boom = ET.fromstring(inkomen_svg(UITKOMST, titel="x", **opmaak))  # type: ignore[arg-type]
        ns = "{http://www.w3.org/2000/svg}"
        kleuren = []
        for rect in boom.iter(f"{ns}rect"):
            titel = rect.find(f"{ns}title")
            armoedeval = (titel is not None and "Armoedeval" in (titel.text or "")) or rect.get(
                "class"
            ) == "armoedeval"
            if armoedeval:
                kleuren += [
                    k for k in (rect.get("fill"), rect.get("stroke")) if k and k.startswith("#")
                ]
        assert kleuren, "geen markering voor minder geld"
        assert max(_contrast_op_wit(k) for k in kleuren) >= 3.0, kleuren


def test_telefoon_opmaak_tekst_past_op_360_pixels() -> None:
    """The phone layout's viewBox is about as wide as a 360 px phone's content column (328 px), so
    its font sizes in viewBox units are close to the rendered pixels: each at least 12 at 300 px
    wide; fewer hour labels; taller than wide. The browser test measures the real rendering."""
    from opstap.inkomen.grafiek import TELEFOON

    svg = inkomen_svg(
        {
            "resultaten": [_rij(u, 40.0 * u, max(1400 - 40.0 * u, 0), 300, 0) for u in range(41)],
            "uren_uit_bijstand": 35.0,
        },
        titel="x",
        opmaak=TELEFOON,
    )
    boom = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    _, _, breedte, hoogte = (float(v) for v in boom.get("viewBox", "").split())
    schaal = 300 / breedte  # rendered at 300 px or wider on a 360 px screen
    for tekst in boom.iter(f"{ns}text"):
        assert float(tekst.get("font-size", "0")) * schaal >= 12, tekst.text
        assert 0 <= float(tekst.get("x", "0")) <= breedte
    assert hoogte > breedte
    uren_labels = [t.text for t in boom.iter(f"{ns}text") if (t.text or "").isdigit()]
    assert uren_labels == ["0", "5", "10", "15", "20", "25", "30", "35", "40"]
    assert boom.get("aria-labelledby") == "grafiek-titel-telefoon grafiek-uitleg-telefoon"


def test_uren_met_een_komma_in_het_nederlands_en_een_punt_in_het_engels() -> None:
    """ "uit de bijstand vanaf 24,8 uur": the chart writes hours the way the reader's language does."""
    from django.utils import translation

    uitkomst = {**UITKOMST, "uren_uit_bijstand": 24.8}
    with translation.override("nl"):
        svg = inkomen_svg(uitkomst, titel="x")
    assert "vanaf 24,8 uur" in svg and "24.8" not in svg
    with translation.override("en"):
        assert "24.8" in inkomen_svg(uitkomst, titel="x")
