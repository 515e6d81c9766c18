"""Consent and candidates: the /api/v1/toestemmingen/ and /api/v1/kandidaten/ contracts, and per
employer-visible detail: absent without consent, present with consent for that detail only, gone
after withdrawal, in the API and on the employer's pages. Every employer read is in the client's
access log ("werkgever X keek")."""

import json
from typing import Any

import pytest

from django.test import Client

from opstap.accounts.models import Rol
from opstap.bemiddeling.models import Kandidaatprofiel, Voorstel, VoorstelStatus
from opstap.bemiddeling.selectors import kandidaat_id
from opstap.contact.models import Doel, DoelSoort
from opstap.privacy.models import Inzage
from opstap.werkgevers.models import Gegeven, Toestemming
from tests.wereld import WACHTWOORD, Wereld

pytestmark = pytest.mark.django_db

# What the client 'eigen' (A. Eigenaar) can share, each value found nowhere else in the world.
WAARDEN = {
    "naam": "A. Eigenaar",
    "contact": "06-31415926",
    "cv": "Tien jaar broodbakker in Zwolle",
    "beschikbaarheid": "Dinsdag en donderdag van 9 tot 13",
    "kwaliteiten": "Zorgvuldig met deeg",
}
VERBODEN = {"bsn", "bsn_versleuteld", "gezondheid", "schulden", "drempels", "klant", "klant_id"}


def _ingelogd(wereld: Wereld, rol: str, tenant: str = "a") -> Client:
    client = Client()
    client.force_login(getattr(wereld, tenant).gebruikers[rol])
    return client


def _vul_profiel(wereld: Wereld) -> None:
    klant = wereld.a.klanten["eigen"]
    klant.telefoon = WAARDEN["contact"]
    klant.email = "eigenaar@voorbeeld.example"
    klant.save()
    Kandidaatprofiel.objects.create(
        klant=klant, cv=WAARDEN["cv"], beschikbaarheid=WAARDEN["beschikbaarheid"]
    )
    Doel.objects.create(
        gemeente=klant.gemeente,
        klant=klant,
        soort=DoelSoort.KWALITEIT,
        tekst=WAARDEN["kwaliteiten"],
    )


def _geef(client: Client, body: dict[str, Any]) -> Any:
    return client.post("/api/v1/toestemmingen/", json.dumps(body), content_type="application/json")


def _werkgever_ziet(wereld: Wereld) -> tuple[list[dict[str, Any]], str]:
    """The employer's candidates from the API, and the text of both employer pages."""
    werkgever = _ingelogd(wereld, Rol.WERKGEVER)
    api = werkgever.get("/api/v1/kandidaten/")
    assert api.status_code == 200
    paginas = werkgever.get("/werkgever/").content.decode()
    paginas += werkgever.get("/werkgever/kandidaten/").content.decode()
    return api.json(), paginas


@pytest.mark.parametrize("gegeven", Gegeven.values)
def test_elk_gegeven_alleen_met_toestemming_en_weg_na_intrekken(
    gegeven: str, wereld: Wereld
) -> None:
    _vul_profiel(wereld)
    waarde = WAARDEN[gegeven]
    klant = _ingelogd(wereld, Rol.KLANT)

    # No consent for this employer: the client is not a candidate, the value is nowhere.
    kandidaten, paginas = _werkgever_ziet(wereld)
    assert waarde not in json.dumps(kandidaten, ensure_ascii=False) and waarde not in paginas

    # Consent for every other detail: still not this value.
    anders = [g for g in Gegeven.values if g != gegeven]
    respons = _geef(klant, {"werkgever": wereld.a.werkgever.pk, "gegevens": anders})
    assert respons.status_code == 201, respons.content
    kandidaten, paginas = _werkgever_ziet(wereld)
    eigen = next(k for k in kandidaten if set(k) == {"id", *anders})
    assert gegeven not in eigen
    assert waarde not in json.dumps(kandidaten, ensure_ascii=False) and waarde not in paginas
    assert klant.delete(f"/api/v1/toestemmingen/{respons.json()['id']}/").status_code == 204

    # Consent for this detail only: exactly this key (and the opaque id), with the value.
    respons = _geef(
        klant,
        {
            "werkgever": wereld.a.werkgever.pk,
            "vacature": wereld.a.vacature.pk,
            "gegevens": [gegeven],
        },
    )
    assert respons.status_code == 201
    toestemming = Toestemming.objects.get(pk=respons.json()["id"])
    kandidaten, paginas = _werkgever_ziet(wereld)
    eigen = next(k for k in kandidaten if k["id"] == kandidaat_id(toestemming))
    assert set(eigen) == {"id", gegeven}
    assert waarde in json.dumps(eigen[gegeven], ensure_ascii=False)
    assert waarde in paginas
    assert not VERBODEN & {s for k in kandidaten for s in k}
    assert eigen["id"].startswith("k-") and len(eigen["id"]) == 22  # opaque, not a client number

    # Withdrawn: gone at once, from the API and the pages.
    assert klant.delete(f"/api/v1/toestemmingen/{toestemming.pk}/").status_code == 204
    kandidaten, paginas = _werkgever_ziet(wereld)
    assert all(k["id"] != kandidaat_id(toestemming) for k in kandidaten)
    assert waarde not in json.dumps(kandidaten, ensure_ascii=False) and waarde not in paginas


