"""Proposals (E2), feedback (C8), trial days (C7), triangle contact moments, meet-ups and
work-experience places (E4): through the pages of each role, with the rules of accounts.toegang."""

from datetime import timedelta

import pytest

from django.test import Client
from django.utils import timezone

from opstap.accounts.models import Gebruiker, Rol
from opstap.bemiddeling.models import (
    Aanmelding,
    Bijeenkomst,
    Driehoeksmoment,
    Plaats,
    Proefdag,
    Terugkoppeling,
    Voorstel,
    VoorstelStatus,
)
from opstap.contact.models import Bericht
from opstap.werkgevers.models import Toestemming, Vacature
from tests.wereld import Wereld

pytestmark = pytest.mark.django_db


def _ingelogd(wereld: Wereld, rol: str, tenant: str = "a") -> Client:
    client = Client()
    client.force_login(getattr(wereld, tenant).gebruikers[rol])
    return client


def _evaluatievragen(klant: object) -> int:
    return sum("bespreken" in b.tekst for b in Bericht.objects.filter(klant=klant, van_klant=True))


def _kandidaat(wereld: Wereld) -> Voorstel:
    """The caseload client's candidacy with the tenant's employer (consent in force)."""
    return Voorstel.objects.get(klant=wereld.a.klanten["caseload"], werkgever=wereld.a.werkgever)


def test_voorstel_eerst_aan_de_klant_dan_ziet_de_werkgever_de_kandidaat(wereld: Wereld) -> None:
    cp = _ingelogd(wereld, Rol.CONTACTPERSOON)
    eigen = wereld.a.klanten["eigen"]
    respons = cp.post(
        "/werk/voorstellen/",
        {
            "klant": eigen.pk,
            "vacature": wereld.a.vacature.pk,
            "gegevens": ["naam", "beschikbaarheid"],
            "toelichting": "Dichtbij en onder schooltijd.",
        },
    )
    assert respons.status_code == 302
    voorstel = Voorstel.objects.get(klant=eigen, werkgever=wereld.a.werkgever)
    assert voorstel.status == VoorstelStatus.GEVRAAGD
    # The client got a message, and the employer sees nothing yet.
    assert any(wereld.a.vacature.titel in b.tekst for b in Bericht.objects.filter(klant=eigen))
    werkgever = _ingelogd(wereld, Rol.WERKGEVER)
    assert "Eigenaar" not in werkgever.get("/werkgever/kandidaten/").content.decode()
    assert werkgever.get(f"/werkgever/kandidaten/{voorstel.pk}/").status_code == 404

    # The consent screen is pre-filled with the vacancy and the suggested details.
    klant = _ingelogd(wereld, Rol.KLANT)
    scherm = klant.get(f"/mijn/toestemmingen/?voorstel={voorstel.pk}").content.decode()
    assert "Dichtbij en onder schooltijd." in scherm
    assert f'name="werkgever" value="{wereld.a.werkgever.pk}"' in scherm
    assert 'value="beschikbaarheid"' in scherm and "checked" in scherm
    klant.post(
        "/mijn/toestemmingen/",
        {
            "voorstel": voorstel.pk,
            "werkgever": wereld.a.werkgever.pk,
            "vacature": wereld.a.vacature.pk,
            "gegevens": ["naam"],
        },
    )
    voorstel.refresh_from_db()
    assert voorstel.status == VoorstelStatus.GEDEELD
    assert voorstel.toestemming is not None and voorstel.toestemming.gegevens == ["naam"]
    pagina = werkgever.get(f"/werkgever/kandidaten/{voorstel.pk}/")
    assert pagina.status_code == 200 and "A. Eigenaar" in pagina.content.decode()
    lijst = cp.get("/werk/voorstellen/").content.decode()
    assert "Gedeeld met de werkgever" in lijst


def test_klant_mag_nee_zeggen_en_er_wordt_niets_gedeeld(wereld: Wereld) -> None:
    eigen = wereld.a.klanten["eigen"]
    voorstel = Voorstel.objects.create(
        gemeente=eigen.gemeente,
        klant=eigen,
        werkgever=wereld.a.werkgever,
        vacature=wereld.a.vacature,
        voorgestelde_gegevens=["naam"],
    )
    klant = _ingelogd(wereld, Rol.KLANT)
    klant.post("/mijn/toestemmingen/", {"voorstel": voorstel.pk, "actie": "nee"})
    voorstel.refresh_from_db()
    assert voorstel.status == VoorstelStatus.NEE
    assert not Toestemming.objects.filter(klant=eigen, werkgever=wereld.a.werkgever).exists()


