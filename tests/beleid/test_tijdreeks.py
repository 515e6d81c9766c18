"""The caseload picture over time: the numbers are right, and no hidden cell can be worked out.

The attacker reads everything the UI offers (each breakdown of the trends page, the CSV, the
API and the /beleid/ page) and, per month, solves a linear program for the smallest and largest
value of every hidden cell that agrees with every shown number: each breakdown sums to the
shown total, a hidden cell is at least 1 (zeros are shown), a barrier group holds at least as
many clients as any of its barriers and at most their sum. A hidden cell is safe when at least
two values remain possible."""

import csv
import io
import re
from datetime import date, timedelta
from decimal import Decimal

import numpy as np
import pytest
from scipy.optimize import linprog

from django.test import Client

from opstap.accounts.models import Rol
from opstap.beleid import tijdreeks
from opstap.beleid.onderdrukking import onderdruk
from opstap.beleid.tijdreeks import INDELINGEN, bestandsbeeld_in_de_tijd, leeftijd
from opstap.klanten.keuzes import DREMPEL_GROEP_VAN
from opstap.klanten.models import Drempel, Klant, TredeWijziging
from opstap.werken.models import Baan
from tests.wereld import Wereld, maak_klant, nieuwe_bsns

VANDAAG = date.today()


def _bestand(wereld: Wereld) -> list[Klant]:
    """40 clients: mostly trede 3-4, a few of everything else (small cells), some jobs."""
    g, cp = wereld.a.gemeente, wereld.a.gebruikers[Rol.CONTACTPERSOON]
    klanten = []
    for i, bsn in enumerate(nieuwe_bsns(40, vanaf=7000)):
        trede = "3.0" if i % 2 else "4.0"
        if i < 3:
            trede = "1.0"
        elif i < 5:
            trede = "5.2"
        huishouden = "alleenstaande_ouder" if i % 13 == 0 else "alleenstaande"
        geboren = date(VANDAAG.year - (58 if i % 9 == 0 else 35), 3, 1)
        k = maak_klant(
            g,
            bsn,
            f"Reeks{i}",
            cp,
            trede=trede,
            huishouden=huishouden,
            geboortedatum=geboren,
            bijstand_sinds=VANDAAG - timedelta(days=400 + 10 * i),
        )
        TredeWijziging.objects.create(klant=k, trede=trede, datum=k.bijstand_sinds)
        if i % 4 == 0:
            Baan.objects.create(
                gemeente=g,
                klant=k,
                werkgever_naam="Bakkerij",
                begonnen_op=VANDAAG - timedelta(days=200),
                uren_per_week=Decimal(16 if i % 8 else 30),
                bruto_uurloon=Decimal("14.71"),
                loonperiode="maand",
            )
        if i % 5 == 0:
            Drempel.objects.create(klant=k, soort="schulden" if i % 10 else "taal")
        klanten.append(k)
    return klanten


def _bereik(
    vergelijkingen: list[tuple[dict[str, int], int]],
    ongelijk: list[tuple[dict[str, int], int]],
    variabelen: list[str],
    doel: str,
    bovengrens: int,
) -> tuple[float, float]:
    """Smallest and largest value of `doel` over x >= 1 with A_eq x = b and A_ub x <= b."""
    index = {v: i for i, v in enumerate(variabelen)}

    def matrix(
        rijen: list[tuple[dict[str, int], int]],
    ) -> tuple[np.ndarray | None, np.ndarray | None]:
        if not rijen:
            return None, None
        a = np.zeros((len(rijen), len(variabelen)))
        for r, (coef, _b) in enumerate(rijen):
            for v, c in coef.items():
                a[r, index[v]] = c
        return a, np.array([b for _c, b in rijen], dtype=float)

    a_eq, b_eq = matrix(vergelijkingen)
    a_ub, b_ub = matrix(ongelijk)
    c = np.zeros(len(variabelen))
    c[index[doel]] = 1
    uit = []
    for teken in (1, -1):
        r = linprog(
            teken * c,
            A_eq=a_eq,
            b_eq=b_eq,
            A_ub=a_ub,
            b_ub=b_ub,
            bounds=[(1, bovengrens)] * len(variabelen),
            method="highs",
        )
        assert r.status == 0, f"{r.message} {variabelen} {vergelijkingen} {ongelijk}"
        uit.append(teken * r.fun)
    return uit[0], uit[1]


