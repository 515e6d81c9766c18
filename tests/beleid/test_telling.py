"""The database counts of today's caseload (telling.py) against the Python path (tijdreeks.py,
verloop.py) on a generated caseload with the edge cases of every definition."""

import random
from collections import Counter
from datetime import date, timedelta
from decimal import Decimal

import pytest

from django.db import connection
from django.test import Client
from django.utils import timezone

from opstap.accounts.models import Rol
from opstap.beleid import telling
from opstap.beleid.models import Beeldopname, Drempelopname
from opstap.beleid.tijdreeks import INDELINGEN, bestandsbeeld_in_de_tijd
from opstap.beleid.verloop import verlopen_per_klant
from opstap.klanten.keuzes import DrempelSoort, Fase, Huishouden
from opstap.klanten.models import Drempel, Klant, TredeWijziging
from opstap.werken.models import Baan
from tests.wereld import Wereld, maak_klant, nieuwe_bsns

TREDEN = ["1.0", "2.0", "3.0", "3.1", "4.0", "5.2", "6.0", "6.1"]


def _geboren(vandaag: date, rng: random.Random, i: int) -> date:
    """Around the band edges (27, 45, 55 exactly today, a day either side), 29 February too."""
    jaren = rng.choice([20, 27, 30, 45, 50, 55, 60])
    try:
        rand = vandaag.replace(year=vandaag.year - jaren)
    except ValueError:
        rand = date(vandaag.year - jaren, 2, 28)
    if i % 17 == 0:
        return date(2000, 2, 29)
    return rand + timedelta(days=rng.choice([-1, 0, 0, 1, 200]))


def _bestand(wereld: Wereld, aantal: int = 160, zaad: int = 12) -> list[Klant]:
    rng = random.Random(zaad)
    g, cp = wereld.a.gemeente, wereld.a.gebruikers[Rol.CONTACTPERSOON]
    vandaag = timezone.localdate()
    klanten = []
    for i, bsn in enumerate(nieuwe_bsns(aantal, vanaf=6000)):
        sinds = None if i % 11 == 0 else vandaag - timedelta(days=rng.choice([-5, 0, 30, 400, 900]))
        k = maak_klant(
            g,
            bsn,
            f"Teltest{i}",
            cp,
            trede=rng.choice(TREDEN),
            huishouden=rng.choice(Huishouden.values),
            fase=rng.choice(Fase.values),
            geboortedatum=_geboren(vandaag, rng, i),
            bijstand_sinds=sinds,
        )
        start = sinds or vandaag
        # Trede changes: to 6 before the start, after it (past, today, future), back down.
        for _j in range(rng.choice([0, 0, 1, 2])):
            TredeWijziging.objects.create(
                klant=k,
                trede=rng.choice(["3.0", "6.0", "6.2", "4.0"]),
                datum=start + timedelta(days=rng.choice([-30, 0, 10, 100, 1, 500])),
            )
        for _j in range(rng.choice([0, 0, 1, 1, 2, 3])):
            oproep = rng.random() < 0.2
            Baan.objects.create(
                gemeente=g,
                klant=k,
                werkgever_naam="Bakkerij",
                begonnen_op=vandaag - timedelta(days=rng.choice([-3, 0, 50, 300])),
                einde_op=rng.choice([None, None, vandaag, vandaag - timedelta(days=1)]),
                uren_per_week=rng.choice(
                    [
                        None,
                        Decimal(0),
                        Decimal(8),
                        Decimal("11.5"),
                        Decimal(12),
                        Decimal(20),
                        Decimal(28),
                        Decimal(36),
                    ]
                ),
                oproepcontract=oproep,
                bruto_uurloon=Decimal("14.71"),
                loonperiode="maand",
            )
        for _j in range(rng.choice([0, 1, 1, 2, 3])):
            Drempel.objects.create(
                klant=k,
                soort=rng.choice(DrempelSoort.values),
                opgelost_op=rng.choice([None, None, vandaag, vandaag + timedelta(days=3)]),
            )
        klanten.append(k)
    return klanten


def _python_tellingen(wereld: Wereld) -> tuple[int, dict[str, Counter[str]]]:
    """The unsuppressed counts of today the Python path makes (tijdreeks._maand's loop)."""
    vandaag = timezone.localdate()
    aanwezig = [v for v in verlopen_per_klant(wereld.a.gemeente).values() if v.in_bestand(vandaag)]
    per: dict[str, Counter[str]] = {}
    for indeling in INDELINGEN:
        per[indeling.sleutel] = Counter(
            c for v in aanwezig for c in indeling.indelen(v, vandaag, vandaag)
        )
    return len(aanwezig), per


@pytest.mark.django_db
@pytest.mark.parametrize("zaad", [12, 13])
def test_database_telt_hetzelfde_als_python(wereld: Wereld, zaad: int) -> None:
    _bestand(wereld, zaad=zaad)
    totaal, per = telling.ruwe_tellingen(wereld.a.gemeente, timezone.localdate())
    p_totaal, p_per = _python_tellingen(wereld)
    assert 40 < totaal < 160  # the generated caseload has people in and out of it
    assert totaal == p_totaal
    for sleutel in ("trede", "huishouden", "fase", "leeftijd", "werk"):
        assert +per[sleutel] == +p_per[sleutel], sleutel
    # every breakdown has more than one category in use, so a shifted edge would show
    assert all(len(+per[s]) > 1 for s in ("trede", "leeftijd", "werk"))


