"""B2/B3 (income at every number of hours) and B4 (policy variants over the whole caseload),
driven through a phone-sized browser, with the accessibility check on every page."""

from typing import Any

from tests.browser.conftest import BUREAU, axe_problemen, breedte_past, inloggen, screenshot
from tests.wereld import WACHTWOORD, Wereld


def test_klant_rekent_een_baan_door(pagina: Any, wereld: Wereld) -> None:
    inloggen(pagina, "alfa-klant", WACHTWOORD)
    pagina.goto("/mijn/inkomen/")
    assert pagina.get_by_role("heading", level=1).inner_text() == "Wat levert werken mij op?"
    # The chart renders server-side, no internet: a wide and a phone layout, one shown at a time.
    assert pagina.locator("svg[role=img]").count() == 2
    assert pagina.locator("svg[role=img]:visible").count() == 1
    pagina.get_by_label("Bruto uurloon in euro").fill("16,50")
    pagina.get_by_label("Uren per week").fill("24")
    pagina.get_by_role("button", name="Bereken").click()
    kop = pagina.get_by_role("heading", name="Bij 24 uur werk per week")
    assert kop.is_visible()
    assert "€ 16,50" in pagina.locator("caption").first.text_content()  # inside a closed <details>
    assert axe_problemen(pagina) == []
    assert breedte_past(pagina)
    screenshot(pagina, "inkomen-klant-telefoon")


def test_beleid_rekent_variant_door_naast_de_regels_van_nu(pagina: Any, wereld: Wereld) -> None:
    inloggen(pagina, "alfa-beleidsmedewerker", WACHTWOORD)
    pagina.get_by_role("link", name="Doorrekenen").first.click()
    assert pagina.get_by_role("heading", level=1).inner_text() == "Het hele bestand doorrekenen"
    assert axe_problemen(pagina) == []
    pagina.get_by_label("Peildatum").fill("2026-07-01")
    pagina.get_by_label("Andere regel (beleidsvariant)").select_option("premie_na_zes_maanden")
    pagina.get_by_role("button", name="Start de doorrekening").click()
    pagina.wait_for_load_state()
    assert "Doorrekening op 1 juli 2026" in pagina.get_by_role("heading", level=1).inner_text()
    assert pagina.get_by_role("columnheader", name="Gemiddeld, variant").is_visible()
    assert axe_problemen(pagina) == []
    assert breedte_past(pagina)
    screenshot(pagina, "doorrekening-telefoon")
    pagina.set_viewport_size(BUREAU)
    assert axe_problemen(pagina) == []
    screenshot(pagina, "doorrekening-bureau")


def test_contactpersoon_legt_berekening_vast_met_uitleg(pagina: Any, wereld: Wereld) -> None:
    klant = wereld.a.klanten["caseload"]
    inloggen(pagina, "alfa-contactpersoon", WACHTWOORD)
    pagina.goto(f"/werk/klanten/{klant.pk}/inkomen/?uren=20&bruto_uurloon=14,00")
    pagina.get_by_text("Hoe rekenen we dit uit?", exact=True).click()
    assert pagina.get_by_text("De hele berekening, met wet en bedragen").is_visible()
    assert axe_problemen(pagina) == []
    assert breedte_past(pagina)  # the trace table scrolls inside its own box
    pagina.get_by_label("Waarvoor leg je deze berekening vast?").fill(
        "Advies over een baan van 20 uur"
    )
    pagina.get_by_role("button", name="Leg vast").click()
    pagina.wait_for_load_state()
    assert pagina.get_by_role("heading", level=1).inner_text() == "Vastgelegde berekening"
    assert "Advies over een baan van 20 uur" in pagina.content()
    assert axe_problemen(pagina) == []
    assert breedte_past(pagina)
    screenshot(pagina, "berekening-vastgelegd-telefoon")
