"""Finding work on a 360 px phone: the client writes a letter and asks for a check; the contact
person sets the duty and checks the letter the same day with comments in the text; the client reads
them. Every page passes axe-core, and nothing is cut off or scrolls sideways."""

from typing import Any

import pytest

from django.core.files.base import ContentFile
from django.utils import timezone

from opstap.werkzoeken.models import Controle, Groep, Groepslid, Groepstip, Plicht, Stuk
from tests.browser.conftest import afgeknipte_elementen, axe_problemen, breedte_past, inloggen
from tests.wereld import WACHTWOORD, Wereld

pytestmark = pytest.mark.browser
TELEFOON = {"width": 360, "height": 740}

BRIEF = (
    "Beste meneer De Vries,\n\nIk wil graag bij de groenvoorziening werken. "
    "Ik werk graag buiten en ik ben sterk.\n\nGroet, Anna"
)


def _telefoon(browser: Any, live_server: Any) -> Any:
    context = browser.new_context(
        viewport=TELEFOON, locale="nl-NL", bypass_csp=True, base_url=live_server.url
    )
    return context, context.new_page()


def _goed(page: Any, waar: str) -> None:
    assert axe_problemen(page) == [], f"toegankelijkheid op {waar}"
    assert breedte_past(page), f"{waar} schuift zijwaarts"
    assert afgeknipte_elementen(page) == [], f"iets valt buiten beeld op {waar}"


def test_plicht_instellen_en_brief_dezelfde_dag_nakijken(
    browser: Any, live_server: Any, wereld: Wereld
) -> None:
    klant = wereld.a.klanten["eigen"]
    # The client writes a letter and asks for a check.
    klant_context, telefoon = _telefoon(browser, live_server)
    inloggen(telefoon, "alfa-klant", WACHTWOORD)
    telefoon.goto("/mijn/werkzoeken/cv-en-brieven/")
    _goed(telefoon, "cv en brieven")
    telefoon.get_by_role("link", name="Een brief schrijven").click()
    _goed(telefoon, "brief schrijven")
    telefoon.get_by_label("Naam van je stuk").fill("Brief groenvoorziening")
    telefoon.get_by_label("Je tekst").fill(BRIEF)
    telefoon.get_by_role("button", name="Bewaren").click()
    telefoon.wait_for_load_state()
    telefoon.get_by_role("button", name="Vraag een controle").click()
    telefoon.wait_for_load_state()
    assert "kijkt er vandaag naar" in telefoon.get_by_role("status").first.inner_text()
    _goed(telefoon, "de brief met een lopende controle")

    # The contact person, on a phone too: sets the duty, then checks the letter the same day.
    cp_context, cp = _telefoon(browser, live_server)
    inloggen(cp, "alfa-contactpersoon", WACHTWOORD)
    cp.goto(f"/werk/klanten/{klant.pk}/werkzoeken/")
    _goed(cp, "werk zoeken van de klant")
    cp.get_by_label("Aantal activiteiten per periode").fill("2")
    cp.get_by_label("Periode in weken").fill("3")
    cp.get_by_label("Vrijwilligerswerk").uncheck()
    cp.get_by_label("Mantelzorg").check()
    cp.get_by_label("Afspraak in woorden (de klant ziet dit)").fill(
        "Twee per drie weken; mantelzorg telt mee."
    )
    cp.get_by_role("button", name="Afspraak bewaren").click()
    cp.wait_for_load_state()
    plicht = Plicht.objects.get(klant=klant)
    assert (plicht.aantal, plicht.periode_weken) == (2, 3)
    assert "mantelzorg" in plicht.soorten and "vrijwilligerswerk" not in plicht.soorten

    cp.get_by_role("link", name="Nakijken").first.click()
    cp.wait_for_load_state()
    _goed(cp, "de wachtrij")
    cp.get_by_role("link", name="A. Eigenaar: sollicitatiebrief 'Brief groenvoorziening'").click()
    cp.wait_for_load_state()
    _goed(cp, "nakijken")
    cp.get_by_label("Opmerking 1: over welke woorden? (kopieer ze uit de tekst)").fill(
        "Ik werk graag buiten en ik ben sterk."
    )
    cp.get_by_label("Opmerking 1: je opmerking").fill(
        "Goed! Noem een voorbeeld: je tuin of de moestuin."
    )
    cp.get_by_label("Slotwoord (wat ging goed, wat is de belangrijkste tip?)").fill(
        "Mooie, korte brief."
    )
    cp.get_by_role("button", name="Terugsturen naar de klant").click()
    cp.wait_for_load_state()
    controle = Controle.objects.filter(klant=klant, stuk__soort="brief").order_by("-pk").first()
    assert controle is not None and controle.beantwoord_op is not None
    assert (
        timezone.localtime(controle.beantwoord_op).date()
        == timezone.localtime(controle.gevraagd_op).date()
    )
    assert controle.beantwoord_op <= controle.uiterlijk_op  # within the same-day target
    cp_context.close()

    # The client reads the comments in the text, and gets the one-tap mood check.
    telefoon.goto("/mijn/werkzoeken/cv-en-brieven/")
    telefoon.get_by_role("link", name="Brief groenvoorziening").click()
    telefoon.wait_for_load_state()
    gemarkeerd = telefoon.locator(".nagekeken mark")
    assert gemarkeerd.first.inner_text() == "Ik werk graag buiten en ik ben sterk."
    assert "Noem een voorbeeld" in telefoon.locator(".opmerking").first.inner_text()
    assert telefoon.get_by_text("Mooie, korte brief.").is_visible()
    assert telefoon.get_by_role("heading", name="Hoe gaat het nu met je?").is_visible()
    _goed(telefoon, "de nagekeken brief")
    telefoon.goto("/mijn/werkzoeken/")
    assert "Afspraak: 2 activiteiten per 3 weken." in telefoon.content()
    _goed(telefoon, "werk zoeken")
    klant_context.close()


