"""Batch recalculation of a whole caseload for policy staff (issue 3 item 8, B4)."""

import json
from datetime import date
from decimal import Decimal

import pytest

from django.test import Client

import regels
from opstap.accounts.models import Rol
from opstap.beleid import services
from opstap.beleid.models import Doorrekening
from opstap.inkomen.services import UREN_NIVEAUS, invoer_voor_klant
from opstap.klanten.models import Kind, Klant, Partner
from opstap.privacy.models import Inzage
from tests.wereld import Wereld, maak_klant, nieuwe_bsns

pytestmark = pytest.mark.django_db
PEILDATUM = date(2026, 1, 1)


def _bestand(wereld: Wereld) -> list[Klant]:
    """Twelve more varied households in municipality A: enough to show totals (cells of 10+)."""
    g, cp = wereld.a.gemeente, wereld.a.gebruikers[Rol.CONTACTPERSOON]
    klanten = []
    for i, bsn in enumerate(nieuwe_bsns(12)):
        k = maak_klant(
            g,
            bsn,
            f"Bestand{i}",
            cp,
            geboortedatum=date(1970 + 2 * i, 3, 1),
            kale_huur=Decimal(500 + 25 * i),
            kostendelers=i % 3,
            vrijlating_maanden_gebruikt=i % 8,
            huishouden="alleenstaande",
        )
        if i % 4 == 1:
            Partner.objects.create(klant=k, geboortedatum=date(1975, 6, 1))
            k.huishouden = "gehuwd"
            k.save()
        if i % 4 == 2:
            Kind.objects.create(klant=k, geboortedatum=date(2017, 9, 1))
            k.huishouden = "alleenstaande_ouder"
            k.save()
        klanten.append(k)
    return klanten


def _enkel(klant: Klant, varianten: list[dict[str, object]] | None = None) -> dict[str, object]:
    uurloon = float(services.minimumloon_per_uur(PEILDATUM))  # the service's default wage
    invoer = invoer_voor_klant(
        klant, peildatum=PEILDATUM, werk={"bruto_uurloon": uurloon, "uren_per_week": UREN_NIVEAUS}
    )
    return regels.bereken(invoer, varianten=varianten)


def _start(
    wereld: Wereld, django_capture_on_commit_callbacks: object, **variant: object
) -> Doorrekening:
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        d = services.doorrekening_starten(
            door=wereld.a.gebruikers[Rol.BELEIDSMEDEWERKER],
            gemeente=wereld.a.gemeente,
            peildatum=PEILDATUM,
            **variant,
        )  # type: ignore[arg-type]
    d.refresh_from_db()
    return d


def test_totalen_zijn_die_van_de_losse_berekeningen(
    wereld: Wereld, django_capture_on_commit_callbacks: object
) -> None:
    _bestand(wereld)
    klanten = list(Klant.objects.filter(gemeente=wereld.a.gemeente))
    d = _start(wereld, django_capture_on_commit_callbacks)
    assert d.status == Doorrekening.Status.KLAAR and d.aantal_verwerkt == len(klanten) == 15
    r = d.resultaat
    assert r["aantal_berekend"] == 15 and r["uren"] == UREN_NIVEAUS
    enkel = [_enkel(k)["resultaten"] for k in klanten]
    for niveau in (0, 12, 24, 40):
        totaal = sum(Decimal(str(e[niveau]["totaal_netto_per_maand"])) for e in enkel)
        assert Decimal(str(r["basis"]["gemiddeld_totaal_per_maand"][niveau])) == (
            totaal / 15
        ).quantize(Decimal("0.01"))
        met = sum(1 for e in enkel if e[niveau]["bijstand"] > 0)
        assert r["basis"]["met_bijstand"][niveau] in (
            met,
            None,
        )  # hidden when a small group is near
        if 1 <= met < 10:
            assert r["basis"]["met_bijstand"][niveau] is None
    assert d.regelversie == regels.REGELVERSIE


def test_variant_naast_de_regels_van_nu(
    wereld: Wereld, django_capture_on_commit_callbacks: object
) -> None:
    _bestand(wereld)
    klanten = list(Klant.objects.filter(gemeente=wereld.a.gemeente))
    parameters = {"participatiewet.inkomensvrijlating.n_percentage": 50}
    d = _start(
        wereld,
        django_capture_on_commit_callbacks,
        variant_naam="Vrijlating 50%",
        variant_parameters=parameters,
    )
    v = d.resultaat["variant"]
    enkel = [_enkel(k, [{"naam": "x", "parameters": parameters}]) for k in klanten]
    for niveau in (0, 16, 32):
        verschil = sum(
            Decimal(str(e["varianten"][0]["verschil_totaal_per_maand"][niveau])) for e in enkel
        )
        assert Decimal(str(v["gemiddeld_verschil_per_maand"][niveau])) == (verschil / 15).quantize(
            Decimal("0.01")
        )
    assert v["gemiddeld_verschil_per_maand"][0] == 0  # no wage, nothing to disregard
    assert max(v["gemiddeld_verschil_per_maand"]) > 0  # a higher disregard leaves more money
    assert all(n in (0, None) for n in v["slechter_af"])


