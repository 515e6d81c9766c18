from collections.abc import Iterator

import pytest

from django.core.cache import cache

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
