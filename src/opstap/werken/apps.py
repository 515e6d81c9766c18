from django.apps import AppConfig


class WerkenConfig(AppConfig):
    """Part-time work next to bijstand: the jobs a client reports (D1)."""

    name = "opstap.werken"
