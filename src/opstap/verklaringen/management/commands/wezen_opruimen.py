"""`opstap wezen_opruimen`: remove payslip files that no declaration points at.

Such a file is left only when a process was killed after writing it and before its commit (the
client then never saw a receipt). gunicorn runs this once at start (opstap/gunicorn_conf.py) and
Celery beat hourly."""

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from opstap.verklaringen.services import wezen_opruimen


class Command(BaseCommand):
    help = "Verwijder loonstrookbestanden zonder inkomstenverklaring (na een afgebroken upload)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--ouder-dan",
            type=int,
            default=int(settings.OPSTAP_WEZEN_NA_SECONDEN),
            help="Alleen bestanden ouder dan zoveel seconden (een upload kan nog onderweg zijn).",
        )

    def handle(self, *args: Any, **opties: Any) -> None:
        weg = wezen_opruimen(ouder_dan=timedelta(seconds=opties["ouder_dan"]))
        self.stdout.write(f"{weg} bestand(en) zonder verklaring verwijderd.")
