"""The savings job's fast input (beleid/huishoudens.py: SQL per block, numpy columns, bulk
decryption) gives exactly the households of the per-client path it replaced
(`invoer_voor_klant` → `regels.huishoudens_uit_invoer`), and so exactly the same estimate.

A varied caseload: partners (also under 21 and at the AOW age), children of every age band
(born this month, on the quarter's first day, turning 12 or 16 this month, 17, 18 today, 25,
born after the peildatum), kostendelers, rent with and without service costs (and service costs
without rent), vermogen above the limit and below zero, a medical limit, used vrijlating months,
bijstand since long ago, in the future or unknown, an applicant under 21, exactly 21, at the
AOW age, born on 29 February. Runs on SQLite and, with DATABASE_URL, on PostgreSQL."""

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import numpy as np
import pytest

from django.db import connection
from django.db.models import Prefetch
from django.utils import timezone

import regels
from opstap.accounts.models import Rol
from opstap.beleid import schatting
from opstap.beleid.huishoudens import Invoerbouwer, leeftijden
from opstap.beleid.models import Besparingsschatting
from opstap.inkomen.services import invoer_voor_klant, minimumloon_per_uur
from opstap.klanten.models import Kind, Klant, Partner
from opstap.privacy.models import Inzage
from regels.invoer import leeftijd
from regels.kern import Huishoudens
from tests.wereld import Wereld, maak_klant, nieuwe_bsns

NIVEAUS = [0, 8, 16, 24]


def _jaren_terug(dag: date, jaren: int, dagen: int = 0) -> date:
    """`jaren` years before `dag` (29 February → 28 February), then `dagen` days earlier."""
    try:
        terug = dag.replace(year=dag.year - jaren)
    except ValueError:
        terug = dag.replace(year=dag.year - jaren, day=28)
    return terug - timedelta(days=dagen)


