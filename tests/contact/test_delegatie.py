"""Handover and substitution: only the owner of a caseload (or an administrator of the same
municipality) records one, never back-dated, a substitution always ends within the municipality's
maximum, and a substitute cannot pass on what they only see through a substitution.

The first test replays the probe from issue 8 through the pages, with real POSTs."""

from dataclasses import dataclass
from datetime import date, timedelta

import pytest

from django.test import Client
from django.utils import timezone

from opstap.accounts.models import Gebruiker, Rol
from opstap.accounts.toegang import zichtbare_klanten
from opstap.contact.models import Overdracht, OverdrachtSoort
from opstap.klanten.models import Klant
from tests.wereld import Wereld, maak_gebruiker, maak_klant, nieuwe_bsns

pytestmark = pytest.mark.django_db


@dataclass
class Team:
    cp2: Gebruiker
    cp3: Gebruiker
    cp4: Gebruiker
    cp5: Gebruiker
    klanten_cp3: list[Klant]


@pytest.fixture
def team(wereld: Wereld) -> Team:
    """Four contact persons of municipality A; contactpersoon2 substitutes contactpersoon3 for one day."""
    gemeente = wereld.a.gemeente
    cps = [maak_gebruiker(gemeente, f"contactpersoon{n}", Rol.CONTACTPERSOON) for n in (2, 3, 4, 5)]
    cp2, cp3, cp4, cp5 = cps
    bsns = nieuwe_bsns(2, vanaf=5000)
    klanten = [
        maak_klant(gemeente, bsns[0], "Driehuis", cp3),
        maak_klant(gemeente, bsns[1], "Driebergen", cp3),
    ]
    vandaag = timezone.localdate()
    Overdracht.objects.create(
        gemeente=gemeente,
        soort=OverdrachtSoort.VERVANGING,
        van=cp3,
        naar=cp2,
        begin=vandaag,
        einde=vandaag,
        reden="een dag vrij",
        vastgelegd_door=cp3,
    )
    return Team(cp2, cp3, cp4, cp5, klanten)


def _client(gebruiker: Gebruiker) -> Client:
    client = Client()
    client.force_login(gebruiker)
    return client


def _vandaag(dagen: int = 0) -> str:
    return (timezone.localdate() + timedelta(days=dagen)).isoformat()


def test_probe_een_dag_vervanger_geeft_de_caseload_niet_door(team: Team) -> None:
    cp2 = _client(team.cp2)
    klant = team.klanten_cp3[0]
    assert cp2.get(f"/werk/klanten/{klant.pk}/").status_code == 200  # the substitution itself works

    # A substitution of contactpersoon3's caseload by contactpersoon4, from 2020, with no end date …
    response = cp2.post(
        f"/werk/klanten/{klant.pk}/overdracht/",
        {
            "soort": "vervanging",
            "naar": team.cp4.pk,
            "begin": "2020-01-01",
            "einde": "",
            "reden": "probe",
        },
    )
    assert response.status_code == 403
    # … and one of contactpersoon3's clients moved for good to contactpersoon5.
    response = cp2.post(
        f"/werk/klanten/{klant.pk}/overdracht/",
        {"soort": "overdracht", "naar": team.cp5.pk, "begin": _vandaag(), "reden": "probe"},
    )
    assert response.status_code == 403

    assert not Overdracht.objects.filter(vastgelegd_door=team.cp2).exists()
    klant.refresh_from_db()
    assert klant.contactpersoon == team.cp3
    assert not zichtbare_klanten(team.cp4).filter(pk=klant.pk).exists()
    assert not zichtbare_klanten(team.cp5).filter(pk=klant.pk).exists()


