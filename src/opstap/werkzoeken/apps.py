from django.apps import AppConfig


class WerkzoekenConfig(AppConfig):
    """The client's own search for work: the duty as maatwerk (C1), CV and letters with a same-day
    check (C2, C6), network (C4), volunteer work and mantelzorg (C5), outcome (C8) and mood (C9)."""

    name = "opstap.werkzoeken"
    verbose_name = "Werk zoeken"
