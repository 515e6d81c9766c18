"""Browser tests: Playwright driving Debian's Chromium against a live Django server.

Without Chromium these tests skip with a clear message (`make test` on a bare machine).
CI sets OPSTAP_BROWSERTESTS_VERPLICHT=1, which turns a missing browser into a failure."""

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = os.environ.get("OPSTAP_CHROMIUM", "/usr/bin/chromium")
AXE_JS = (Path(__file__).parent / "vendor" / "axe-core-4.14.1.min.js").read_text()
SCREENSHOTS = Path(
    os.environ.get(
        "OPSTAP_SCREENSHOTS", Path(__file__).resolve().parents[2] / "var" / "screenshots"
    )
)
TELEFOON = {"width": 360, "height": 740}  # a cheap phone
BUREAU = {"width": 1280, "height": 900}

# Playwright's sync API runs an event loop in this thread; Django's test database calls in the
# same thread are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def _chromium_aanwezig() -> bool:
    return Path(CHROMIUM).exists() or shutil.which(CHROMIUM) is not None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)
            # One browser per worker is plenty on two cores.
            item.add_marker(pytest.mark.xdist_group("browser"))


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not _chromium_aanwezig():
        melding = (
            f"Chromium ontbreekt ({CHROMIUM}): installeer het Debian-pakket 'chromium' "
            "(apt-get install chromium) om de browsertests te draaien."
        )
        if os.environ.get("OPSTAP_BROWSERTESTS_VERPLICHT"):
            pytest.fail(melding)
        pytest.skip(melding)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def pagina(browser: Any, live_server: Any) -> Iterator[Any]:
    """A fresh phone-sized page. bypass_csp only lets the test inject axe-core; the app's CSP stays."""
    context = browser.new_context(
        viewport=TELEFOON, locale="nl-NL", bypass_csp=True, base_url=live_server.url
    )
    page = context.new_page()
    yield page
    context.close()


def inloggen(page: Any, gebruikersnaam: str, wachtwoord: str) -> None:
    page.goto("/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(gebruikersnaam)
    page.get_by_label("Wachtwoord").fill(wachtwoord)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()


def axe_problemen(page: Any) -> list[dict[str, Any]]:
    """Serious and critical WCAG 2.1 A/AA violations on the current page."""
    page.evaluate(AXE_JS)
    resultaat = page.evaluate(
        """async () => await axe.run(document, {runOnly: {type: 'tag',
             values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"""
    )
    problemen = [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [n["target"] for n in v["nodes"]][:5],
        }
        for v in resultaat["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    # WCAG 1.4.10 Reflow (AA), which axe cannot check: on a phone the page never scrolls sideways.
    if page.viewport_size["width"] <= TELEFOON["width"] and not _pagina_past(page):
        problemen.append(
            {
                "id": "reflow",
                "impact": "serious",
                "help": "WCAG 1.4.10: de pagina schuift zijwaarts",
                "nodes": [],
            }
        )
    if page.viewport_size["width"] <= TELEFOON["width"] and (
        afgeknipt := afgeknipte_elementen(page)
    ):
        problemen.append(
            {
                "id": "reflow-afgeknipt",
                "impact": "serious",
                "help": "WCAG 1.4.10: inhoud valt buiten het scherm of buiten een schuifvak",
                "nodes": afgeknipt[:5],
            }
        )
    return problemen


def breedte_past(page: Any) -> bool:
    """No sideways scrolling of the whole page, and nothing cut off: a page can be exactly as wide
    as the screen while a button sits hidden in a box that clips or scrolls (the step plan's
    "Gedaan" did). So this also fails on clipped content (`afgeknipte_elementen`)."""
    return _pagina_past(page) and not afgeknipte_elementen(page)


def _pagina_past(page: Any) -> bool:
    return bool(page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))


# Every control and every table cell must lie within the screen and within each ancestor that
# clips or scrolls its overflow. Exempt: cells of a table marked `data-twee-dimensies` (WCAG 1.4.10
# allows a data table that needs two dimensions to scroll in its own box); controls never are.
_AFGEKNIPT_JS = """() => {
  const B = window.innerWidth, uit = [];
  const zichtbaar = (r) => r.width > 1 && r.height > 1;
  const naam = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '') +
    ' "' + (el.innerText || el.value || '').trim().slice(0, 30) + '"';
  const sel = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex], th, td';
  for (const el of document.querySelectorAll(sel)) {
    const cel = el.matches('th, td');
    if (cel && el.closest('table[data-twee-dimensies]')) continue;
    if (el.closest('.visually-hidden')) continue;
    const r = el.getBoundingClientRect();
    // Not rendered (a closed <details>, display: none, visibility: hidden): nothing to cut off.
    if (!zichtbaar(r) || !el.checkVisibility({visibilityProperty: true})) continue;
    // A skip link waits off-screen until it gets focus: placed there on purpose, not cut off.
    if (r.right <= 0 && ['absolute', 'fixed'].includes(getComputedStyle(el).position)) continue;
    const knippers = [];
    for (let a = el.parentElement; a && a !== document.documentElement; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (s.overflowX !== 'visible' || s.overflowY !== 'visible' || s.clipPath !== 'none') knippers.push(a);
    }
    // Inside a 1 px box: visually hidden on purpose, for screen readers only.
    if (knippers.some(a => a.getBoundingClientRect().width <= 1)) continue;
    if (r.left < -1 || r.right > B + 1) { uit.push(naam(el) + ' buiten het scherm'); continue; }
    const a = knippers.find(a => { const ar = a.getBoundingClientRect();
                                   return r.left < ar.left - 1 || r.right > ar.right + 1; });
    if (a) uit.push(naam(el) + ' afgeknipt door ' + naam(a));
  }
  return uit;
}"""


def afgeknipte_elementen(page: Any) -> list[str]:
    """Controls and table cells that stick out of the screen or out of a clipping/scrolling box."""
    return list(page.evaluate(_AFGEKNIPT_JS))


def screenshot(page: Any, naam: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    pad = SCREENSHOTS / f"{naam}.png"
    page.screenshot(path=str(pad), full_page=True)
    return pad


@pytest.fixture
def wereld(transactional_db: None) -> Any:
    """The live server runs in another thread: its data must be committed, not in a test transaction."""
    from tests.wereld import maak_wereld

    return maak_wereld()
