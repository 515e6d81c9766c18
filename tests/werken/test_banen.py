"""Report a job once (D1): the /api/v1/banen/ contract, who sees which jobs, Dutch problem+json for
bad input, the access log, and the client's page through the real login and form."""

import json
import re
from decimal import Decimal
from typing import Any

import pytest

from django.test import Client
from django.utils.formats import date_format

import regels
from opstap.accounts.models import Rol
from opstap.inkomen.selectors import vrijlating_stand
from opstap.inkomen.services import invoer_voor_klant
from opstap.privacy.models import Actie, Inzage
from opstap.web.geld import euro
from opstap.werken.models import Baan
from tests.wereld import WACHTWOORD, Wereld

pytestmark = pytest.mark.django_db

BAAN: dict[str, Any] = {
    "werkgever": "Bakkerij De Korenbloem",
    "begonnen_op": "2026-03-01",
    "uren_per_week": 16,
    "bruto_uurloon": "14.40",
    "loonperiode": "vier_weken",
}


def _api(wereld: Wereld, rol: str, tenant: str = "a") -> Client:
    client = Client()
    client.force_login(getattr(wereld, tenant).gebruikers[rol])
    return client


def _post(client: Client, body: object) -> Any:
    return client.post("/api/v1/banen/", json.dumps(body), content_type="application/json")


def _inloggen(gebruikersnaam: str) -> Client:
    client = Client(enforce_csrf_checks=True)
    pagina = client.get("/inloggen/").content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', pagina)
    assert token
    response = client.post(
        "/inloggen/",
        {"username": gebruikersnaam, "password": WACHTWOORD, "csrfmiddlewaretoken": token.group(1)},
    )
    assert response.status_code == 302, "login failed"
    return client


def _nieuw() -> Any:
    """Jobs reported in the test (tests/wereld.py gives some clients one beforehand)."""
    return Baan.objects.exclude(werkgever_naam__startswith="Werkgever van ")


def _csrf(client: Client, pad: str) -> str:
    token = re.search(
        r'name="csrfmiddlewaretoken" value="([^"]+)"', client.get(pad).content.decode()
    )
    assert token
    return token.group(1)


# --- API contract -------------------------------------------------------------------------------


def test_klant_meldt_baan_en_krijgt_201_met_id_en_velden(wereld: Wereld) -> None:
    klant = wereld.a.klanten["eigen"]
    response = _post(
        _api(wereld, Rol.KLANT),
        {**BAAN, "contractsoort": "bepaalde_tijd", "einde_op": "2027-02-28"},
    )
    assert response.status_code == 201, response.content
    data = response.json()
    assert isinstance(data["id"], int)
    assert data["werkgever"] == "Bakkerij De Korenbloem"
    assert data["begonnen_op"] == "2026-03-01"
    assert Decimal(data["uren_per_week"]) == 16
    assert Decimal(data["bruto_uurloon"]) == Decimal("14.40")
    assert data["loonperiode"] == "vier_weken"
    assert data["contractsoort"] == "bepaalde_tijd"
    assert data["einde_op"] == "2027-02-28"
    baan = Baan.objects.get(pk=data["id"])
    assert baan.klant == klant and baan.gemeente_id == klant.gemeente_id
    assert Inzage.objects.filter(klant=klant, actie=Actie.AANMAKEN, onderdeel="werk (API)").exists()


def test_oproepcontract_zonder_uren(wereld: Wereld) -> None:
    body = {**BAAN, "uren_per_week": None, "oproepcontract": True, "contractsoort": "oproep"}
    response = _post(_api(wereld, Rol.KLANT), body)
    assert response.status_code == 201, response.content
    assert response.json()["uren_per_week"] is None
    assert response.json()["oproepcontract"] is True