def test_kleine_groepen_worden_niet_getoond(
    wereld: Wereld, django_capture_on_commit_callbacks: object
) -> None:
    d = _start(wereld, django_capture_on_commit_callbacks, variant_regel="premie_na_zes_maanden")
    r = d.resultaat  # three clients only
    assert r["aantal_berekend"] is None
    assert set(r["basis"]["gemiddeld_totaal_per_maand"]) == {None}
    assert r["basis"]["mediaan_uren_uit_bijstand"] is None
    assert all(n in (0, None) for n in r["basis"]["met_bijstand"])
    assert "Bestand" not in json.dumps(r) and "Eigenaar" not in json.dumps(r)


def test_buiten_het_model_wordt_geteld_niet_geraden(
    wereld: Wereld, django_capture_on_commit_callbacks: object
) -> None:
    _bestand(wereld)
    maak_klant(
        wereld.a.gemeente,
        nieuwe_bsns(1, vanaf=5000)[0],
        "Jong",
        None,
        geboortedatum=date(2007, 1, 1),
    )
    d = _start(wereld, django_capture_on_commit_callbacks)
    assert d.aantal_verwerkt == 16 and d.resultaat["aantal_totaal"] == 16
    assert d.resultaat["buiten_model"] == {
        "aanvrager.geboortedatum": None
    }  # one person: suppressed
    # 16 clients minus 15 computed would give the one person back: the 15 is hidden too.
    assert d.resultaat["aantal_berekend"] is None and d.resultaat["aantal_buiten_model"] is None


