import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = (
        "Lees een loonstrook (PDF, JPEG of PNG) en geef periode, bruto, netto, uren en werkgever "
        "als één JSON-object; wat niet zeker te lezen is, is null."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("bestand", help="De loonstrook: een PDF of een foto (JPEG of PNG).")

    def handle(self, *args: Any, bestand: str, **opties: Any) -> None:
        from loonstrook import lees_uitgebreid, naar_json

        resultaat = lees_uitgebreid(bestand)
        for melding in resultaat.meldingen:
            sys.stderr.write(melding + "\n")
        sys.stdout.write(naar_json(resultaat.velden) + "\n")
