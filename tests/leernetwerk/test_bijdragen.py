"""The learning network end to end through the pages: a client writes, sees the de-identified
preview, edits and sends; a moderator approves; coders code; the client withdraws and it is gone
from coding, sessions and exports. Plus retention, the contact person's agreement, and that no
professional ever sees the original."""

import io
import zipfile
from datetime import timedelta

import pytest

from django.db import connection
from django.test import Client
from django.utils import timezone

from opstap.accounts.models import Rol
from opstap.leernetwerk import services
from opstap.leernetwerk.models import Bijdrage, Code, Codering, Sessie, Status
from opstap.leernetwerk.selectors import bijdragen_van, telt_als_sollicitatie
from opstap.privacy.models import Inzage
from opstap.taken import taak
from tests.wereld import WACHTWOORD, Wereld

pytestmark = pytest.mark.django_db

ORIGINEEL = (
    "Ik ben Fatima El Amrani en woon op de Kerkstraat 12 in Demodam. Mijn consulent mevrouw "
    "Visser belde me op 06-12345678. Het gesprek ging over vrijwilligerswerk. Ik vond het fijn."
)


def _inloggen(wereld: Wereld, rol: str) -> Client:
    client = Client()
    client.force_login(wereld.a.gebruikers[rol])
    return client


def test_klant_schrijft_ziet_voorbeeld_past_aan_en_verstuurt(wereld: Wereld) -> None:
    client = Client()
    # the real login form, once
    response = client.post(
        "/inloggen/", {"username": wereld.a.gebruikers[Rol.KLANT].username, "password": WACHTWOORD}
    )
    assert response.status_code == 302
    response = client.post(
        "/mijn/leernetwerk/",
        {"onderwerp": "gesprek", "tekst": ORIGINEEL, "in_plaats_van_sollicitatie": "on"},
    )
    assert response.status_code == 302
    bijdrage = Bijdrage.objects.get(klant=wereld.a.klanten["eigen"], status=Status.CONCEPT)
    pagina = client.get(response["Location"]).content.decode()
    # the preview is exactly the de-identified text, in the field the client can edit
    assert "Ik ben [PERSOON] en woon op de [ADRES] in [PLAATS]." in pagina
    assert "mevrouw [PERSOON] belde me op [TELEFOON]" in pagina
    verstuurd = pagina.split("Dit wordt gedeeld")[1]
    assert "El Amrani" not in verstuurd.split("Wat je zelf schreef")[0]

    # an edit that puts a name back: not sent; cleaned and shown again
    aangepast = bijdrage.gedeelde_tekst + " Groetjes van Fatima El Amrani."
    response = client.post(
        f"/mijn/leernetwerk/{bijdrage.pk}/", {"actie": "versturen", "gedeelde_tekst": aangepast}
    )
    bijdrage.refresh_from_db()
    assert bijdrage.status == Status.CONCEPT
    assert bijdrage.gedeelde_tekst.endswith("Groetjes van [PERSOON].")

    response = client.post(
        f"/mijn/leernetwerk/{bijdrage.pk}/",
        {"actie": "versturen", "gedeelde_tekst": bijdrage.gedeelde_tekst},
    )
    bijdrage.refresh_from_db()
    assert bijdrage.status == Status.INGEDIEND
    assert bijdrage.leeftijdsgroep == "45_54" and bijdrage.tredegroep == "4"
    assert bijdrage.origineel == ORIGINEEL  # kept in the client's own file, for now
    lijst = client.get("/mijn/leernetwerk/").content.decode()
    assert (
        "Verstuurd, wordt gecontroleerd" in lijst and "wacht op akkoord als sollicitatie" in lijst
    )
    assert Inzage.objects.filter(klant=bijdrage.klant, onderdeel="leernetwerk").exists()


def test_lege_of_te_lange_tekst_geeft_een_duidelijke_fout_en_houdt_de_invoer(
    wereld: Wereld,
) -> None:
    client = _inloggen(wereld, Rol.KLANT)
    response = client.post("/mijn/leernetwerk/", {"onderwerp": "brief", "tekst": ""})
    assert response.status_code == 400
    assert "Schrijf eerst je ervaring op." in response.content.decode()
    lang = "woord " * 1001
    response = client.post("/mijn/leernetwerk/", {"onderwerp": "brief", "tekst": lang})
    assert response.status_code == 400
    tekst = response.content.decode()
    assert "te lang" in tekst and "woord woord" in tekst


def _ingediend(wereld: Wereld) -> Bijdrage:
    klant = wereld.a.klanten["eigen"]
    bijdrage = services.bijdrage_aanmaken(klant=klant, onderwerp="brief", tekst=ORIGINEEL)
    assert services.bijdrage_versturen(bijdrage, bijdrage.gedeelde_tekst)
    return bijdrage


