"""Both sides in a real browser: the contact person maps a barrier to tackle first, moves the
client on the ladder and plans a call; the client sees the barrier, the phase and the announced
call, and the list of what was agreed. Every page passes axe-core."""

from datetime import timedelta
from typing import Any

import pytest

from django.utils import timezone

from tests.browser.conftest import BUREAU, TELEFOON, axe_problemen, inloggen, screenshot
from tests.wereld import WACHTWOORD, Wereld

pytestmark = pytest.mark.browser


def test_contactpersoon_brengt_in_kaart_en_klant_ziet_het(
    browser: Any, live_server: Any, wereld: Wereld
) -> None:
    klant = wereld.a.klanten["eigen"]
    bureau = browser.new_context(
        viewport=BUREAU, locale="nl-NL", bypass_csp=True, base_url=live_server.url
    )
    cp = bureau.new_page()
    inloggen(cp, "alfa-contactpersoon", WACHTWOORD)
    cp.get_by_role("link", name="A. Eigenaar").click()
    cp.get_by_role("link", name="Doelen, drempels en stappenplan").click()
    cp.get_by_label("Drempel", exact=True).select_option("vervoer")
    cp.get_by_label("Toelichting (mag leeg)").fill("Geen auto, de eerste bus is te laat")
    cp.get_by_label("Spraken we af dit eerst samen op te lossen?").check()
    cp.get_by_role("button", name="Vastleggen").click()
    cp.wait_for_load_state()
    assert "Opgeslagen" in cp.get_by_role("status").first.inner_text()
    cp.get_by_label("Trede op de participatieladder").select_option("4.1")
    cp.get_by_label("Fase in de reis (de klant ziet dit op de eigen startpagina)").select_option(
        "solliciteren"
    )
    cp.get_by_label("Waarom deze trede? (komt in de geschiedenis)").fill("Solliciteert zelfstandig")
    cp.get_by_role("button", name="Opslaan").click()
    cp.wait_for_load_state()
    assert cp.get_by_text("Solliciteert zelfstandig").is_visible()
    assert axe_problemen(cp) == [], "toegankelijkheid op doelen, drempels en stappenplan"
    screenshot(cp, "contact-drempels-bureau")

    cp.goto(f"/werk/klanten/{klant.pk}/contactmomenten/")
    morgen = timezone.localdate() + timedelta(days=1)
    cp.get_by_label("Datum").fill(morgen.isoformat())
    cp.get_by_label("Tijd").fill("10:30")
    cp.get_by_label("Waarover gaat het?").fill("je sollicitatie bij de bakker")
    cp.get_by_role("button", name="Plannen en klant informeren").click()
    cp.wait_for_load_state()
    assert "Gepland" in cp.get_by_role("status").first.inner_text()
    cp.goto("/werk/?drempel=vervoer")
    assert cp.get_by_role("link", name="A. Eigenaar").is_visible()
    assert axe_problemen(cp) == [], "toegankelijkheid op de gefilterde caseload"
    bureau.close()

    telefoon = browser.new_context(
        viewport=TELEFOON, locale="nl-NL", bypass_csp=True, base_url=live_server.url
    )
    page = telefoon.new_page()
    inloggen(page, "alfa-klant", WACHTWOORD)
    assert "Solliciteren" in page.locator('[aria-current="step"]').inner_text()
    assert page.get_by_text("je sollicitatie bij de bakker").first.is_visible()
    page.goto("/mijn/stappenplan/")
    assert page.get_by_text("Geen auto, de eerste bus is te laat").is_visible()
    page.goto("/mijn/berichten/")
    afspraken = page.locator("#afspraken")
    assert afspraken.get_by_text("Je zoekt drie vacatures uit.").is_visible()
    page.get_by_label("Zoek in wat we al bespraken en afspraken").fill("bakker")
    page.get_by_role("button", name="Zoeken").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="1 keer gevonden").is_visible()
    assert axe_problemen(page) == [], "toegankelijkheid op berichten met zoeken"
    screenshot(page, "contact-afspraken-zoeken-telefoon")
    telefoon.close()