@pytest.mark.django_db
def test_bestandsbeeld_nu_gelijk_aan_de_laatste_maand_van_de_reeks(wereld: Wereld) -> None:
    _bestand(wereld)
    oud = bestandsbeeld_in_de_tijd(wereld.a.gemeente, aantal_maanden=1).nu
    nieuw = telling.bestandsbeeld_nu(wereld.a.gemeente)
    assert nieuw.totaal == oud.totaal and nieuw.totaal is not None
    assert nieuw.tabellen == oud.tabellen
    assert any(None in cellen for cellen in nieuw.tabellen.values())  # suppression at work
    # a second time comes from the snapshot, and still agrees
    assert Drempelopname.objects.filter(gemeente=wereld.a.gemeente).count() == 1
    assert telling.bestandsbeeld_nu(wereld.a.gemeente).tabellen == oud.tabellen


@pytest.mark.django_db
def test_drempelopname_alleen_zolang_de_drempels_niet_veranderen(wereld: Wereld) -> None:
    _bestand(wereld)
    g, vandaag = wereld.a.gemeente, timezone.localdate()
    echt = telling.drempeltabellen(g, vandaag)
    # A snapshot whose fingerprint matches is used as it is (here: made visibly wrong) ...
    nep = {s: [999] * len(c) for s, c in echt.items()}
    Drempelopname.objects.filter(gemeente=g).update(tabellen=nep)
    assert telling.drempeltabellen(g, vandaag) == nep
    # ... and saving one barrier again (new ciphertext) makes it count afresh.
    d = Drempel.objects.filter(klant__gemeente=g, opgelost_op__isnull=True).first()
    assert d is not None
    d.save()
    assert telling.drempeltabellen(g, vandaag) == echt
    # A barrier solved today leaves the table, as in the Python path.
    d.opgelost_op = vandaag
    d.save()
    assert telling.drempeltabellen(g, vandaag) == telling._drempeltabellen_tellen(g, vandaag)
    oud = bestandsbeeld_in_de_tijd(g, aantal_maanden=1).nu
    assert telling.bestandsbeeld_nu(g).tabellen == oud.tabellen


@pytest.mark.django_db
def test_potentiele_parttimers_gelijk_aan_python(wereld: Wereld) -> None:
    _bestand(wereld)
    vandaag = timezone.localdate()
    zonder, met = telling.potentiele_parttimers(wereld.a.gemeente, ["3", "4"], vandaag)
    p_zonder, p_met = [], 0
    for pk, v in sorted(verlopen_per_klant(wereld.a.gemeente).items()):
        if not v.in_bestand(vandaag) or v.trede_nu.split(".")[0] not in ("3", "4"):
            continue
        if v.uren_op(vandaag) is None:
            p_zonder.append(pk)
        else:
            p_met += 1
    assert zonder and met
    assert (zonder, met) == (p_zonder, p_met)


@pytest.mark.django_db
def test_beleidspagina_toont_de_databasetellingen(wereld: Wereld, beleid_client: Client) -> None:
    _bestand(wereld)
    oud = bestandsbeeld_in_de_tijd(wereld.a.gemeente, aantal_maanden=1).nu
    html = beleid_client.get("/beleid/").content.decode()
    assert f"<strong>Klanten in totaal:</strong> {oud.totaal}" in html


@pytest.mark.django_db
def test_beeldopname_alleen_zolang_de_gegevens_niet_veranderen(wereld: Wereld) -> None:
    """PostgreSQL only (the data version is a sequence with triggers; SQLite always counts)."""
    if connection.vendor != "postgresql":
        pytest.skip("de gegevensversie bestaat alleen op PostgreSQL")
    klanten = _bestand(wereld)
    g = wereld.a.gemeente
    telling.bestandsbeeld_nu(g)
    assert Beeldopname.objects.filter(gemeente=g).count() == 1
    # While the version stands, the kept picture is shown as it is (here: made visibly wrong) ...
    Beeldopname.objects.filter(gemeente=g).update(totaal=4242)
    assert telling.bestandsbeeld_nu(g).totaal == 4242
    # ... a change to any of the four tables counts afresh ...
    for wijzig in (
        lambda: Klant.objects.filter(pk=klanten[0].pk).update(fase=klanten[0].fase),
        lambda: TredeWijziging.objects.create(klant=klanten[1], trede="6.0", datum=date.today()),
        lambda: Drempel.objects.create(klant=klanten[2], soort="schulden"),
        lambda: Baan.objects.filter(klant__gemeente=g).first().save(),  # type: ignore[union-attr]
    ):
        Beeldopname.objects.filter(gemeente=g).update(totaal=4242)
        wijzig()
        nu = telling.bestandsbeeld_nu(g)
        oud = bestandsbeeld_in_de_tijd(g, aantal_maanden=1).nu
        assert (nu.totaal, nu.tabellen) == (oud.totaal, oud.tabellen)
    # ... and so does a kept picture older than OPNAME_GELDIG.
    Beeldopname.objects.filter(gemeente=g).update(
        totaal=4242, gemaakt_op=timezone.now() - telling.OPNAME_GELDIG - timedelta(seconds=1)
    )
    oud = bestandsbeeld_in_de_tijd(g, aantal_maanden=1).nu
    assert telling.bestandsbeeld_nu(g).totaal == oud.totaal != 4242
