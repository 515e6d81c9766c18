"""The API contracts of issue 11 for vacancies and matches (exact paths and field names)."""

from decimal import Decimal

import pytest

from django.test import Client

from opstap.accounts.models import Rol
from opstap.privacy.models import Inzage
from opstap.werkgevers.models import Vacature, Werkgever
from tests.wereld import Wereld

pytestmark = pytest.mark.django_db

CONTRACT_VACATURE = {
    "id",
    "titel",
    "uren_per_week_min",
    "uren_per_week_max",
    "bruto_uurloon",
    "binnen_schooltijden",
    "bereikbaar_zonder_auto",
    "fysiek_zwaar",
}


def _als(wereld: Wereld, rol: str) -> Client:
    client = Client()
    client.force_login(wereld.a.gebruikers[rol])
    return client


def _vacature(wereld: Wereld, **velden: object) -> Vacature:
    assert wereld.a.werkgever is not None
    standaard: dict[str, object] = dict(
        gemeente=wereld.a.gemeente,
        werkgever=wereld.a.werkgever,
        titel="Verkoper",
        omschrijving="Winkel",
        uren_per_week_min=8,
        uren_per_week_max=16,
        bruto_uurloon=Decimal("15.00"),
        geplaatst_op="2026-02-01",
        breedtegraad=53.32,
        lengtegraad=6.87,
    )
    standaard.update(velden)
    return Vacature.objects.create(**standaard)


def test_vacatures_lijst_met_de_velden_van_het_contract(wereld: Wereld) -> None:
    avond = _vacature(wereld, titel="Avondkok", avond_weekend=True, fysiek_zwaar=True)
    dicht = _vacature(wereld, titel="Gesloten baan", open=False)
    data = _als(wereld, Rol.KLANT).get("/api/v1/vacatures/").json()
    rijen = {r["titel"]: r for r in data["results"]}
    assert set(rijen) == {"Magazijnmedewerker", "Avondkok"}  # open, own municipality only
    assert dicht.titel not in rijen and wereld.b.vacature is not None
    for rij in rijen.values():
        assert set(rij) >= CONTRACT_VACATURE
    assert rijen["Avondkok"]["id"] == avond.pk
    assert rijen["Avondkok"]["fysiek_zwaar"] is True
    assert rijen["Avondkok"]["bruto_uurloon"] == "15.00"
    assert rijen["Magazijnmedewerker"]["uren_per_week_max"] == 24


def test_werkgever_ziet_eigen_vacatures_en_het_uitzendbureau_alle(wereld: Wereld) -> None:
    ander = Werkgever.objects.create(gemeente=wereld.a.gemeente, naam="Ander bedrijf")
    _vacature(wereld, werkgever=ander, titel="Van een ander")
    eigen = _als(wereld, Rol.WERKGEVER).get("/api/v1/vacatures/").json()["results"]
    assert [r["titel"] for r in eigen] == ["Magazijnmedewerker"]
    assert wereld.a.werkgever is not None
    wereld.a.werkgever.is_intern_uitzendbureau = True
    wereld.a.werkgever.save()
    alle = _als(wereld, Rol.WERKGEVER).get("/api/v1/vacatures/").json()["results"]
    assert {r["titel"] for r in alle} == {"Magazijnmedewerker", "Van een ander"}


def test_beleid_en_beheer_krijgen_geen_vacatures(wereld: Wereld) -> None:
    for rol in (Rol.BELEIDSMEDEWERKER, Rol.BEHEERDER):
        assert _als(wereld, rol).get("/api/v1/vacatures/").status_code == 403


def test_passende_vacatures_van_een_klant_voor_de_contactpersoon(wereld: Wereld) -> None:
    klant = wereld.a.klanten["caseload"]
    klant.alleen_schooltijden = True
    klant.breedtegraad, klant.lengtegraad = 53.33, 6.87
    klant.save()
    school = _vacature(wereld, titel="Overblijfkracht", binnen_schooltijden=True)
    _vacature(wereld, titel="Avondwerk", avond_weekend=True)
    client = _als(wereld, Rol.CONTACTPERSOON)
    data = client.get(f"/api/v1/klanten/{klant.pk}/passende-vacatures/").json()
    assert [m["id"] for m in data] == [school.pk]  # the evening job and the warehouse are out
    assert "Binnen schooltijd" in data[0]["redenen"]
    assert all(isinstance(r, str) for r in data[0]["redenen"])
    assert data[0]["reistijd_minuten"] is not None
    assert Inzage.objects.filter(klant=klant, onderdeel="werkwensen (API)").exists()
    # Another contact person's client: as if it did not exist.
    vreemd = wereld.a.klanten["collega"]
    assert client.get(f"/api/v1/klanten/{vreemd.pk}/passende-vacatures/").status_code == 404
    assert (
        client.get(
            f"/api/v1/klanten/{wereld.b.klanten['caseload'].pk}/passende-vacatures/"
        ).status_code
        == 404
    )


def test_klant_vraagt_eigen_passende_vacatures(wereld: Wereld) -> None:
    klant = wereld.a.klanten["eigen"]
    klant.fysiek_beperkt = True
    klant.save()
    _vacature(wereld, titel="Sjouwer", fysiek_zwaar=True)
    licht = _vacature(wereld, titel="Receptie")
    client = _als(wereld, Rol.KLANT)
    data = client.get("/api/v1/ik/passende-vacatures/").json()
    ids = [m["id"] for m in data]
    assert licht.pk in ids and wereld.a.vacature is not None and wereld.a.vacature.pk in ids
    assert all(m["id"] != 0 and m["redenen"] for m in data)
    assert "Sjouwer" not in {m["titel"] for m in data}
    assert all("Geen zwaar tilwerk" in m["redenen"] for m in data)
    # The client cannot ask for someone else's matches through the contact person's path.
    assert client.get(f"/api/v1/klanten/{klant.pk}/passende-vacatures/").status_code == 403


def test_klantdetail_toont_de_grenzen_en_gezondheid_alleen_in_de_begeleiding(
    wereld: Wereld,
) -> None:
    klant = wereld.a.klanten["caseload"]
    klant.heeft_auto = True
    klant.fysiek_beperkt = True
    klant.max_uren_per_week = 16
    klant.save()
    cp = _als(wereld, Rol.CONTACTPERSOON).get(f"/api/v1/klanten/{klant.pk}/").json()
    assert {
        k: cp[k]
        for k in ("alleen_schooltijden", "heeft_auto", "fysiek_beperkt", "max_uren_per_week")
    } == {
        "alleen_schooltijden": False,
        "heeft_auto": True,
        "fysiek_beperkt": True,
        "max_uren_per_week": 16,
    }
    inkomen = _als(wereld, Rol.INKOMENSCONSULENT).get(f"/api/v1/klanten/{klant.pk}/").json()
    assert inkomen["fysiek_beperkt"] is None  # health data: not for the income desk
    assert inkomen["max_uren_per_week"] == 16


def test_schema_beschrijft_de_nieuwe_paden() -> None:
    schema = Client().get("/api/v1/schema/", HTTP_ACCEPT="application/json").json()
    assert {
        "/api/v1/vacatures/",
        "/api/v1/ik/passende-vacatures/",
        "/api/v1/klanten/{klant_pk}/passende-vacatures/",
    } <= set(schema["paths"])
