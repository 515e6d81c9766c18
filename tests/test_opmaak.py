import pytest

from opstap.web.templatetags.opstap import euro


@pytest.mark.parametrize(("bedrag", "verwacht"), [
    (0, "€ 0,00"), (1401.5, "€ 1.401,50"), ("2166.405", "€ 2.166,41"), (-12.3, "-€ 12,30"), (1234567, "€ 1.234.567,00"),
])
def test_euro_op_zijn_nederlands(bedrag: object, verwacht: str) -> None:
    assert euro(bedrag) == verwacht


def test_euro_zonder_centen() -> None:
    assert euro(2500, 0) == "€ 2.500"
