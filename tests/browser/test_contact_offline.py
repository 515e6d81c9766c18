"""The app on a phone without a connection (PWA): the latest summaries and the rules stay readable,
also the ones the client did not open yet; any other page says kindly that there is no internet."""

import time
from typing import Any

import pytest

from opstap.contact.models import Gespreksverslag
from tests.browser.conftest import TELEFOON, axe_problemen, inloggen
from tests.wereld import WACHTWOORD, Wereld

pytestmark = pytest.mark.browser

IN_CACHE = """async (paden) => {
  const cache = await caches.open("opstap-lezen-v1");
  const gevonden = await Promise.all(paden.map((p) => cache.match(new URL(p, location.origin).href)));
  return gevonden.every(Boolean);
}"""


def _wacht_op_cache(page: Any, paden: list[str], seconden: float = 15) -> None:
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        if page.evaluate(IN_CACHE, paden):
            return
        time.sleep(0.2)
    raise AssertionError(f"niet bewaard voor offline lezen: {paden}")


def test_verslagen_en_regels_offline_te_lezen(
    browser: Any, live_server: Any, wereld: Wereld
) -> None:
    verslag = Gespreksverslag.objects.get(klant=wereld.a.klanten["eigen"])
    context = browser.new_context(
        viewport=TELEFOON, locale="nl-NL", bypass_csp=True, base_url=live_server.url
    )
    page = context.new_page()
    inloggen(page, "alfa-klant", WACHTWOORD)  # the home page; the summary itself was never opened
    _wacht_op_cache(page, [f"/mijn/gesprekken/{verslag.pk}/", "/mijn/regels/", "/mijn/gesprekken/"])

    context.set_offline(True)
    page.goto(f"/mijn/gesprekken/{verslag.pk}/")
    assert page.get_by_text("Je zoekt drie vacatures uit.").is_visible()
    page.goto("/mijn/regels/")
    assert page.get_by_role("heading", name="Vrijwilligerswerk").is_visible()
    page.goto("/mijn/stappenplan/")  # not kept: a kind page instead of the browser's error
    assert page.get_by_role("heading", level=1).inner_text() == "Je hebt nu geen internet"
    assert axe_problemen(page) == [], "toegankelijkheid van de offline-pagina"
    page.get_by_role("link", name="Mijn regels").click()
    assert page.get_by_role("heading", name="Vrijwilligerswerk").is_visible()

    context.set_offline(False)
    page.goto("/mijn/")
    page.get_by_role("button", name="Uitloggen").click()  # logging out empties what was kept
    page.wait_for_load_state()
    einde = time.monotonic() + 10
    while (
        page.evaluate("async () => (await caches.keys()).includes('opstap-lezen-v1')")
        and time.monotonic() < einde
    ):
        time.sleep(0.2)
    assert not page.evaluate("async () => (await caches.keys()).includes('opstap-lezen-v1')")
    context.close()
