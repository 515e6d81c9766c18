"""The client's "who looked at my file" page on a phone (360 px): staff first, own reads folded
away, no sideways scrolling, no accessibility problems."""

import re
from typing import Any

from opstap.accounts.models import Rol
from opstap.privacy.services import inzage_vastleggen
from tests.browser.conftest import axe_problemen, breedte_past, inloggen, screenshot
from tests.wereld import WACHTWOORD, Wereld


def test_wie_keek_past_op_een_telefoon(pagina: Any, wereld: Wereld) -> None:
    klant = wereld.a.klanten["eigen"]
    cp, zelf = wereld.a.gebruikers[Rol.CONTACTPERSOON], wereld.a.gebruikers[Rol.KLANT]
    inzage_vastleggen(
        gebruiker=cp,
        klant=klant,
        onderdeel="lijst van klanten",
        doel="Begeleiding: de lijst van klanten liet zien welke klanten de drempel "
        "'lichamelijke of psychische beperking' hebben en welke klanten aandacht nodig hebben",
    )
    inzage_vastleggen(
        gebruiker=cp, klant=klant, onderdeel="dossier", doel="Begeleiding: het dossier bekeken"
    )
    for _ in range(5):
        inzage_vastleggen(
            gebruiker=zelf, klant=klant, onderdeel="overzicht", doel="Je bekeek je eigen overzicht"
        )

    inloggen(pagina, "alfa-klant", WACHTWOORD)
    pagina.goto("/mijn/inzage/")
    bezoeken = pagina.locator(".wie-keek__bezoek")
    assert bezoeken.count() == 1
    assert "Alfa-contactpersoon" in bezoeken.first.inner_text()
    eigen = pagina.locator("details.wie-keek__eigen")
    assert eigen.get_attribute("open") is None  # folded away
    assert "Je bekeek je eigen overzicht" not in pagina.locator("main").inner_text().replace(
        eigen.inner_text(), ""
    )
    assert axe_problemen(pagina) == []
    assert breedte_past(pagina)
    eigen.locator("summary").click()
    # At least the five above; logging in and the app's offline copy add a few of its own.
    assert re.search(r"overzicht \((\d+)×\)", eigen.inner_text())
    assert int(re.search(r"overzicht \((\d+)×\)", eigen.inner_text()).group(1)) >= 5  # type: ignore[union-attr]
    assert breedte_past(pagina)
    assert axe_problemen(pagina) == []
    screenshot(pagina, "wie-keek-telefoon")