def test_moderator_haalt_meer_weg_en_keurt_goed_maar_kan_niets_toevoegen(wereld: Wereld) -> None:
    bijdrage = _ingediend(wereld)
    client = _inloggen(wereld, Rol.BELEIDSMEDEWERKER)
    overzicht = client.get("/werk/leernetwerk/").content.decode()
    assert f"/werk/leernetwerk/bron/{bijdrage.pk}/modereren/" in overzicht
    url = f"/werk/leernetwerk/bron/{bijdrage.pk}/modereren/"
    pagina = client.get(url).content.decode()
    assert "El Amrani" not in pagina and "[PERSOON]" in pagina

    toegevoegd = bijdrage.gedeelde_tekst + " Dit heeft de moderator erbij verzonnen."
    response = client.post(url, {"actie": "goedkeuren", "tekst": toegevoegd})
    assert response.status_code == 400
    assert "alleen iets weghalen" in response.content.decode()
    assert "erbij verzonnen" in response.content.decode()  # what was typed stays

    minder = bijdrage.gedeelde_tekst.replace("over vrijwilligerswerk", "over [ORGANISATIE]")
    response = client.post(url, {"actie": "goedkeuren", "tekst": minder})
    assert response.status_code == 302
    bijdrage.refresh_from_db()
    assert bijdrage.status == Status.GOEDGEKEURD and "over [ORGANISATIE]" in bijdrage.gedeelde_tekst


def test_terugsturen_vraagt_een_opmerking_die_de_klant_ziet(wereld: Wereld) -> None:
    bijdrage = _ingediend(wereld)
    client = _inloggen(wereld, Rol.BELEIDSMEDEWERKER)
    url = f"/werk/leernetwerk/bron/{bijdrage.pk}/modereren/"
    response = client.post(url, {"actie": "terugsturen", "tekst": bijdrage.gedeelde_tekst})
    assert response.status_code == 400
    client.post(
        url,
        {
            "actie": "terugsturen",
            "tekst": bijdrage.gedeelde_tekst,
            "opmerking": "Noem de wijk niet.",
        },
    )
    bijdrage.refresh_from_db()
    assert bijdrage.status == Status.TERUGGESTUURD
    klantpagina = _inloggen(wereld, Rol.KLANT).get(f"/mijn/leernetwerk/{bijdrage.pk}/")
    assert "Noem de wijk niet." in klantpagina.content.decode()


def test_contactpersoon_geeft_akkoord_als_sollicitatie(wereld: Wereld) -> None:
    bijdrage = wereld.a.klanten["caseload"].leernetwerk_bijdragen.get()  # from the test world
    assert not telt_als_sollicitatie(bijdrage)
    client = _inloggen(wereld, Rol.CONTACTPERSOON)
    pagina = client.get("/werk/leernetwerk/").content.decode()
    assert wereld.a.klanten["caseload"].achternaam in pagina  # own caseload asks for agreement
    assert wereld.a.klanten["collega"].achternaam not in pagina
    client.post("/werk/leernetwerk/", {"actie": "akkoord", "bijdrage": bijdrage.pk})
    bijdrage.refresh_from_db()
    assert telt_als_sollicitatie(bijdrage)
    assert bijdrage in bijdragen_van(wereld.a.klanten["caseload"])
    # a colleague's client: refused
    vreemd = wereld.a.klanten["collega"].leernetwerk_bijdragen.get()
    assert (
        client.post("/werk/leernetwerk/", {"actie": "akkoord", "bijdrage": vreemd.pk}).status_code
        == 404
    )


