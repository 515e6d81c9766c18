from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "opstap.privacy"
    verbose_name = "Privacy"

    def ready(self) -> None:
        from . import checks  # noqa: F401 - registers the system check