def _bestand(wereld: Wereld, peil: date, vanaf: int = 7000) -> list[int]:
    """Clients with the cases named above; returns their ids."""
    g, cp = wereld.a.gemeente, wereld.a.gebruikers[Rol.CONTACTPERSOON]
    kwartaal = date(peil.year, 3 * ((peil.month - 1) // 3) + 1, 1)
    gevallen: list[dict[str, Any]] = [
        {},
        {"partner": _jaren_terug(peil, 35)},
        {"partner": _jaren_terug(peil, 20)},  # partner under 21: refused
        {"partner": _jaren_terug(peil, 67)},  # partner at the AOW age: refused
        {"partner": _jaren_terug(peil, 45), "kinderen": [_jaren_terug(peil, 3), peil]},
        {"kinderen": [peil.replace(day=1), kwartaal, kwartaal - timedelta(days=1)]},
        {"kinderen": [_jaren_terug(peil, 5, -1), _jaren_terug(peil, 6), _jaren_terug(peil, 11)]},
        {"kinderen": [_jaren_terug(peil, 12), _jaren_terug(peil, 12, 40), _jaren_terug(peil, 15)]},
        {"kinderen": [_jaren_terug(peil, 16), _jaren_terug(peil, 17, 200)]},
        {"kinderen": [_jaren_terug(peil, 18), _jaren_terug(peil, 10)]},  # 18 today: a housemate
        {"kinderen": [_jaren_terug(peil, 25)]},
        {"kinderen": [peil + timedelta(days=1)]},  # born after the peildatum: refused
        {"kinderen": [date(peil.year, 1, 1), date(peil.year - 1, 7, 2), date(peil.year, 7, 1)]},
        {"kostendelers": 1, "kale_huur": Decimal("720.00"), "servicekosten": Decimal("40.00")},
        {"kostendelers": 2, "kale_huur": Decimal("0"), "servicekosten": Decimal("0")},
        {"kale_huur": Decimal("0"), "servicekosten": Decimal("25.00")},  # refused
        {"kale_huur": Decimal("10000.01")},  # above the contract's limit: refused
        {"kale_huur": Decimal("575.29"), "servicekosten": Decimal("0.01")},
        {"vermogen": Decimal("60000.00")},  # above the limit: no bijstand
        {"vermogen": Decimal("-1234.56")},
        {"vermogen": Decimal("7999.99")},
        {"medisch_urenbeperkt": True},
        {"medisch_urenbeperkt": True, "vrijlating_maanden_gebruikt": 3},
        {"vrijlating_maanden_gebruikt": 10, "kinderen": [_jaren_terug(peil, 4)]},
        {"vrijlating_maanden_gebruikt": 601},  # outside the contract: refused
        {"kostendelers": 21},  # outside the contract: refused
        {"bijstand_sinds": None},
        {"bijstand_sinds": peil + timedelta(days=30)},
        {"bijstand_sinds": _jaren_terug(peil, 5, -1)},
        {"bijstand_sinds": _jaren_terug(peil, 101)},  # over 100 years: refused
        {"geboortedatum": _jaren_terug(peil, 20)},  # under 21: refused
        {"geboortedatum": _jaren_terug(peil, 21)},  # 21 today
        {"geboortedatum": _jaren_terug(peil, 21, -1)},  # 21 tomorrow: refused
        {"geboortedatum": _jaren_terug(peil, 67)},  # AOW age: refused
        {"geboortedatum": _jaren_terug(peil, 67, -1)},
        {"geboortedatum": date(1992, 2, 29), "partner": date(1988, 2, 29)},
        {"geboortedatum": peil + timedelta(days=3)},  # not yet born: refused
        {"geboortedatum": _jaren_terug(peil, 24), "huishouden": "alleenstaande_ouder"},
    ]
    ids = []
    bsns = nieuwe_bsns(len(gevallen), vanaf=vanaf)
    for i, (geval, bsn) in enumerate(zip(gevallen, bsns, strict=True)):
        velden = {k: v for k, v in geval.items() if k not in ("partner", "kinderen")}
        velden.setdefault("bijstand_sinds", _jaren_terug(peil, 2))
        velden.setdefault("servicekosten", Decimal("25.00"))
        velden.setdefault("vermogen", Decimal("1500.50"))
        k = maak_klant(g, bsn, f"Snelklant{i}", cp, **velden)
        if "partner" in geval:
            Partner.objects.create(klant=k, geboortedatum=geval["partner"])
        for geboren in geval.get("kinderen", []):
            Kind.objects.create(klant=k, geboortedatum=geboren)
        ids.append(k.pk)
    return ids


def _per_klant(ids: list[int], peil: date) -> tuple[Huishoudens, list[int]]:
    """The per-client path the job used before: ORM, invoer_voor_klant, huishoudens_uit_invoer."""
    klanten = list(
        Klant.objects.filter(pk__in=ids)
        .select_related("partner", "gemeente")
        .prefetch_related(Prefetch("kinderen", queryset=Kind.objects.all()))
        .order_by("pk")
    )
    werk = {"bruto_uurloon": float(minimumloon_per_uur(peil)), "uren_per_week": [0]}
    invoer = [invoer_voor_klant(k, peildatum=peil, werk=werk) for k in klanten]
    huishoudens, geldig, _fouten = regels.huishoudens_uit_invoer(invoer)
    return huishoudens, [klanten[i].pk for i in geldig]


@pytest.mark.django_db
@pytest.mark.parametrize("peil", [date(2026, 2, 28), date(2026, 7, 1), date(2025, 12, 31)])
def test_snelle_invoer_geeft_dezelfde_huishoudens(wereld: Wereld, peil: date) -> None:
    ids = _bestand(wereld, peil)
    verwacht, binnen = _per_klant(ids, peil)
    assert 0 < len(binnen) < len(ids) - 10  # both kinds are there: inside and outside the model

    blok = Invoerbouwer(peil).blok(ids)
    assert blok.ids == sorted(ids)
    assert (blok.binnen, blok.buiten) == (len(binnen), len(ids) - len(binnen))
    for naam, waarde in verwacht.__dict__.items():
        snel = blok.huishoudens[naam]
        assert snel.dtype == waarde.dtype, naam
        assert snel.tolist() == waarde.tolist(), naam
    assert set(blok.huishoudens) == set(verwacht.__dict__)
    # Every rule above was met at least once (the caseload is varied enough to show a mistake).
    assert verwacht.heeft_partner.any() and verwacht.medisch_urenbeperkt.any()
    for naam in ("kinderen_0_5", "kinderen_6_11", "kinderen_12_15", "kinderen_16_17"):
        assert getattr(verwacht, naam).any(), naam
    assert (verwacht.jaren_laag_inkomen == -1).any() and (verwacht.vermogen < 0).any()

    loon = np.full(len(binnen), int(minimumloon_per_uur(peil) * 100), dtype=np.int64)
    een = regels.bereken_batch(peil, verwacht, loon, NIVEAUS, gemeente="demodam")
    twee = regels.bereken_batch(peil, blok.huishoudens, loon, NIVEAUS, gemeente="demodam")
    assert set(een) == set(twee)
    for sleutel in een:
        assert np.array_equal(een[sleutel], twee[sleutel], equal_nan=True), sleutel


@pytest.mark.django_db
def test_blokken_en_lege_blokken(wereld: Wereld) -> None:
    peil = date(2026, 3, 15)
    ids = _bestand(wereld, peil)
    verwacht, binnen = _per_klant(ids, peil)
    bouwer = Invoerbouwer(peil)
    delen = [bouwer.blok(ids[i : i + 7]) for i in range(0, len(ids), 7)]
    assert sum(d.binnen for d in delen) == len(binnen)
    samen = np.concatenate([d.huishoudens["leeftijd"] for d in delen if d.binnen])
    assert samen.tolist() == verwacht.leeftijd.tolist()
    leeg = bouwer.blok([])
    assert (leeg.ids, leeg.binnen, leeg.buiten) == ([], 0, 0)
    # A peildatum the engine does not know: every household is outside, as per client.
    buiten = Invoerbouwer(date(2024, 1, 1)).blok(ids)
    assert (buiten.binnen, buiten.buiten) == (0, len(ids))


def test_leeftijden_zoals_de_rekenregels() -> None:
    geboren = [date(2000, 2, 29), date(2004, 2, 29), date(1990, 3, 1), date(2001, 12, 31)]
    dagen = [date(2026, 2, 28), date(2026, 3, 1), date(2024, 2, 29), date(2025, 12, 31)]
    for op in dagen:
        tabel = np.array(geboren, dtype="datetime64[D]")
        assert leeftijden(tabel, op).tolist() == [leeftijd(g, op) for g in geboren]


def _oude_uitkomst(s: Besparingsschatting, ids: list[int]) -> tuple[list[Any], bool]:
    """What the job computed client by client before (schatting.py up to this change)."""
    uurloon = s.bruto_uurloon or minimumloon_per_uur(s.peildatum)
    uren = [int(u) for u in s.uren]
    huishoudens, binnen = _per_klant(ids, s.peildatum)
    som = schatting._Som(len(uren))
    if binnen:
        loon = np.full(len(binnen), int(uurloon * 100), dtype=np.int64)
        som.voeg_toe(
            regels.bereken_batch(
                s.peildatum,
                huishoudens,
                loon,
                [0, *uren],
                gemeente=s.gemeente.regels_code,
                uitvoer=("bijstand", "totaal_netto_per_maand"),
            )
        )
    return som.samenvatting(uren, len(binnen)), len(binnen) < len(ids)


def _schatting_als_per_klant(wereld: Wereld, monkeypatch: pytest.MonkeyPatch) -> None:
    peil = min(max(timezone.localdate(), date(2025, 7, 1)), date(2026, 12, 31))
    ids = set()
    for keer in range(3):  # enough households for the averages to be shown (suppression)
        ids |= set(_bestand(wereld, peil, vanaf=3000 + 1000 * keer))
    monkeypatch.setattr(schatting, "BLOKGROOTTE", 17)  # several blocks, the last one short
    s = Besparingsschatting.objects.create(
        gemeente=wereld.a.gemeente,
        gestart_door=wereld.a.gebruikers[Rol.BELEIDSMEDEWERKER],
        peildatum=peil,
        treden=["1", "2", "3", "4", "5", "6"],
        uren=[8, 16, 24],
        maandloon_studie=Decimal("523"),
    )
    alle, _werkend = schatting.potentiele_parttimers(s.gemeente, list(s.treden), vandaag=peil)
    assert len(ids - set(alle)) == 3  # not yet in the caseload: bijstand starts next month
    voor = Inzage.objects.count()

    s = schatting.besparing_uitvoeren(s)
    assert s.status == Besparingsschatting.Status.KLAAR and s.aantal_verwerkt == len(alle)
    basis, buiten = _oude_uitkomst(s, alle)
    assert s.resultaat["basis"] == basis
    assert basis[0]["bespaard_per_jaar"] and basis[0]["huishouden_erop_vooruit_per_maand"]
    assert s.resultaat["buiten_model_gemeld"] is buiten is True
    # Every client read has one access-log entry by the system, inside the model or not.
    log = Inzage.objects.filter(klant_id__in=alle, rol="systeem", gebruiker=None)
    assert log.count() == len(alle) == Inzage.objects.count() - voor
    assert sorted(log.values_list("klant_id", flat=True)) == sorted(alle)
    assert set(log.values_list("gemeente_id", flat=True)) == {s.gemeente.pk}
    assert set(log.values_list("onderdeel", flat=True)) == {"huishouden en inkomen"}


@pytest.mark.django_db
def test_de_schatting_rekent_als_per_klant(wereld: Wereld, monkeypatch: pytest.MonkeyPatch) -> None:
    _schatting_als_per_klant(wereld, monkeypatch)


@pytest.mark.django_db(transaction=True)
def test_de_schatting_buiten_een_transactie(
    wereld: Wereld, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Outside a transaction, on PostgreSQL the access log is written by its own thread and
    connection while the job goes on: the same entries, all of them there when the job is done."""
    with schatting._Inzagelog() as log:
        assert (log.pool is not None) == (connection.vendor == "postgresql")
    _schatting_als_per_klant(wereld, monkeypatch)
