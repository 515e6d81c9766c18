"""The income pages and the calculation API, wired to the real rules engine."""

import json
from decimal import Decimal

import pytest

from django.test import Client

import regels
from opstap.accounts.models import Rol
from opstap.inkomen.services import berekening_vastleggen, invoer_voor_klant, minimumloon_per_uur
from opstap.privacy.models import Inzage
from tests.wereld import Wereld

pytestmark = pytest.mark.django_db

CONTRACT = {
    "peildatum": "2026-01-01",
    "gemeente": "demodam",
    "aanvrager": {"geboortedatum": "1980-05-01"},
    "partner": None,
    "kinderen": [{"geboortedatum": "2018-03-01"}],
    "kostendelers": 0,
    "kale_huur": 700.00,
    "servicekosten": 30.00,
    "vermogen": 0,
    "vrijlating_maanden_gebruikt": 0,
    "werk": {"bruto_uurloon": 15.00, "uren_per_week": [0, 8, 16, 24, 32, 36]},
}


def test_api_geeft_hetzelfde_als_de_rekenhulp(wereld: Wereld) -> None:
    client = Client()
    client.force_login(wereld.a.gebruikers[Rol.KLANT])
    response = client.post(
        "/api/v1/berekeningen", json.dumps(CONTRACT), content_type="application/json"
    )
    assert response.status_code == 200
    assert response.json() == json.loads(json.dumps(regels.bereken(CONTRACT)))
    eerste = response.json()["resultaten"][0]
    assert eerste["bijstandsnorm"] == 1401.50 and eerste["uren_per_week"] == 0


def test_api_met_uitleg(wereld: Wereld) -> None:
    client = Client()
    client.force_login(wereld.a.gebruikers[Rol.CONTACTPERSOON])
    body = client.post(
        "/api/v1/berekeningen?uitleg=1", json.dumps(CONTRACT), content_type="application/json"
    ).json()
    assert "wetten.overheid.nl" in json.dumps(body["uitleg"])


def test_api_buiten_het_model_geeft_nederlandse_fout_met_veld(wereld: Wereld) -> None:
    client = Client()
    client.force_login(wereld.a.gebruikers[Rol.KLANT])
    te_jong = {**CONTRACT, "aanvrager": {"geboortedatum": "2010-01-01"}}
    response = client.post(
        "/api/v1/berekeningen", json.dumps(te_jong), content_type="application/json"
    )
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert "aanvrager.geboortedatum" in json.dumps(response.json()["fouten"])


def test_api_weigert_anoniem() -> None:
    response = Client().post(
        "/api/v1/berekeningen", json.dumps(CONTRACT), content_type="application/json"
    )
    assert response.status_code == 401


def test_klant_ziet_eigen_inkomen_bij_uren(wereld: Wereld) -> None:
    client = Client()
    client.force_login(wereld.a.gebruikers[Rol.KLANT])
    response = client.get("/mijn/inkomen/", {"uren": "20", "bruto_uurloon": "15,50"})
    assert response.status_code == 200
    tekst = response.content.decode()
    assert "Bij 20 uur werk per week" in tekst and "<svg" in tekst
    # The numbers on the page are the engine's, for this client's own household.
    invoer = invoer_voor_klant(
        wereld.a.klanten["eigen"],
        peildatum=response.context["peildatum"],
        werk={"bruto_uurloon": 15.5, "uren_per_week": [20]},
    )
    verwacht = regels.bereken(invoer)["resultaten"][0]["totaal_netto_per_maand"]
    assert response.context["gekozen"].totaal == pytest.approx(verwacht, abs=0.005)
    assert Inzage.objects.filter(
        klant=wereld.a.klanten["eigen"], onderdeel="huishouden en inkomen"
    ).exists()


def test_vacature_doorrekenen(wereld: Wereld) -> None:
    client = Client()
    client.force_login(wereld.a.gebruikers[Rol.CONTACTPERSOON])
    vacature = wereld.a.vacature
    response = client.get(
        f"/werk/klanten/{wereld.a.klanten['caseload'].pk}/inkomen/", {"vacature": vacature.pk}
    )
    assert response.status_code == 200
    assert response.context["uurloon"] == vacature.bruto_uurloon
    assert response.context["uren"] == vacature.uren_per_week_max


def test_vacature_van_andere_gemeente_wordt_geweigerd(wereld: Wereld) -> None:
    client = Client()
    client.force_login(wereld.a.gebruikers[Rol.KLANT])
    response = client.get("/mijn/inkomen/", {"vacature": wereld.b.vacature.pk})
    assert response.status_code == 400
    assert (
        "Selecteer een geldige keuze" in response.content.decode()
        or "geldige" in response.content.decode()
    )


