from django.apps import AppConfig


class LeernetwerkConfig(AppConfig):
    """The learning network (F3): client experiences, de-identified, moderated, coded, discussed."""

    name = "opstap.leernetwerk"
    verbose_name = "Leernetwerk"

    def ready(self) -> None:
        # Register this app's Celery tasks: services queue them by name (opstap.taken), never by import.
        from . import tasks  # noqa: F401