def test_coderen_en_intrekken_haalt_alles_weg(wereld: Wereld) -> None:
    bijdrage = _ingediend(wereld)
    services.modereren(
        bijdrage,
        moderator=wereld.a.gebruikers[Rol.BELEIDSMEDEWERKER],
        tekst=bijdrage.gedeelde_tekst,
        goedkeuren=True,
    )
    code = Code.objects.get(gemeente=wereld.a.gemeente, naam="regie")
    coder = _inloggen(wereld, Rol.CONTACTPERSOON)
    url = f"/werk/leernetwerk/bron/{bijdrage.pk}/"
    pagina = coder.get(url).content.decode()
    assert "Het gesprek ging over vrijwilligerswerk." in pagina
    response = coder.post(
        url, {"actie": "coderen", "zinnen": ["2", "3"], "code": code.pk, "memo": "Positief."}
    )
    assert response.status_code == 302
    codering = Codering.objects.get(bijdrage=bijdrage)
    assert codering.fragment == "Het gesprek ging over vrijwilligerswerk. Ik vond het fijn."
    assert "Positief." in coder.get(url).content.decode()

    sessie = Sessie.objects.get(gemeente=wereld.a.gemeente)
    beleid = _inloggen(wereld, Rol.BELEIDSMEDEWERKER)
    assert (
        "Ik vond het fijn."
        in beleid.get(f"/werk/leernetwerk/sessies/{sessie.pk}/").content.decode()
    )
    assert (
        "Ik vond het fijn."
        in b"".join(beleid.get("/werk/leernetwerk/export.csv").streaming_content).decode()
    )

    # the client withdraws
    klant = _inloggen(wereld, Rol.KLANT)
    assert (
        klant.post(f"/mijn/leernetwerk/{bijdrage.pk}/", {"actie": "intrekken"}).status_code == 302
    )
    bijdrage.refresh_from_db()
    assert bijdrage.status == Status.INGETROKKEN
    assert bijdrage.gedeelde_tekst == "" and bijdrage.origineel == ""
    assert not Codering.objects.filter(bijdrage=bijdrage).exists()
    assert coder.get(url).status_code == 404
    assert (
        f"/werk/leernetwerk/bron/{bijdrage.pk}/"
        not in coder.get("/werk/leernetwerk/").content.decode()
    )
    assert (
        "Ik vond het fijn."
        not in beleid.get(f"/werk/leernetwerk/sessies/{sessie.pk}/").content.decode()
    )
    pdf = beleid.get(f"/werk/leernetwerk/sessies/{sessie.pk}/pakket.pdf")
    assert pdf["Content-Type"] == "application/pdf"
    assert (
        "Ik vond het fijn."
        not in b"".join(beleid.get("/werk/leernetwerk/export.csv").streaming_content).decode()
    )
    with zipfile.ZipFile(io.BytesIO(beleid.get("/werk/leernetwerk/export.qdpx").content)) as z:
        assert not any(str(bijdrage.guid).upper() in n for n in z.namelist())
        assert str(bijdrage.guid).upper() not in z.read("project.qde").decode()


def test_bewaartermijn_wist_het_origineel_en_laat_de_gedeelde_tekst(wereld: Wereld) -> None:
    bijdrage = _ingediend(wereld)
    gemeente = wereld.a.gemeente
    gemeente.instellingen = {"leernetwerk_bewaar_dagen": 30}
    gemeente.save()
    Bijdrage.objects.filter(pk=bijdrage.pk).update(
        aangemaakt_op=timezone.now() - timedelta(days=29)
    )
    assert taak("opstap.leernetwerk.tasks.originelen_wissen").delay().get() == 0
    bijdrage.refresh_from_db()
    assert bijdrage.origineel == ORIGINEEL
    Bijdrage.objects.filter(pk=bijdrage.pk).update(
        aangemaakt_op=timezone.now() - timedelta(days=31)
    )
    # the test world's own contributions are new: only this one is old enough
    assert taak("opstap.leernetwerk.tasks.originelen_wissen").delay().get() == 1
    bijdrage.refresh_from_db()
    assert bijdrage.origineel == "" and bijdrage.origineel_gewist_op is not None
    assert bijdrage.gedeelde_tekst.startswith("Ik ben [PERSOON]")
    assert (
        "Wat je zelf schreef"
        not in _inloggen(wereld, Rol.KLANT)
        .get(f"/mijn/leernetwerk/{bijdrage.pk}/")
        .content.decode()
    )
    assert services.originelen_wissen() == 0  # once


def test_het_origineel_staat_versleuteld_in_de_database(wereld: Wereld) -> None:
    bijdrage = _ingediend(wereld)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT origineel, gedeelde_tekst FROM leernetwerk_bijdrage WHERE id = %s",
            [bijdrage.pk],
        )
        origineel, gedeeld = cursor.fetchone()
    assert "Fatima" not in origineel and "vrijwilligerswerk" not in gedeeld


@pytest.mark.parametrize("rol", [Rol.CONTACTPERSOON, Rol.BELEIDSMEDEWERKER])
def test_professionals_zien_nooit_het_origineel(wereld: Wereld, rol: str) -> None:
    bijdrage = _ingediend(wereld)
    services.modereren(
        bijdrage,
        moderator=wereld.a.gebruikers[Rol.BELEIDSMEDEWERKER],
        tekst=bijdrage.gedeelde_tekst,
        goedkeuren=True,
    )
    sessie = Sessie.objects.get(gemeente=wereld.a.gemeente)
    client = _inloggen(wereld, rol)
    paginas = [
        "/werk/leernetwerk/",
        f"/werk/leernetwerk/bron/{bijdrage.pk}/",
        f"/werk/leernetwerk/sessies/{sessie.pk}/",
        "/werk/leernetwerk/overeenstemming/",
    ]
    if rol == Rol.BELEIDSMEDEWERKER:
        paginas += [
            f"/werk/leernetwerk/bron/{bijdrage.pk}/modereren/",
            "/werk/leernetwerk/export.qdpx",
        ]
    for url in paginas:
        response = client.get(url)
        assert response.status_code == 200, url
        inhoud = response.content
        assert b"El Amrani" not in inhoud and b"Kerkstraat" not in inhoud, url
        assert b"Origineel van klant" not in inhoud, url
    assert client.get(f"/mijn/leernetwerk/{bijdrage.pk}/").status_code in (403, 404)
