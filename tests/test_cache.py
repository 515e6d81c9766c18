"""The Redis cache backend (production): one redis-py client per pool, and it still caches."""

import pytest
import redis

from opstap.web.cache import RedisCache

REDIS = "redis://127.0.0.1:6379/12"


def test_een_client_per_pool_en_de_cache_werkt() -> None:
    try:
        redis.Redis.from_url(REDIS).ping()
    except redis.ConnectionError:
        pytest.skip("Redis draait niet op 127.0.0.1:6379 (alleen nodig in productie)")
    cache = RedisCache(REDIS, {"KEY_PREFIX": "opstap-test-cache"})
    assert cache._cache.get_client(write=True) is cache._cache.get_client(write=True)
    cache.set("sleutel", {"waarde": 42}, timeout=5)
    assert cache.get("sleutel") == {"waarde": 42}
    cache.delete("sleutel")
    assert cache.get("sleutel") is None
