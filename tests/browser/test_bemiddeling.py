"""Mediation on a 360 px phone, each role in its own browser: the client consents, the employer
sees exactly the shared values, a trial day is requested and confirmed by all three, the employer
gives feedback and the client reads it in kind words. axe finds no serious or critical problem."""

from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any

import pytest

from django.utils import timezone

from opstap.bemiddeling.models import Kandidaatprofiel, Voorstel
from tests.browser.conftest import TELEFOON, axe_problemen, breedte_past, inloggen
from tests.wereld import WACHTWOORD, Wereld

BESCHIKBAAR = "Maandag tot donderdag, 9 tot 14 uur"
CV = "Vijf jaar kassamedewerker"


@pytest.fixture
def als(browser: Any, live_server: Any) -> Iterator[Callable[[str], Any]]:
    """A logged-in phone-sized page per user, each in its own browser context."""
    contexten: list[Any] = []

    def open_als(gebruikersnaam: str) -> Any:
        context = browser.new_context(
            viewport=TELEFOON, locale="nl-NL", bypass_csp=True, base_url=live_server.url
        )
        contexten.append(context)
        pagina = context.new_page()
        inloggen(pagina, gebruikersnaam, WACHTWOORD)
        return pagina

    yield open_als
    for context in contexten:
        context.close()


def _toegankelijk(pagina: Any) -> None:
    assert axe_problemen(pagina) == []
    assert breedte_past(pagina)


def test_toestemming_kandidaat_proefdag_en_terugkoppeling_op_telefoon(
    als: Callable[[str], Any], wereld: Wereld
) -> None:
    eigen = wereld.a.klanten["eigen"]
    Kandidaatprofiel.objects.create(klant=eigen, beschikbaarheid=BESCHIKBAAR, cv=CV)
    werkgever_naam = wereld.a.werkgever.naam

    # The client gives consent for two details.
    klant = als("alfa-klant")
    klant.goto("/mijn/toestemmingen/")
    _toegankelijk(klant)
    klant.get_by_label("Welke werkgever mag iets van je zien?").select_option(label=werkgever_naam)
    klant.get_by_label("Naam", exact=True).check()
    klant.get_by_label("Beschikbare uren").check()
    klant.get_by_role("button", name="Ja, deel dit").click()
    klant.wait_for_load_state()
    assert klant.get_by_text(f"{werkgever_naam} kan nu zien wat je koos").is_visible()
    assert klant.get_by_text(f"Dit ziet {werkgever_naam}:").is_visible()
    _toegankelijk(klant)

    # The employer sees exactly those values, and not the CV the client did not share.
    werkgever = als("alfa-werkgever")
    werkgever.goto("/werkgever/kandidaten/")
    kaart = werkgever.locator("article", has_text="A. Eigenaar")
    assert kaart.get_by_text(BESCHIKBAAR).is_visible()
    assert CV not in werkgever.content()
    _toegankelijk(werkgever)
    voorstel = Voorstel.objects.get(klant=eigen, werkgever=wereld.a.werkgever)

    # Trial day: the client asks, the employer plans, contact person and client confirm.
    klant.goto(f"/mijn/kandidaat/{voorstel.pk}/")
    klant.get_by_label("Wat wil je over de proefdag zeggen?").fill("Liever op dinsdag")
    klant.get_by_role("button", name="Vraag een proefdag aan").click()
    klant.wait_for_load_state()
    assert klant.get_by_text("Aangevraagd, nog geen datum").is_visible()
    _toegankelijk(klant)

    werkgever.goto(f"/werkgever/kandidaten/{voorstel.pk}/")
    dag = timezone.localdate() + timedelta(days=7)
    werkgever.get_by_label("Datum", exact=True).fill(dag.isoformat())
    werkgever.get_by_label("Begintijd").fill("09:00")
    werkgever.get_by_label("Eindtijd").fill("13:00")
    werkgever.get_by_label("Waar?").fill("Receptie, Molenweg 4")
    werkgever.get_by_role("button", name="Proefdag plannen").click()
    werkgever.wait_for_load_state()
    assert werkgever.get_by_text("Gepland, wacht op bevestiging").is_visible()
    _toegankelijk(werkgever)

    contactpersoon = als("alfa-contactpersoon")
    contactpersoon.goto(f"/werk/voorstellen/{voorstel.pk}/")
    contactpersoon.get_by_role("button", name="Ik bevestig de proefdag").click()
    contactpersoon.wait_for_load_state()
    _toegankelijk(contactpersoon)

    klant.goto(f"/mijn/kandidaat/{voorstel.pk}/")
    klant.get_by_role("button", name="Ik bevestig de proefdag").click()
    klant.wait_for_load_state()
    bevestigd = "Bevestigd door werkgever, klant en contactpersoon"
    assert klant.get_by_text(bevestigd).is_visible()
    assert klant.get_by_text("Vragen om te oefenen").is_visible()
    assert klant.get_by_text("Kinderopvang").is_visible()
    for pagina in (werkgever, contactpersoon):
        pagina.reload()
        assert pagina.get_by_text(bevestigd).is_visible()

    # The employer gives feedback; the client reads it in kind words.
    werkgever.get_by_label("Niet aangenomen").check()
    werkgever.get_by_label("Wat ging goed?").fill("Op tijd en heel vriendelijk tegen klanten.")
    werkgever.get_by_label("Een tip voor de volgende keer").fill("Vertel meer over je kassawerk.")
    werkgever.get_by_role("button", name="Terugkoppeling geven").click()
    werkgever.wait_for_load_state()
    assert werkgever.get_by_text("De kandidaat leest uw terugkoppeling").is_visible()
    _toegankelijk(werkgever)

    klant.reload()
    assert klant.get_by_text(f"Deze keer ging het niet door bij {werkgever_naam}").is_visible()
    assert klant.get_by_text("Op tijd en heel vriendelijk tegen klanten.").is_visible()
    klant.get_by_role("button", name="Bespreek het kort met mijn contactpersoon").click()
    klant.wait_for_load_state()
    assert klant.get_by_text("Je vroeg om een kort gesprek").is_visible()
    _toegankelijk(klant)


@pytest.mark.parametrize(
    ("gebruiker", "paden"),
    [
        (
            "alfa-klant",
            ["/mijn/kandidaat/", "/mijn/bijeenkomsten/", "/mijn/toestemmingen/wat-je-deelt/"],
        ),
        ("alfa-contactpersoon", ["/werk/voorstellen/", "/werk/bijeenkomsten/", "/werk/plaatsen/"]),
        ("alfa-werkgever", ["/werkgever/", "/werkgever/plaatsen/", "/werkgever/bijeenkomsten/"]),
    ],
)
def test_bemiddelingspaginas_zijn_toegankelijk_op_telefoon(
    als: Callable[[str], Any], wereld: Wereld, gebruiker: str, paden: list[str]
) -> None:
    pagina = als(gebruiker)
    for pad in paden:
        pagina.goto(pad)
        assert pagina.locator("h1").is_visible()
        _toegankelijk(pagina)
    if gebruiker == "alfa-contactpersoon" and wereld.a.bijeenkomst is not None:
        pagina.goto(f"/werk/bijeenkomsten/{wereld.a.bijeenkomst.pk}/")
        _toegankelijk(pagina)
