import pytest

from django.db import connection
from django.test import Client

from opstap.accounts.models import Rol
from opstap.klanten.models import Klant
from opstap.privacy.bsn import is_geldig_bsn, maskeer_bsn, normaliseer_bsn
from opstap.privacy.models import AlleenToevoegenFout, Inzage
from tests.wereld import Wereld


@pytest.mark.parametrize(
    ("bsn", "geldig"),
    [
        ("999990019", True),
        ("111222333", True),
        ("123456782", True),
        ("123456789", False),
        ("999990018", False),
        ("12345678", False),
        ("abcdefghi", False),
        ("000000000", False),
    ],
)
def test_elfproef(bsn: str, geldig: bool) -> None:
    assert is_geldig_bsn(bsn) is geldig


def test_bsn_normaliseren_en_maskeren() -> None:
    assert normaliseer_bsn("9999.90.019") == "999990019"
    assert normaliseer_bsn("11222333") == "011222333"
    assert maskeer_bsn("999990019") == "*****0019"


@pytest.mark.django_db
def test_bsn_en_gezondheid_staan_versleuteld_in_de_database(wereld: Wereld) -> None:
    klant = wereld.a.klanten["eigen"]
    klant.gezondheid = "Rugklachten, mag niet tillen"
    klant.schulden = "Schuldhulpverlening loopt"
    klant.save()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT bsn_versleuteld, gezondheid, schulden FROM klanten_klant WHERE id = %s",
            [klant.pk],
        )
        rauw = cursor.fetchone()
    assert "999990019" not in rauw[0]
    assert "Rugklachten" not in rauw[1] and "Schuldhulp" not in rauw[2]
    opnieuw = Klant.objects.get(pk=klant.pk)
    assert opnieuw.bsn_versleuteld == "999990019"
    assert opnieuw.gezondheid == "Rugklachten, mag niet tillen"


@pytest.mark.django_db
def test_inzagelog_kan_niet_worden_gewijzigd_of_verwijderd(wereld: Wereld) -> None:
    client = Client()
    client.force_login(wereld.a.gebruikers[Rol.CONTACTPERSOON])
    client.get(f"/werk/klanten/{wereld.a.klanten['caseload'].pk}/")
    inzage = Inzage.objects.get(klant=wereld.a.klanten["caseload"])
    inzage.doel = "iets anders"
    with pytest.raises(AlleenToevoegenFout):
        inzage.save()
    with pytest.raises(AlleenToevoegenFout):
        inzage.delete()


@pytest.mark.django_db
def test_klant_ziet_wie_in_het_dossier_keek(wereld: Wereld) -> None:
    cp = Client()
    cp.force_login(wereld.a.gebruikers[Rol.CONTACTPERSOON])
    assert cp.get(f"/werk/klanten/{wereld.a.klanten['eigen'].pk}/").status_code == 200
    inzage = Inzage.objects.get(klant=wereld.a.klanten["eigen"])
    assert (inzage.rol, inzage.actie, inzage.gebruiker) == (
        "contactpersoon",
        "lezen",
        wereld.a.gebruikers[Rol.CONTACTPERSOON],
    )

    klant = Client()
    klant.force_login(wereld.a.gebruikers[Rol.KLANT])
    pagina = klant.get("/mijn/inzage/").content.decode()
    assert "Alfa-contactpersoon" in pagina and "Begeleiding: het dossier bekeken" in pagina
    api = klant.get("/api/v1/inzages/").json()
    assert any(r["wie"] == "Alfa-contactpersoon" and r["actie"] == "lezen" for r in api["results"])


@pytest.mark.django_db
def test_werkgever_ziet_alleen_wat_de_klant_deelde(wereld: Wereld) -> None:
    client = Client()
    client.force_login(wereld.a.gebruikers[Rol.WERKGEVER])
    pagina = client.get("/werkgever/").content.decode()
    gedeeld, niet_gedeeld = wereld.a.klanten["caseload"], wereld.a.klanten["eigen"]
    assert gedeeld.achternaam in pagina
    assert niet_gedeeld.achternaam not in pagina
    assert gedeeld.email == "" or gedeeld.email not in pagina  # contact details were not shared
    assert Inzage.objects.filter(klant=gedeeld, rol="werkgever").exists()


@pytest.mark.django_db
def test_intrekken_van_toestemming_sluit_de_werkgever_buiten(wereld: Wereld) -> None:
    from django.utils import timezone

    wereld.a.klanten["caseload"].toestemmingen.update(ingetrokken_op=timezone.now())
    client = Client()
    client.force_login(wereld.a.gebruikers[Rol.WERKGEVER])
    assert wereld.a.klanten["caseload"].achternaam not in client.get("/werkgever/").content.decode()


@pytest.mark.django_db
def test_vervanging_geeft_tijdelijk_toegang_tot_caseload_collega(wereld: Wereld) -> None:
    from datetime import timedelta

    from django.utils import timezone

    from opstap.contact.models import Overdracht

    cp, collega = wereld.a.gebruikers[Rol.CONTACTPERSOON], wereld.a.gebruikers["collega"]
    client = Client()
    client.force_login(cp)
    url = f"/werk/klanten/{wereld.a.klanten['collega'].pk}/"
    assert client.get(url).status_code == 404
    vandaag = timezone.localdate()
    vervanging = Overdracht.objects.create(
        gemeente=wereld.a.gemeente,
        soort="vervanging",
        van=collega,
        naar=cp,
        begin=vandaag,
        einde=vandaag + timedelta(days=14),
        vastgelegd_door=cp,
    )
    assert client.get(url).status_code == 200
    vervanging.einde = vandaag - timedelta(days=1)
    vervanging.begin = vandaag - timedelta(days=10)
    vervanging.save()
    assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_beleid_ziet_alleen_totalen_en_kleine_groepen_niet(wereld: Wereld) -> None:
    client = Client()
    client.force_login(wereld.a.gebruikers[Rol.BELEIDSMEDEWERKER])
    pagina = client.get("/beleid/").content.decode()
    assert "<strong>Klanten in totaal:</strong> x" in pagina  # 3 clients: suppressed
    for klant in wereld.a.klanten.values():
        assert klant.achternaam not in pagina