@pytest.mark.parametrize(
    ("veld", "waarde", "melding"),
    [
        ("uren", "50", "van 0 tot 40"),
        ("uren", "veel", "heel aantal uren"),
        ("bruto_uurloon", "abc", "Vul een bedrag in"),
    ],
)
def test_foute_invoer_geeft_duidelijke_melding(
    wereld: Wereld, veld: str, waarde: str, melding: str
) -> None:
    client = Client()
    client.force_login(wereld.a.gebruikers[Rol.KLANT])
    response = client.get("/mijn/inkomen/", {veld: waarde})
    assert response.status_code == 400
    assert melding in response.content.decode()


def test_standaard_uurloon_is_het_minimumloon_uit_de_rekenregels(wereld: Wereld) -> None:
    from datetime import date

    assert minimumloon_per_uur(date(2026, 1, 1)) == Decimal("14.71")
    client = Client()
    client.force_login(wereld.a.gebruikers[Rol.KLANT])
    response = client.get("/mijn/inkomen/")
    assert response.context["uurloon_is_minimumloon"] is True


def test_berekening_wordt_met_uitleg_vastgelegd(wereld: Wereld) -> None:
    klant = wereld.a.klanten["caseload"]
    from datetime import date

    invoer = invoer_voor_klant(
        klant, peildatum=date(2026, 1, 1), werk={"bruto_uurloon": 15.0, "uren_per_week": [16]}
    )
    berekening = berekening_vastleggen(
        klant=klant,
        gemeente_id=klant.gemeente_id,
        door=None,
        doel="besluit inkomensvrijlating",
        invoer=invoer,
    )
    assert berekening.regelversie == regels.REGELVERSIE
    assert "participatiewet.bijstandsnorm.alleenstaande" in berekening.uitleg["parameters"]
    assert "uitleg" not in berekening.uitkomst


def test_contactpersoon_ziet_beleidsvariant_ernaast(wereld: Wereld) -> None:
    client = Client()
    client.force_login(wereld.a.gebruikers[Rol.CONTACTPERSOON])
    klant = wereld.a.klanten["caseload"]
    response = client.get(
        f"/werk/klanten/{klant.pk}/inkomen/",
        {"uren": "12", "bruto_uurloon": "14,00", "variant": "premie_na_zes_maanden"},
    )
    assert response.status_code == 200
    invoer = invoer_voor_klant(
        klant,
        peildatum=response.context["peildatum"],
        werk={"bruto_uurloon": 14.0, "uren_per_week": [12]},
    )
    verwacht = regels.bereken(invoer, varianten=[{"naam": "p", "regel": "premie_na_zes_maanden"}])[
        "varianten"
    ][0]
    variant = response.context["variant"]
    assert variant["gekozen_totaal"] == verwacht["resultaten"][0]["totaal_netto_per_maand"]
    assert variant["gekozen_verschil"] == verwacht["verschil_totaal_per_maand"][0]
    assert "Totaal met de variant" in response.content.decode()


def test_klant_krijgt_geen_beleidsvariant(wereld: Wereld) -> None:
    client = Client()
    client.force_login(wereld.a.gebruikers[Rol.KLANT])
    response = client.get("/mijn/inkomen/", {"uren": "12", "variant": "premie_na_zes_maanden"})
    assert response.status_code == 200
    assert "variant" not in response.context["form"].fields and "variant" not in response.context
    assert "Totaal met de variant" not in response.content.decode()


def test_jaren_laag_inkomen_komt_uit_het_dossier(wereld: Wereld) -> None:
    """Never ask twice: the years on bijstand are known, so the engine needs no guess."""
    from datetime import date

    klant = wereld.a.klanten["caseload"]
    klant.bijstand_sinds = date(2021, 3, 15)
    klant.save()
    peil = date(2026, 3, 14)
    assert invoer_voor_klant(klant, peildatum=peil, werk={})["jaren_laag_inkomen"] == 4
    assert invoer_voor_klant(klant, peildatum=date(2026, 3, 15), werk={})["jaren_laag_inkomen"] == 5
    klant.bijstand_sinds = None
    assert "jaren_laag_inkomen" not in invoer_voor_klant(klant, peildatum=peil, werk={})