def vastgepind(maand: dict) -> list[str]:
    """The hidden cells of one month (API form) whose value the shown numbers fix."""
    totaal = maand["totaal"]
    if totaal is None:
        return []  # everything about a hidden caseload is hidden
    variabelen: list[str] = []
    gelijk: list[tuple[dict[str, int], int]] = []
    ongelijk: list[tuple[dict[str, int], int]] = []
    waarde: dict[str, int | str] = {}
    for indeling in INDELINGEN:
        cellen = maand["tabellen"].get(indeling.sleutel)
        if cellen is None:
            continue
        verborgen: dict[str, int] = {}
        getoond = 0
        for cel in cellen:
            naam = f"{indeling.sleutel}:{cel['categorie']}"
            if cel["aantal"] is None:
                variabelen.append(naam)
                verborgen[naam] = 1
                waarde[naam] = naam
            else:
                getoond += cel["aantal"]
                waarde[naam] = cel["aantal"]
        if indeling.deelt_totaal and verborgen:
            gelijk.append((verborgen, totaal - getoond))
    # barrier group vs its barriers: max(barriers) <= group <= sum(barriers)
    for groep in {str(g) for g in DREMPEL_GROEP_VAN.values()}:
        g = f"drempelgroep:{groep}"
        soorten = [f"drempel:{s}" for s, gg in DREMPEL_GROEP_VAN.items() if str(gg) == groep]
        for s in soorten:  # s - g <= 0
            coef, rest = {}, 0
            for naam, teken in ((s, 1), (g, -1)):
                if isinstance(waarde[naam], str):
                    coef[naam] = teken
                else:
                    rest -= teken * int(waarde[naam])
            if coef:
                ongelijk.append((coef, rest))
        coef, rest = {}, 0  # g - sum(s) <= 0
        for naam, teken in [(g, 1)] + [(s, -1) for s in soorten]:
            if isinstance(waarde[naam], str):
                coef[naam] = coef.get(naam, 0) + teken
            else:
                rest -= teken * int(waarde[naam])
        if coef:
            ongelijk.append((coef, rest))
    gevonden = []
    for v in variabelen:
        laag, hoog = _bereik(gelijk, ongelijk, variabelen, v, totaal)  # no cell exceeds the total
        if np.floor(hoog + 1e-9) - np.ceil(laag - 1e-9) < 1:
            gevonden.append(f"{maand['maand']} {v} = {laag:g}")
    return gevonden


def _api(client: Client) -> dict:
    r = client.get("/api/v1/beleid/bestandsbeeld/")
    assert r.status_code == 200
    return r.json()


@pytest.mark.django_db
def test_tellingen_kloppen_met_de_gegevens(wereld: Wereld, beleid_client: Client) -> None:
    _bestand(wereld)
    nu = _api(beleid_client)["nu"]
    alle = list(Klant.objects.filter(gemeente=wereld.a.gemeente))
    assert nu["totaal"] == len(alle)
    trede = {c["categorie"]: c["aantal"] for c in nu["tabellen"]["trede"]}
    assert trede["3"] == sum(1 for k in alle if k.trede.startswith("3"))
    werk = {c["categorie"]: c["aantal"] for c in nu["tabellen"]["werk"]}
    met_baan = (
        Baan.objects.filter(klant__in=alle, begonnen_op__lte=VANDAAG, einde_op__isnull=True)
        .values("klant")
        .distinct()
        .count()
    )
    assert met_baan >= 10
    assert werk["geen"] == len(alle) - met_baan
    leeftijden = {c["categorie"]: c["aantal"] for c in nu["tabellen"]["leeftijd"]}
    assert leeftijden["27tot45"] == sum(
        1 for k in alle if 27 <= leeftijd(k.geboortedatum, VANDAAG) < 45
    )
    # a year ago the jobs (begun 200 days ago) had not started
    jaar_terug = _api(beleid_client)["maanden"][-13]
    werk_toen = {c["categorie"]: c["aantal"] for c in jaar_terug["tabellen"]["werk"]}
    assert werk_toen["geen"] == jaar_terug["totaal"]


