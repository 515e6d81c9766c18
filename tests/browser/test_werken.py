"""D1 on a 360 px phone: a client reports a job through the form, sees congratulations and the
money per month, and nothing is cut off; axe finds no serious or critical problem."""

from typing import Any

from tests.browser.conftest import afgeknipte_elementen, axe_problemen, breedte_past, inloggen
from tests.wereld import WACHTWOORD, Wereld


def test_klant_meldt_baan_op_telefoon(pagina: Any, wereld: Wereld) -> None:
    inloggen(pagina, "alfa-klant", WACHTWOORD)
    pagina.goto("/mijn/werk/")
    assert axe_problemen(pagina) == []
    pagina.get_by_label("Bij welke werkgever ga je werken?").fill("Bakkerij De Korenbloem")
    pagina.get_by_label("Wanneer begin je (of ben je begonnen)?").fill("2026-03-01")
    pagina.get_by_label("Hoeveel uur per week werk je volgens je contract?").fill("16")
    pagina.get_by_label("Wat is je bruto uurloon in euro?").fill("14,40")
    pagina.get_by_label("Hoe vaak krijg je loon?").select_option("vier_weken")
    pagina.get_by_role("button", name="Geef mijn baan door").click()
    pagina.wait_for_load_state()
    assert pagina.get_by_role("heading", name="Gefeliciteerd met je baan!").is_visible()
    assert pagina.get_by_text("per maand").first.is_visible()
    assert afgeknipte_elementen(pagina) == []
    assert breedte_past(pagina)
    assert axe_problemen(pagina) == []
