"""The rest of the contact pages in the API: contact moments, step plan, provisions, applications —
same role rules, services and access log as the pages."""

from datetime import timedelta

import pytest

from django.utils import timezone
from rest_framework.test import APIClient

from opstap.accounts.models import Rol
from opstap.contact import services, voorzieningen
from opstap.contact.models import Aanvraag, Bericht, Contactmoment
from opstap.klanten.models import Drempel
from opstap.privacy.models import Inzage
from tests.wereld import Wereld

pytestmark = pytest.mark.django_db


def api(wereld: Wereld, rol: str) -> APIClient:
    c = APIClient()
    c.force_authenticate(wereld.a.gebruikers[rol])
    return c


def test_contactpersoon_plant_via_api_en_klant_ziet_het(wereld: Wereld) -> None:
    klant = wereld.a.klanten["eigen"]
    wanneer = (timezone.now() + timedelta(days=3)).replace(microsecond=0)
    response = api(wereld, Rol.CONTACTPERSOON).post(
        "/api/v1/contactmomenten/",
        {
            "klant": klant.pk,
            "wanneer": wanneer.isoformat(),
            "soort": "kantoor",
            "onderwerp": "je cv",
            "waarom": "We maken het samen af.",
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["door"] == wereld.a.gebruikers[Rol.CONTACTPERSOON].weergavenaam
    assert "je cv" in Bericht.objects.filter(klant=klant).last().tekst  # type: ignore[union-attr]  # told in advance
    eigen = api(wereld, Rol.KLANT).get("/api/v1/contactmomenten/").json()["results"]
    assert [(m["onderwerp"], m["waarom"]) for m in eigen] == [("je cv", "We maken het samen af.")]
    assert Inzage.objects.filter(
        klant=klant, onderdeel="afspraken (API)", gebruiker=klant.gebruiker
    ).exists()


def test_contactmomenten_api_weigert_wat_niet_mag(wereld: Wereld) -> None:
    toekomst = (timezone.now() + timedelta(days=1)).isoformat()
    klant = api(wereld, Rol.KLANT).post(
        "/api/v1/contactmomenten/",
        {"klant": wereld.a.klanten["eigen"].pk, "wanneer": toekomst, "onderwerp": "x"},
        format="json",
    )
    assert klant.status_code == 403
    assert klant["Content-Type"].startswith("application/problem+json")
    assert "Alleen je contactpersoon plant een gesprek" in klant.json()["detail"]
    cp = api(wereld, Rol.CONTACTPERSOON)
    for vreemd in (wereld.a.klanten["collega"], wereld.b.klanten["caseload"]):
        response = cp.post(
            "/api/v1/contactmomenten/",
            {"klant": vreemd.pk, "wanneer": toekomst, "onderwerp": "x"},
            format="json",
        )
        assert response.status_code == 404
    verleden = cp.post(
        "/api/v1/contactmomenten/",
        {
            "klant": wereld.a.klanten["caseload"].pk,
            "onderwerp": "x",
            "wanneer": (timezone.now() - timedelta(hours=1)).isoformat(),
        },
        format="json",
    )
    assert verleden.status_code == 400 and "toekomst" in str(verleden.json())
    assert not Contactmoment.objects.exists()


def test_stappenplan_via_api(wereld: Wereld) -> None:
    klant = wereld.a.klanten["eigen"]
    services.doel_toevoegen(klant=klant, soort="doel", tekst="Beter Nederlands")
    services.doel_toevoegen(klant=klant, soort="kwaliteit", tekst="Geduldig")
    drempel = Drempel.objects.create(klant=klant, soort="taal", eerst_aanpakken=True)
    services.stap_toevoegen(klant=klant, wat="Taalcafé bezoeken", wie="klant", drempel=drempel)
    Drempel.objects.create(klant=klant, soort="vervoer")  # not agreed to tackle first
    eigen = api(wereld, Rol.KLANT).get("/api/v1/stappenplan/").json()["results"]
    assert len(eigen) == 1
    plan = eigen[0]
    assert plan["klant"] == klant.pk
    assert [d["tekst"] for d in plan["doelen"]] == ["Beter Nederlands"]
    assert [d["tekst"] for d in plan["kwaliteiten"]] == ["Geduldig"]
    assert [d["soort"] for d in plan["drempels_eerst"]] == ["Taal"]
    assert (
        plan["stappen"][0]["wat"] == "Taalcafé bezoeken" and plan["stappen"][0]["drempel"] == "Taal"
    )
    cp = (
        api(wereld, Rol.CONTACTPERSOON)
        .get(f"/api/v1/stappenplan/?klant={klant.pk}")
        .json()["results"]
    )
    assert cp == eigen
    alle = api(wereld, Rol.CONTACTPERSOON).get("/api/v1/stappenplan/").json()["results"]
    assert {p["klant"] for p in alle} == {
        klant.pk,
        wereld.a.klanten["caseload"].pk,
    }  # own caseload only
    assert Inzage.objects.filter(
        klant=wereld.a.klanten["caseload"], onderdeel="stappenplan (API)"
    ).exists()


def test_regelingen_via_api_zijn_die_van_het_rekenpakket(wereld: Wereld) -> None:
    klant = wereld.a.klanten["eigen"]
    toegekend = {
        u.regeling.code
        for u in voorzieningen.regelingen_voor_klant(klant, peildatum=timezone.localdate())
    }
    eigen = api(wereld, Rol.KLANT).get("/api/v1/regelingen/").json()
    assert {r["code"] for r in eigen["regelingen"]} == toegekend and toegekend
    assert all(r["recht"] is True and r["reden"] == "" for r in eigen["regelingen"])
    assert eigen["melding"] == ""
    cp = api(wereld, Rol.CONTACTPERSOON)
    uitleg = cp.get(f"/api/v1/regelingen/?klant={klant.pk}").json()
    assert {r["code"] for r in uitleg["regelingen"] if r["recht"]} == toegekend
    assert all(r["reden"] for r in uitleg["regelingen"])  # the contact person sees why
    overzicht = cp.get("/api/v1/regelingen/").json()
    assert overzicht["klant"] is None
    assert {r["code"] for r in overzicht["regelingen"]} == {
        r.code for r in voorzieningen.regelingen_van_gemeente("demodam")
    }
    assert cp.get(f"/api/v1/regelingen/?klant={wereld.a.klanten['collega'].pk}").status_code == 404
    assert Inzage.objects.filter(klant=klant, onderdeel="regelingen (API)").count() == 2


def test_aanvragen_via_api(wereld: Wereld) -> None:
    klant = wereld.a.klanten["eigen"]
    c = api(wereld, Rol.KLANT)
    response = c.post(
        "/api/v1/aanvragen/", {"regeling": "stadspas", "toelichting": "Graag"}, format="json"
    )
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["regeling_naam"] == "Demodampas" and data["status"] == "ingediend"
    assert len(data["stappen"]) >= 2 and data["verwacht_besluit_op"]
    assert (
        Aanvraag.objects.get(pk=data["id"]).gegevens["adres"] == "huisnummer 1, 9999 AA"
    )  # never asked twice
    dubbel = c.post("/api/v1/aanvragen/", {"regeling": "stadspas"}, format="json")
    assert dubbel.status_code == 400 and "al aangevraagd" in str(dubbel.json())
    geen_recht = c.post("/api/v1/aanvragen/", {"regeling": "kindpakket"}, format="json")
    assert geen_recht.status_code == 400
    assert Aanvraag.objects.count() == 1
    cp = api(wereld, Rol.CONTACTPERSOON)
    assert [
        a["regeling"] for a in cp.get(f"/api/v1/aanvragen/?klant={klant.pk}").json()["results"]
    ] == ["stadspas"]
    door_cp = cp.post("/api/v1/aanvragen/", {"regeling": "stadspas"}, format="json")
    assert (
        door_cp.status_code == 403 and "Een aanvraag doet de klant zelf" in door_cp.json()["detail"]
    )


@pytest.mark.parametrize(
    "rol", [Rol.WERKGEVER, Rol.BELEIDSMEDEWERKER, Rol.INKOMENSCONSULENT, Rol.BEHEERDER]
)
def test_andere_rollen_geweigerd(wereld: Wereld, rol: str) -> None:
    for pad in ("contactmomenten", "stappenplan", "regelingen", "aanvragen"):
        assert api(wereld, rol).get(f"/api/v1/{pad}/").status_code == 403


def test_schema_documenteert_de_nieuwe_endpoints(client) -> None:  # type: ignore[no-untyped-def]
    schema = client.get("/api/v1/schema/?format=json").json()
    for pad in ("contactmomenten", "stappenplan", "regelingen", "aanvragen"):
        assert f"/api/v1/{pad}/" in schema["paths"]
    assert "post" in schema["paths"]["/api/v1/aanvragen/"]
    assert "post" in schema["paths"]["/api/v1/contactmomenten/"]