def test_contactpersoon_stelt_geen_klant_van_een_collega_voor(wereld: Wereld) -> None:
    cp = _ingelogd(wereld, Rol.CONTACTPERSOON)
    respons = cp.post(
        "/werk/voorstellen/",
        {
            "klant": wereld.a.klanten["collega"].pk,
            "vacature": wereld.a.vacature.pk,
            "gegevens": ["naam"],
        },
    )
    assert respons.status_code == 400  # not in the list to choose from
    assert not Voorstel.objects.filter(
        klant=wereld.a.klanten["collega"], werkgever=wereld.a.werkgever
    ).exists()


def test_intern_uitzendbureau_stelt_eigen_kandidaat_voor_bij_een_andere_werkgever(
    wereld: Wereld,
) -> None:
    werkgever = wereld.a.werkgever
    werkgever.is_intern_uitzendbureau = True
    werkgever.save()
    uitzend = _ingelogd(wereld, Rol.WERKGEVER)
    elders = Vacature.objects.create(
        gemeente=wereld.a.gemeente,
        werkgever=wereld.a.ander_bedrijf,
        titel="Kassamedewerker",
        omschrijving="Parttime",
        uren_per_week_min=8,
        uren_per_week_max=16,
        bruto_uurloon="14.50",
        geplaatst_op=timezone.localdate(),
    )
    caseload = wereld.a.klanten["caseload"]
    respons = uitzend.post(
        "/werkgever/kandidaten/",
        {"actie": "voorstellen", "klant": caseload.pk, "vacature": elders.pk, "gegevens": ["naam"]},
    )
    assert respons.status_code == 302
    assert Voorstel.objects.get(klant=caseload, vacature=elders).status == VoorstelStatus.GEVRAAGD
    # A client the agency does not see cannot be proposed.
    respons = uitzend.post(
        "/werkgever/kandidaten/",
        {
            "actie": "voorstellen",
            "klant": wereld.a.klanten["eigen"].pk,
            "vacature": elders.pk,
            "gegevens": ["naam"],
        },
    )
    assert respons.status_code == 400
    assert not Voorstel.objects.filter(klant=wereld.a.klanten["eigen"], vacature=elders).exists()


def test_terugkoppeling_afgewezen_in_vriendelijke_woorden_met_gesprek(wereld: Wereld) -> None:
    voorstel = _kandidaat(wereld)
    werkgever = _ingelogd(wereld, Rol.WERKGEVER)
    leeg = werkgever.post(
        f"/werkgever/kandidaten/{voorstel.pk}/",
        {"actie": "terugkoppeling", "terug-uitkomst": "niet_aangenomen", "terug-tip": "Oefen"},
    )
    assert leeg.status_code == 400
    assert (
        "Schrijf ook op wat goed ging" in leeg.content.decode() and "Oefen" in leeg.content.decode()
    )
    werkgever.post(
        f"/werkgever/kandidaten/{voorstel.pk}/",
        {
            "actie": "terugkoppeling",
            "terug-uitkomst": "niet_aangenomen",
            "terug-goed": "Op tijd en vriendelijk.",
            "terug-tip": "Vertel meer over je vrijwilligerswerk.",
        },
    )
    voorstel.refresh_from_db()
    assert voorstel.status == VoorstelStatus.NIET_AANGENOMEN
    assert Terugkoppeling.objects.get(voorstel=voorstel).goed == "Op tijd en vriendelijk."

    # The caseload client has no login in the world: give them one to read it.
    klant_gebruiker = Gebruiker.objects.create_user(
        username="alfa-caseloadklant", password="x", rol=Rol.KLANT, gemeente=wereld.a.gemeente
    )
    caseload = wereld.a.klanten["caseload"]
    caseload.gebruiker = klant_gebruiker
    caseload.save()
    klant = Client()
    klant.force_login(klant_gebruiker)
    tekst = klant.get(f"/mijn/kandidaat/{voorstel.pk}/").content.decode()
    assert f"Deze keer ging het niet door bij {wereld.a.werkgever.naam}" in tekst
    assert "Het zegt niet alles over jou" in tekst
    assert "Wat goed ging" in tekst and "Op tijd en vriendelijk." in tekst
    assert "Een tip voor de volgende keer" in tekst
    klant.post(f"/mijn/kandidaat/{voorstel.pk}/", {"actie": "evaluatie"})
    assert _evaluatievragen(caseload) == 1
    klant.post(f"/mijn/kandidaat/{voorstel.pk}/", {"actie": "evaluatie"})  # once is enough
    assert _evaluatievragen(caseload) == 1
    cp = (
        _ingelogd(wereld, Rol.CONTACTPERSOON)
        .get(f"/werk/voorstellen/{voorstel.pk}/")
        .content.decode()
    )
    assert "Op tijd en vriendelijk." in cp and "vroeg op" in cp


