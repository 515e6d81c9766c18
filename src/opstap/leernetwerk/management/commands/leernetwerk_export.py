"""`opstap leernetwerk-export --gemeente demodam BESTAND.qdpx`: the learning network's coded
fragments, codebook and memos as a REFI-QDA project, the same as the download on the page."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from opstap.gemeenten.models import Gemeente
from opstap.leernetwerk.export import qdpx


class Command(BaseCommand):
    help = "Schrijft het leernetwerk van een gemeente als REFI-QDA-project (.qdpx)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--gemeente", required=True, help="korte naam, bijv. demodam")
        parser.add_argument("bestand", help="waar het .qdpx-bestand komt")

    def handle(self, *args: Any, **opties: Any) -> None:
        gemeente = Gemeente.objects.filter(slug=opties["gemeente"]).first()
        if gemeente is None:
            raise CommandError(f"Geen gemeente met de korte naam '{opties['gemeente']}'.")
        pad = Path(opties["bestand"])
        try:
            pad.write_bytes(qdpx(gemeente))
        except OSError as fout:
            raise CommandError(f"{pad} kan niet worden geschreven: {fout.strerror}") from fout
        self.stdout.write(f"Geschreven: {pad}")