def test_kind_van_18_telt_niet_meer_als_kind(wereld: Wereld) -> None:
    """A child who turned 18 is a housemate, not a child: the household is still computed."""
    from datetime import date

    from opstap.klanten.models import Kind

    klant = wereld.a.klanten["caseload"]
    Kind.objects.create(klant=klant, geboortedatum=date(2008, 1, 10))
    Kind.objects.create(klant=klant, geboortedatum=date(2015, 6, 1))
    invoer = invoer_voor_klant(
        klant, peildatum=date(2026, 1, 10), werk={"bruto_uurloon": 14.0, "uren_per_week": [0]}
    )
    assert invoer["kinderen"] == [{"geboortedatum": "2015-06-01"}]
    assert regels.bereken(invoer)["resultaten"][0]["bijstand"] > 0
    vorige_dag = invoer_voor_klant(klant, peildatum=date(2026, 1, 9), werk={})
    assert len(vorige_dag["kinderen"]) == 2


def test_uitleg_b1_voor_klant_en_volledig_spoor_voor_medewerker(wereld: Wereld) -> None:
    klant_client, cp_client = Client(), Client()
    klant_client.force_login(wereld.a.gebruikers[Rol.KLANT])
    cp_client.force_login(wereld.a.gebruikers[Rol.CONTACTPERSOON])
    eigen = klant_client.get("/mijn/inkomen/", {"uren": "16", "bruto_uurloon": "15,00"})
    uitleg = eigen.context["uitleg_gekozen"]
    assert uitleg is not None and uitleg.uren_per_week == 16
    tekst = eigen.content.decode()
    assert "Als je 16 uur per week werkt" in tekst and "Hoe rekenen we dit uit?" in tekst
    assert "wetten.overheid.nl" not in tekst  # the client gets plain words, not the trace
    pagina = cp_client.get(
        f"/werk/klanten/{wereld.a.klanten['caseload'].pk}/inkomen/",
        {"uren": "16", "bruto_uurloon": "15,00"},
    ).content.decode()
    assert "De hele berekening, met wet en bedragen" in pagina
    assert "Participatiewet art. 21" in pagina and "https://wetten.overheid.nl/" in pagina


def test_berekening_vastleggen_en_teruglezen(wereld: Wereld) -> None:
    from opstap.inkomen.models import Berekening

    cp_client, klant_client = Client(), Client()
    cp_client.force_login(wereld.a.gebruikers[Rol.CONTACTPERSOON])
    klant_client.force_login(wereld.a.gebruikers[Rol.KLANT])
    klant = wereld.a.klanten["eigen"]  # a client of this contact person with an own login
    response = cp_client.post(
        f"/werk/klanten/{klant.pk}/inkomen/vastleggen/",
        {"bruto_uurloon": "15.00", "uren": "20", "doel": "Advies over een baan van 20 uur"},
    )
    assert response.status_code == 302
    b = Berekening.objects.filter(klant=klant, doel="Advies over een baan van 20 uur").get()
    assert (
        b.uren_per_week == 20
        and b.regelversie == regels.REGELVERSIE
        and b.gemaakt_door == wereld.a.gebruikers[Rol.CONTACTPERSOON]
    )
    # Stored as computed by the server from what the municipality knows, not from the browser.
    verwacht = regels.bereken(b.invoer)["resultaten"][20]["totaal_netto_per_maand"]
    assert b.uitkomst["resultaten"][20]["totaal_netto_per_maand"] == verwacht
    assert len(b.uitleg["niveaus"]) == 41
    assert Inzage.objects.filter(
        klant=klant, actie="aanmaken", doel__contains="Advies over een baan"
    ).exists()
    werk = cp_client.get(response["Location"]).content.decode()
    assert "Advies over een baan van 20 uur" in werk and "Als je 20 uur per week werkt" in werk
    # The client reads the same stored calculation, in plain words.
    mijn = klant_client.get(f"/mijn/berekeningen/{b.pk}/")
    assert mijn.status_code == 200 and "Als je 20 uur per week werkt" in mijn.content.decode()
    assert "De hele berekening, met wet en bedragen" not in mijn.content.decode()
    assert f"/mijn/berekeningen/{b.pk}/" in klant_client.get("/mijn/inkomen/").content.decode()


def test_vastleggen_zonder_doel_houdt_niets_half(wereld: Wereld) -> None:
    from opstap.inkomen.models import Berekening

    cp_client = Client()
    cp_client.force_login(wereld.a.gebruikers[Rol.CONTACTPERSOON])
    klant = wereld.a.klanten["caseload"]
    voor = Berekening.objects.count()
    response = cp_client.post(
        f"/werk/klanten/{klant.pk}/inkomen/vastleggen/",
        {"bruto_uurloon": "15.00", "uren": "20", "doel": ""},
    )
    assert response.status_code == 400
    assert "Schrijf kort waarvoor" in response.content.decode()
    assert Berekening.objects.count() == voor
