"""F2 curves, the engine's savings job, the reproducible report and the approach block."""

from datetime import date, timedelta

import pytest

from django.test import Client

from opstap.accounts.models import Rol
from opstap.beleid.models import Aanpak, Besparingsschatting
from opstap.beleid.overleving import kaplan_meier
from opstap.beleid.rapport import Rapportparameters, rapport_csv, rapport_pdf
from tests.beleid.bestand import maak_beleidsbestand
from tests.wereld import Wereld

VANDAAG = date.today()


def test_kaplan_meier_zonder_censuur_is_het_gewone_aandeel() -> None:
    # 30 clients: 10 found work by month 2, 10 more by month 5, 10 never (followed 12 months)
    duren = [2.0] * 10 + [5.0] * 10 + [12.0] * 10
    gebeurd = [True] * 20 + [False] * 10
    punten = kaplan_meier(duren, gebeurd)
    assert [round(p.aandeel, 3) for p in punten] == [0.0, 0.333, 0.667]
    for p in punten[1:]:
        assert 0 <= p.onder < p.aandeel < p.boven <= 1


def test_kaplan_meier_toont_geen_stap_van_minder_dan_tien() -> None:
    duren = [1.0] * 3 + [2.0] * 8 + [4.0] * 5 + [20.0] * 15
    gebeurd = [True] * 16 + [False] * 15
    punten = kaplan_meier(duren, gebeurd)
    assert [p.maand for p in punten] == [0.0, 2.0]  # 3 + 8 = 11 pooled; the last 5 are not shown
    assert kaplan_meier([1.0] * 9, [True] * 9) == []  # a group under 10: no curve


def _cohort(wereld: Wereld) -> None:
    maak_beleidsbestand(wereld)


@pytest.mark.django_db
def test_effectiviteit_pagina(wereld: Wereld, beleid_client: Client) -> None:
    maak_beleidsbestand(wereld, aantal=60)  # 18 jobs per approach: a step of 10 in each curve
    pagina = beleid_client.get("/beleid/effectiviteit/").content.decode()
    assert "niet uit een experiment" in pagina
    assert "<svg" in pagina and "Reguliere aanpak" in pagina and "Maatwerkaanpak" in pagina
    assert "Kohortklant" not in pagina
    assert pagina.count("<polyline") == 2  # one curve per approach
    pagina = beleid_client.get(f"/beleid/effectiviteit/?uitkomst=terugval&cohort={VANDAAG.year}")
    assert pagina.status_code == 200


@pytest.mark.django_db
def test_rapport_is_reproduceerbaar(wereld: Wereld, beleid_client: Client) -> None:
    _cohort(wereld)
    p = Rapportparameters(peildatum=VANDAAG - timedelta(days=3))
    eerste, tweede = rapport_csv(wereld.a.gemeente, p), rapport_csv(wereld.a.gemeente, p)
    assert eerste == tweede
    assert f"peildatum_gegevens;;{p.peildatum.isoformat()}" in eerste
    assert "regelversie" in eerste and "Kohortklant" not in eerste
    assert rapport_pdf(wereld.a.gemeente, p) == rapport_pdf(wereld.a.gemeente, p)
    # another data date: other numbers where the data changed in between
    later = rapport_csv(wereld.a.gemeente, Rapportparameters(peildatum=VANDAAG))
    assert later != eerste
    r = beleid_client.get(f"/beleid/rapport.pdf?peildatum={p.peildatum.isoformat()}")
    assert r.status_code == 200 and r.content.startswith(b"%PDF")
    assert r.content == rapport_pdf(wereld.a.gemeente, p)


@pytest.mark.django_db
def test_besparing_met_de_rekenregels_op_de_achtergrond(
    wereld: Wereld, beleid_client: Client, django_capture_on_commit_callbacks: object
) -> None:
    _cohort(wereld)
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        r = beleid_client.post(
            "/beleid/besparing/",
            {
                "peildatum": VANDAAG.isoformat(),
                "treden": ["3", "4"],
                "uren": "8, 16",
                "maandloon_studie": "523",
            },
        )
    assert r.status_code == 302
    s = Besparingsschatting.objects.get(gemeente=wereld.a.gemeente)
    assert s.status == "klaar" and s.procent == 100 and s.regelversie
    res = s.resultaat
    zonder_baan = res["potentieel"]
    assert zonder_baan is not None and zonder_baan >= 10 and zonder_baan % 10 == 0  # rounded
    assert res["studiemethode_besparing_per_jaar"] == zonder_baan * 523 * 12
    acht, zestien = res["basis"]
    assert 0 < acht["bespaard_per_jaar"] < zestien["bespaard_per_jaar"]
    assert acht["huishouden_erop_vooruit_per_maand"] > 0
    pagina = beleid_client.get(r["Location"]).content.decode()
    assert "Potentiële parttimers: " in pagina and "Kohortklant" not in pagina


@pytest.mark.django_db
def test_contactpersoon_zet_de_aanpak(wereld: Wereld) -> None:
    klant = wereld.a.klanten["eigen"]
    client = Client()
    client.force_login(wereld.a.gebruikers[Rol.CONTACTPERSOON])
    assert (
        "Aanpak wijzigen" in client.get(f"/werk/klanten/{klant.pk}/stappenplan/").content.decode()
    )
    r = client.post(f"/werk/klanten/{klant.pk}/aanpak/", {"soort": "maatwerk"})
    assert r.status_code == 302
    assert Aanpak.objects.get(klant=klant).soort == "maatwerk"
    assert client.post(f"/werk/klanten/{klant.pk}/aanpak/", {"soort": "iets"}).status_code == 400
    vreemd = wereld.a.klanten["collega"]
    assert (
        client.post(f"/werk/klanten/{vreemd.pk}/aanpak/", {"soort": "maatwerk"}).status_code == 404
    )
    beleid = Client()
    beleid.force_login(wereld.a.gebruikers[Rol.BELEIDSMEDEWERKER])
    assert (
        beleid.post(f"/werk/klanten/{klant.pk}/aanpak/", {"soort": "regulier"}).status_code == 403
    )