def test_voortgang_per_blok_en_inzagelog(
    wereld: Wereld, django_capture_on_commit_callbacks: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    _bestand(wereld)
    monkeypatch.setattr(services, "BLOKGROOTTE", 5)
    standen: list[int] = []
    echte = services.inzages_door_systeem

    def kijk(klanten: list[Klant], **kw: str) -> None:
        standen.append(Doorrekening.objects.latest("pk").aantal_verwerkt)
        echte(klanten, **kw)

    monkeypatch.setattr(services, "inzages_door_systeem", kijk)
    _start(wereld, django_capture_on_commit_callbacks)
    assert standen == [0, 5, 10]
    eigen = wereld.a.klanten["eigen"]
    log = Inzage.objects.filter(klant=eigen, rol="systeem")
    assert log.count() == 1 and "alleen totalen" in log.get().doel
    assert not Inzage.objects.filter(klant=wereld.b.klanten["eigen"], rol="systeem").exists()


def test_mislukte_doorrekening_zegt_dat(
    wereld: Wereld, django_capture_on_commit_callbacks: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    def kapot(*a: object, **k: object) -> None:
        raise RuntimeError("kapot")

    monkeypatch.setattr("opstap.beleid.tasks.uitvoeren", kapot)
    d = _start(wereld, django_capture_on_commit_callbacks)
    assert d.status == Doorrekening.Status.MISLUKT and "niet gelukt" in d.melding


def test_pagina_start_en_toont_resultaat(
    wereld: Wereld, django_capture_on_commit_callbacks: object
) -> None:
    _bestand(wereld)
    client = Client()
    client.force_login(wereld.a.gebruikers[Rol.BELEIDSMEDEWERKER])
    assert client.get("/beleid/doorrekeningen/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        response = client.post(
            "/beleid/doorrekeningen/",
            {
                "peildatum": "2026-01-01",
                "variant_regel": "premie_na_zes_maanden",
                "bruto_uurloon": "15,00",
            },
        )
    assert response.status_code == 302
    d = Doorrekening.objects.filter(gemeente=wereld.a.gemeente).latest("pk")
    assert d.bruto_uurloon == Decimal("15.00") and d.variant_regel == "premie_na_zes_maanden"
    assert d.variant_naam  # a readable name is made when none is given
    pagina = client.get(response["Location"]).content.decode()
    assert "Gemiddeld, variant" in pagina
    assert "Slechter af" in pagina and "€ " in pagina
    assert '<meta http-equiv="refresh"' not in pagina  # finished: no more refreshing


@pytest.mark.parametrize(
    ("velden", "fout"),
    [
        ({"peildatum": "morgen"}, "Vul een datum in"),
        (
            {
                "peildatum": "2026-01-01",
                "variant_parameter": "participatiewet.bijstandsnorm.alleenstaande",
            },
            "Vul de nieuwe waarde in",
        ),
        ({"peildatum": "2026-01-01", "variant_waarde": "12"}, "Kies welke parameter"),
        ({"peildatum": "2019-01-01"}, "Het rekenmodel kent de regels van 2025-07-01"),
    ],
)
def test_pagina_foute_invoer(wereld: Wereld, velden: dict[str, str], fout: str) -> None:
    client = Client()
    client.force_login(wereld.a.gebruikers[Rol.BELEIDSMEDEWERKER])
    voor = Doorrekening.objects.count()
    response = client.post("/beleid/doorrekeningen/", velden)
    assert response.status_code == 400
    assert fout in response.content.decode()
    assert Doorrekening.objects.count() == voor
    if "peildatum" in velden:
        assert velden["peildatum"] in response.content.decode()  # what was typed is kept


def test_api_start_en_lees(wereld: Wereld, django_capture_on_commit_callbacks: object) -> None:
    _bestand(wereld)
    client = Client()
    client.force_login(wereld.a.gebruikers[Rol.BELEIDSMEDEWERKER])
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        response = client.post(
            "/api/v1/doorrekeningen/",
            {
                "peildatum": "2026-07-01",
                "variant_naam": "35%",
                "variant_parameters": {"participatiewet.inkomensvrijlating.n_percentage": 35},
            },
            content_type="application/json",
        )
    assert response.status_code == 202
    pk = response.json()["id"]
    body = client.get(f"/api/v1/doorrekeningen/{pk}/").json()
    assert body["status"] == "klaar" and body["procent"] == 100
    assert len(body["resultaat"]["variant"]["gemiddeld_verschil_per_maand"]) == 41
    assert pk in [d["id"] for d in client.get("/api/v1/doorrekeningen/").json()["results"]]


def test_api_onbekende_parameter(wereld: Wereld) -> None:
    client = Client()
    client.force_login(wereld.a.gebruikers[Rol.BELEIDSMEDEWERKER])
    response = client.post(
        "/api/v1/doorrekeningen/",
        {"peildatum": "2026-01-01", "variant_parameters": {"bestaat.niet": 1}},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/problem+json")
    assert "onbekende parameter" in json.dumps(response.json(), ensure_ascii=False)
    assert not Doorrekening.objects.filter(
        gemeente=wereld.a.gemeente, variant_parameters__has_key="bestaat.niet"
    ).exists()


def test_berekening_api_met_variant(wereld: Wereld) -> None:
    client = Client()
    client.force_login(wereld.a.gebruikers[Rol.CONTACTPERSOON])
    invoer = invoer_voor_klant(
        wereld.a.klanten["caseload"],
        peildatum=PEILDATUM,
        werk={"bruto_uurloon": 14.0, "uren_per_week": [0, 12, 24]},
    )
    invoer["varianten"] = [{"naam": "premie", "regel": "premie_na_zes_maanden"}]
    body = client.post(
        "/api/v1/berekeningen", json.dumps(invoer), content_type="application/json"
    ).json()
    variant = body["varianten"][0]
    assert variant["naam"] == "premie" and len(variant["verschil_totaal_per_maand"]) == 3
    for basis, v, verschil in zip(
        body["resultaten"], variant["resultaten"], variant["verschil_totaal_per_maand"], strict=True
    ):
        assert round(v["totaal_netto_per_maand"] - basis["totaal_netto_per_maand"], 2) == verschil


def test_grafiek_alleen_met_genoeg_huishoudens(
    wereld: Wereld, django_capture_on_commit_callbacks: object
) -> None:
    client = Client()
    client.force_login(wereld.a.gebruikers[Rol.BELEIDSMEDEWERKER])
    klein = _start(
        wereld, django_capture_on_commit_callbacks, variant_regel="premie_na_zes_maanden"
    )
    assert (
        "<polyline" not in client.get(f"/beleid/doorrekeningen/{klein.pk}/").content.decode()
    )  # 3 households
    _bestand(wereld)
    groot = _start(
        wereld, django_capture_on_commit_callbacks, variant_regel="premie_na_zes_maanden"
    )
    pagina = client.get(f"/beleid/doorrekeningen/{groot.pk}/").content.decode()
    assert (
        pagina.count("<polyline") == 2 and 'role="img"' in pagina
    )  # today's rules and the variant
