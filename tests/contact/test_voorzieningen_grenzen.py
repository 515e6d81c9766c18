"""Bar of issue 4: the provisions shown are exactly those the engine grants — per provision a
household just inside and just outside its limit, checked on the client's own page.

Nothing here knows an amount or a limit: each limit is found through the engine (bisection on the
net wage), so a changed regulation changes the households, not this test. A provision added to
Gemeente Demodam fails `test_elke_regeling_heeft_een_grenstest` until it gets a household here."""

from collections.abc import Callable
from datetime import date, timedelta

import pytest

from django.test import Client
from django.utils import timezone

from opstap.contact import voorzieningen
from opstap.contact.models import Aanvraag
from opstap.klanten.models import Kind, Klant
from tests.wereld import Wereld

pytestmark = pytest.mark.django_db


def _jaren_geleden(jaren: int, *, dagen: int = 0) -> date:
    vandaag = timezone.localdate()
    try:
        dag = vandaag.replace(year=vandaag.year - jaren)
    except ValueError:  # 29 February
        dag = vandaag.replace(year=vandaag.year - jaren, day=28)
    return dag + timedelta(days=dagen)


def _gewoon(klant: Klant) -> None:
    """An alleenstaande without children, on bijstand for a year."""
    klant.bijstand_sinds = _jaren_geleden(1)
    klant.save()


def _met_kind(klant: Klant) -> None:
    _gewoon(klant)
    Kind.objects.create(klant=klant, roepnaam="Sam", geboortedatum=_jaren_geleden(9))


def _lang_laag_inkomen(klant: Klant) -> None:
    klant.bijstand_sinds = _jaren_geleden(4)
    klant.save()


# Per provision of Gemeente Demodam: a household that meets every condition except perhaps income.
HUISHOUDENS: dict[str, Callable[[Klant], None]] = {
    "stadspas": _gewoon,
    "kwijtschelding": _gewoon,
    "kindpakket": _met_kind,
    "individuele_inkomenstoeslag": _lang_laag_inkomen,
}


def _codes(uitkomsten: list[voorzieningen.Uitkomst]) -> set[str]:
    return {u.regeling.code for u in uitkomsten}


def _recht(klant: Klant, code: str, loon: int) -> bool:
    return code in _codes(
        voorzieningen.regelingen_voor_klant(
            klant, peildatum=timezone.localdate(), netto_loon_per_maand=loon
        )
    )


def _eerste_loon_zonder_recht(klant: Klant, code: str) -> int:
    laag, hoog = 0, 8000
    assert _recht(klant, code, laag), (
        f"{code}: het huishouden in HUISHOUDENS heeft zonder loon geen recht"
    )
    assert not _recht(klant, code, hoog)
    while hoog - laag > 1:
        midden = (laag + hoog) // 2
        laag, hoog = (midden, hoog) if _recht(klant, code, midden) else (laag, midden)
    return hoog


def _met_loon(monkeypatch: pytest.MonkeyPatch, loon: int) -> None:
    """The client's page computes without a wage; give this household a wage for the page too."""
    echt = voorzieningen.invoer_voor_klant

    def invoer(
        klant: Klant, *, peildatum: date, netto_loon_per_maand: float = 0
    ) -> dict[str, object]:
        return echt(klant, peildatum=peildatum, netto_loon_per_maand=loon)

    monkeypatch.setattr(voorzieningen, "invoer_voor_klant", invoer)


def _getoond(client: Client) -> set[str]:
    pagina = client.get("/mijn/regelingen/").content.decode()
    namen = {r.naam: r.code for r in voorzieningen.regelingen_van_gemeente("demodam")}
    return {code for naam, code in namen.items() if f"<h3>{naam}</h3>" in pagina}


def test_elke_regeling_heeft_een_grenstest() -> None:
    assert set(HUISHOUDENS) == {r.code for r in voorzieningen.regelingen_van_gemeente("demodam")}


@pytest.mark.parametrize("code", sorted(HUISHOUDENS))
def test_net_binnen_en_net_buiten_de_inkomensgrens_op_de_pagina(
    code: str, wereld: Wereld, klant_client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    klant = wereld.a.klanten["eigen"]
    HUISHOUDENS[code](klant)
    grens = _eerste_loon_zonder_recht(klant, code)
    for loon, verwacht in ((grens - 1, True), (grens, False)):
        with monkeypatch.context() as m:
            _met_loon(m, loon)
            toegekend = _codes(
                voorzieningen.regelingen_voor_klant(klant, peildatum=timezone.localdate())
            )
            getoond = _getoond(klant_client)
            assert (code in getoond) is verwacht, f"{code} bij € {loon} netto loon"
            assert (
                getoond == toegekend
            )  # exactly what the engine grants, nothing more, nothing less
            uitkomst = next(
                u
                for u in voorzieningen.alle_uitkomsten(klant, peildatum=timezone.localdate())
                if u.regeling.code == code
            )
            assert uitkomst.recht is verwacht and uitkomst.reden  # the contact person sees why


def test_individuele_inkomenstoeslag_net_wel_en_net_niet_lang_genoeg(
    wereld: Wereld, klant_client: Client
) -> None:
    """The other limit: years on a low income, from what the municipality knows (bijstand_sinds)."""
    klant = wereld.a.klanten["eigen"]
    jaren = 3  # the engine's own condition is checked below, so a changed rule shows up here
    regeling = next(
        r
        for r in voorzieningen.regelingen_van_gemeente("demodam")
        if r.code == "individuele_inkomenstoeslag"
    )
    assert f"Minstens {jaren} jaar een laag inkomen" in regeling.voorwaarden
    klant.bijstand_sinds = _jaren_geleden(jaren)
    klant.save()
    assert "individuele_inkomenstoeslag" in _getoond(klant_client)
    klant.bijstand_sinds = _jaren_geleden(jaren, dagen=1)
    klant.save()
    assert "individuele_inkomenstoeslag" not in _getoond(klant_client)


def test_kindpakket_alleen_met_kinderen(wereld: Wereld, klant_client: Client) -> None:
    klant = wereld.a.klanten["eigen"]
    _gewoon(klant)
    assert "kindpakket" not in _getoond(klant_client)
    Kind.objects.create(
        klant=klant, geboortedatum=_jaren_geleden(18, dagen=1)
    )  # the last day before 18
    assert "kindpakket" in _getoond(klant_client)


def test_wat_niet_te_berekenen_is_heet_niet_geen_recht(
    wereld: Wereld, klant_client: Client, cp_client: Client
) -> None:
    """A household the engine does not model (here: the client reached the AOW age) is not shown
    as 'nothing for you': the client is sent to the contact person, who sees the engine's reason."""
    klant = wereld.a.klanten["eigen"]
    klant.geboortedatum = _jaren_geleden(71)
    klant.save()
    pagina = klant_client.get("/mijn/regelingen/").content.decode()
    assert "niet voor je uitrekenen" in pagina and "geen extra regelingen" not in pagina
    response = klant_client.post("/mijn/regelingen/aanvragen/", {"regeling": "stadspas"})
    assert response.status_code == 404 and not Aanvraag.objects.exists()
    werk = cp_client.get(f"/werk/klanten/{klant.pk}/aanvragen/").content.decode()
    assert "kunnen dit huishouden niet doorrekenen" in werk and "AOW-leeftijd" in werk
