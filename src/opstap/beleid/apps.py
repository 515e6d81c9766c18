from django.apps import AppConfig


class BeleidConfig(AppConfig):
    name = "opstap.beleid"

    def ready(self) -> None:
        # Register this app's Celery tasks: services queue them by name (opstap.taken), never by import.
        from . import tasks  # noqa: F401
