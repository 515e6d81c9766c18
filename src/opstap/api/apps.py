from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "opstap.api"

    def ready(self) -> None:
        from . import authenticatie  # noqa: F401 -- connects the cache invalidation signals
