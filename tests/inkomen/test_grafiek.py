import xml.etree.ElementTree as ET

from opstap.inkomen.grafiek import inkomen_svg, staven


def _rij(uren: int, loon: float, bijstand: float, huurtoeslag: float, iit: float) -> dict[str, object]:
    return {"uren_per_week": uren, "netto_loon_per_maand": loon, "bijstand": bijstand, "zorgtoeslag": 0.0,
            "huurtoeslag": huurtoeslag, "kindgebonden_budget": 0.0, "kinderbijslag": 0.0,
            "kinderopvangtoeslag": 0.0, "gemeentelijke_regelingen": {"iit": iit},
            "totaal_netto_per_maand": loon + bijstand + huurtoeslag + iit}


UITKOMST = {"resultaten": [_rij(0, 0, 1400, 300, 50), _rij(20, 900, 600, 300, 50), _rij(30, 1400, 0, 250, 0),
                           _rij(40, 1800, 0, 120, 0)], "uren_uit_bijstand": 28.0}


def test_staven_tellen_de_bronnen_op_en_vinden_de_armoedeval() -> None:
    rijen = staven(UITKOMST)
    assert [r.totaal for r in rijen] == [1750, 1850, 1650, 1920]
    assert [r.armoedeval for r in rijen] == [False, False, True, False]
    assert rijen[1].delen == {"zelf_verdiend": 900, "bijstand": 600, "toeslagen": 300, "gemeentelijk": 50}


def test_svg_is_geldig_en_toegankelijk() -> None:
    svg = inkomen_svg(UITKOMST, titel="Inkomen & uren", gemarkeerd_uren=20.0)
    boom = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    assert boom.get("role") == "img" and boom.get("aria-labelledby") == "grafiek-titel grafiek-uitleg"
    assert boom.find(f"{ns}title").text == "Inkomen & uren"
    assert "uit de bijstand vanaf 28 uur" in svg
    assert "Armoedeval bij 30 uur" in svg
    assert "http" not in svg.replace("http://www.w3.org/2000/svg", "")


def test_lege_uitkomst_geeft_geen_grafiek() -> None:
    assert inkomen_svg({"resultaten": []}, titel="x") == ""
