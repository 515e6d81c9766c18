from django.apps import AppConfig


class VacaturesConfig(AppConfig):
    """Vacancies matched to what a client can do (C3, E1): matching, locations, the pages."""

    name = "opstap.vacatures"
