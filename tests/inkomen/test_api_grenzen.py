"""POST /api/v1/berekeningen: only roles with a household to compute, bounded work and body size,
absurd amounts a Dutch problem+json 400 (not a 500); the income page keeps absurd input as a field error."""

import json
from typing import Any

import pytest

from django.test import Client

from opstap.accounts.models import Rol
from tests.wereld import Wereld

pytestmark = pytest.mark.django_db

CONTRACT: dict[str, Any] = {
    "peildatum": "2026-01-01",
    "gemeente": "demodam",
    "aanvrager": {"geboortedatum": "1980-05-01"},
    "kinderen": [{"geboortedatum": "2018-03-01"}],
    "kale_huur": 700.00,
    "werk": {"bruto_uurloon": 15.00, "uren_per_week": [0, 8, 16, 24, 32, 36]},
}


def _client(wereld: Wereld, rol: str) -> Client:
    client = Client()
    client.force_login(wereld.a.gebruikers[rol])
    return client


def _post(client: Client, body: object, pad: str = "/api/v1/berekeningen") -> Any:
    return client.post(pad, json.dumps(body), content_type="application/json")


@pytest.mark.parametrize("rol", [Rol.WERKGEVER, Rol.BEHEERDER])
def test_werkgever_en_beheerder_mogen_niet_rekenen(wereld: Wereld, rol: str) -> None:
    response = _post(_client(wereld, rol), CONTRACT)
    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"


@pytest.mark.parametrize(
    "rol", [Rol.KLANT, Rol.CONTACTPERSOON, Rol.INKOMENSCONSULENT, Rol.BELEIDSMEDEWERKER]
)
def test_klant_en_medewerkers_inkomen_mogen_rekenen(wereld: Wereld, rol: str) -> None:
    assert _post(_client(wereld, rol), CONTRACT).status_code == 200


@pytest.mark.parametrize(
    "veld", ["kale_huur", "vermogen", "servicekosten", "inkomen_medebewoners_per_jaar"]
)
def test_bedrag_van_1e26_geeft_400_met_het_veld(wereld: Wereld, veld: str) -> None:
    response = _post(_client(wereld, Rol.KLANT), {**CONTRACT, veld: 1e26})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert veld in response.json()["fouten"]


def test_uurloon_van_1e26_geeft_400(wereld: Wereld) -> None:
    response = _post(
        _client(wereld, Rol.KLANT),
        {**CONTRACT, "werk": {"bruto_uurloon": 1e26, "uren_per_week": [0]}},
    )
    assert response.status_code == 400
    assert "te groot" in str(response.json()["fouten"]["werk.bruto_uurloon"])


def test_honderd_varianten_geweigerd_met_nederlandse_melding(wereld: Wereld) -> None:
    uren = [i / 10 for i in range(401)]
    body = {
        **CONTRACT,
        "werk": {"bruto_uurloon": 15, "uren_per_week": uren},
        "varianten": [{"naam": f"v{i}"} for i in range(100)],
    }
    response = _post(_client(wereld, Rol.CONTACTPERSOON), body)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert "hooguit 10 varianten" in str(response.json()["fouten"]["varianten"])
    body["varianten"] = body["varianten"][:3]  # 401 levels x 4 scenarios: over the row cap
    response = _post(_client(wereld, Rol.CONTACTPERSOON), body)
    assert response.status_code == 400
    assert "hooguit 1000" in str(response.json()["fouten"]["varianten"])


def test_te_veel_niveaus_geweigerd(wereld: Wereld) -> None:
    body = {**CONTRACT, "werk": {"bruto_uurloon": 15, "uren_per_week": [1] * 402}}
    response = _post(_client(wereld, Rol.KLANT), body)
    assert response.status_code == 400
    assert "1 tot 401" in str(response.json()["fouten"]["werk.uren_per_week"])
    body["werk"]["uren_per_week"] = [1] * 102
    response = _post(_client(wereld, Rol.KLANT), body, "/api/v1/berekeningen?uitleg=1")
    assert response.status_code == 400
    assert "met uitleg" in str(response.json()["fouten"]["werk.uren_per_week"])


def test_te_groot_verzoek_geeft_413_problem_json(wereld: Wereld, settings: Any) -> None:
    body = {**CONTRACT, "varianten": [{"naam": "x" * 70_000}]}  # 70 kB, over the 64 kB limit
    response = _post(_client(wereld, Rol.KLANT), body)
    assert response.status_code == 413
    assert response["Content-Type"] == "application/problem+json"
    assert "hooguit 64 kB" in response.json()["detail"]
    settings.OPSTAP_MAX_BEREKENING_BYTES = 128 * 1024  # configurable
    assert _post(_client(wereld, Rol.KLANT), body).status_code == 200


def test_inkomenpagina_houdt_absurd_uurloon_als_veldfout(wereld: Wereld) -> None:
    """The what-if form on the income page: 1e26, NaN or infinity is a Dutch field error and what was
    typed stays in the field (the form was bounded before this change too; kept as a guard)."""
    client = _client(wereld, Rol.KLANT)
    for getypt, melding in (
        ("1e26", "hoogstens 100 euro"),
        ("NaN", "Vul een bedrag in"),
        ("Infinity", "Vul een bedrag in"),
    ):
        response = client.get("/mijn/inkomen/", {"bruto_uurloon": getypt, "uren": "16"})
        assert response.status_code == 400
        tekst = response.content.decode()
        assert melding in tekst
        assert f'value="{getypt}"' in tekst