def test_vervanger_ziet_geen_overdrachtsformulier_of_knop(team: Team) -> None:
    cp2 = _client(team.cp2)
    klant = team.klanten_cp3[0]
    assert cp2.get(f"/werk/klanten/{klant.pk}/overdracht/").status_code == 403
    assert (
        f"/werk/klanten/{klant.pk}/overdracht/"
        not in cp2.get(f"/werk/klanten/{klant.pk}/").content.decode()
    )
    eigenaar = _client(team.cp3)
    assert (
        f"/werk/klanten/{klant.pk}/overdracht/"
        in eigenaar.get(f"/werk/klanten/{klant.pk}/").content.decode()
    )


def test_vervanger_kan_eigen_caseload_wel_laten_vervangen_maar_niet_die_van_de_collega(
    team: Team, wereld: Wereld
) -> None:
    """contactpersoon2 hands their own caseload to contactpersoon4 for a week: contactpersoon4 then sees
    contactpersoon2's own clients, never contactpersoon3's (a substitution does not pass on)."""
    eigen = maak_klant(wereld.a.gemeente, nieuwe_bsns(1, vanaf=6000)[0], "Tweemans", team.cp2)
    response = _client(team.cp2).post(
        f"/werk/klanten/{eigen.pk}/overdracht/",
        {"soort": "vervanging", "naar": team.cp4.pk, "begin": _vandaag(), "einde": _vandaag(6)},
    )
    assert response.status_code == 302
    zichtbaar = set(zichtbare_klanten(team.cp4).values_list("pk", flat=True))
    assert eigen.pk in zichtbaar
    assert not zichtbaar & {k.pk for k in team.klanten_cp3}


@pytest.mark.parametrize(
    ("velden", "veld", "melding"),
    [
        (
            {"begin": "2020-01-01", "einde": ""},
            "begin",
            "Een vervanging of overdracht kan niet eerder ingaan dan vandaag",
        ),
        ({"einde": ""}, "einde", "Een vervanging heeft een einddatum"),
        ({"einde": "+30"}, "einde", "Een vervanging duurt hoogstens 30 dagen"),
        ({"begin": "+2", "einde": "+1"}, "einde", "De einddatum ligt voor de begindatum"),
    ],
)
def test_eigenaar_krijgt_duidelijke_fout_en_houdt_wat_hij_typte(
    team: Team, velden: dict[str, str], veld: str, melding: str
) -> None:
    invoer = {
        "soort": "vervanging",
        "naar": str(team.cp4.pk),
        "begin": _vandaag(),
        "einde": _vandaag(6),
        "reden": "Zomervakantie Ingrid",
    }
    for naam, waarde in velden.items():
        invoer[naam] = _vandaag(int(waarde)) if waarde.startswith("+") else waarde
    response = _client(team.cp3).post(f"/werk/klanten/{team.klanten_cp3[0].pk}/overdracht/", invoer)
    assert response.status_code == 400
    fouten = response.context["form"].errors
    assert veld in fouten and melding in " ".join(fouten[veld]), fouten
    pagina = response.content.decode()
    assert 'value="Zomervakantie Ingrid"' in pagina
    assert not Overdracht.objects.filter(naar=team.cp4).exists()


def test_maximum_komt_uit_de_instellingen_van_de_gemeente(team: Team, wereld: Wereld) -> None:
    wereld.a.gemeente.instellingen = {"vervanging_max_dagen": 5}
    wereld.a.gemeente.save()
    url = f"/werk/klanten/{team.klanten_cp3[0].pk}/overdracht/"
    cp3 = _client(team.cp3)
    te_lang = cp3.post(
        url, {"soort": "vervanging", "naar": team.cp4.pk, "begin": _vandaag(), "einde": _vandaag(5)}
    )
    assert te_lang.status_code == 400
    laatste = date.fromisoformat(_vandaag(4))
    assert "Een vervanging duurt hoogstens 5 dagen" in " ".join(
        te_lang.context["form"].errors["einde"]
    )
    assert f"{laatste.day} " in " ".join(
        te_lang.context["form"].errors["einde"]
    )  # says the last allowed day
    goed = cp3.post(
        url, {"soort": "vervanging", "naar": team.cp4.pk, "begin": _vandaag(), "einde": _vandaag(4)}
    )
    assert goed.status_code == 302
    vervanging = Overdracht.objects.get(naar=team.cp4)
    assert (vervanging.van, vervanging.naar, vervanging.einde) == (team.cp3, team.cp4, laatste)


