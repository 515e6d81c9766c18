"""`opstap deduce_klaarzetten`: build deduce's lookup structures once (a few minutes), so that
de-identifying later reads the cache offline in seconds. `make setup` runs it; a second run with
a valid cache does nothing but load it."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from opstap.leernetwerk.anonimiseren import deduce_cachemap, deduce_model


class Command(BaseCommand):
    help = "Zet de opzoeklijsten van deduce klaar (eenmalig, duurt een paar minuten)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--opnieuw", action="store_true", help="ook als ze er al zijn")

    def handle(self, *args: Any, **opties: Any) -> None:
        deduce_model(opnieuw_bouwen=opties["opnieuw"])
        self.stdout.write(f"deduce staat klaar in {deduce_cachemap()}")
