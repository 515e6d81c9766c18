"""The learning network on a 360 px phone: a client writes an experience, sees exactly what will
be shared (de-identified) and sends it; a coder picks sentences and codes them. Nothing is cut
off and axe finds no serious or critical problem on any of these pages."""

from typing import Any

from opstap.leernetwerk.anonimiseren import deduce_model
from opstap.leernetwerk.models import Bijdrage, Codering, Status
from tests.browser.conftest import axe_problemen, breedte_past, inloggen
from tests.wereld import WACHTWOORD, Wereld


def test_klant_deelt_een_ervaring_op_telefoon(pagina: Any, wereld: Wereld) -> None:
    deduce_model()  # loaded once per process (seconds); the live server shares it
    inloggen(pagina, "alfa-klant", WACHTWOORD)
    pagina.goto("/mijn/leernetwerk/")
    assert axe_problemen(pagina) == []
    pagina.get_by_label("Een brief").check()
    pagina.get_by_label("Je ervaring", exact=True).fill(
        "Mijn buurman Kees Visser las de brief voor. Bel hem op 06-12345678. De brief was moeilijk."
    )
    pagina.get_by_role("button", name="Bekijk wat er gedeeld wordt").click()
    pagina.wait_for_load_state()
    gedeeld = pagina.get_by_label("Dit wordt gedeeld")
    assert gedeeld.input_value() == (
        "Mijn buurman [PERSOON] las de brief voor. Bel hem op [TELEFOON]. De brief was moeilijk."
    )
    assert breedte_past(pagina)
    assert axe_problemen(pagina) == []
    gedeeld.fill(gedeeld.input_value().replace(" Bel hem op [TELEFOON].", ""))
    pagina.get_by_role("button", name="Versturen").click()
    pagina.wait_for_load_state()
    assert pagina.get_by_text("Verstuurd, wordt gecontroleerd").first.is_visible()
    bijdrage = Bijdrage.objects.get(klant=wereld.a.klanten["eigen"], onderwerp="brief")
    assert bijdrage.status == Status.INGEDIEND
    assert (
        bijdrage.gedeelde_tekst
        == "Mijn buurman [PERSOON] las de brief voor. De brief was moeilijk."
    )
    assert axe_problemen(pagina) == []


def test_codeur_kiest_zinnen_en_codeert_op_telefoon(pagina: Any, wereld: Wereld) -> None:
    bron = Bijdrage.objects.get(klant=wereld.a.klanten["eigen"])  # approved in the test world
    inloggen(pagina, "alfa-contactpersoon", WACHTWOORD)
    pagina.goto("/werk/leernetwerk/")
    assert axe_problemen(pagina) == []
    pagina.get_by_role("link", name=bron.label).click()
    pagina.wait_for_load_state()
    assert axe_problemen(pagina) == []
    pagina.get_by_label("Het was een fijn gesprek.").check()
    pagina.get_by_label("Code", exact=True).select_option(label="regie")
    pagina.get_by_label("Memo (mag leeg blijven)").fill("Fijn contact.")
    pagina.get_by_role("button", name="Codeer de gekozen zinnen").click()
    pagina.wait_for_load_state()
    codering = Codering.objects.get(bijdrage=bron, codeur=wereld.a.gebruikers["contactpersoon"])
    assert codering.fragment == "Het was een fijn gesprek." and codering.memo == "Fijn contact."
    assert pagina.get_by_text("Fijn contact.").is_visible()
    assert breedte_past(pagina)
    assert axe_problemen(pagina) == []
