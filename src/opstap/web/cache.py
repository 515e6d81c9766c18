"""Django's Redis cache, keeping one redis-py client per connection pool.

Django builds a new `redis.Redis` on every cache call; its constructor fills a table of ~170
response callbacks, about 1 ms of CPU each time, and an API call makes several cache calls (rate
limits). The client is thread-safe and holds no connection itself (the pool does), so one per
pool is enough."""

from typing import Any

from django.core.cache.backends import redis as django_redis


class _Client(django_redis.RedisCacheClient):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict[int, Any] = {}

    def get_client(self, key: Any = None, *, write: bool = False) -> Any:
        index = self._get_connection_pool_index(write)  # type: ignore[attr-defined]
        client = self._clients.get(index)
        if client is None:
            client = self._clients[index] = super().get_client(key, write=write)
        return client


class RedisCache(django_redis.RedisCache):
    def __init__(self, server: str, params: dict[str, Any]) -> None:
        super().__init__(server, params)
        self._class = _Client
