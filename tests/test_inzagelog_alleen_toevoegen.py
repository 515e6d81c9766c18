"""The access log cannot be emptied or changed: not by one entry, not in bulk through the ORM, not
with raw SQL. Runs on SQLite and on PostgreSQL (CI runs the suite on both)."""

from pathlib import Path

import pytest

from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.db.models import ProtectedError
from django.test import Client

from opstap.accounts.models import Rol
from opstap.privacy.models import AlleenToevoegenFout, Inzage
from opstap.privacy.services import inzage_vastleggen
from tests.wereld import Wereld, maak_wereld

SRC = Path(__file__).resolve().parents[1] / "src"


def _log_vullen(wereld: Wereld) -> int:
    cp = wereld.a.gebruikers[Rol.CONTACTPERSOON]
    for klant in (wereld.a.klanten["eigen"], wereld.a.klanten["caseload"]):
        inzage_vastleggen(
            gebruiker=cp, klant=klant, onderdeel="dossier", doel="Begeleiding: het dossier bekeken"
        )
    return Inzage.objects.count()


def _rauw(sql: str, params: list[object] | None = None) -> None:
    # In its own savepoint: on PostgreSQL a refused statement would break the test's transaction.
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, params)


@pytest.mark.django_db
def test_orm_weigert_alles_in_een_keer_te_verwijderen_of_te_wijzigen(wereld: Wereld) -> None:
    aantal = _log_vullen(wereld)
    assert aantal >= 2
    with pytest.raises(AlleenToevoegenFout):
        Inzage.objects.all().delete()
    with pytest.raises(AlleenToevoegenFout):
        Inzage.objects.filter(klant=wereld.a.klanten["eigen"]).delete()
    with pytest.raises(AlleenToevoegenFout):
        Inzage.objects.all().update(doel="niets gezien")
    with pytest.raises(AlleenToevoegenFout):
        Inzage.objects.update(gebruiker=None)
    regels = list(Inzage.objects.all())
    for regel in regels:
        regel.doel = "niets gezien"
    with pytest.raises(AlleenToevoegenFout):
        Inzage.objects.bulk_update(regels, ["doel"])
    assert Inzage.objects.count() == aantal
    assert not Inzage.objects.filter(doel="niets gezien").exists()


@pytest.mark.django_db
def test_database_weigert_delete_en_update_in_sql(wereld: Wereld) -> None:
    aantal = _log_vullen(wereld)
    eerste = Inzage.objects.order_by("pk").first()
    assert eerste is not None
    for sql, params in (
        ("DELETE FROM privacy_inzage", None),
        ("DELETE FROM privacy_inzage WHERE id = %s", [eerste.pk]),
        ("UPDATE privacy_inzage SET doel = 'niets gezien'", None),
        ("UPDATE privacy_inzage SET gebruiker_id = NULL WHERE id = %s", [eerste.pk]),
    ):
        with pytest.raises(IntegrityError, match="inzagelog"):
            _rauw(sql, params)
    assert Inzage.objects.count() == aantal
    assert not Inzage.objects.filter(doel="niets gezien").exists()
    assert Inzage.objects.get(pk=eerste.pk).gebruiker_id is not None


@pytest.mark.django_db
def test_postgresql_weigert_truncate(wereld: Wereld) -> None:
    if connection.vendor != "postgresql":
        pytest.skip(
            "TRUNCATE bestaat alleen in PostgreSQL; SQLite kent alleen DELETE (hierboven getest)."
        )
    aantal = _log_vullen(wereld)
    # The test's own transaction still has deferred foreign-key checks pending, and PostgreSQL
    # refuses TRUNCATE before any trigger while they are; run them now, as a fresh session would.
    _rauw("SET CONSTRAINTS ALL IMMEDIATE")
    for sql in ("TRUNCATE privacy_inzage", "TRUNCATE klanten_klant CASCADE"):
        with pytest.raises(IntegrityError, match="inzagelog"):
            _rauw(sql)
    assert Inzage.objects.count() == aantal


@pytest.mark.django_db
def test_ook_met_de_schakelaar_blijft_wijzigen_geweigerd(wereld: Wereld) -> None:
    """The test-only switch lets the flush remove rows; it never allows rewriting an entry."""
    _log_vullen(wereld)
    aan = {
        "postgresql": "SET LOCAL opstap.inzage_wissen = 'aan'",
        "sqlite": "INSERT INTO privacy_inzage_wissen (aan) VALUES (1)",
    }[connection.vendor]
    with (
        pytest.raises(IntegrityError, match="inzagelog"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(aan)
        cursor.execute("UPDATE privacy_inzage SET doel = 'niets gezien'")
    assert not Inzage.objects.filter(doel="niets gezien").exists()


@pytest.mark.django_db
def test_klant_met_inzagelog_kan_niet_weg(wereld: Wereld) -> None:
    klant = wereld.a.klanten["eigen"]
    cp = Client()
    cp.force_login(wereld.a.gebruikers[Rol.CONTACTPERSOON])
    assert cp.get(f"/werk/klanten/{klant.pk}/").status_code == 200
    with pytest.raises(ProtectedError):
        klant.delete()
    assert Inzage.objects.filter(klant=klant).exists()


@pytest.mark.django_db(transaction=True)
def test_flush_van_de_tests_leegt_het_log_wel(wereld: Wereld) -> None:
    """pytest-django flushes after every transactional test; tests/conftest.py turns the switch on
    for that flush only. Without it this flush (and every live-server test) would fail."""
    assert _log_vullen(wereld) >= 2
    call_command("flush", interactive=False, verbosity=0)
    assert Inzage.objects.count() == 0
    # Afterwards the switch is off again.
    aantal = _log_vullen(maak_wereld())
    with pytest.raises(IntegrityError, match="inzagelog"):
        _rauw("DELETE FROM privacy_inzage")
    assert Inzage.objects.count() == aantal


def test_de_toepassing_zet_de_schakelaar_nooit_aan() -> None:
    """Only the migration that creates the triggers names the switch; no code in src/ sets it."""
    noemen = sorted(
        str(p.relative_to(SRC)) for p in SRC.rglob("*.py") if "inzage_wissen" in p.read_text()
    )
    assert noemen == ["opstap/privacy/migrations/0002_inzage_triggers.py"]
