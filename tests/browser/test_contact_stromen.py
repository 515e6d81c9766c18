"""Contact and guidance in a real browser, phone-sized: a client sends a message and sees it;
the contact person publishes a summary; the client reads it back. Every page passes axe-core."""

from typing import Any

import pytest

from tests.browser.conftest import BUREAU, axe_problemen, inloggen, screenshot
from tests.wereld import WACHTWOORD, Wereld

pytestmark = pytest.mark.browser


def test_klant_stuurt_bericht_en_ziet_het(pagina: Any, wereld: Wereld) -> None:
    inloggen(pagina, "alfa-klant", WACHTWOORD)
    assert axe_problemen(pagina) == [], "toegankelijkheid op /mijn/"
    pagina.get_by_role("link", name="Naar mijn berichten").click()
    assert pagina.get_by_role("heading", level=1).inner_text() == "Berichten"
    pagina.get_by_label("Je bericht").fill("Mag ik een cursus volgen naast mijn werk?")
    pagina.get_by_role("button", name="Verstuur").click()
    pagina.wait_for_load_state()
    assert "Je bericht is verstuurd" in pagina.get_by_role("status").first.inner_text()
    assert pagina.get_by_text("Mag ik een cursus volgen naast mijn werk?").is_visible()
    assert pagina.get_by_text("Verstuurd, nog niet gelezen").is_visible()
    assert axe_problemen(pagina) == [], "toegankelijkheid op /mijn/berichten/"
    screenshot(pagina, "contact-berichten-klant-telefoon")


def test_te_groot_of_verkeerd_bestand_houdt_de_tekst_vast(
    pagina: Any, wereld: Wereld, tmp_path: Any
) -> None:
    bestand = tmp_path / "programma.exe"
    bestand.write_bytes(b"MZ\x90\x00" * 10)
    inloggen(pagina, "alfa-klant", WACHTWOORD)
    pagina.goto("/mijn/berichten/")
    pagina.get_by_label("Je bericht").fill("Hier is mijn loonstrook")
    pagina.get_by_label("Bijlage (mag leeg blijven)").set_input_files(str(bestand))
    pagina.get_by_role("button", name="Verstuur").click()
    pagina.wait_for_load_state()
    assert "nog niet verstuurd" in pagina.get_by_role("alert").inner_text()
    assert pagina.get_by_label("Je bericht").input_value() == "Hier is mijn loonstrook"
    assert axe_problemen(pagina) == []


def test_contactpersoon_publiceert_verslag_en_klant_leest_het(
    browser: Any, live_server: Any, wereld: Wereld
) -> None:
    klant = wereld.a.klanten["eigen"]
    medewerker = browser.new_context(
        viewport=BUREAU, locale="nl-NL", bypass_csp=True, base_url=live_server.url
    )
    cp = medewerker.new_page()
    inloggen(cp, "alfa-contactpersoon", WACHTWOORD)
    cp.get_by_role("link", name="A. Eigenaar").click()
    assert axe_problemen(cp) == [], "toegankelijkheid op het dossier"
    cp.get_by_role("link", name="Gespreksverslag schrijven").click()
    cp.get_by_label("Samenvatting").fill("We praatten over je nieuwe baan bij de bakker.")
    cp.get_by_label("Afspraken (één per regel)").fill("Je werkt op dinsdag en donderdag.")
    cp.get_by_label("Volgende stappen (één per regel)").fill("Jij stuurt je rooster voor vrijdag.")
    assert axe_problemen(cp) == [], "toegankelijkheid op het verslagformulier"
    cp.get_by_role("button", name="Publiceren naar de klant").click()
    cp.wait_for_load_state()
    assert "staat nu in de app van de klant" in cp.get_by_role("status").first.inner_text()
    screenshot(cp, "contact-verslag-gepubliceerd-bureau")
    medewerker.close()

    telefoon = browser.new_context(
        viewport={"width": 360, "height": 740},
        locale="nl-NL",
        bypass_csp=True,
        base_url=live_server.url,
    )
    page = telefoon.new_page()
    inloggen(page, "alfa-klant", WACHTWOORD)
    assert page.get_by_text("Er staat een nieuw gespreksverslag voor je klaar.").is_visible()
    page.get_by_role("link", name="Lees het verslag").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Verslag van ons gesprek"
    assert page.get_by_text("Je werkt op dinsdag en donderdag.").is_visible()
    assert axe_problemen(page) == [], "toegankelijkheid op het verslag"
    screenshot(page, "contact-verslag-klant-telefoon")
    page.get_by_label("Je vraag of opmerking over dit verslag").fill("Moet ik het rooster mailen?")
    page.get_by_role("button", name="Stuur naar mijn contactpersoon").click()
    page.wait_for_load_state()
    assert "Je vraag is verstuurd" in page.get_by_role("status").first.inner_text()
    assert klant.berichten.filter(verslag__isnull=False).count() == 1  # type: ignore[attr-defined]
    telefoon.close()


@pytest.mark.parametrize(
    "pad",
    [
        "/mijn/gesprekken/",
        "/mijn/afspraken/",
        "/mijn/stappenplan/",
        "/mijn/regelingen/",
        "/mijn/regels/",
        "/mijn/hulp/",
        "/mijn/meldingen/",
    ],
)
def test_klantpaginas_zijn_toegankelijk(pagina: Any, wereld: Wereld, pad: str) -> None:
    inloggen(pagina, "alfa-klant", WACHTWOORD)
    pagina.goto(pad)
    assert pagina.get_by_role("heading", level=1).is_visible()
    assert axe_problemen(pagina) == [], f"toegankelijkheid op {pad}"


def test_werkpaginas_zijn_toegankelijk(pagina: Any, wereld: Wereld) -> None:
    klant = wereld.a.klanten["caseload"].pk
    inloggen(pagina, "alfa-contactpersoon", WACHTWOORD)
    for pad in [
        "/werk/",
        f"/werk/klanten/{klant}/berichten/",
        f"/werk/klanten/{klant}/contactmomenten/",
        f"/werk/klanten/{klant}/stappenplan/",
        f"/werk/klanten/{klant}/aanvragen/",
        f"/werk/klanten/{klant}/overdracht/",
        f"/werk/klanten/{klant}/als-klant/",
        "/werk/voorzieningen/",
    ]:
        pagina.goto(pad)
        assert axe_problemen(pagina) == [], f"toegankelijkheid op {pad}"


def test_beheerder_legt_vervanging_vast_toegankelijk(pagina: Any, wereld: Wereld) -> None:
    """The administrator's page: counts and staff only, a clear Dutch error on the field, and WCAG AA."""
    inloggen(pagina, "alfa-beheerder", WACHTWOORD)
    pagina.get_by_role("link", name="Contactpersonen").click()
    assert pagina.get_by_role("heading", level=1).inner_text() == "Contactpersonen"
    assert axe_problemen(pagina) == []
    pagina.get_by_label("Klanten van").select_option(label="Alfa-contactpersoon")
    pagina.get_by_label("Naar collega").select_option(label="Alfa-collega")
    pagina.get_by_label("Vanaf").fill("2020-01-01")
    pagina.get_by_label("Reden (intern)").fill("ziek")
    pagina.get_by_role("button", name="Vastleggen en klanten informeren").click()
    pagina.wait_for_load_state()
    assert "niet eerder ingaan dan vandaag" in pagina.locator(".veldfout").first.inner_text()
    assert pagina.get_by_label("Reden (intern)").input_value() == "ziek"
    assert axe_problemen(pagina) == []
