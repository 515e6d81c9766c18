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
    assert (
        "Individuele inkomenstoeslag" not in pagina
    )  # not known to be on a low income for 3 years
    assert "per maand" in pagina  # the engine's amount


def test_wat_de_gemeente_weet_telt_mee(wereld: Wereld) -> None:
    klant = wereld.a.klanten["eigen"]
    klant.bijstand_sinds = timezone.localdate() - timedelta(days=4 * 366)
    klant.save()
    assert "individuele_inkomenstoeslag" in _codes(
        voorzieningen.regelingen_voor_klant(klant, peildatum=timezone.localdate())
    )


def _eerste_loon_zonder_recht(klant: Klant, code: str, peildatum: date) -> int:
    """The lowest whole-euro net wage at which the engine says: no longer entitled."""
    laag, hoog = 0, 6000
    assert code not in _codes(
        voorzieningen.regelingen_voor_klant(klant, peildatum=peildatum, netto_loon_per_maand=hoog)
    )
    while hoog - laag > 1:
        midden = (laag + hoog) // 2
        if code in _codes(
            voorzieningen.regelingen_voor_klant(
                klant, peildatum=peildatum, netto_loon_per_maand=midden
            )
        ):
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


def test_aanvragen_met_voorinvulling_en_procedure(
    wereld: Wereld, klant_client: Client, cp_client: Client
) -> None:
    klant = wereld.a.klanten["eigen"]
    formulier = klant_client.get("/mijn/regelingen/aanvragen/?regeling=stadspas").content.decode()
    assert "huisnummer 1, 9999 AA" in formulier  # known address, not asked again
    response = klant_client.post(
        "/mijn/regelingen/aanvragen/", {"regeling": "stadspas", "toelichting": "Graag"}, follow=True
    )
    assert "Je aanvraag is ontvangen" in response.content.decode()
    aanvraag = Aanvraag.objects.get(klant=klant)
    assert len(aanvraag.stappen) == 3 and aanvraag.stappen[0]["gedaan_op"]
    assert aanvraag.verwacht_besluit_op == timezone.localdate() + timedelta(
        weeks=8
    )  # municipal default
    assert aanvraag.gegevens["adres"] == "huisnummer 1, 9999 AA"
    tweede = klant_client.post("/mijn/regelingen/aanvragen/", {"regeling": "stadspas"})
    assert tweede.status_code == 400 and "al aangevraagd" in tweede.content.decode()
    assert Aanvraag.objects.filter(klant=klant).count() == 1
    cp_client.post(
        f"/werk/klanten/{klant.pk}/aanvragen/", {"aanvraag": aanvraag.pk, "status": "toegekend"}
    )
    aanvraag.refresh_from_db()
    assert aanvraag.status == "toegekend" and all(s["gedaan_op"] for s in aanvraag.stappen)
    assert "toegekend" in klant.berichten.last().tekst  # type: ignore[attr-defined]


def test_niet_toegekende_regeling_kan_niet_worden_aangevraagd(
    wereld: Wereld, klant_client: Client
) -> None:
    response = klant_client.post("/mijn/regelingen/aanvragen/", {"regeling": "kindpakket"})
    assert response.status_code == 404
    assert not Aanvraag.objects.exists()


def test_vastgelopen_aanvraag_geeft_signaal(wereld: Wereld, klant_client: Client) -> None:
    klant_client.post("/mijn/regelingen/aanvragen/", {"regeling": "stadspas"})
    Aanvraag.objects.update(verwacht_besluit_op=timezone.localdate() - timedelta(days=1))
    soorten = [
        s.soort
        for s in signalen(wereld.a.gebruikers[Rol.CONTACTPERSOON])[wereld.a.klanten["eigen"].pk]
    ]
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
    pagina = cp_client.get(
        f"/werk/klanten/{wereld.a.klanten['caseload'].pk}/aanvragen/"
    ).content.decode()
    assert "Demodampas" in pagina and "Kindpakket Demodam" in pagina
    assert (
        "bijstandsnorm" in pagina
    )  # the engine's reason, also for what the client is not entitled to


# --- the engine's documented interface, called directly (docs/regels.md) ----------------------


def test_bedragen_met_de_hand_na_te_rekenen(wereld: Wereld, klant_client: Client) -> None:
    """An alleenstaande without children (wereld.py): Demodam's kwijtschelding is € 396 a year for an
    alleenstaande and the Demodampas € 60 a year per person (src/regels/parameters/gemeenten/demodam).
    Per month that is 396 / 12 = 33 and 60 / 12 = 5."""
    klant = wereld.a.klanten["eigen"]
    per_code = {
        u.regeling.code: u
        for u in voorzieningen.regelingen_voor_klant(klant, peildatum=timezone.localdate())
    }
    assert per_code["kwijtschelding"].waarde == "€ 33,00 per maand (€ 396,00 per jaar)"
    assert per_code["stadspas"].waarde == "€ 5,00 per maand (€ 60,00 per jaar)"
    pagina = klant_client.get("/mijn/regelingen/").content.decode()
    assert "€ 33,00 per maand (€ 396,00 per jaar)" in pagina


def test_overzicht_toont_de_bedragen_van_de_regeling(wereld: Wereld, cp_client: Client) -> None:
    pagina = cp_client.get("/werk/voorzieningen/").content.decode()
    assert (
        "alleenstaande: € 396,00 per jaar" in pagina
    )  # kwijtschelding, as the regulation states it
    assert "€ 25,00 per kind per maand" in pagina  # kindpakket: € 300 a year / 12
    assert "€ 5,00 per persoon per maand" in pagina  # Demodampas: € 60 a year / 12


def test_huishouden_buiten_het_model_krijgt_een_vriendelijke_melding(
    wereld: Wereld, klant_client: Client, cp_client: Client
) -> None:
    """The engine's documented input error (docs/regels.md, "Buiten het model"): younger than 21."""
    klant = wereld.a.klanten["eigen"]
    klant.geboortedatum = timezone.localdate() - timedelta(days=19 * 366)
    klant.save()
    pagina = klant_client.get("/mijn/regelingen/").content.decode()
    assert "niet voor je uitrekenen" in pagina and "Demodampas" not in pagina
    werk = cp_client.get(f"/werk/klanten/{klant.pk}/aanvragen/").content.decode()
    assert "aanvrager.geboortedatum" in werk  # the contact person sees the engine's reason


def test_een_fout_in_de_rekenregels_wordt_niet_verzwegen(
    wereld: Wereld, klant_client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Anything but the engine's input error is a bug: it surfaces instead of becoming "nothing for you"."""

    def stuk(invoer: dict[str, Any]) -> list[dict[str, Any]]:
        raise KeyError("bijstandsnorm")

    monkeypatch.setattr(regels, "regelingen_voor_huishouden", stuk)
    with pytest.raises(KeyError, match="bijstandsnorm"):
        klant_client.get("/mijn/regelingen/")


def test_onbekende_gemeente_is_een_fout_en_geen_lege_lijst() -> None:
    with pytest.raises(regels.InvoerFout) as fout:
        voorzieningen.regelingen_van_gemeente("bestaat-niet")
    assert fout.value.veld == "gemeente"
