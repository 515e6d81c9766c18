import io
from datetime import date, timedelta
from decimal import Decimal

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client

from opstap.accounts.models import Rol
from opstap.klanten.importeren import BestandFout, importeer_klanten
from opstap.klanten.models import Klant
from opstap.privacy.models import Inzage
from tests.wereld import Wereld

pytestmark = pytest.mark.django_db

KOP = "bsn;voorletters;achternaam;geboortedatum;postcode;huisnummer;huishouden;trede;contactpersoon;kinderen_geboortedata;partner_geboortedatum\n"


def _csv(*regels: str) -> bytes:
    return (KOP + "\n".join(regels) + "\n").encode()


GOED_1 = "999900006;J.;Jansen;1985-03-12;9999 AB;12;alleenstaande;4.1;alfa-contactpersoon;;"
GOED_2 = '999900018;K.;de Vries;01-02-1979;9999ab;3A;alleenstaande_ouder;2,2;alfa-contactpersoon;"2015-06-01;2019-09-30";'


def test_geldige_regels_worden_geimporteerd(wereld: Wereld) -> None:
    resultaat = importeer_klanten(_csv(GOED_1, GOED_2), gemeente=wereld.a.gemeente)
    assert (resultaat.toegevoegd, resultaat.bijgewerkt, resultaat.fouten) == (2, 0, [])
    klant = Klant.objects.get(gemeente=wereld.a.gemeente, achternaam="de Vries")
    assert (
        klant.postcode == "9999 AB"
        and klant.trede == "2.2"
        and klant.geboortedatum == date(1979, 2, 1)
    )
    assert [k.geboortedatum for k in klant.kinderen.all()] == [date(2015, 6, 1), date(2019, 9, 30)]
    assert klant.contactpersoon == wereld.a.gebruikers[Rol.CONTACTPERSOON]
    assert klant.trede_historie.count() == 1
    assert Inzage.objects.filter(klant=klant, actie="aanmaken").exists()


def test_opnieuw_importeren_werkt_bij_in_plaats_van_dubbel(wereld: Wereld) -> None:
    importeer_klanten(_csv(GOED_1), gemeente=wereld.a.gemeente)
    gewijzigd = GOED_1.replace(";4.1;", ";5.2;").replace("Jansen", "Jansen-Bos")
    resultaat = importeer_klanten(_csv(gewijzigd), gemeente=wereld.a.gemeente)
    assert (resultaat.toegevoegd, resultaat.bijgewerkt) == (0, 1)
    klant = Klant.objects.get(gemeente=wereld.a.gemeente, achternaam="Jansen-Bos")
    assert klant.trede == "5.2"
    assert [w.trede for w in klant.trede_historie.all()] == ["5.2", "4.1"]
    assert Klant.objects.filter(gemeente=wereld.a.gemeente).count() == 4  # 3 from the world + 1


def test_ongeldige_regels_krijgen_regelnummer_en_reden_en_de_rest_blijft(wereld: Wereld) -> None:
    morgen = (date.today() + timedelta(days=1)).isoformat()
    resultaat = importeer_klanten(
        _csv(
            GOED_1,
            "123456789;P.;Fout;1980-01-01;9999 AA;1;alleenstaande;3.1;alfa-contactpersoon;;",
            f"999900031;Q.;Toekomst;{morgen};9999 AA;1;alleenstaande;3.1;alfa-contactpersoon;;",
            "999900043;R.;Raar;1980-01-01;99 AA;1;samen;9.9;onbekend;;",
            "999900055;S.;Ouder;1980-01-01;9999 AA;1;alleenstaande_ouder;3.1;alfa-contactpersoon;;",
            "999900067;T.;Gehuwd;1980-01-01;9999 AA;1;gehuwd;3.1;alfa-contactpersoon;;",
            "999900006;U.;Dubbel;1980-01-01;9999 AA;1;alleenstaande;3.1;alfa-contactpersoon;;",
        ),
        gemeente=wereld.a.gemeente,
    )
    assert resultaat.toegevoegd == 1
    fouten = {f.regel: " ".join(f.meldingen) for f in resultaat.fouten}
    assert set(fouten) == {3, 4, 5, 6, 7, 8}
    assert "elfproef" in fouten[3]
    assert "ligt in de toekomst" in fouten[4]
    assert (
        "Postcode" in fouten[5] and "Huishouden 'samen'" in fouten[5] and "Trede '9.9'" in fouten[5]
    )
    assert "Contactpersoon 'onbekend' bestaat niet" in fouten[5]
    assert "minstens één kind" in fouten[6]
    assert "partner" in fouten[7]
    assert "regel 2" in fouten[8]
    # A refused row left nothing behind.
    assert not Klant.objects.filter(
        achternaam__in=["Fout", "Toekomst", "Raar", "Ouder", "Gehuwd", "Dubbel"]
    ).exists()