@pytest.mark.parametrize(
    "pad",
    [
        "/mijn/werkzoeken/presentatie/",
        "/mijn/werkzoeken/netwerk/",
        "/mijn/werkzoeken/vrijwilligerswerk-en-mantelzorg/",
        "/mijn/werkzoeken/hoe-gaat-het/",
        "/mijn/werkzoeken/ik-heb-de-baan/",
    ],
)
def test_klantpaginas_werkzoeken_op_telefoon(pagina: Any, wereld: Wereld, pad: str) -> None:
    inloggen(pagina, "alfa-klant", WACHTWOORD)
    pagina.goto(pad)
    assert pagina.get_by_role("heading", level=1).is_visible()
    _goed(pagina, pad)


def test_presentatie_met_filmpje_is_toegankelijk(pagina: Any, wereld: Wereld) -> None:
    klant = wereld.a.klanten["eigen"]
    video = Stuk(
        gemeente=klant.gemeente,
        klant=klant,
        soort="video",
        titel="Over mij",
        bestand_type="video/mp4",
    )
    video.bestand.save("ik.mp4", ContentFile(b"\x00\x00\x00\x18ftypmp42"), save=False)
    video.save()
    inloggen(pagina, "alfa-klant", WACHTWOORD)
    pagina.goto("/mijn/werkzoeken/presentatie/")
    assert pagina.get_by_role("link", name="Bekijk 'Over mij'").is_visible()
    _goed(pagina, "presentatie met filmpje")


def test_groep_met_tips_voor_klant_en_begeleider_toegankelijk(pagina: Any, wereld: Wereld) -> None:
    klant = wereld.a.klanten["eigen"]
    groep = Groep.objects.create(
        gemeente=klant.gemeente,
        naam="Vacaturetips Alfa",
        moderator=wereld.a.gebruikers["contactpersoon"],
    )
    Groepslid.objects.create(groep=groep, klant=klant)
    Groepstip.objects.create(groep=groep, klant=klant, tekst="De bakker zoekt iemand op zaterdag.")
    inloggen(pagina, "alfa-klant", WACHTWOORD)
    pagina.goto("/mijn/werkzoeken/netwerk/")
    assert pagina.get_by_text("De bakker zoekt iemand op zaterdag.").is_visible()
    _goed(pagina, "netwerk met een groep")
    pagina.get_by_role("button", name="Uitloggen").click()
    pagina.wait_for_load_state()
    inloggen(pagina, "alfa-contactpersoon", WACHTWOORD)
    pagina.goto("/werk/groepen/")
    assert pagina.get_by_text("De bakker zoekt iemand op zaterdag.").is_visible()
    _goed(pagina, "groepen")
    pagina.get_by_role("button", name="Verbergen").click()
    pagina.wait_for_load_state()
    assert Groepstip.objects.get().verborgen_op is not None
