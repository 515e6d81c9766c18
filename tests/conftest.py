from collections.abc import Iterator
from typing import Any

import pytest

from django.core.cache import cache
from django.db.backends.base.operations import BaseDatabaseOperations

from tests.wereld import Wereld, maak_wereld


@pytest.fixture(autouse=True)
def lege_cache() -> Iterator[None]:
    """Login throttling lives in the cache: no test may inherit another's failed attempts."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def wereld(db: None) -> Wereld:
    return maak_wereld()


# The switch the access log's triggers know (privacy migration 0002). Only this fixture sets it.
INZAGELOG_WISSEN = {
    "postgresql": (["SET LOCAL opstap.inzage_wissen = 'aan'"], []),
    "sqlite": (
        ["INSERT INTO privacy_inzage_wissen (aan) VALUES (1)"],
        ["DELETE FROM privacy_inzage_wissen"],
    ),
}


@pytest.fixture(scope="session", autouse=True)
def inzagelog_leeg_alleen_bij_flush() -> Iterator[None]:
    """pytest-django empties the database after every transactional test (live server, browser)
    with Django's flush: DELETE FROM each table on SQLite, one TRUNCATE on PostgreSQL. The access
    log's triggers refuse that, as they must everywhere else. So the switch is turned on inside the
    flush's own transaction only (SET LOCAL ends with it; the SQLite row is removed in it)."""
    origineel = BaseDatabaseOperations.execute_sql_flush

    def execute_sql_flush(self: BaseDatabaseOperations, sql_list: list[str]) -> Any:
        vendor = self.connection.vendor
        voor, na = INZAGELOG_WISSEN.get(vendor, ([], []))
        if (
            vendor == "sqlite"
            and "privacy_inzage_wissen" not in self.connection.introspection.table_names()
        ):
            voor, na = [], []  # built without migrations: no triggers, no switch
        return origineel(self, [*voor, *sql_list, *na])

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(BaseDatabaseOperations, "execute_sql_flush", execute_sql_flush)
        yield
