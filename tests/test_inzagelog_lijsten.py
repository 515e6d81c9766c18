"""Lists leave a trace: every client whose personal data a list shows gets one access-log entry,
and clients the list did not show get none. The probes of issue 8: the API's client list, the
income desk's queue, and the caseload filtered on a barrier (who has a disability, who has debts)."""

from datetime import date

import pytest

from django.test import Client

from opstap.accounts.models import Gebruiker, Rol
from opstap.klanten.models import Drempel, Klant
from opstap.privacy.models import Inzage
from opstap.verklaringen.models import Inkomstenverklaring, Status
from tests.wereld import Wereld

pytestmark = pytest.mark.django_db


def _client(gebruiker: Gebruiker) -> Client:
    client = Client()
    client.force_login(gebruiker)
    return client


def _nieuw_gelogd(gebruiker: Gebruiker, sinds: int) -> list[Inzage]:
    return list(Inzage.objects.filter(pk__gt=sinds, gebruiker=gebruiker).order_by("pk"))


def _laatste() -> int:
    laatste = Inzage.objects.order_by("-pk").values_list("pk", flat=True).first()
    return laatste or 0


def _alle_klanten(wereld: Wereld) -> set[int]:
    return {k.pk for k in Klant.objects.all()}


def test_api_klantenlijst_logt_precies_de_klanten_op_de_pagina(wereld: Wereld) -> None:
    consulent = wereld.a.gebruikers[Rol.INKOMENSCONSULENT]
    client = _client(consulent)
    voor = _laatste()
    antwoord = client.get("/api/v1/klanten/")
    assert antwoord.status_code == 200
    getoond = {r["id"] for r in antwoord.json()["results"]}
    assert getoond == {k.pk for k in wereld.a.klanten.values()}  # the whole municipality
    gelogd = _nieuw_gelogd(consulent, voor)
    assert sorted(i.klant_id for i in gelogd) == sorted(getoond)  # one each, no more
    assert all(i.onderdeel == "gegevens (API)" and "lijst van klanten" in i.doel for i in gelogd)
    assert all(i.rol == Rol.INKOMENSCONSULENT and i.actie == "lezen" for i in gelogd)

    # Paging: only the clients on the page returned.
    voor = _laatste()
    pagina = client.get("/api/v1/klanten/?limit=1&offset=1").json()["results"]
    assert len(pagina) == 1
    assert [i.klant_id for i in _nieuw_gelogd(consulent, voor)] == [pagina[0]["id"]]


def test_api_klantenlijst_van_contactpersoon_logt_alleen_de_caseload(wereld: Wereld) -> None:
    cp = wereld.a.gebruikers[Rol.CONTACTPERSOON]
    voor = _laatste()
    getoond = {r["id"] for r in _client(cp).get("/api/v1/klanten/").json()["results"]}
    assert getoond == {wereld.a.klanten["eigen"].pk, wereld.a.klanten["caseload"].pk}
    assert {i.klant_id for i in _nieuw_gelogd(cp, voor)} == getoond
    assert not Inzage.objects.filter(pk__gt=voor).exclude(klant_id__in=getoond).exists()


def test_de_werklijst_van_inkomen_logt_de_getoonde_klanten(wereld: Wereld) -> None:
    """The income desk's queue of declarations (it replaced the surname search): one entry for
    each client whose declaration it shows, none for the clients a filter leaves out."""
    consulent = wereld.a.gebruikers[Rol.INKOMENSCONSULENT]
    client = _client(consulent)
    voor = _laatste()
    pagina = client.get("/werk/inkomsten/").content.decode()
    for klant in wereld.a.klanten.values():
        assert klant.achternaam in pagina
    gelogd = _nieuw_gelogd(consulent, voor)
    assert sorted(i.klant_id for i in gelogd) == sorted(k.pk for k in wereld.a.klanten.values())
    assert "werklijst" in gelogd[0].doel

    caseload = wereld.a.klanten["caseload"]
    Inkomstenverklaring.objects.filter(klant=caseload).update(status=Status.AANVULLING_NODIG)
    voor = _laatste()
    pagina = client.get("/werk/inkomsten/?status=aanvulling_nodig").content.decode()
    assert caseload.achternaam in pagina and wereld.a.klanten["eigen"].achternaam not in pagina
    assert [i.klant_id for i in _nieuw_gelogd(consulent, voor)] == [caseload.pk]

    voor = _laatste()
    client.get("/werk/inkomsten/?status=verrekend")  # nothing settled yet: nobody shown
    assert _nieuw_gelogd(consulent, voor) == []


@pytest.mark.parametrize(("soort", "woord"), [("beperking", "beperking"), ("schulden", "schulden")])
def test_caseload_met_drempelfilter_logt_wie_die_drempel_heeft(
    wereld: Wereld, soort: str, woord: str
) -> None:
    eigen, caseload = wereld.a.klanten["eigen"], wereld.a.klanten["caseload"]
    Drempel.objects.create(klant=eigen, soort="beperking")
    Drempel.objects.create(klant=caseload, soort="schulden")
    # Solved barriers do not count: the list does not show them.
    Drempel.objects.create(klant=caseload, soort="beperking", opgelost_op=date(2026, 1, 1))
    Drempel.objects.create(klant=wereld.a.klanten["collega"], soort=soort)  # not this caseload
    met = {"beperking": eigen, "schulden": caseload}[soort]

    cp = wereld.a.gebruikers[Rol.CONTACTPERSOON]
    voor = _laatste()
    pagina = _client(cp).get(f"/werk/?drempel={soort}").content.decode()
    assert f"/werk/klanten/{met.pk}/" in pagina
    for ander in _alle_klanten(wereld) - {met.pk}:
        assert f"/werk/klanten/{ander}/" not in pagina
    gelogd = _nieuw_gelogd(cp, voor)
    assert [i.klant_id for i in gelogd] == [met.pk]
    assert gelogd[0].onderdeel == "lijst van klanten"
    assert "welke klanten de drempel" in gelogd[0].doel and woord in gelogd[0].doel


def test_caseload_zonder_filter_logt_elke_getoonde_klant(wereld: Wereld) -> None:
    cp = wereld.a.gebruikers[Rol.CONTACTPERSOON]
    voor = _laatste()
    assert _client(cp).get("/werk/").status_code == 200
    gelogd = _nieuw_gelogd(cp, voor)
    assert sorted(i.klant_id for i in gelogd) == sorted(
        [wereld.a.klanten["eigen"].pk, wereld.a.klanten["caseload"].pk]
    )
    assert all("lijst van klanten" in i.doel for i in gelogd)


def test_api_berichtenlijst_logt_alleen_de_klanten_van_de_pagina(wereld: Wereld) -> None:
    """The same mixin serves the contact API lists: one entry per client on the page, in one go."""
    cp = wereld.a.gebruikers[Rol.CONTACTPERSOON]
    client = _client(cp)
    voor = _laatste()
    alles = client.get("/api/v1/berichten/").json()["results"]
    assert {b["klant"] for b in alles} == {
        wereld.a.klanten["eigen"].pk,
        wereld.a.klanten["caseload"].pk,
    }
    assert sorted(i.klant_id for i in _nieuw_gelogd(cp, voor)) == sorted(
        {b["klant"] for b in alles}
    )

    voor = _laatste()
    eerste = client.get("/api/v1/berichten/?limit=1").json()["results"]
    assert [i.klant_id for i in _nieuw_gelogd(cp, voor)] == [eerste[0]["klant"]]