def test_ontbrekende_kolommen_weigeren_het_hele_bestand(wereld: Wereld) -> None:
    with pytest.raises(BestandFout, match="Deze kolommen ontbreken.*trede, contactpersoon"):
        importeer_klanten(
            b"bsn,voorletters,achternaam,geboortedatum,postcode,huisnummer,huishouden\n",
            gemeente=wereld.a.gemeente,
        )


def test_geen_tekstbestand(wereld: Wereld) -> None:
    with pytest.raises(BestandFout, match="geen tekstbestand"):
        importeer_klanten(b"\x89PNG\r\n\x1a\n\x00\x00\x00", gemeente=wereld.a.gemeente)


def test_komma_als_scheidingsteken_en_een_te_lange_regel(wereld: Wereld) -> None:
    inhoud = (
        KOP.replace(";", ",")
        + GOED_1.replace(";", ",")
        + "\n"
        + GOED_2.replace(";", ",").replace('"2015-06-01,2019-09-30"', "2015-06-01|2019-09-30")
        + ",extra\n"
    ).encode()
    resultaat = importeer_klanten(inhoud, gemeente=wereld.a.gemeente)
    assert resultaat.toegevoegd == 1
    assert "meer velden" in resultaat.fouten[0].meldingen[0] and resultaat.fouten[0].regel == 3


def test_commando_meldt_fouten_en_eindigt_niet_met_nul(wereld: Wereld, tmp_path) -> None:  # type: ignore[no-untyped-def]
    bestand = tmp_path / "klanten.csv"
    bestand.write_bytes(
        _csv(
            GOED_1, "123456789;P.;Fout;1980-01-01;9999 AA;1;alleenstaande;3.1;alfa-contactpersoon;;"
        )
    )
    uit, fout = io.StringIO(), io.StringIO()
    with pytest.raises(SystemExit) as exit_info:
        call_command("importeer_klanten", str(bestand), gemeente="alfa", stdout=uit, stderr=fout)
    assert exit_info.value.code == 1
    assert "1 klanten toegevoegd, 0 bijgewerkt, 1 regels geweigerd." in uit.getvalue()
    assert "Regel 3: BSN '123456789' is geen geldig BSN" in fout.getvalue()


def test_commando_zonder_fouten(wereld: Wereld, tmp_path) -> None:  # type: ignore[no-untyped-def]
    bestand = tmp_path / "klanten.csv"
    bestand.write_bytes(_csv(GOED_1))
    uit = io.StringIO()
    call_command("importeer_klanten", str(bestand), gemeente="alfa", stdout=uit)
    assert "1 klanten toegevoegd" in uit.getvalue()


def test_uploadpagina_voor_beheerder(wereld: Wereld) -> None:
    client = Client()
    client.force_login(wereld.a.gebruikers[Rol.BEHEERDER])
    response = client.post(
        "/beheer/importeren/",
        {
            "bestand": SimpleUploadedFile(
                "klanten.csv",
                _csv(
                    GOED_1,
                    "123456789;P.;Fout;1980-01-01;9999 AA;1;alleenstaande;3.1;alfa-contactpersoon;;",
                ),
                content_type="text/csv",
            )
        },
    )
    pagina = response.content.decode()
    assert "1 klanten toegevoegd, 0 bijgewerkt, 1 regels niet geïmporteerd." in pagina
    assert "elfproef" in pagina
    assert Klant.objects.filter(achternaam="Jansen").exists()


