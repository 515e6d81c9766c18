"""Issue 9 on a 360 px phone: the step plan and "wie keek" are not cut off (the stricter reflow
check, which also fails on content clipped inside a box), and the income chart is readable
without zooming: every text in the chart renders at 12 px or more, on the client's page and on
the contact person's page."""

from datetime import timedelta
from typing import Any

from django.utils import timezone

from opstap.accounts.models import Rol
from opstap.contact.models import Stap, StapWie
from opstap.privacy.services import inzage_vastleggen
from tests.browser.conftest import (
    afgeknipte_elementen,
    axe_problemen,
    breedte_past,
    inloggen,
    screenshot,
)
from tests.wereld import WACHTWOORD, Wereld


def _stappen(wereld: Wereld) -> None:
    klant = wereld.a.klanten["eigen"]
    morgen = timezone.localdate() + timedelta(days=3)
    for wat, wie in [
        ("Een cv maken met de bibliotheek en het opsturen naar drie bedrijven", StapWie.KLANT),
        ("Samen een vacature zoeken in de zorg", StapWie.SAMEN),
        ("Bellen met de werkgever over een proefplaats", StapWie.CONTACTPERSOON),
    ]:
        Stap.objects.create(
            gemeente=klant.gemeente, klant=klant, wat=wat, wie=wie, uiterlijk=morgen
        )


def test_stappenplan_van_de_klant_knipt_niets_af(pagina: Any, wereld: Wereld) -> None:
    _stappen(wereld)
    inloggen(pagina, "alfa-klant", WACHTWOORD)
    pagina.goto("/mijn/stappenplan/")
    gedaan = pagina.get_by_role("button", name="Gedaan").first
    assert gedaan.is_visible()
    vak = gedaan.bounding_box()
    assert vak is not None and vak["x"] >= 0 and vak["x"] + vak["width"] <= 360
    assert afgeknipte_elementen(pagina) == []
    assert breedte_past(pagina)
    assert axe_problemen(pagina) == []
    screenshot(pagina, "stappenplan-klant-telefoon")
    gedaan.click()
    pagina.wait_for_load_state()
    assert pagina.get_by_role("button", name="Toch niet klaar").first.is_visible()
    assert afgeknipte_elementen(pagina) == []


def test_stappenplan_van_de_contactpersoon_knipt_niets_af(pagina: Any, wereld: Wereld) -> None:
    _stappen(wereld)
    klant = wereld.a.klanten["eigen"]
    inloggen(pagina, "alfa-contactpersoon", WACHTWOORD)
    pagina.goto(f"/werk/klanten/{klant.pk}/stappenplan/")
    assert afgeknipte_elementen(pagina) == []
    assert axe_problemen(pagina) == []
    screenshot(pagina, "stappenplan-contactpersoon-telefoon")


def test_wie_keek_knipt_niets_af(pagina: Any, wereld: Wereld) -> None:
    klant = wereld.a.klanten["eigen"]
    cp = wereld.a.gebruikers[Rol.CONTACTPERSOON]
    for _ in range(3):
        inzage_vastleggen(
            gebruiker=cp,
            klant=klant,
            onderdeel="dossier",
            doel="Begeleiding: het dossier bekeken voor het gesprek over de sollicitatie bij de bakker",
        )
    inloggen(pagina, "alfa-klant", WACHTWOORD)
    pagina.goto("/mijn/inzage/")
    pagina.locator("details.wie-keek__eigen summary").click()
    assert afgeknipte_elementen(pagina) == []
    assert axe_problemen(pagina) == []
    screenshot(pagina, "wie-keek-telefoon-alles-open")


# The rendered size of each SVG text: its font size times the vertical scale of the SVG's
# current transformation matrix (viewBox → pixels), and the chart's rendered height.
_GRAFIEK_JS = """() => {
  const svg = [...document.querySelectorAll('svg.grafiek')].find(s => s.getBoundingClientRect().width > 0);
  if (!svg) return null;
  const teksten = [...svg.querySelectorAll('text')].map(t => {
    const ctm = t.getScreenCTM();
    const schaal = Math.hypot(ctm.b, ctm.d);
    return {tekst: t.textContent, px: parseFloat(getComputedStyle(t).fontSize) * schaal,
            hoogte: t.getBoundingClientRect().height};
  });
  const r = svg.getBoundingClientRect();
  return {teksten, hoogte: r.height, breedte: r.width, rechts: r.right};
}"""


def _grafiek_leesbaar(page: Any) -> dict[str, Any]:
    meting = page.evaluate(_GRAFIEK_JS)
    assert meting is not None, "geen zichtbare grafiek"
    klein = [t for t in meting["teksten"] if t["px"] < 12]
    assert klein == [], f"te kleine tekst in de grafiek: {klein}"
    assert meting["teksten"], "de grafiek heeft geen tekst"
    assert meting["hoogte"] >= 300, f"de grafiek is maar {meting['hoogte']:.0f} px hoog"
    assert meting["rechts"] <= 360
    return meting


def test_inkomensgrafiek_leesbaar_op_telefoon_klant(pagina: Any, wereld: Wereld) -> None:
    inloggen(pagina, "alfa-klant", WACHTWOORD)
    pagina.goto("/mijn/inkomen/")
    _grafiek_leesbaar(pagina)
    assert afgeknipte_elementen(pagina) == []
    assert axe_problemen(pagina) == []
    screenshot(pagina, "inkomen-klant-telefoon-grafiek")


def test_inkomensgrafiek_leesbaar_op_telefoon_contactpersoon(pagina: Any, wereld: Wereld) -> None:
    klant = wereld.a.klanten["caseload"]
    inloggen(pagina, "alfa-contactpersoon", WACHTWOORD)
    pagina.goto(f"/werk/klanten/{klant.pk}/inkomen/?uren=20&bruto_uurloon=14,00")
    _grafiek_leesbaar(pagina)
    assert axe_problemen(pagina) == []
    screenshot(pagina, "inkomen-contactpersoon-telefoon-grafiek")