def test_toestemmingen_api_contract(wereld: Wereld) -> None:
    klant = _ingelogd(wereld, Rol.KLANT)
    lijst = klant.get("/api/v1/toestemmingen/").json()
    # The world's client consented to the other company (naam, contact).
    assert [(t["werkgever_naam"], t["gegevens"]) for t in lijst] == [
        (wereld.a.ander_bedrijf.naam, ["naam", "contact"])
    ]
    assert lijst[0]["zichtbaar"]["naam"] == "A. Eigenaar"
    assert set(lijst[0]) >= {"id", "werkgever", "vacature", "gegevens", "gegeven_op"}

    nieuw = _geef(
        klant,
        {
            "werkgever": wereld.a.werkgever.pk,
            "vacature": wereld.a.vacature.pk,
            "gegevens": ["beschikbaarheid", "naam"],
        },
    )
    assert nieuw.status_code == 201
    body = nieuw.json()
    assert body["werkgever"] == wereld.a.werkgever.pk and body["vacature"] == wereld.a.vacature.pk
    assert body["gegevens"] == ["naam", "beschikbaarheid"]  # stored in a fixed order
    assert body["ingetrokken_op"] is None
    assert len(klant.get("/api/v1/toestemmingen/").json()) == 2
    # Giving it again for the same employer and vacancy replaces the first: one in force.
    opnieuw = _geef(
        klant,
        {
            "werkgever": wereld.a.werkgever.pk,
            "vacature": wereld.a.vacature.pk,
            "gegevens": ["naam"],
        },
    )
    assert opnieuw.status_code == 201
    assert len(klant.get("/api/v1/toestemmingen/").json()) == 2
    assert klant.get(f"/api/v1/toestemmingen/{body['id']}/").status_code == 404
    # The consent started a candidacy the employer can follow.
    voorstel = Voorstel.objects.get(toestemming_id=opnieuw.json()["id"])
    assert voorstel.status == VoorstelStatus.GEDEELD

    assert klant.delete(f"/api/v1/toestemmingen/{opnieuw.json()['id']}/").status_code == 204
    assert klant.delete(f"/api/v1/toestemmingen/{opnieuw.json()['id']}/").status_code == 404
    voorstel.refresh_from_db()
    assert voorstel.status == VoorstelStatus.INGETROKKEN


@pytest.mark.parametrize(
    ("body", "veld", "melding"),
    [
        ({"gegevens": ["naam"]}, "werkgever", "Kies een werkgever"),
        ({"werkgever": "BETA", "gegevens": ["naam"]}, "werkgever", "bestaat niet in jouw gemeente"),
        ({"werkgever": "A", "gegevens": []}, "gegevens", "minstens één gegeven"),
        ({"werkgever": "A", "gegevens": ["bsn"]}, "gegevens", "Dit gegeven kun je niet delen"),
        ({"werkgever": "A", "gegevens": "naam"}, "gegevens", "Geef een lijst"),
        (
            {"werkgever": "ANDER", "vacature": "A", "gegevens": ["naam"]},
            "vacature",
            "hoort niet bij deze werkgever",
        ),
    ],
)
def test_toestemming_met_foute_invoer_zegt_wat_er_mis_is(
    body: dict[str, Any], veld: str, melding: str, wereld: Wereld
) -> None:
    vervang = {
        "A": wereld.a.werkgever.pk,
        "BETA": wereld.b.werkgever.pk,
        "ANDER": wereld.a.ander_bedrijf.pk,
    }
    invoer = dict(body)
    if "werkgever" in invoer:
        invoer["werkgever"] = vervang[invoer["werkgever"]]
    if "vacature" in invoer:
        invoer["vacature"] = wereld.a.vacature.pk
    voor = Toestemming.objects.count()
    respons = _geef(_ingelogd(wereld, Rol.KLANT), invoer)
    assert respons.status_code == 400
    assert respons["Content-Type"].startswith("application/problem+json")
    assert melding in json.dumps(respons.json()["fouten"][veld], ensure_ascii=False)
    assert Toestemming.objects.count() == voor