def test_meerdere_werkgevers_en_get_toont_alleen_eigen_banen(wereld: Wereld) -> None:
    klant_a = _api(wereld, Rol.KLANT)
    _post(klant_a, BAAN)
    _post(klant_a, {**BAAN, "werkgever": "Zorgcentrum Het Anker", "loonperiode": "maand"})
    # Another municipality's client reports a job too; it never shows up in town A.
    assert (
        _post(_api(wereld, Rol.KLANT, "b"), {**BAAN, "werkgever": "Garage Vreemd"}).status_code
        == 201
    )
    response = klant_a.get("/api/v1/banen/")
    assert response.status_code == 200
    eigen = wereld.a.klanten["eigen"]
    namen = sorted(b["werkgever"] for b in response.json())
    # The job the world gave this client, and the two just reported; never a neighbour's.
    assert namen == ["Bakkerij De Korenbloem", f"Werkgever van {eigen.pk}", "Zorgcentrum Het Anker"]
    assert {b["klant"] for b in response.json()} == {wereld.a.klanten["eigen"].pk}
    leesinzages = Inzage.objects.filter(
        klant=wereld.a.klanten["eigen"], onderdeel="werk (API)", actie=Actie.LEZEN
    )
    assert leesinzages.count() == 1


def test_contactpersoon_leest_banen_van_eigen_klant_met_klant_parameter(wereld: Wereld) -> None:
    klant = wereld.a.klanten["eigen"]
    _post(_api(wereld, Rol.KLANT), BAAN)
    cp = _api(wereld, Rol.CONTACTPERSOON)
    response = cp.get(f"/api/v1/banen/?klant={klant.pk}")
    assert response.status_code == 200
    assert sorted(b["werkgever"] for b in response.json()) == [
        "Bakkerij De Korenbloem",
        f"Werkgever van {klant.pk}",
    ]
    # Without ?klant: the caseload's jobs (this client and the other on the caseload), no more.
    alle = {b["klant"] for b in cp.get("/api/v1/banen/").json()}
    assert alle == {klant.pk, wereld.a.klanten["caseload"].pk}
    gelogd = Inzage.objects.filter(
        klant=klant, gebruiker=wereld.a.gebruikers[Rol.CONTACTPERSOON], onderdeel="werk (API)"
    )
    assert gelogd.exists()


def test_andere_contactpersoon_en_andere_gemeente_zien_de_baan_niet(wereld: Wereld) -> None:
    klant = wereld.a.klanten["eigen"]
    _post(_api(wereld, Rol.KLANT), BAAN)
    collega = Client()
    collega.force_login(wereld.a.gebruikers["collega"])
    assert collega.get(f"/api/v1/banen/?klant={klant.pk}").status_code == 404
    # The colleague sees only their own caseload's jobs.
    eigen_caseload = {b["klant"] for b in collega.get("/api/v1/banen/").json()}
    assert eigen_caseload == {wereld.a.klanten["collega"].pk}
    andere_gemeente = _api(wereld, Rol.CONTACTPERSOON, "b")
    assert andere_gemeente.get(f"/api/v1/banen/?klant={klant.pk}").status_code == 404
    for rol in (Rol.INKOMENSCONSULENT, Rol.WERKGEVER, Rol.BELEIDSMEDEWERKER, Rol.BEHEERDER):
        response = _api(wereld, rol).get(f"/api/v1/banen/?klant={klant.pk}")
        assert response.status_code == 403, rol
        assert response["Content-Type"] == "application/problem+json"


def test_alleen_de_klant_meldt_een_baan(wereld: Wereld) -> None:
    response = _post(_api(wereld, Rol.CONTACTPERSOON), BAAN)
    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"
    assert not _nieuw().exists()


@pytest.mark.parametrize(
    ("wijziging", "veld", "woord"),
    [
        ({"bruto_uurloon": "500.01"}, "bruto_uurloon", "500"),
        ({"bruto_uurloon": "-1"}, "bruto_uurloon", "500"),
        ({"uren_per_week": 61}, "uren_per_week", "60"),
        ({"uren_per_week": None}, "uren_per_week", "oproepcontract"),
        ({"loonperiode": "week"}, "loonperiode", "vier_weken"),
        ({"einde_op": "2026-02-01"}, "einde_op", "na de startdatum"),
        ({"begonnen_op": "1 maart"}, "begonnen_op", "JJJJ-MM-DD"),
        ({"werkgever": ""}, "werkgever", "werkgever"),
    ],
)
def test_foute_invoer_geeft_400_problem_json_in_het_nederlands(
    wereld: Wereld, wijziging: dict[str, Any], veld: str, woord: str
) -> None:
    response = _post(_api(wereld, Rol.KLANT), {**BAAN, **wijziging})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    fouten = response.json()["fouten"]
    assert veld in fouten
    assert woord in " ".join(fouten[veld])
    assert not _nieuw().exists()


