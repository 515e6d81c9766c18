"""D4 in the browser, on a 360 px phone and on a desktop: the income administrator logs in, opens a
declaration from the queue, checks the payslip beside the figures, and approves it or corrects it
with a reason; the client then sees the settlement with that reason. axe finds no serious or
critical problem, and nothing is cut off or scrolls sideways."""

from typing import Any

import pytest

from tests.browser.conftest import (
    BUREAU,
    TELEFOON,
    axe_problemen,
    breedte_past,
    inloggen,
    screenshot,
)
from tests.wereld import WACHTWOORD, Wereld

REDEN = "Op je loonstrook staat 700 euro netto, niet 612,40 euro."


@pytest.mark.parametrize(
    ("scherm", "corrigeren"),
    [(TELEFOON, True), (BUREAU, False)],
    ids=["telefoon-corrigeren", "bureau-goedkeuren"],
)
def test_consulent_verrekent_en_klant_ziet_het(
    pagina: Any, wereld: Wereld, scherm: dict[str, int], corrigeren: bool
) -> None:
    pagina.set_viewport_size(scherm)
    klant = wereld.a.klanten["eigen"]
    inloggen(pagina, "alfa-inkomensconsulent", WACHTWOORD)
    assert pagina.url.endswith("/werk/inkomsten/")
    assert pagina.get_by_role("heading", name="Inkomstenverklaringen", level=1).is_visible()
    assert axe_problemen(pagina) == []
    assert breedte_past(pagina)

    with pagina.expect_navigation():
        pagina.get_by_role("link", name=klant.naam).click()
    assert pagina.get_by_role("img", name="Loonstrook van maart 2026").is_visible()
    assert pagina.get_by_role("cell", name="€ 612,40").first.is_visible()
    screenshot(pagina, f"inkomsten-verklaring-{scherm['width']}")
    assert axe_problemen(pagina) == []
    assert breedte_past(pagina)

    with pagina.expect_navigation():
        pagina.get_by_role("button", name="In behandeling nemen").click()
    assert pagina.get_by_text("In behandeling", exact=True).first.is_visible()
    if corrigeren:
        pagina.get_by_label("Netto loon in euro").fill("700,00")
        # First without a reason: a clear Dutch error, and what was typed stays.
        with pagina.expect_navigation():
            pagina.get_by_role("button", name="Verrekenen").click()
        assert pagina.get_by_text("Schrijf waarom je de cijfers aanpast").is_visible()
        assert pagina.get_by_label("Netto loon in euro").input_value() == "700,00"
        assert axe_problemen(pagina) == []
        pagina.get_by_label("Reden van de aanpassing").fill(REDEN)
    with pagina.expect_navigation():
        pagina.get_by_role("button", name="Verrekenen").click()
    assert pagina.get_by_role("heading", name="Verrekend").is_visible()
    assert axe_problemen(pagina) == []
    assert breedte_past(pagina)

    pagina.context.clear_cookies()
    inloggen(pagina, "alfa-klant", WACHTWOORD)
    pagina.goto("/mijn/inkomsten/verrekening/")
    assert pagina.get_by_role("heading", name="Je verrekening per maand").is_visible()
    assert pagina.get_by_text("Verrekend", exact=True).first.is_visible()
    if corrigeren:
        assert pagina.get_by_text(REDEN).is_visible()
    else:
        assert pagina.get_by_text(REDEN).count() == 0
    assert pagina.get_by_text("Totaal deze maand").is_visible()
    screenshot(pagina, f"mijn-verrekening-{scherm['width']}")
    assert axe_problemen(pagina) == []
    assert breedte_past(pagina)


def test_klant_ziet_voorlopige_verrekening(pagina: Any, wereld: Wereld) -> None:
    inloggen(pagina, "alfa-klant", WACHTWOORD)
    with pagina.expect_navigation():
        pagina.get_by_role("link", name="Verrekening").first.click()
    assert pagina.get_by_text("Dit verwachten we te verrekenen.").is_visible()
    assert pagina.get_by_text("Voorlopig", exact=True).is_visible()
    assert axe_problemen(pagina) == []
    assert breedte_past(pagina)