def test_alleen_de_eigen_werkgever_met_toestemming_koppelt_terug(wereld: Wereld) -> None:
    voorstel = _kandidaat(wereld)
    anders = _ingelogd(wereld, Rol.WERKGEVER, "b")
    respons = anders.post(
        f"/werkgever/kandidaten/{voorstel.pk}/",
        {"actie": "terugkoppeling", "terug-uitkomst": "aangenomen", "terug-goed": "x"},
    )
    assert respons.status_code == 404
    # After withdrawal the own employer is shut out too.
    Toestemming.objects.filter(pk=voorstel.toestemming_id).update(ingetrokken_op=timezone.now())
    respons = _ingelogd(wereld, Rol.WERKGEVER).post(
        f"/werkgever/kandidaten/{voorstel.pk}/",
        {"actie": "terugkoppeling", "terug-uitkomst": "aangenomen", "terug-goed": "x"},
    )
    assert respons.status_code == 404
    assert not Terugkoppeling.objects.filter(voorstel=voorstel).exists()


def test_proefdag_aangevraagd_gepland_en_door_alle_drie_bevestigd(wereld: Wereld) -> None:
    voorstel = _kandidaat(wereld)
    Proefdag.objects.filter(voorstel=voorstel).delete()
    cp = _ingelogd(wereld, Rol.CONTACTPERSOON)
    werkgever = _ingelogd(wereld, Rol.WERKGEVER)
    cp.post(
        f"/werk/voorstellen/{voorstel.pk}/",
        {"actie": "proefdag_aanvragen", "aanvraag-wens": "Dinsdag"},
    )
    proefdag = Proefdag.objects.get(voorstel=voorstel)
    assert proefdag.aangevraagd_door_rol == Rol.CONTACTPERSOON and not proefdag.is_gepland
    dag = (timezone.localdate() + timedelta(days=7)).isoformat()
    plan = {
        "actie": "proefdag_plannen",
        "nummer": proefdag.pk,
        f"plan{proefdag.pk}-datum": dag,
        f"plan{proefdag.pk}-begin": "09:00",
        f"plan{proefdag.pk}-einde": "08:00",
        f"plan{proefdag.pk}-plaats": "Receptie",
    }
    fout = werkgever.post(f"/werkgever/kandidaten/{voorstel.pk}/", plan)
    assert (
        fout.status_code == 400
        and "De eindtijd moet na de begintijd liggen" in fout.content.decode()
    )
    plan[f"plan{proefdag.pk}-einde"] = "13:00"
    werkgever.post(f"/werkgever/kandidaten/{voorstel.pk}/", plan)
    proefdag.refresh_from_db()
    assert proefdag.is_gepland and proefdag.bevestigd_werkgever_op and not proefdag.is_bevestigd
    cp.post(
        f"/werk/voorstellen/{voorstel.pk}/", {"actie": "proefdag_bevestigen", "nummer": proefdag.pk}
    )
    proefdag.refresh_from_db()
    assert proefdag.bevestigd_contactpersoon_op and not proefdag.is_bevestigd
    # The client (given a login) confirms; all three see the same status.
    caseload = wereld.a.klanten["caseload"]
    caseload.gebruiker = Gebruiker.objects.create_user(
        username="alfa-kandidaat", password="x", rol=Rol.KLANT, gemeente=wereld.a.gemeente
    )
    caseload.save()
    klant = Client()
    klant.force_login(caseload.gebruiker)
    klant.post(
        f"/mijn/kandidaat/{voorstel.pk}/", {"actie": "proefdag_bevestigen", "nummer": proefdag.pk}
    )
    proefdag.refresh_from_db()
    assert proefdag.is_bevestigd
    for client, pad in [
        (klant, f"/mijn/kandidaat/{voorstel.pk}/"),
        (cp, f"/werk/voorstellen/{voorstel.pk}/"),
        (werkgever, f"/werkgever/kandidaten/{voorstel.pk}/"),
    ]:
        assert (
            "Bevestigd door werkgever, klant en contactpersoon" in client.get(pad).content.decode()
        )
    # The client's page prepares: process, practice questions and the practical checklist.
    tekst = klant.get(f"/mijn/kandidaat/{voorstel.pk}/").content.decode()
    assert "Vragen om te oefenen" in tekst and "Kinderopvang" in tekst and "Kleding" in tekst
    # A client does not set the date.
    klant.post(f"/mijn/kandidaat/{voorstel.pk}/", plan | {f"plan{proefdag.pk}-plaats": "Elders"})
    proefdag.refresh_from_db()
    assert proefdag.plaats == "Receptie"


