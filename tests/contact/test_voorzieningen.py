"""B1: only provisions the household is entitled to, computed by the rules engine (Gemeente
Demodam's fictitious local layer); apply without being asked twice; the procedure's steps and
dates; the municipal overview. Nothing here knows an amount or a limit: the tests find the limit
through the engine and check just inside and just outside it."""

from datetime import date, timedelta
from typing import Any

import pytest

from django.test import Client
from django.utils import timezone

import regels
from opstap.accounts.models import Rol
from opstap.contact import voorzieningen
from opstap.contact.models import Aanvraag
from opstap.contact.selectors import signalen
from opstap.klanten.models import Klant
from tests.wereld import Wereld

pytestmark = pytest.mark.django_db


def _codes(uitkomsten: list[voorzieningen.Uitkomst]) -> set[str]:
    return {u.regeling.code for u in uitkomsten}


def test_alleen_regelingen_waar_recht_op_is(wereld: Wereld, klant_client: Client) -> None:
    pagina = klant_client.get("/mijn/regelingen/").content.decode()
    assert "Demodampas" in pagina and "Kwijtschelding" in pagina
    assert "Kindpakket" not in pagina  # no children in this household
    assert "Individuele inkomenstoeslag" not in pagina  # not known to be on a low income for 3 years
    assert "per maand" in pagina  # the engine's amount


def test_wat_de_gemeente_weet_telt_mee(wereld: Wereld) -> None:
    klant = wereld.a.klanten["eigen"]
    klant.bijstand_sinds = timezone.localdate() - timedelta(days=4 * 366)
    klant.save()
    assert "individuele_inkomenstoeslag" in _codes(voorzieningen.regelingen_voor_klant(
        klant, peildatum=timezone.localdate()))


def _eerste_loon_zonder_recht(klant: Klant, code: str, peildatum: date) -> int:
    """The lowest whole-euro net wage at which the engine says: no longer entitled."""
    laag, hoog = 0, 6000
    assert code not in _codes(voorzieningen.regelingen_voor_klant(klant, peildatum=peildatum,
                                                                 netto_loon_per_maand=hoog))
    while hoog - laag > 1:
        midden = (laag + hoog) // 2
        if code in _codes(voorzieningen.regelingen_voor_klant(klant, peildatum=peildatum,
                                                             netto_loon_per_maand=midden)):
            laag = midden
        else:
            hoog = midden
    return hoog


@pytest.mark.parametrize("code", ["stadspas", "kwijtschelding"])
def test_net_binnen_en_net_buiten_de_inkomensgrens(wereld: Wereld, code: str) -> None:
    klant = wereld.a.klanten["eigen"]
    dag = timezone.localdate()
    assert code in _codes(voorzieningen.regelingen_voor_klant(klant, peildatum=dag))
    grens = _eerste_loon_zonder_recht(klant, code, dag)
    binnen = voorzieningen.alle_uitkomsten(klant, peildatum=dag, netto_loon_per_maand=grens - 1)
    buiten = voorzieningen.alle_uitkomsten(klant, peildatum=dag, netto_loon_per_maand=grens)
    net_binnen = next(u for u in binnen if u.regeling.code == code)
    net_buiten = next(u for u in buiten if u.regeling.code == code)
    assert net_binnen.recht and "niet hoger" in net_binnen.reden
    assert not net_buiten.recht and "is hoger" in net_buiten.reden


def test_aanvragen_met_voorinvulling_en_procedure(wereld: Wereld, klant_client: Client,
                                                  cp_client: Client) -> None:
    klant = wereld.a.klanten["eigen"]
    formulier = klant_client.get("/mijn/regelingen/aanvragen/?regeling=stadspas").content.decode()
    assert "huisnummer 1, 9999 AA" in formulier  # known address, not asked again
    response = klant_client.post("/mijn/regelingen/aanvragen/", {"regeling": "stadspas", "toelichting": "Graag"},
                                 follow=True)
    assert "Je aanvraag is ontvangen" in response.content.decode()
    aanvraag = Aanvraag.objects.get(klant=klant)
    assert len(aanvraag.stappen) == 3 and aanvraag.stappen[0]["gedaan_op"]
    assert aanvraag.verwacht_besluit_op == timezone.localdate() + timedelta(weeks=8)  # municipal default
    assert aanvraag.gegevens["adres"] == "huisnummer 1, 9999 AA"
    tweede = klant_client.post("/mijn/regelingen/aanvragen/", {"regeling": "stadspas"})
    assert tweede.status_code == 400 and "al aangevraagd" in tweede.content.decode()
    assert Aanvraag.objects.filter(klant=klant).count() == 1
    cp_client.post(f"/werk/klanten/{klant.pk}/aanvragen/", {"aanvraag": aanvraag.pk, "status": "toegekend"})
    aanvraag.refresh_from_db()
    assert aanvraag.status == "toegekend" and all(s["gedaan_op"] for s in aanvraag.stappen)
    assert "toegekend" in klant.berichten.last().tekst  # type: ignore[attr-defined]