@pytest.mark.django_db
def test_geen_verborgen_cel_is_uit_te_rekenen_uit_alles_wat_de_pagina_laat_zien(
    wereld: Wereld, beleid_client: Client
) -> None:
    _bestand(wereld)
    data = _api(beleid_client)
    # Every view offers the same numbers: each trends breakdown, the CSV, the /beleid/ page.
    csv_rijen = list(
        csv.DictReader(
            io.StringIO(beleid_client.get("/beleid/bestandsbeeld.csv").content.decode()),
            delimiter=";",
        )
    )
    for indeling in INDELINGEN:
        if indeling.alleen_nu:
            continue
        pagina = beleid_client.get(f"/beleid/trends/?indeling={indeling.sleutel}").content.decode()
        rijen = re.findall(r"<tr><th scope=\"row\">[^<]*</th>(.*?)</tr>", pagina)
        assert len(rijen) == len(data["maanden"])
        for rij, maand in zip(rijen, data["maanden"], strict=True):
            cellen = re.findall(r'<td class="getal">([^<]*)</td>', rij)
            api = [maand["totaal"]] + [c["aantal"] for c in maand["tabellen"][indeling.sleutel]]
            assert cellen[: len(api)] == ["x" if n is None else str(n) for n in api]
            uit_csv = [
                r["aantal"]
                for r in csv_rijen
                if r["maand"] == maand["maand"] and r["indeling"] == indeling.sleutel
            ]
            assert uit_csv == [
                "x" if c["aantal"] is None else str(c["aantal"])
                for c in maand["tabellen"][indeling.sleutel]
            ]
    start = beleid_client.get("/beleid/").content.decode()
    assert f"<strong>Klanten in totaal:</strong> {data['nu']['totaal']}" in start
    verborgen = sum(c["aantal"] is None for t in data["nu"]["tabellen"].values() for c in t)
    assert verborgen >= 4, "the world must have small cells, or the attack proves nothing"
    for maand in data["maanden"]:
        assert vastgepind(maand) == []


@pytest.mark.django_db
def test_de_aanval_vindt_een_cel_als_alleen_kleine_cellen_verborgen_worden(
    wereld: Wereld, beleid_client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The attack is real: with only primary suppression (the old /beleid/ page) it recovers a
    small group (here a household type) as the total minus the shown rows."""
    _bestand(wereld)

    def alleen_primair(totaal: int, cellen: list[int]) -> tuple[int, list[int | None]]:
        return totaal, onderdruk(cellen, totaal_bekend=False)

    monkeypatch.setattr(tijdreeks, "onderdruk_met_totaal", alleen_primair)
    nu = _api(beleid_client)["nu"]
    gevonden = vastgepind(nu)
    assert gevonden, "with primary suppression only, total minus the shown rows gives a cell"


@pytest.mark.django_db
def test_een_klein_bestand_toont_niets(wereld: Wereld, beleid_client: Client) -> None:
    nu = _api(beleid_client)["nu"]
    assert nu["totaal"] is None  # the test world has fewer than 10 clients
    assert all(c["aantal"] is None for t in nu["tabellen"].values() for c in t)
    assert "Reeks" not in beleid_client.get("/beleid/trends/").content.decode()


@pytest.mark.django_db
def test_uitstroom_en_terugval_per_maand(wereld: Wereld) -> None:
    klanten = _bestand(wereld)
    vorige_maand = (VANDAAG.replace(day=1) - timedelta(days=1)).replace(day=15)
    for k in klanten[5:17]:  # 12 flow out to work last month
        TredeWijziging.objects.create(klant=k, trede="6.0", datum=vorige_maand)
    beeld = bestandsbeeld_in_de_tijd(wereld.a.gemeente)
    assert beeld.maanden[-2].gebeurtenissen["uitstroom"] == 12
    assert beeld.maanden[-1].gebeurtenissen["uitstroom"] == 0
    assert beeld.maanden[-1].totaal == len(Klant.objects.filter(gemeente=wereld.a.gemeente)) - 12
    baan = Baan.objects.filter(klant__in=klanten[20:]).first()
    assert baan is not None
    baan.einde_op = vorige_maand
    baan.save()
    beeld = bestandsbeeld_in_de_tijd(wereld.a.gemeente)
    assert beeld.maanden[-2].gebeurtenissen["terugval"] is None  # one person: hidden
