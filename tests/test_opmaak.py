"""The one money formatter (opstap.web.geld) and the template filter that calls it."""

import re
from decimal import Decimal
from pathlib import Path

import pytest

from django.template import Context, Template

import opstap
from opstap.web.geld import centen, euro

BRON = Path(opstap.__file__).parent


@pytest.mark.parametrize(
    ("bedrag", "verwacht"),
    [
        (0, "€ 0,00"),
        (1401.5, "€ 1.401,50"),
        ("2166.405", "€ 2.166,41"),
        (-12.3, "-€ 12,30"),
        (1234567, "€ 1.234.567,00"),
        (Decimal("1234.56"), "€ 1.234,56"),
        (Decimal("-1234.565"), "-€ 1.234,57"),
        # Floats as the engine gives them: read as the decimal they stand for, then half up.
        # (Formatting the float itself gives 2,67 and 1,00: 2.675 and 1.005 are just below in binary.)
        (2.675, "€ 2,68"),
        (1.005, "€ 1,01"),
        (0.285, "€ 0,29"),
        (-0.004, "€ 0,00"),  # rounds to nothing: no "-€ 0,00"
        (-0.005, "-€ 0,01"),  # half a cent away from zero, also below zero
    ],
)
def test_euro_op_zijn_nederlands(bedrag: object, verwacht: str) -> None:
    assert euro(bedrag) == verwacht  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("bedrag", "verwacht"), [(0.285, 29), (-0.285, -29), (Decimal("19.995"), 1999 + 1)]
)
def test_centen_exact(bedrag: object, verwacht: int) -> None:
    assert centen(bedrag) == verwacht  # type: ignore[arg-type]


def test_euro_zonder_centen() -> None:
    assert euro(2500, hele_euros=True) == "€ 2.500"
    assert euro(1499.5, hele_euros=True) == "€ 1.500"
    assert euro(-2500.4, hele_euros=True) == "-€ 2.500"


def test_filter_in_een_template() -> None:
    template = Template('{% load opstap %}{{ a|euro }}|{{ b|euro|default:"—" }}|{{ c|euro }}')
    assert (
        template.render(Context({"a": 2.675, "b": None, "c": Decimal("-1234.5")}))
        == "€ 2,68|—|-€ 1.234,50"
    )


def test_een_geldopmaak_in_de_app() -> None:
    """No second formatter creeps back: money is formatted through opstap.web.geld only."""
    eigen = re.compile(r"""€ \{[^}]*:[^}]*[,.]\d*f\}|:,\.\d+f""")  # "€ {x:,.2f}" and friends
    gevonden = [str(p.relative_to(BRON)) for p in BRON.rglob("*.py") if eigen.search(p.read_text())]
    assert gevonden == []


def test_geen_eurobedrag_buiten_het_filter_in_templates() -> None:
    """A template writes money only as `{{ bedrag|euro }}`, never "€ {{ bedrag }}" (that prints 650.00)."""
    los = re.compile(r"€\s*\{\{")
    gevonden = [
        str(p.relative_to(BRON))
        for p in (BRON / "templates").rglob("*.html")
        if los.search(p.read_text())
    ]
    assert gevonden == []
