"""D1, D2 and D5 on a 360 px phone: a client reports a job through the form, sees congratulations,
the money per month and the rules, sends the contract, raises a difficult start, looks at more
hours and changes the hours; the contact person checks the contract. Nothing is cut off; axe
finds no serious or critical problem."""

from io import BytesIO
from pathlib import Path
from typing import Any

from reportlab.pdfgen import canvas

from django.core.files.uploadedfile import SimpleUploadedFile

from opstap.werken.models import Baan
from opstap.werken.services import contract_uploaden
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


def _pdf() -> bytes:
    buffer = BytesIO()
    c = canvas.Canvas(buffer)
    c.drawString(72, 720, "Arbeidsovereenkomst (verzonnen)")
    c.save()
    return buffer.getvalue()


def _telefoon_in_orde(pagina: Any) -> None:
    assert afgeknipte_elementen(pagina) == []
    assert breedte_past(pagina)
    assert axe_problemen(pagina) == []


def test_klant_leest_regels_stuurt_contract_en_kijkt_naar_meer_uren(
    pagina: Any, wereld: Wereld, tmp_path: Path
) -> None:
    """After reporting: the rules with the engine's amounts, the job page (contract upload,
    check-ins, difficult start), changing the hours, and 'Meer uren werken?' with its table."""
    inloggen(pagina, "alfa-klant", WACHTWOORD)
    pagina.goto("/mijn/werk/")
    assert pagina.get_by_role("heading", name="De regels die nu voor je gelden").is_visible()
    assert pagina.get_by_role("link", name="Download deze uitleg als brief (PDF)").is_visible()
    _telefoon_in_orde(pagina)
    baan = Baan.objects.get(klant=wereld.a.klanten["eigen"])
    pagina.get_by_role("link", name=baan.werkgever_naam).click()
    pagina.wait_for_load_state()
    assert pagina.get_by_role("heading", name="Een goede start").is_visible()
    _telefoon_in_orde(pagina)
    contract = tmp_path / "contract.pdf"
    contract.write_bytes(_pdf())
    pagina.get_by_label("Je arbeidscontract (PDF of foto)").set_input_files(str(contract))
    pagina.get_by_role("button", name="Stuur een nieuwe versie").click()  # the world sent one
    pagina.wait_for_load_state()
    assert pagina.get_by_text("Je contract is verstuurd").is_visible()
    pagina.get_by_role("button", name="Mijn start is moeilijk").click()
    pagina.wait_for_load_state()
    assert pagina.get_by_text("Je contactpersoon weet het en helpt je").is_visible()
    _telefoon_in_orde(pagina)

    pagina.get_by_role("link", name="Meer uren werken? Kijk wat het oplevert").click()
    pagina.wait_for_load_state()
    assert pagina.get_by_role(
        "heading", name="Wanneer heb je geen bijstand meer nodig?"
    ).is_visible()
    assert pagina.get_by_role("table").is_visible()
    _telefoon_in_orde(pagina)

    pagina.goto(f"/mijn/werk/{baan.pk}/wijzigen/")
    pagina.get_by_label("Hoeveel uur per week werk je nu volgens je contract?").fill("20")
    pagina.get_by_role("button", name="Geef de verandering door").click()
    pagina.wait_for_load_state()
    assert pagina.get_by_text("uren per week: 12 → 20").is_visible()
    _telefoon_in_orde(pagina)


def test_contactpersoon_controleert_contract_op_telefoon(pagina: Any, wereld: Wereld) -> None:
    klant = wereld.a.klanten["eigen"]
    baan = Baan.objects.get(klant=klant)
    contract_uploaden(baan=baan, bestand=SimpleUploadedFile("contract.pdf", _pdf()))
    inloggen(pagina, "alfa-contactpersoon", WACHTWOORD)
    pagina.goto("/werk/contracten/")
    assert pagina.get_by_role("link", name=klant.naam).is_visible()
    _telefoon_in_orde(pagina)
    pagina.get_by_role("link", name=klant.naam).click()
    pagina.wait_for_load_state()
    pagina.get_by_label("de proeftijd").check()
    pagina.get_by_label("Je opmerking voor de klant").fill("Ziet er goed uit! Let op de proeftijd.")
    _telefoon_in_orde(pagina)
    pagina.get_by_role("button", name="Contract is gecontroleerd").click()
    pagina.wait_for_load_state()
    assert pagina.get_by_role("link", name=klant.naam).count() == 0
    pagina.goto(f"/werk/klanten/{klant.pk}/werk/")
    assert pagina.get_by_text(baan.werkgever_naam).first.is_visible()
    _telefoon_in_orde(pagina)
