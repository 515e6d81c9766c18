"""The public contract: /api/v1/berichten/ and /api/v1/gespreksverslagen/ under the role rules."""

import pytest

from rest_framework.test import APIClient

from opstap.accounts.models import Rol
from opstap.contact.models import Bericht, Gespreksverslag
from opstap.privacy.models import Inzage
from tests.wereld import Wereld

pytestmark = pytest.mark.django_db


def api(wereld: Wereld, rol: str, tenant: str = "a") -> APIClient:
    c = APIClient()
    c.force_authenticate(getattr(wereld, tenant).gebruikers[rol])
    return c


def test_klant_post_bericht_en_contactpersoon_ziet_het(wereld: Wereld) -> None:
    klant = wereld.a.klanten["eigen"]
    response = api(wereld, Rol.KLANT).post(
        "/api/v1/berichten/", {"tekst": "Hallo via de API"}, format="json"
    )
    assert response.status_code == 201, response.content
    assert response.json()["tekst"] == "Hallo via de API" and response.json()["van_klant"] is True
    assert response.json()["klant"] == klant.pk
    eigen = api(wereld, Rol.KLANT).get("/api/v1/berichten/").json()["results"]
    assert [b["tekst"] for b in eigen][-1] == "Hallo via de API"
    cp = (
        api(wereld, Rol.CONTACTPERSOON)
        .get(f"/api/v1/berichten/?klant={klant.pk}")
        .json()["results"]
    )
    assert "Hallo via de API" in [b["tekst"] for b in cp]
    assert all(b["klant"] == klant.pk for b in cp)


def test_klant_ziet_alleen_eigen_gesprek(wereld: Wereld) -> None:
    klant = wereld.a.klanten["eigen"]
    resultaten = (
        api(wereld, Rol.KLANT)
        .get(f"/api/v1/berichten/?klant={wereld.a.klanten['caseload'].pk}")
        .json()
    )
    assert {b["klant"] for b in resultaten["results"]} == {klant.pk}


def test_contactpersoon_moet_klant_noemen(wereld: Wereld) -> None:
    c = api(wereld, Rol.CONTACTPERSOON)
    response = c.post("/api/v1/berichten/", {"tekst": "Hoi"}, format="json")
    assert response.status_code == 400
    assert "klant" in response.json()["fouten"]
    response = c.post(
        "/api/v1/berichten/",
        {"klant": wereld.a.klanten["caseload"].pk, "tekst": "Hoi"},
        format="json",
    )
    assert response.status_code == 201 and response.json()["van_klant"] is False


@pytest.mark.parametrize("sleutel", ["collega", "b"])
def test_contactpersoon_schrijft_niet_aan_vreemde_klant(wereld: Wereld, sleutel: str) -> None:
    vreemd = wereld.b.klanten["caseload"] if sleutel == "b" else wereld.a.klanten["collega"]
    response = api(wereld, Rol.CONTACTPERSOON).post(
        "/api/v1/berichten/", {"klant": vreemd.pk, "tekst": "x"}, format="json"
    )
    assert response.status_code == 404
    assert "x" not in [
        b.tekst for b in Bericht.objects.all()
    ]  # texts are encrypted: compared in Python
    lijst = api(wereld, Rol.CONTACTPERSOON).get(f"/api/v1/berichten/?klant={vreemd.pk}").json()
    assert lijst["results"] == []


def test_leeg_bericht_geeft_nederlandse_fout(wereld: Wereld) -> None:
    response = api(wereld, Rol.KLANT).post("/api/v1/berichten/", {"tekst": ""}, format="json")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/problem+json")
    assert "Schrijf eerst een bericht" in str(response.json())


@pytest.mark.parametrize(
    "rol", [Rol.WERKGEVER, Rol.BELEIDSMEDEWERKER, Rol.INKOMENSCONSULENT, Rol.BEHEERDER]
)
def test_andere_rollen_geweigerd(wereld: Wereld, rol: str) -> None:
    assert api(wereld, rol).get("/api/v1/berichten/").status_code == 403
    assert (
        api(wereld, rol).post("/api/v1/berichten/", {"tekst": "x"}, format="json").status_code
        == 403
    )
    assert api(wereld, rol).get("/api/v1/gespreksverslagen/").status_code == 403


def test_lijst_komt_in_inzagelog(wereld: Wereld) -> None:
    klant = wereld.a.klanten["caseload"]
    api(wereld, Rol.CONTACTPERSOON).get(f"/api/v1/berichten/?klant={klant.pk}")
    assert Inzage.objects.filter(klant=klant, onderdeel="berichten (API)").exists()