def test_driehoeksmoment_gepland_door_werkgever_vastgelegd_door_contactpersoon(
    wereld: Wereld,
) -> None:
    voorstel = _kandidaat(wereld)
    werkgever = _ingelogd(wereld, Rol.WERKGEVER)
    werkgever.post(
        f"/werkgever/kandidaten/{voorstel.pk}/",
        {
            "actie": "moment_plannen",
            "moment-gepland_op": "2030-03-02T10:00",
            "moment-onderwerp": "Eerste werkweek",
        },
    )
    moment = Driehoeksmoment.objects.get(voorstel=voorstel, onderwerp="Eerste werkweek")
    # The employer cannot record the report; the contact person can.
    werkgever.post(
        f"/werkgever/kandidaten/{voorstel.pk}/",
        {"actie": "moment_vastleggen", "nummer": moment.pk, f"verslag{moment.pk}-verslag": "Nee"},
    )
    moment.refresh_from_db()
    assert moment.verslag == ""
    _ingelogd(wereld, Rol.CONTACTPERSOON).post(
        f"/werk/voorstellen/{voorstel.pk}/",
        {
            "actie": "moment_vastleggen",
            "nummer": moment.pk,
            f"verslag{moment.pk}-verslag": "Start op maandag.",
        },
    )
    moment.refresh_from_db()
    assert moment.verslag == "Start op maandag." and moment.vastgelegd_op is not None
    assert (
        "Start op maandag."
        in werkgever.get(f"/werkgever/kandidaten/{voorstel.pk}/").content.decode()
    )


def test_bijeenkomst_aanmelden_aanwezigheid_en_vervolg(wereld: Wereld) -> None:
    bijeenkomst = wereld.a.bijeenkomst
    assert bijeenkomst is not None
    eigen = wereld.a.klanten["eigen"]
    klant = _ingelogd(wereld, Rol.KLANT)
    klant.post("/mijn/bijeenkomsten/", {"bijeenkomst": bijeenkomst.pk, "actie": "af"})
    assert not Aanmelding.objects.filter(bijeenkomst=bijeenkomst, klant=eigen).exists()
    assert "Ik doe mee" in klant.get("/mijn/bijeenkomsten/").content.decode()
    klant.post("/mijn/bijeenkomsten/", {"bijeenkomst": bijeenkomst.pk, "actie": "aan"})
    aanmelding = Aanmelding.objects.get(bijeenkomst=bijeenkomst, klant=eigen)
    # A full meet-up says so kindly.
    vol = Bijeenkomst.objects.create(
        gemeente=wereld.a.gemeente,
        titel="Klein",
        begint_op=timezone.now() + timedelta(days=2),
        plaats="Hier",
        max_deelnemers=1,
    )
    Aanmelding.objects.create(bijeenkomst=vol, klant=wereld.a.klanten["collega"])
    antwoord = klant.post("/mijn/bijeenkomsten/", {"bijeenkomst": vol.pk}, follow=True)
    assert "Deze bijeenkomst is vol" in antwoord.content.decode()

    cp = _ingelogd(wereld, Rol.CONTACTPERSOON)
    pagina = cp.get(f"/werk/bijeenkomsten/{bijeenkomst.pk}/").content.decode()
    assert "Eigenaar" in pagina and "Caseload" in pagina and "Collegaklant" not in pagina
    cp.post(
        f"/werk/bijeenkomsten/{bijeenkomst.pk}/",
        {"aanmelding": aanmelding.pk, "actie": "aanwezig", "aanwezig": "ja"},
    )
    cp.post(
        f"/werk/bijeenkomsten/{bijeenkomst.pk}/",
        {
            "aanmelding": aanmelding.pk,
            "actie": "vervolg",
            "werkgever": wereld.a.werkgever.pk,
            "tekst": "Belt voor kennismaking",
        },
    )
    aanmelding.refresh_from_db()
    assert aanmelding.aanwezig is True
    assert [str(v.tekst) for v in aanmelding.vervolgen.all()] == ["Belt voor kennismaking"]
    # Follow-up only with an employer that took part.
    fout = cp.post(
        f"/werk/bijeenkomsten/{bijeenkomst.pk}/",
        {
            "aanmelding": aanmelding.pk,
            "actie": "vervolg",
            "werkgever": wereld.a.ander_bedrijf.pk,
            "tekst": "x",
        },
    )
    assert fout.status_code == 400
    # A colleague's client's sign-up is not this contact person's to record.
    vreemd = Aanmelding.objects.get(bijeenkomst=bijeenkomst, klant=wereld.a.klanten["collega"])
    assert (
        cp.post(
            f"/werk/bijeenkomsten/{bijeenkomst.pk}/",
            {"aanmelding": vreemd.pk, "actie": "aanwezig", "aanwezig": "ja"},
        ).status_code
        == 404
    )
    # The employer takes part or not, and sees no names of who signed up.
    werkgever = _ingelogd(wereld, Rol.WERKGEVER)
    tekst = werkgever.get("/werkgever/bijeenkomsten/").content.decode()
    assert "U doet mee." in tekst and "Eigenaar" not in tekst


