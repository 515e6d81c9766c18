"""The offline copy on the phone goes when the session ends, not only on the logout button
(issue 8): here the session is ended on the server (logged out elsewhere, expired or removed by
an administrator) and the client simply opens the app again."""

import time
from typing import Any

import pytest

from django.contrib.sessions.models import Session

from opstap.contact.models import Gespreksverslag
from tests.browser.conftest import TELEFOON, inloggen
from tests.wereld import WACHTWOORD, Wereld

pytestmark = pytest.mark.browser

BEWAARD = """async (pad) => {
  if (!(await caches.keys()).includes("opstap-lezen-v1")) return false;
  const cache = await caches.open("opstap-lezen-v1");
  return Boolean(await cache.match(new URL(pad, location.origin).href));
}"""


def _wacht(page: Any, pad: str, *, bewaard: bool, seconden: float = 15) -> bool:
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        if page.evaluate(BEWAARD, pad) == bewaard:
            return True
        time.sleep(0.2)
    return False


@pytest.mark.parametrize("route", ["app", "pagina"])
def test_offline_kopie_weg_als_de_sessie_op_de_server_eindigt(
    browser: Any, live_server: Any, wereld: Wereld, route: str
) -> None:
    verslag = Gespreksverslag.objects.get(klant=wereld.a.klanten["eigen"])
    pad = f"/mijn/gesprekken/{verslag.pk}/"
    context = browser.new_context(viewport=TELEFOON, locale="nl-NL", base_url=live_server.url)
    page = context.new_page()
    inloggen(page, "alfa-klant", WACHTWOORD)
    assert _wacht(page, pad, bewaard=True), "the summary was not kept for offline reading"

    # While the session is valid the copy stays, also after visiting other pages.
    page.goto("/mijn/regels/")
    assert page.evaluate(BEWAARD, pad)

    Session.objects.all().delete()  # the session ends on the server; nobody presses "Uitloggen"
    if route == "app":
        page.goto("/mijn/")  # opening the app again: the server sends the login page
        assert "/inloggen/" in page.url
    else:
        page.goto(pad)  # a page kept for offline reading, fetched network-first by the worker
        assert "/inloggen/" in page.url
    assert _wacht(page, pad, bewaard=False), "the offline copy is still on the phone"

    context.set_offline(True)  # and it cannot be read offline any more
    try:
        page.goto(pad)
        tekst = page.content()
    except Exception:  # noqa: BLE001 - no worker left: the browser's own offline error
        tekst = ""
    assert "Je zoekt drie vacatures uit." not in tekst
    context.close()