def test_alleen_de_klant_geeft_en_trekt_in(wereld: Wereld) -> None:
    toestemming = Toestemming.objects.get(klant=wereld.a.klanten["caseload"])
    for rol in (Rol.CONTACTPERSOON, Rol.WERKGEVER, Rol.INKOMENSCONSULENT):
        client = _ingelogd(wereld, rol)
        assert client.get("/api/v1/toestemmingen/").status_code == 403
        assert client.delete(f"/api/v1/toestemmingen/{toestemming.pk}/").status_code == 403
    # Another client's consent does not exist for this client.
    klant = _ingelogd(wereld, Rol.KLANT)
    assert klant.delete(f"/api/v1/toestemmingen/{toestemming.pk}/").status_code == 404
    toestemming.refresh_from_db()
    assert toestemming.ingetrokken_op is None
    assert _ingelogd(wereld, Rol.KLANT).get("/api/v1/kandidaten/").status_code == 403


def test_elke_inzage_van_de_werkgever_staat_in_het_log_van_de_klant(wereld: Wereld) -> None:
    caseload = wereld.a.klanten["caseload"]
    werkgever = _ingelogd(wereld, Rol.WERKGEVER)
    voor = Inzage.objects.filter(klant=caseload).count()
    werkgever.get("/api/v1/kandidaten/")
    werkgever.get("/werkgever/kandidaten/")
    doelen = list(
        Inzage.objects.filter(klant=caseload).order_by("pk").values_list("doel", flat=True)
    )[voor:]
    assert (
        doelen
        == [f"Werkgever {wereld.a.werkgever.naam} keek naar wat je met toestemming deelt"] * 2
    )
    # No other client got an entry from this employer's reads.
    assert not Inzage.objects.filter(
        gebruiker=wereld.a.gebruikers[Rol.WERKGEVER], klant=wereld.a.klanten["eigen"]
    ).exists()


def test_klant_geeft_en_trekt_in_op_het_scherm_na_echt_inloggen(wereld: Wereld) -> None:
    """Through the front door: the login form, the consent form, what the client sees (the values,
    as the employer sees them), withdrawing with one tap and a confirmation, and the access log."""
    _vul_profiel(wereld)
    klant = Client()
    klant.post("/inloggen/", {"username": "alfa-klant", "password": WACHTWOORD})
    pagina = klant.get("/mijn/toestemmingen/")
    assert pagina.status_code == 200
    tekst = pagina.content.decode()
    assert wereld.a.ander_bedrijf.naam in tekst and "Intrekken bij" in tekst

    # A form without a choice keeps what was chosen and says what is missing.
    fout = klant.post("/mijn/toestemmingen/", {"werkgever": wereld.a.werkgever.pk})
    assert fout.status_code == 400
    assert "Kies wat de werkgever mag zien" in fout.content.decode()
    assert f'value="{wereld.a.werkgever.pk}" selected' in fout.content.decode()

    antwoord = klant.post(
        "/mijn/toestemmingen/",
        {"werkgever": wereld.a.werkgever.pk, "gegevens": ["beschikbaarheid", "cv"]},
        follow=True,
    )
    tekst = antwoord.content.decode()
    assert f"{wereld.a.werkgever.naam} kan nu zien wat je koos" in tekst
    assert WAARDEN["beschikbaarheid"] in tekst and WAARDEN["cv"] in tekst
    _, paginas = _werkgever_ziet(wereld)
    assert WAARDEN["cv"] in paginas

    toestemming = Toestemming.objects.get(
        klant=wereld.a.klanten["eigen"], werkgever=wereld.a.werkgever, ingetrokken_op=None
    )
    bevestig = klant.get(f"/mijn/toestemmingen/{toestemming.pk}/intrekken/").content.decode()
    assert "Ja, trek nu in" in bevestig and WAARDEN["cv"] in bevestig
    klant.post(f"/mijn/toestemmingen/{toestemming.pk}/intrekken/")
    toestemming.refresh_from_db()
    assert toestemming.ingetrokken_op is not None
    _, paginas = _werkgever_ziet(wereld)
    assert WAARDEN["cv"] not in paginas
    inzage = klant.get("/mijn/inzage/").content.decode()
    assert f"Werkgever {wereld.a.werkgever.naam} keek naar wat je met toestemming deelt" in inzage


def test_ook_een_vervalste_toestemming_laat_alleen_deelbare_gegevens_zien(wereld: Wereld) -> None:
    """A consent row that names more than may be shared (written past the checks) still shows only
    the shareable details: the value function knows no BSN, health or benefit history."""
    caseload = wereld.a.klanten["caseload"]
    caseload.gezondheid = "Rugklachten"
    caseload.schulden = "Schuldhulp loopt"
    caseload.save()
    Toestemming.objects.filter(klant=caseload).update(
        gegevens=["naam", "bsn", "gezondheid", "schulden", "drempels", "bijstand_sinds"]
    )
    kandidaten, paginas = _werkgever_ziet(wereld)
    assert [set(k) for k in kandidaten] == [{"id", "naam"}]
    tekst = json.dumps(kandidaten) + paginas
    for geheim in ("Rugklachten", "Schuldhulp", caseload.bsn_versleuteld, "999990"):
        assert geheim not in tekst