def test_werkervaringsplaats_aangeboden_en_bezet_met_start_einde_status(wereld: Wereld) -> None:
    werkgever = _ingelogd(wereld, Rol.WERKGEVER)
    werkgever.post(
        "/werkgever/plaatsen/",
        {"soort": "proefplaatsing", "titel": "Medewerker wasserij", "uren_per_week": "16"},
    )
    plaats = Plaats.objects.get(titel="Medewerker wasserij")
    assert plaats.werkgever == wereld.a.werkgever and plaats.status == "aangeboden"
    cp = _ingelogd(wereld, Rol.CONTACTPERSOON)
    pagina = cp.get("/werk/plaatsen/").content.decode()
    assert "Medewerker wasserij" in pagina and "Collegaklant" not in pagina
    assert "Bezet door een klant van een collega" in pagina
    p = f"p{plaats.pk}"
    zonder_start = cp.post(
        "/werk/plaatsen/",
        {"plaats": plaats.pk, f"{p}-klant": wereld.a.klanten["eigen"].pk, f"{p}-status": "loopt"},
    )
    assert (
        zonder_start.status_code == 400 and "Vul de startdatum in" in zonder_start.content.decode()
    )
    cp.post(
        "/werk/plaatsen/",
        {
            "plaats": plaats.pk,
            f"{p}-klant": wereld.a.klanten["eigen"].pk,
            f"{p}-begin": "2026-04-01",
            f"{p}-einde": "2026-06-30",
            f"{p}-status": "loopt",
        },
    )
    plaats.refresh_from_db()
    assert plaats.klant == wereld.a.klanten["eigen"] and plaats.status == "loopt"
    assert str(plaats.einde) == "2026-06-30"
    # The client sees it; the employer sees the place run, without a name.
    assert (
        "Medewerker wasserij"
        in _ingelogd(wereld, Rol.KLANT).get("/mijn/kandidaat/").content.decode()
    )
    assert "Eigenaar" not in werkgever.get("/werkgever/plaatsen/").content.decode()
    # A colleague's client cannot be placed.
    cp.post(
        "/werk/plaatsen/",
        {
            "plaats": plaats.pk,
            f"{p}-klant": wereld.a.klanten["collega"].pk,
            f"{p}-begin": "2026-04-01",
            f"{p}-status": "loopt",
        },
    )
    plaats.refresh_from_db()
    assert plaats.klant == wereld.a.klanten["eigen"]


def test_toestemming_via_de_api_beantwoordt_een_wachtend_voorstel(wereld: Wereld) -> None:
    eigen = wereld.a.klanten["eigen"]
    voorstel = Voorstel.objects.create(
        gemeente=eigen.gemeente,
        klant=eigen,
        werkgever=wereld.a.werkgever,
        vacature=wereld.a.vacature,
        voorgestelde_gegevens=["naam"],
    )
    klant = _ingelogd(wereld, Rol.KLANT)
    respons = klant.post(
        "/api/v1/toestemmingen/",
        {
            "werkgever": wereld.a.werkgever.pk,
            "vacature": wereld.a.vacature.pk,
            "gegevens": ["naam"],
        },
        content_type="application/json",
    )
    assert respons.status_code == 201
    voorstel.refresh_from_db()
    assert voorstel.status == VoorstelStatus.GEDEELD
    assert voorstel.toestemming_id == respons.json()["id"]
    assert Voorstel.objects.filter(klant=eigen, werkgever=wereld.a.werkgever).count() == 1