def test_eigenaar_draagt_klant_over_vanaf_vandaag(team: Team) -> None:
    klant = team.klanten_cp3[1]
    response = _client(team.cp3).post(
        f"/werk/klanten/{klant.pk}/overdracht/",
        {"soort": "overdracht", "naar": team.cp5.pk, "begin": _vandaag(), "reden": "werkverdeling"},
    )
    assert response.status_code == 302
    klant.refresh_from_db()
    assert klant.contactpersoon == team.cp5


def test_open_vervanging_van_voor_de_regel_loopt_niet_eindeloos(team: Team, wereld: Wereld) -> None:
    """A substitution recorded before end dates were required (none, or one years away) counts
    for the municipality's maximum only."""
    oud = timezone.localdate() - timedelta(days=400)
    Overdracht.objects.create(
        gemeente=wereld.a.gemeente,
        soort=OverdrachtSoort.VERVANGING,
        van=team.cp3,
        naar=team.cp4,
        begin=oud,
        einde=None,
        vastgelegd_door=team.cp2,
    )
    assert not zichtbare_klanten(team.cp4).filter(pk=team.klanten_cp3[0].pk).exists()
    recent = Overdracht.objects.create(
        gemeente=wereld.a.gemeente,
        soort=OverdrachtSoort.VERVANGING,
        van=team.cp3,
        naar=team.cp5,
        begin=timezone.localdate() - timedelta(days=3),
        einde=None,
        vastgelegd_door=team.cp3,
    )
    assert zichtbare_klanten(team.cp5).filter(pk=team.klanten_cp3[0].pk).exists()
    recent.begin = timezone.localdate() - timedelta(days=30)
    recent.save()
    assert not zichtbare_klanten(team.cp5).filter(pk=team.klanten_cp3[0].pk).exists()
    recent.einde = date(2099, 12, 31)
    recent.save()
    assert not zichtbare_klanten(team.cp5).filter(pk=team.klanten_cp3[0].pk).exists()
    recent.begin = timezone.localdate() - timedelta(days=29)  # the 30th day: still running
    recent.save()
    assert zichtbare_klanten(team.cp5).filter(pk=team.klanten_cp3[0].pk).exists()


# --- the administrator ---------------------------------------------------------------------------


def test_beheerder_legt_vervanging_vast_zonder_klantdossiers_te_zien(
    team: Team, wereld: Wereld
) -> None:
    beheer = _client(wereld.a.gebruikers[Rol.BEHEERDER])
    pagina = beheer.get("/beheer/contactpersonen/")
    assert pagina.status_code == 200
    tekst = pagina.content.decode()
    assert "contactpersoon3" in tekst or team.cp3.weergavenaam in tekst
    for klant in team.klanten_cp3:
        assert klant.achternaam not in tekst
    response = beheer.post(
        "/beheer/contactpersonen/",
        {
            "soort": "vervanging",
            "van": team.cp3.pk,
            "naar": team.cp4.pk,
            "begin": _vandaag(),
            "einde": _vandaag(9),
            "reden": "ziek",
        },
    )
    assert response.status_code == 302
    vervanging = Overdracht.objects.get(naar=team.cp4)
    assert (vervanging.van, vervanging.vastgelegd_door) == (
        team.cp3,
        wereld.a.gebruikers[Rol.BEHEERDER],
    )
    assert set(zichtbare_klanten(team.cp4)) == set(team.klanten_cp3)
    # The client hears it from their own contact person.
    laatste = team.klanten_cp3[0].berichten.order_by("-id").first()
    assert (
        laatste is not None
        and laatste.afzender == team.cp3
        and team.cp4.weergavenaam in laatste.tekst
    )