def test_gespreksverslagen_klant_ziet_alleen_gepubliceerde(wereld: Wereld) -> None:
    klant = wereld.a.klanten["eigen"]
    Gespreksverslag.objects.create(
        gemeente=klant.gemeente,
        klant=klant,
        auteur=klant.contactpersoon,
        gesprek_op="2026-04-01",
        samenvatting="Concept",
    )
    verslagen = api(wereld, Rol.KLANT).get("/api/v1/gespreksverslagen/").json()["results"]
    assert [v["samenvatting"] for v in verslagen] == ["We hebben kennisgemaakt."]
    assert verslagen[0]["afspraken_lijst"] == ["Je zoekt drie vacatures uit."]
    cp = (
        api(wereld, Rol.CONTACTPERSOON)
        .get(f"/api/v1/gespreksverslagen/?klant={klant.pk}")
        .json()["results"]
    )
    assert {v["samenvatting"] for v in cp} == {"We hebben kennisgemaakt.", "Concept"}


def test_contactpersoon_schrijft_en_publiceert_verslag(wereld: Wereld) -> None:
    klant = wereld.a.klanten["eigen"]
    c = api(wereld, Rol.CONTACTPERSOON)
    response = c.post(
        "/api/v1/gespreksverslagen/",
        {
            "klant": klant.pk,
            "gesprek_op": "2026-04-02",
            "samenvatting": "We praatten over je cv.",
            "afspraken": "Jij past je cv aan.",
            "publiceren": True,
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["gepubliceerd_op"] is not None and response.json()["b1_meldingen"] == []
    verslag_id = response.json()["id"]
    detail = api(wereld, Rol.KLANT).get(f"/api/v1/gespreksverslagen/{verslag_id}/")
    assert detail.status_code == 200
    assert Gespreksverslag.objects.get(pk=verslag_id).gelezen_op is not None


def test_b1_houdt_publicatie_via_api_tegen(wereld: Wereld) -> None:
    response = api(wereld, Rol.CONTACTPERSOON).post(
        "/api/v1/gespreksverslagen/",
        {
            "klant": wereld.a.klanten["eigen"].pk,
            "gesprek_op": "2026-04-02",
            "samenvatting": "Wij verzoeken u derhalve de stukken te retourneren.",
            "publiceren": True,
        },
        format="json",
    )
    assert response.status_code == 201
    assert response.json()["gepubliceerd_op"] is None
    assert {m["tekst"] for m in response.json()["b1_meldingen"]} >= {"derhalve", "retourneren"}


def test_klant_schrijft_geen_verslag(wereld: Wereld) -> None:
    voor = Gespreksverslag.objects.count()
    response = api(wereld, Rol.KLANT).post(
        "/api/v1/gespreksverslagen/",
        {"klant": wereld.a.klanten["eigen"].pk, "gesprek_op": "2026-04-02", "samenvatting": "x"},
        format="json",
    )
    assert response.status_code == 403  # not an input error: the client may not write one at all
    assert response["Content-Type"].startswith("application/problem+json")
    assert "Alleen je contactpersoon schrijft een gespreksverslag" in response.json()["detail"]
    assert Gespreksverslag.objects.count() == voor


def test_klant_reageert_op_verslag_via_bericht(wereld: Wereld) -> None:
    verslag = Gespreksverslag.objects.get(klant=wereld.a.klanten["eigen"])
    response = api(wereld, Rol.KLANT).post(
        "/api/v1/berichten/", {"tekst": "Vraag", "verslag": verslag.pk}, format="json"
    )
    assert response.status_code == 201 and response.json()["verslag"] == verslag.pk
    vreemd = Gespreksverslag.objects.get(klant=wereld.a.klanten["caseload"])
    response = api(wereld, Rol.KLANT).post(
        "/api/v1/berichten/", {"tekst": "Vraag", "verslag": vreemd.pk}, format="json"
    )
    assert response.status_code == 400


def test_schema_documenteert_beide_endpoints(client) -> None:  # type: ignore[no-untyped-def]
    schema = client.get("/api/v1/schema/?format=json").json()
    for pad in ("/api/v1/berichten/", "/api/v1/gespreksverslagen/"):
        assert pad in schema["paths"]
    assert "post" in schema["paths"]["/api/v1/berichten/"]
    parameters = {p["name"] for p in schema["paths"]["/api/v1/berichten/"]["get"]["parameters"]}
    assert "klant" in parameters
