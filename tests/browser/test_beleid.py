"""F1/F2 for policy staff on a phone (360 px): the caseload picture, trends, savings and
effectiveness pages, through the real login form, with the accessibility check on each."""

from typing import Any

from tests.beleid.bestand import maak_beleidsbestand
from tests.browser.conftest import axe_problemen, breedte_past, inloggen, screenshot
from tests.wereld import WACHTWOORD, Wereld


def test_beleid_op_de_telefoon(pagina: Any, wereld: Wereld) -> None:
    maak_beleidsbestand(wereld, aantal=60)  # enough jobs for a step of 10 in each curve
    assert pagina.viewport_size["width"] <= 360
    inloggen(pagina, "alfa-beleidsmedewerker", WACHTWOORD)
    pagina.goto("/beleid/")
    assert pagina.get_by_role("heading", level=1).inner_text() == "Bestandsbeeld"
    assert pagina.get_by_role("cell", name="55 jaar en ouder").count() == 1
    assert axe_problemen(pagina) == []
    assert breedte_past(pagina)

    pagina.get_by_role("link", name="Trends per maand (met CSV)").click()
    pagina.get_by_label("Verdeel naar").select_option("werk")
    pagina.get_by_role("button", name="Toon").click()
    pagina.wait_for_load_state()
    assert pagina.get_by_role("heading", name="Parttime werk en uren").is_visible()
    assert pagina.locator("svg[role=img]").count() == 1
    assert axe_problemen(pagina) == []
    assert breedte_past(pagina)
    screenshot(pagina, "beleid-trends-telefoon")

    pagina.goto("/beleid/besparing/")
    pagina.get_by_label("Klanten in de bijstand").fill("6600")
    pagina.get_by_label("Klanten in trede 3 en 4 (de doelgroep)").fill("3500")
    pagina.get_by_label("Daarvan werken al parttime").fill("760")
    pagina.get_by_label("Gemiddelde parttime verdiensten per maand in euro").fill("523")
    pagina.get_by_role("button", name="Reken uit").click()
    pagina.wait_for_load_state()
    assert "2740 potentiële parttimers; besparing € 17.196.240,00 per jaar." in pagina.content()
    assert axe_problemen(pagina) == []
    assert breedte_past(pagina)

    pagina.goto("/beleid/effectiviteit/")
    assert pagina.get_by_text("niet uit een experiment").is_visible()
    assert pagina.locator("svg[role=img]").count() == 1
    assert axe_problemen(pagina) == []
    assert breedte_past(pagina)
    screenshot(pagina, "beleid-effectiviteit-telefoon")