def test_beheerder_draagt_hele_caseload_over(team: Team, wereld: Wereld) -> None:
    response = _client(wereld.a.gebruikers[Rol.BEHEERDER]).post(
        "/beheer/contactpersonen/",
        {
            "soort": "overdracht",
            "van": team.cp3.pk,
            "naar": team.cp5.pk,
            "begin": _vandaag(),
            "reden": "vertrek",
        },
    )
    assert response.status_code == 302
    for klant in team.klanten_cp3:
        klant.refresh_from_db()
        assert klant.contactpersoon == team.cp5
        assert klant.overdrachten.filter(van=team.cp3, naar=team.cp5).exists()


def test_beheerder_ook_niet_terug_in_de_tijd_of_eindeloos(team: Team, wereld: Wereld) -> None:
    beheer = _client(wereld.a.gebruikers[Rol.BEHEERDER])
    response = beheer.post(
        "/beheer/contactpersonen/",
        {
            "soort": "vervanging",
            "van": team.cp3.pk,
            "naar": team.cp4.pk,
            "begin": "2020-01-01",
            "einde": "",
            "reden": "probe",
        },
    )
    assert response.status_code == 400
    assert "niet eerder ingaan dan vandaag" in " ".join(response.context["form"].errors["begin"])
    assert 'value="probe"' in response.content.decode()
    response = beheer.post(
        "/beheer/contactpersonen/",
        {
            "soort": "vervanging",
            "van": team.cp3.pk,
            "naar": team.cp4.pk,
            "begin": _vandaag(),
            "einde": "",
        },
    )
    assert response.status_code == 400
    assert "Een vervanging heeft een einddatum" in " ".join(
        response.context["form"].errors["einde"]
    )
    assert not Overdracht.objects.filter(naar=team.cp4).exists()


def test_beheerder_van_een_andere_gemeente_kan_het_niet(team: Team, wereld: Wereld) -> None:
    from django.core.exceptions import PermissionDenied

    from opstap.contact import services

    beheerder_b = wereld.b.gebruikers[Rol.BEHEERDER]
    response = _client(beheerder_b).post(
        "/beheer/contactpersonen/",
        {
            "soort": "vervanging",
            "van": team.cp3.pk,
            "naar": team.cp4.pk,
            "begin": _vandaag(),
            "einde": _vandaag(3),
        },
    )
    assert response.status_code == 400  # A's contact persons are not among B's choices
    assert "van" in response.context["form"].errors
    with pytest.raises(PermissionDenied):
        services.vervanging_vastleggen(
            van=team.cp3,
            naar=team.cp4,
            door=beheerder_b,
            begin=timezone.localdate(),
            einde=timezone.localdate(),
        )
    for rol in (
        Rol.INKOMENSCONSULENT,
        Rol.BELEIDSMEDEWERKER,
    ):  # other staff of the same municipality neither
        with pytest.raises(PermissionDenied):
            services.vervanging_vastleggen(
                van=team.cp3,
                naar=team.cp4,
                door=wereld.a.gebruikers[rol],
                begin=timezone.localdate(),
                einde=timezone.localdate(),
            )
    assert not Overdracht.objects.filter(naar=team.cp4).exists()


def test_service_weigert_de_vervanger_ook_zonder_scherm(team: Team) -> None:
    from django.core.exceptions import PermissionDenied

    from opstap.contact import services

    with pytest.raises(PermissionDenied):
        services.overdracht_vastleggen(
            klant=team.klanten_cp3[0], naar=team.cp5, door=team.cp2, begin=timezone.localdate()
        )
    with pytest.raises(PermissionDenied):
        services.vervanging_vastleggen(
            van=team.cp3,
            naar=team.cp4,
            door=team.cp2,
            begin=timezone.localdate(),
            einde=timezone.localdate(),
        )