def test_schema_documenteert_banen(wereld: Wereld) -> None:
    schema = Client().get("/api/v1/schema/?format=json").json()
    pad = schema["paths"]["/api/v1/banen/"]
    assert {"get", "post"} <= set(pad)


# --- the client's page --------------------------------------------------------------------------


def test_klant_meldt_baan_via_het_formulier_en_ziet_eerst_felicitatie_dan_geld(
    wereld: Wereld,
) -> None:
    klant = wereld.a.klanten["eigen"]
    client = _inloggen(wereld.a.gebruikers[Rol.KLANT].username)
    token = _csrf(client, "/mijn/werk/")
    response = client.post(
        "/mijn/werk/",
        {
            "csrfmiddlewaretoken": token,
            "werkgever": "Bakkerij De Korenbloem",
            "begonnen_op": "2026-03-01",
            "uren_per_week": "16",
            "bruto_uurloon": "14,40",
            "loonperiode": "maand",
            "contractsoort": "",
        },
        follow=True,
    )
    assert response.status_code == 200
    tekst = response.content.decode()
    assert "Gefeliciteerd" in tekst
    assert tekst.index("Gefeliciteerd") < tekst.index("per maand")
    # The amount is the engine's for this client's household at the job's hours and wage.
    baan = _nieuw().get(klant=klant)
    invoer = invoer_voor_klant(
        klant,
        peildatum=baan.aangemeld_op.date(),
        werk={"bruto_uurloon": 14.40, "uren_per_week": [0, 16.0]},
    )
    totaal = regels.bereken(invoer)["resultaten"][1]["totaal_netto_per_maand"]
    assert euro(Decimal(str(totaal))) in tekst
    # Straight after: how much of the wage the client keeps and until when (the engine's vrijlating).
    stand = vrijlating_stand(regels.bereken(invoer, uitleg=True), 1)
    assert stand.soort == "loopt"
    assert f"Van je loon mag je nu {euro(Decimal(str(stand.bedrag)))} per maand houden" in tekst
    assert stand.laatste_maand is not None
    assert f"tot en met {date_format(stand.laatste_maand, 'F Y')}" in tekst
    assert Inzage.objects.filter(klant=klant, actie=Actie.AANMAKEN, onderdeel="werk").exists()

    # A second employer: both are listed.
    token = _csrf(client, "/mijn/werk/")
    client.post(
        "/mijn/werk/",
        {
            "csrfmiddlewaretoken": token,
            "werkgever": "Zorgcentrum Het Anker",
            "begonnen_op": "2026-04-01",
            "oproepcontract": "on",
            "bruto_uurloon": "15",
            "loonperiode": "vier_weken",
        },
    )
    tekst = client.get("/mijn/werk/").content.decode()
    assert "Bakkerij De Korenbloem" in tekst and "Zorgcentrum Het Anker" in tekst
    assert _nieuw().filter(klant=klant).count() == 2


def test_formulier_houdt_invoer_en_zegt_wat_er_mist(wereld: Wereld) -> None:
    client = _inloggen(wereld.a.gebruikers[Rol.KLANT].username)
    token = _csrf(client, "/mijn/werk/")
    response = client.post(
        "/mijn/werk/",
        {
            "csrfmiddlewaretoken": token,
            "werkgever": "Bakkerij De Korenbloem",
            "begonnen_op": "2026-03-01",
            "uren_per_week": "",
            "bruto_uurloon": "900",
            "einde_op": "2026-01-01",
        },
    )
    assert response.status_code == 400
    tekst = response.content.decode()
    assert "Bakkerij De Korenbloem" in tekst  # what was typed stays
    assert "Vul in hoeveel uur per week je werkt, of kies oproepcontract." in tekst
    assert "tussen € 0 en € 500" in tekst
    assert "Kies of je loon per maand of per vier weken krijgt." in tekst
    assert "De einddatum moet na de startdatum liggen." in tekst
    assert not _nieuw().exists()


def test_nieuw_parameter_toont_geen_baan_van_een_ander(wereld: Wereld) -> None:
    _post(_api(wereld, Rol.KLANT, "b"), BAAN)
    vreemde = _nieuw().get()
    response = _api(wereld, Rol.KLANT).get(f"/mijn/werk/?nieuw={vreemde.pk}")
    assert response.status_code == 200
    assert "Gefeliciteerd" not in response.content.decode()
    assert "Bakkerij" not in response.content.decode()
