from django.apps import AppConfig


class BemiddelingConfig(AppConfig):
    """Finding work with employers: consent, candidates, proposals, feedback, trial days,
    triangle contact moments, meet-ups and work-experience places (C7, C8, E2, E4)."""

    name = "opstap.bemiddeling"
    verbose_name = "Bemiddeling"
