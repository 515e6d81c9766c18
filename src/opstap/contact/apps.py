from django.apps import AppConfig


class ContactConfig(AppConfig):
    name = "opstap.contact"
    verbose_name = "Contact en begeleiding"

    def ready(self) -> None:
        # Register this app's Celery tasks: services queue them by name (opstap.taken), never by import.
        from . import tasks  # noqa: F401
