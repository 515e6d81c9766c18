"""D3 on a 360 px phone: a client reports a job, declares the month with a PHOTO of the payslip,
gets the receipt at once, and confirms the figures read from the photo (Dutch OCR); axe finds no
serious or critical problem and nothing is cut off on any of these pages."""

import os
from typing import Any

import pytest

from django.utils import timezone

from loonstrook.lezen import ocr_beschikbaar
from opstap.verklaringen.models import Inkomstenverklaring
from opstap.verklaringen.selectors import vorige_maand
from tests.browser.conftest import axe_problemen, breedte_past, inloggen, screenshot
from tests.loonstrook import strookjes
from tests.wereld import WACHTWOORD, Wereld


@pytest.fixture
def ocr() -> None:
    if not ocr_beschikbaar():
        melding = (
            "Tesseract met Nederlandse taaldata ontbreekt: installeer 'tesseract-ocr' en "
            "'tesseract-ocr-nld' om de foto van de loonstrook te laten lezen."
        )
        if os.environ.get("OPSTAP_OCR_VERPLICHT"):
            pytest.fail(melding)
        pytest.skip(melding)


def test_klant_geeft_inkomsten_door_met_een_foto_op_telefoon(
    pagina: Any, wereld: Wereld, ocr: None
) -> None:
    strook = strookjes.STROKEN[0]
    inloggen(pagina, "alfa-klant", WACHTWOORD)
    # Report the job first (D1).
    pagina.goto("/mijn/werk/")
    pagina.get_by_label("Bij welke werkgever ga je werken?").fill("Bakkerij De Gouden Korst")
    pagina.get_by_label("Wanneer begin je (of ben je begonnen)?").fill("2026-02-01")
    pagina.get_by_label("Hoeveel uur per week werk je volgens je contract?").fill("20")
    pagina.get_by_label("Wat is je bruto uurloon in euro?").fill("14,50")
    pagina.get_by_label("Hoe vaak krijg je loon?").select_option("maand")
    pagina.get_by_role("button", name="Geef mijn baan door").click()
    pagina.wait_for_load_state()
    assert pagina.get_by_role("heading", name="Gefeliciteerd met je baan!").is_visible()

    pagina.goto("/mijn/inkomsten/")
    assert axe_problemen(pagina) == []
    screenshot(pagina, "inkomsten-overzicht-telefoon")
    pagina.locator("main").get_by_role("link", name="Inkomsten doorgeven").first.click()
    pagina.wait_for_load_state()
    assert axe_problemen(pagina) == []
    pagina.get_by_label("Bij welke werkgever?").select_option(label="Bakkerij De Gouden Korst")
    maand = vorige_maand(timezone.localdate().replace(day=1)).strftime("%Y-%m")
    pagina.get_by_label("Over welke maand?").select_option(maand)
    pagina.get_by_label("Hoeveel uur werkte je in deze maand?").fill("86")
    pagina.get_by_label("Foto of PDF van je loonstrook").set_input_files(
        {"name": "IMG_2041.jpg", "mimeType": "image/jpeg", "buffer": strookjes.foto(strook)}
    )
    pagina.get_by_role("button", name="Versturen").click()
    pagina.wait_for_load_state()

    # The receipt, straight away: reference, time and the file's SHA-256.
    assert pagina.get_by_role("heading", name="Ontvangstbewijs").is_visible()
    assert pagina.get_by_text("Gelukt: we hebben het ontvangen.").is_visible()
    verklaring = Inkomstenverklaring.objects.get(baan__werkgever_naam="Bakkerij De Gouden Korst")
    assert pagina.get_by_text(verklaring.kenmerk).is_visible()
    bestand = verklaring.bestanden.get()
    assert pagina.get_by_text(f"{bestand.sha256[:12]}…").is_visible()
    assert breedte_past(pagina)
    assert axe_problemen(pagina) == []
    screenshot(pagina, "inkomsten-ontvangstbewijs-telefoon")

    # The photo was read (in process under the test server); the figures are pre-filled.
    pagina.get_by_role("link", name="Kijk of de bedragen kloppen").click()
    pagina.wait_for_load_state()
    assert axe_problemen(pagina) == []
    assert pagina.get_by_label("Netto loon: het bedrag dat je kreeg").input_value() == "1224,73"
    assert pagina.get_by_label("Bruto loon (mag je leeg laten)").input_value() == "1281,80"
    screenshot(pagina, "inkomsten-bevestigen-telefoon")
    pagina.get_by_role("button", name="Dit klopt, opslaan").click()
    pagina.wait_for_load_state()
    assert pagina.get_by_text("Dank je wel. De bedragen zijn opgeslagen.").is_visible()
    assert axe_problemen(pagina) == []
    verklaring.refresh_from_db()
    assert str(verklaring.netto_loon) == "1224.73"
    assert verklaring.bevestigd_op is not None