def test_uploadpagina_weigert_verkeerd_bestandstype(wereld: Wereld) -> None:
    client = Client()
    client.force_login(wereld.a.gebruikers[Rol.BEHEERDER])
    response = client.post(
        "/beheer/importeren/", {"bestand": SimpleUploadedFile("foto.png", b"\x89PNG")}
    )
    assert response.status_code == 400
    assert "Kies een CSV-bestand" in response.content.decode()


def test_bedragen_nan_oneindig_of_absurd_geven_een_fout_per_regel(wereld: Wereld) -> None:
    """'NaN' parsed as a Decimal and then crashed the comparison; 50.000 rent reached the engine."""
    kop = KOP.rstrip("\n") + ";kale_huur;vermogen\n"
    regels_csv = [
        GOED_1 + ";NaN;0",
        GOED_2.replace("999900018", "999900031") + ";700;Infinity",
        GOED_1.replace("999900006", "999900043") + ";50000;0",
        GOED_2 + ";750,50;1.500",
    ]
    resultaat = importeer_klanten(
        (kop + "\n".join(regels_csv) + "\n").encode(), gemeente=wereld.a.gemeente
    )
    fouten = {f.regel: " ".join(f.meldingen) for f in resultaat.fouten}
    assert set(fouten) == {2, 3, 4}
    assert "'NaN' is geen bedrag" in fouten[2]
    assert "'Infinity' is geen bedrag" in fouten[3]
    assert "hoger dan 10.000 euro" in fouten[4]
    assert resultaat.toegevoegd == 1
    assert Klant.objects.get(
        gemeente=wereld.a.gemeente, achternaam="de Vries"
    ).kale_huur == Decimal("750.50")


def _jaren_voor(dag: date, jaren: int) -> date:
    try:
        return dag.replace(year=dag.year - jaren)
    except ValueError:  # today is 29 February
        return dag.replace(year=dag.year - jaren, month=3, day=1)


@pytest.mark.parametrize(
    ("dagen_erbij", "toegevoegd"), [(1, 0), (0, 1)], ids=["18-morgen", "18-vandaag"]
)
def test_achttien_op_de_echte_verjaardag(wereld: Wereld, dagen_erbij: int, toegevoegd: int) -> None:
    """18 tomorrow is still 17 today (18 * 365 days counted the leap days wrong and let them in)."""
    geboren = _jaren_voor(date.today(), 18) + timedelta(days=dagen_erbij)
    resultaat = importeer_klanten(
        _csv(
            f"999900006;J.;Jansen;{geboren.isoformat()};9999 AB;12;alleenstaande;4.1;alfa-contactpersoon;;"
        ),
        gemeente=wereld.a.gemeente,
    )
    assert resultaat.toegevoegd == toegevoegd
    if not toegevoegd:
        assert "jonger dan 18" in " ".join(resultaat.fouten[0].meldingen)


@pytest.mark.parametrize(
    ("geboren", "vandaag", "te_jong"),
    [
        # Born on 29 February: 18 is never a leap year, so the birthday is 1 March (as the engine counts).
        ("2008-02-29", date(2026, 2, 28), True),
        ("2008-02-29", date(2026, 3, 1), False),
        (
            "2008-03-01",
            date(2026, 2, 28),
            True,
        ),  # 18 * 365 days had already passed here (4 leap days)
        ("2008-03-01", date(2026, 3, 1), False),
    ],
)
def test_achttien_op_de_echte_verjaardag_ook_op_29_februari(
    wereld: Wereld, geboren: str, vandaag: date, te_jong: bool
) -> None:
    from opstap.klanten.importeren import controleer_rij

    rij = dict(zip(KOP.strip().split(";"), GOED_1.split(";"), strict=True)) | {
        "geboortedatum": geboren
    }
    cp = {"alfa-contactpersoon": wereld.a.gebruikers[Rol.CONTACTPERSOON]}
    _schoon, fouten = controleer_rij(rij, contactpersonen=cp, vandaag=vandaag)
    assert any("jonger dan 18" in f for f in fouten) is te_jong
