"""Every role logs in through the Dutch login page and lands on its own start page,
which passes the accessibility check on a phone and on a desktop."""

from typing import Any

import pytest

from tests.browser.conftest import BUREAU, axe_problemen, breedte_past, inloggen, screenshot
from tests.wereld import WACHTWOORD, Wereld

STARTPAGINA = {
    "klant": ("/mijn/", "Hallo"),
    "contactpersoon": ("/werk/", "Mijn klanten"),
    "inkomensconsulent": ("/werk/inkomsten/", "Inkomstenverklaringen"),
    "werkgever": ("/werkgever/", "Bedrijf alfa"),
    "beleidsmedewerker": ("/beleid/", "Bestandsbeeld"),
    "beheerder": ("/beheer/", "Beheer"),
}


def test_inlogpagina_is_nederlands_en_toegankelijk(pagina: Any) -> None:
    pagina.goto("/")
    assert pagina.url.endswith("/inloggen/")
    assert pagina.locator("html").get_attribute("lang") == "nl"
    assert pagina.get_by_role("heading", level=1).inner_text() == "Inloggen bij Opstap"
    assert axe_problemen(pagina) == []
    screenshot(pagina, "inloggen-telefoon")


def test_verkeerd_wachtwoord_geeft_vriendelijke_melding(pagina: Any, wereld: Wereld) -> None:
    inloggen(pagina, "alfa-klant", "fout-wachtwoord")
    assert "klopt niet" in pagina.get_by_role("alert").inner_text()
    assert axe_problemen(pagina) == []


@pytest.mark.parametrize("rol", list(STARTPAGINA))
def test_rol_landt_op_eigen_startpagina(pagina: Any, wereld: Wereld, rol: str) -> None:
    pad, kop = STARTPAGINA[rol]
    inloggen(pagina, f"alfa-{rol}", WACHTWOORD)
    assert pagina.url.endswith(pad)
    assert kop in pagina.get_by_role("heading", level=1).inner_text()
    assert axe_problemen(pagina) == [], f"toegankelijkheid op {pad}"
    assert breedte_past(pagina), f"{pad} schuift zijwaarts op een telefoon"
    screenshot(pagina, f"start-{rol}-telefoon")
    pagina.set_viewport_size(BUREAU)
    assert axe_problemen(pagina) == []
    screenshot(pagina, f"start-{rol}-bureau")


def test_contactpersoon_opent_dossier_zonder_toegankelijkheidsproblemen(
    pagina: Any, wereld: Wereld
) -> None:
    inloggen(pagina, "alfa-contactpersoon", WACHTWOORD)
    pagina.get_by_role("link", name="A. Caseload").click()
    assert pagina.get_by_role("heading", level=1).inner_text() == "A. Caseload"
    assert axe_problemen(pagina) == []
    screenshot(pagina, "dossier-contactpersoon-telefoon")
