from django.apps import AppConfig


class VerklaringenConfig(AppConfig):
    """The monthly income declaration (D3) and its settlement (D4): what a part-timer earned, the
    payslip that proves it, and what the municipality pays on top."""

    name = "opstap.verklaringen"

    def ready(self) -> None:
        from . import tasks  # noqa: F401  # registers the task names (opstap/taken.py)
