"""Installing the app: the button shows only when the browser offers it (beforeinstallprompt) and
then asks the browser's own question (prompt()). Without the event it stays hidden."""

from typing import Any

import pytest

from tests.browser.conftest import axe_problemen, inloggen
from tests.wereld import WACHTWOORD, Wereld

pytestmark = pytest.mark.browser

# What Chromium sends when the app can be installed; prompt() records that it was called.
NEP_INSTALLATIEVRAAG = """() => {
  window.gevraagd = 0;
  const event = new Event("beforeinstallprompt", {cancelable: true});
  event.prompt = () => { window.gevraagd += 1; return Promise.resolve(); };
  event.userChoice = Promise.resolve({outcome: "accepted", platform: "web"});
  window.dispatchEvent(event);
  return event.defaultPrevented;
}"""


def test_installeerknop_alleen_als_de_browser_het_aanbiedt(pagina: Any, wereld: Wereld) -> None:
    fouten: list[str] = []
    pagina.on("console", lambda m: fouten.append(m.text) if m.type == "error" else None)
    inloggen(pagina, "alfa-klant", WACHTWOORD)
    assert pagina.url.endswith("/mijn/")
    knop = pagina.get_by_role("button", name="Zet op mijn beginscherm")
    assert pagina.locator("#app-installeren").count() == 1
    assert not knop.is_visible(), "zonder beforeinstallprompt hoort de knop verborgen te zijn"

    assert pagina.evaluate(NEP_INSTALLATIEVRAAG) is True  # our script took over the browser's bar
    knop.wait_for(state="visible")
    assert axe_problemen(pagina) == [], "toegankelijkheid met de installeerknop"
    knop.click()
    assert pagina.evaluate("() => window.gevraagd") == 1
    assert not knop.is_visible(), "na de vraag verdwijnt de knop (een vraag kan maar één keer)"
    assert not [f for f in fouten if "Content Security Policy" in f], fouten


def test_profielpagina_is_toegankelijk(pagina: Any, wereld: Wereld) -> None:
    """A1's page for the contact person, as a screen reader and a keyboard meet it."""
    inloggen(pagina, "alfa-contactpersoon", WACHTWOORD)
    pagina.get_by_role("link", name="Mijn profiel").click()
    pagina.wait_for_load_state()
    assert pagina.get_by_role("heading", level=1).inner_text() == "Mijn profiel"
    pagina.get_by_label("Wanneer ben je bereikbaar?").fill("ma en do van 9 tot 12 uur")
    pagina.get_by_role("button", name="Opslaan").click()
    pagina.wait_for_load_state()
    assert pagina.get_by_text("Je gegevens zijn opgeslagen").is_visible()
    assert pagina.get_by_text("Bereikbaar: ma en do van 9 tot 12 uur").is_visible()
    assert axe_problemen(pagina) == [], "toegankelijkheid van de profielpagina"
    # Every typing field looks and taps alike on a phone (the phone number field was unstyled).
    hoogtes = pagina.locator(
        "form input:not([type=hidden]):not([type=checkbox]), form textarea"
    ).evaluate_all("els => els.map(e => [e.name, e.getBoundingClientRect().height])")
    assert hoogtes and all(h >= 40 for _naam, h in hoogtes), hoogtes
