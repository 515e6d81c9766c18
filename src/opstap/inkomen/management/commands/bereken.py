import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = "Bereken wat een huishouden overhoudt bij verschillende aantallen uren werk (JSON in, JSON uit)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "invoer", help="JSON-bestand met het huishouden, of - voor standaardinvoer."
        )
        parser.add_argument(
            "--uitleg", action="store_true", help="Voeg de volledige berekening toe."
        )

    def handle(self, *args: Any, invoer: str, uitleg: bool, **opties: Any) -> None:
        from regels.cli import main

        code = main(["bereken", invoer, *(["--uitleg"] if uitleg else [])])
        if code:
            sys.exit(code)
