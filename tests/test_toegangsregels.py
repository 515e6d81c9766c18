"""Access rules live in one place (accounts.toegang) and every page and API endpoint uses them:
a write the rules refuse is a 403 (problem+json on the API), not an input error; a client reads
only published summaries; the employer sees only what a consent in force shares."""

from typing import Any

import pytest

from django.test import Client
from django.utils import timezone
from rest_framework.test import APIClient

from opstap.accounts import toegang
from opstap.accounts.models import Rol
from opstap.contact import services
from opstap.contact.models import Bericht, Gespreksverslag
from opstap.werkgevers.models import Toestemming
from tests.wereld import Wereld

pytestmark = pytest.mark.django_db


def _api(wereld: Wereld, rol: str) -> APIClient:
    client = APIClient()
    client.force_login(wereld.a.gebruikers[rol])
    return client


@pytest.fixture
def concept(wereld: Wereld) -> Gespreksverslag:
    return services.verslag_opslaan(
        klant=wereld.a.klanten["eigen"],
        auteur=wereld.a.gebruikers[Rol.CONTACTPERSOON],
        gesprek_op=timezone.localdate(),
        soort="kantoor",
        samenvatting="Nog niet klaar: concept over de schulden",
    )


def test_klant_leest_geen_concept_via_de_api(wereld: Wereld, concept: Gespreksverslag) -> None:
    klant = _api(wereld, Rol.KLANT)
    lijst = klant.get("/api/v1/gespreksverslagen/").json()["results"]
    assert concept.pk not in {v["id"] for v in lijst}
    detail = klant.get(f"/api/v1/gespreksverslagen/{concept.pk}/")
    assert detail.status_code == 403
    assert detail["Content-Type"].startswith("application/problem+json")
    assert "concept" not in detail.content.decode().lower()
    # The contact person reads their own draft.
    assert (
        _api(wereld, Rol.CONTACTPERSOON).get(f"/api/v1/gespreksverslagen/{concept.pk}/").status_code
        == 200
    )


def test_klant_stelt_geen_vraag_over_een_concept(wereld: Wereld, concept: Gespreksverslag) -> None:
    voor = Bericht.objects.count()
    response = _api(wereld, Rol.KLANT).post(
        "/api/v1/berichten/", {"tekst": "Wat staat hierin?", "verslag": concept.pk}, format="json"
    )
    assert response.status_code == 403
    assert response["Content-Type"].startswith("application/problem+json")
    assert "nog niet gepubliceerd" in response.json()["detail"]
    assert Bericht.objects.count() == voor


@pytest.mark.parametrize(
    ("rol", "pad", "body"),
    [
        (
            Rol.KLANT,
            "/api/v1/gespreksverslagen/",
            {"gesprek_op": "2026-04-02", "samenvatting": "x"},
        ),
        (
            Rol.KLANT,
            "/api/v1/contactmomenten/",
            {"wanneer": "2030-01-01T10:00:00+01:00", "onderwerp": "x"},
        ),
        (Rol.CONTACTPERSOON, "/api/v1/aanvragen/", {"regeling": "stadspas"}),
    ],
)
def test_schrijven_wat_de_rol_niet_mag_is_403_ook_met_kapotte_invoer(
    wereld: Wereld, rol: str, pad: str, body: dict[str, Any]
) -> None:
    """Authorisation comes before the input: broken input does not turn a refusal into a 400."""
    client = _api(wereld, rol)
    body = {**body, "klant": wereld.a.klanten["eigen"].pk}
    for invoer in (body, {"klant": wereld.a.klanten["eigen"].pk}):
        response = client.post(pad, invoer, format="json")
        assert response.status_code == 403, (pad, invoer, response.content)
        assert response["Content-Type"].startswith("application/problem+json")


def test_pagina_en_api_vragen_dezelfde_schrijfregel(
    wereld: Wereld, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One rule: switch it off in accounts.toegang and both the page and the API refuse."""
    monkeypatch.setattr(toegang, "mag_bericht_sturen", lambda gebruiker, klant: False)
    klant = wereld.a.klanten["caseload"]
    pagina = Client()
    pagina.force_login(wereld.a.gebruikers[Rol.CONTACTPERSOON])
    assert pagina.post(f"/werk/klanten/{klant.pk}/berichten/", {"tekst": "Hoi"}).status_code == 403
    api = _api(wereld, Rol.CONTACTPERSOON).post(
        "/api/v1/berichten/", {"klant": klant.pk, "tekst": "Hoi"}, format="json"
    )
    assert api.status_code == 403
    assert (
        not Bericht.objects.filter(klant=klant, van_klant=False)
        .exclude(pk=wereld.objecten_van(klant)["bericht_pk"])
        .exists()
    )


def test_werkgever_gebruikt_de_ene_toestemmingsregel(
    wereld: Wereld, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The employer page and zichtbare_klanten both follow accounts.toegang.geldende_toestemmingen:
    a change there (here: revoked consents counted again) shows on the page, so no second copy hides."""
    werkgever = wereld.a.gebruikers[Rol.WERKGEVER]
    gedeeld, ander = wereld.a.klanten["caseload"], wereld.a.klanten["eigen"]
    Toestemming.objects.create(
        klant=ander, werkgever=wereld.a.werkgever, gegevens=["naam"], ingetrokken_op=timezone.now()
    )
    client = Client()
    client.force_login(werkgever)
    pagina = client.get("/werkgever/").content.decode()
    assert gedeeld.achternaam in pagina and ander.achternaam not in pagina
    assert set(toegang.zichtbare_klanten(werkgever)) == {gedeeld}

    def ook_ingetrokken(gebruiker: Any) -> Any:
        return Toestemming.objects.filter(werkgever_id=gebruiker.werkgever_id)

    monkeypatch.setattr(toegang, "geldende_toestemmingen", ook_ingetrokken)
    assert ander.achternaam in client.get("/werkgever/").content.decode()
    assert set(toegang.zichtbare_klanten(werkgever)) == {gedeeld, ander}
