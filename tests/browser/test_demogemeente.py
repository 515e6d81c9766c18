"""The demo municipality exactly as `make run` sets it up, walked in a browser by every demo user.

The other browser tests use the fixtures of tests/wereld.py; this one loads Demodam with the real
loader (`opstap laad_demo`), logs in through the real login form, follows the links in the menu
and on the pages it reaches, and checks each page on a phone with axe-core and the reflow check.
So the demo cannot drift from what the tests check: what only the demo's data shows (a full
caseload with signals, an illustration instead of a photo) is checked too.

One test for all roles: the live server's database is emptied after every test, and loading the
demo once is cheaper than six times."""

import io
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

from django.core.management import call_command
from django.urls import Resolver404, resolve

from opstap.demo.laden import DEMO_WACHTWOORD
from tests.browser.conftest import axe_problemen, inloggen

# Each demo login, the start page it lands on, and pages the walk must reach (by URL name):
# if a link disappears, the walk would silently check less.
DEMO_GEBRUIKERS = {
    "klant1": (
        "/mijn/",
        {
            "mijn:start",
            "mijn:berichten",
            "mijn:verslag",
            "mijn:stappenplan",
            "mijn:inkomen",
            "mijn:regelingen",
            "mijn:inzages",
            "mijn:toestemmingen",
        },
    ),
    "contactpersoon1": (
        "/werk/",
        {
            "werk:caseload",
            "werk:klant",
            "werk:als-klant",
            "werk:berichten",
            "werk:stappenplan",
            "werk:aanvragen",
            "werk:klant-inkomen",
            "werk:voorstellen",
        },
    ),
    "inkomen1": (
        "/werk/inkomsten/",
        {"werk:inkomsten", "werk:inkomstenverklaring", "werk:klant-inkomen"},
    ),
    "werkgever1": ("/werkgever/", {"werkgever:start", "kandidaten:lijst", "kandidaten:kandidaat"}),
    "beleid1": ("/beleid/", {"beleid:start", "beleid:doorrekeningen", "beleid:doorrekening"}),
    "beheer1": ("/beheer/", {"beheer:start", "beheer:import", "beheer:contactpersonen"}),
}
MAX_PAGINAS = 40  # per role: enough for every kind of page, bounded for CI on two cores
# Pages reached only through a GET form, as the user would (none at the moment: the income desk
# reaches its clients through the queue of declarations).
ZOEKEN: dict[str, list[str]] = {}
# The API (JSON, and its documentation in a third-party UI) is no page of the app.
OVERSLAAN = ("/api/",)


@dataclass
class Rondgang:
    bezocht: list[str] = field(default_factory=list)
    soorten: set[str] = field(default_factory=set)
    bevindingen: dict[str, Any] = field(default_factory=dict)


def _view_naam(pad: str) -> str | None:
    try:
        return resolve(urlsplit(pad).path).view_name
    except Resolver404:
        return None


def _soort_pagina(pad: str) -> str | None:
    """One visit per kind of page (its URL name and the names of its query parameters), not per
    client: 80 client files look alike."""
    naam = _view_naam(pad)
    if naam is None:
        return None
    query = urlsplit(pad).query
    return " ".join([naam, *sorted({p.split("=")[0] for p in query.split("&") if p})])


def _links(page: Any, basis: str) -> list[str]:
    """Same-site GET links of the current page: the menu first, then the rest, in page order.
    Downloads (the download attribute) and other sites are skipped; log-out is a form, not a link."""
    hrefs = page.evaluate(
        """() => [...document.querySelectorAll('nav.menu a[href], main a[href]')]
                  .filter(a => !a.hasAttribute('download'))
                  .map(a => a.getAttribute('href'))"""
    )
    uit = []
    for href in hrefs:
        delen = urlsplit(urljoin(page.url, href))
        if delen.scheme not in ("http", "https") or f"{delen.scheme}://{delen.netloc}" != basis:
            continue
        pad = delen.path + (f"?{delen.query}" if delen.query else "")
        if not pad.startswith(OVERSLAAN):
            uit.append(pad)
    return uit


def rondgang(page: Any, basis: str, gebruikersnaam: str, start: str) -> Rondgang:
    """Log in and visit what the user can reach from the start page, breadth first, one page of
    each kind, up to MAX_PAGINAS. Findings per path: accessibility, reflow, links that fail."""
    page.context.clear_cookies()
    inloggen(page, gebruikersnaam, DEMO_WACHTWOORD)
    assert urlsplit(page.url).path == start, (
        f"{gebruikersnaam} landde op {page.url}, niet op {start}"
    )
    uit = Rondgang()
    gezien: set[str] = set()
    rij: list[tuple[str, str]] = [
        (start, start),
        *((p, start) for p in ZOEKEN.get(gebruikersnaam, [])),
    ]
    while rij and len(uit.bezocht) < MAX_PAGINAS:
        pad, van = rij.pop(0)
        soort = _soort_pagina(pad)
        if soort is None or soort in gezien:
            continue
        gezien.add(soort)
        # Ask first, with the same session, what the link gives: a redirect or a file is no page.
        antwoord = page.request.get(pad, max_redirects=0)
        if antwoord.status >= 400:
            uit.bevindingen[pad] = f"HTTP {antwoord.status} (link op {van})"
            continue
        if antwoord.status >= 300 or not antwoord.headers.get("content-type", "").startswith(
            "text/html"
        ):
            continue
        page.goto(pad)
        page.wait_for_load_state()
        uit.bezocht.append(pad)
        uit.soorten.add(_view_naam(pad) or "")
        problemen = axe_problemen(page)
        if problemen:
            uit.bevindingen[pad] = problemen
        rij += [(link, pad) for link in _links(page, basis)]
    return uit


def test_demogemeente_zonder_toegankelijkheidsproblemen_op_een_telefoon(
    pagina: Any, live_server: Any
) -> None:
    begin = time.monotonic()
    call_command("laad_demo", stdout=io.StringIO())
    geladen = time.monotonic() - begin
    bevindingen: dict[str, Any] = {}
    for gebruikersnaam, (start, verwacht) in DEMO_GEBRUIKERS.items():
        uit = rondgang(pagina, live_server.url, gebruikersnaam, start)
        print(f"{gebruikersnaam}: {len(uit.bezocht)} pagina's: {' '.join(uit.bezocht)}")
        bevindingen.update({f"{gebruikersnaam} {pad}": p for pad, p in uit.bevindingen.items()})
        if ontbreekt := verwacht - uit.soorten:
            bevindingen[f"{gebruikersnaam} niet bereikt"] = sorted(ontbreekt)
    print(f"demo geladen in {geladen:.1f} s, rondgang klaar na {time.monotonic() - begin:.0f} s")
    assert bevindingen == {}, "\n".join(f"{k}: {v}" for k, v in bevindingen.items())
