"""`opstap anonimiseer BESTAND.txt`: print the de-identified text of a Dutch text file.

Identifiers become a placeholder naming their kind ([PERSOON], [ADRES] …, see
docs/leernetwerk.md); everything else, whitespace and punctuation included, is printed unchanged."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from opstap.leernetwerk.anonimiseren import anonimiseer


class Command(BaseCommand):
    help = "Toont de tekst van een bestand zonder namen, adressen en andere gegevens die iemand herkenbaar maken."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("bestand", help="een tekstbestand (UTF-8)")

    def handle(self, *args: Any, **opties: Any) -> None:
        pad = Path(opties["bestand"])
        try:
            tekst = pad.read_text(encoding="utf-8")
        except FileNotFoundError as fout:
            raise CommandError(f"Bestand niet gevonden: {pad}") from fout
        except UnicodeDecodeError as fout:
            raise CommandError(f"{pad} is geen tekstbestand in UTF-8.") from fout
        except OSError as fout:
            raise CommandError(f"{pad} kan niet worden gelezen: {fout.strerror}") from fout
        self.stdout.write(anonimiseer(tekst), ending="")