def test_niet_toegekende_regeling_kan_niet_worden_aangevraagd(wereld: Wereld, klant_client: Client) -> None:
    response = klant_client.post("/mijn/regelingen/aanvragen/", {"regeling": "kindpakket"})
    assert response.status_code == 404
    assert not Aanvraag.objects.exists()


def test_vastgelopen_aanvraag_geeft_signaal(wereld: Wereld, klant_client: Client) -> None:
    klant_client.post("/mijn/regelingen/aanvragen/", {"regeling": "stadspas"})
    Aanvraag.objects.update(verwacht_besluit_op=timezone.localdate() - timedelta(days=1))
    soorten = [s.soort for s in signalen(wereld.a.gebruikers[Rol.CONTACTPERSOON])[wereld.a.klanten["eigen"].pk]]
    assert "aanvraag" in soorten


def test_gemeentelijk_overzicht(wereld: Wereld, cp_client: Client, klant_client: Client) -> None:
    klant_client.post("/mijn/regelingen/aanvragen/", {"regeling": "stadspas"})
    pagina = cp_client.get("/werk/voorzieningen/").content.decode()
    for naam in ("Individuele inkomenstoeslag", "Kindpakket Demodam", "Demodampas"):
        assert naam in pagina
    assert "Inkomen niet hoger dan 130% van de bijstandsnorm" in pagina
    assert "Minstens 3 jaar een laag inkomen" in pagina
    assert "ongeveer 8 weken" in pagina
    assert "Eigenaar" in pagina  # the application in progress


def test_contactpersoon_ziet_waarom(wereld: Wereld, cp_client: Client) -> None:
    pagina = cp_client.get(f"/werk/klanten/{wereld.a.klanten['caseload'].pk}/aanvragen/").content.decode()
    assert "Demodampas" in pagina and "Kindpakket Demodam" in pagina
    assert "bijstandsnorm" in pagina  # the engine's reason, also for what the client is not entitled to


def _regelingen(code: str, peildatum: Any = None) -> list[dict[str, Any]]:
    return [{"code": "pas", "naam": "Testpas", "behandeltermijn_weken": 4,
             "stappen": ["Ontvangen", "Controle", "Je krijgt je pas"]}]


def test_oudere_toets_per_regeling_wordt_ook_begrepen(wereld: Wereld, klant_client: Client,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(regels, "gemeentelijke_regelingen", _regelingen)
    monkeypatch.delattr(regels, "regelingen_voor_huishouden")
    monkeypatch.setattr(regels, "recht_op_regeling", lambda code, invoer: {"recht": True, "bedrag": 12.5,
                                                                            "periode": "maand"}, raising=False)
    assert "€ 12,50 per maand" in klant_client.get("/mijn/regelingen/").content.decode()
    klant_client.post("/mijn/regelingen/aanvragen/", {"regeling": "pas"})
    aanvraag = Aanvraag.objects.get()
    assert [s["naam"] for s in aanvraag.stappen][-1] == "Je krijgt je pas"
    assert aanvraag.verwacht_besluit_op == timezone.localdate() + timedelta(weeks=4)


def test_zonder_rekenregels_een_vriendelijke_melding(wereld: Wereld, klant_client: Client,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    for naam in ("gemeentelijke_regelingen", "regelingen_voor_huishouden", *voorzieningen._TOETS_NAMEN):
        monkeypatch.delattr(regels, naam, raising=False)
    pagina = klant_client.get("/mijn/regelingen/").content.decode()
    assert "niet voor je uitrekenen" in pagina
